"""The grouping's phrase links (analysis/phrase_links.py) answer as phrase_similarity does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from interpol_tui.analysis.grouping import KEY_LINK, phrase_key, phrase_similarity
from interpol_tui.analysis.phrase_links import CONTAINED, linked

WORDS = ["member", "country", "countries", "officer", "suspect", "tonne", "cocaine", "arrest"]
WORDS += ["victim", "rescued", "case", "fraud", "delegate", "state", "nation", "kilogram", "a"]

phrases = st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map(" ".join)


def _check(a: str, b: str, at_least: float) -> None:
    words_a, words_b = frozenset(a.split()), frozenset(b.split())
    assert linked(a, b, words_a, words_b, at_least) == (phrase_similarity(a, b) >= at_least)


@settings(max_examples=400, deadline=None)
@given(phrases, phrases, st.sampled_from([KEY_LINK, 0.3, 0.62, CONTAINED, 0.8, 0.86, 0.95]))
def test_linked_is_the_similarity_reaching_the_threshold(a: str, b: str, at_least: float) -> None:
    _check(a, b, at_least)


def test_linked_on_phrases_near_the_threshold() -> None:
    # Pairs whose scores fall on both sides of the link, contained phrases among them.
    pairs = [
        ("member country", "country"),
        ("member country", "member state"),
        ("tonne cocaine", "kilogram cocaine"),
        ("suspect", "suspect arrested"),
        ("victim rescued", "victim"),
        ("officer", "delegate"),
        ("case fraud", "fraud case"),
    ]
    scores = [phrase_similarity(phrase_key(a), phrase_key(b)) for a, b in pairs]
    assert min(scores) < KEY_LINK < max(scores)  # the pairs straddle the link
    for a, b in pairs:
        for at_least in (KEY_LINK, 0.75, 0.9):
            _check(phrase_key(a), phrase_key(b), at_least)
