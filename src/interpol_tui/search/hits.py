"""Where a query's terms occur in a long release, found in linear time.

FTS5's ``snippet()`` and ``highlight()`` cost time quadratic in the number of
hits in a row (a 512 KB release of one quoted word took a second, 5 MB would
take minutes), so for a long body the hits are found here instead: body and
terms go through the same fold as quick-open's (case and accents dropped,
punctuation as spaces, as FTS5's ``unicode61 remove_diacritics 2`` tokenizer
does), one regular expression finds every term, and the fold's map gives the
offsets back in the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from interpol_tui.search.fold import fold, fold_with_map, words

Span = tuple[int, int]


def term_pattern(terms: Iterable[str], prefixed: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern over folded text for ``terms`` (words, phrases; ``prefixed`` ones as prefixes)."""
    prefixes = set(prefixed)
    alternatives = []
    for term in terms:
        parts = words(fold(term))
        if not parts:
            continue
        tail = r"\w*" if term in prefixes else r"(?!\w)"
        alternatives.append(r"(?<!\w)" + " +".join(map(re.escape, parts)) + tail)
    return re.compile("|".join(alternatives)) if alternatives else None


def hit_spans(text: str, pattern: re.Pattern[str]) -> list[Span]:
    """Every hit of ``pattern`` (from :func:`term_pattern`) in ``text``, neighbours joined."""
    folded, origin = fold_with_map(text)
    spans: list[Span] = []
    for match in pattern.finditer(folded):
        start, end = origin[match.start()], origin[match.end() - 1] + 1
        if spans and not text[spans[-1][1] : start].strip():
            spans[-1] = (spans[-1][0], end)  # "Jürgen" + "Stock" -> "Jürgen Stock"
        else:
            spans.append((start, end))
    return spans


def snippet_window(
    text: str, spans: list[Span], before_words: int, all_words: int
) -> tuple[str, tuple[Span, ...]]:
    """A passage of ``text``: ``before_words`` words before its first hit, ``all_words`` in all.

    Returns the passage (with "…" where it cuts the text) and the hits inside
    it, as offsets into the passage.
    """
    first = spans[0][0] if spans else 0
    reach = 40  # characters a word may take, at most, for the windows below
    low = max(first - reach * before_words, 0)
    before = text[low:first].rsplit(" ", before_words)
    if low > 0 or len(before) > before_words:
        before = before[1:]  # a word cut by the window, or one too many
    start = first - len(" ".join(before))
    after = text[first : first + reach * all_words].split(" ", all_words - before_words)
    end = first + len(" ".join(after[: all_words - before_words]))
    head = "…" if start > 0 else ""
    shift = len(head) - start
    inside = spans[max(bisect_left(spans, (start, start)) - 1, 0) : bisect_left(spans, (end, end))]
    marks = tuple(
        (max(a, start) + shift, min(b, end) + shift) for a, b in inside if a < end and b > start
    )
    return head + text[start:end] + ("…" if end < len(text) else ""), marks
