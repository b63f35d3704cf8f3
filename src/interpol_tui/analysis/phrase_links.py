"""Whether two counted phrases are near enough to compare their facts one by one.

Grouping a large corpus links phrases that share a word when
:func:`~interpol_tui.analysis.grouping.phrase_similarity` reaches a threshold:
millions of pairs at 100,000 releases. Only the yes or no matters there, so
:func:`linked` asks the cheap question first (one phrase's words within the
other's, which :func:`phrase_similarity` scores at least :data:`CONTAINED`)
and tells rapidfuzz the score below which it may stop. The answer is that of
``phrase_similarity(a, b) >= threshold`` (``tests/test_phrase_links.py``).
"""

from __future__ import annotations

from rapidfuzz import fuzz

CONTAINED = 0.7
"""The least :func:`~interpol_tui.analysis.grouping.phrase_similarity` gives two phrases one of
whose words are all within the other's (0.85 with the same last word)."""


def linked(
    a: str, b: str, words_a: frozenset[str], words_b: frozenset[str], at_least: float
) -> bool:
    """``phrase_similarity(a, b) >= at_least`` for two non-empty phrases and their word sets."""
    if a == b:
        return True
    if words_a <= words_b or words_b <= words_a:
        if at_least <= CONTAINED:
            return True
        from interpol_tui.analysis.grouping import phrase_similarity

        return phrase_similarity(a, b) >= at_least
    # Below the threshold rapidfuzz gives 0 (a point lower, so rounding never differs).
    score = fuzz.token_sort_ratio(a, b, score_cutoff=max(at_least * 100 - 1, 0))
    return score / 100 >= at_least
