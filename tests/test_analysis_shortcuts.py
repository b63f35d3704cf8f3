"""The analysis's speed shortcuts give exactly what the plain regex search gives.

Some hot regexes are run only where they can match (``qualifiers.qualifier_before``,
``captions._has_photo_words``). Each is checked here against the full search it
stands for, on generated strings that put the words they look for in every
case, with odd white space and the non-ASCII letters that case-blind matching
folds ("ſ", "İ", "ı", "K"), so a new qualifier or photo word the shortcut does
not cover fails here.
"""

from __future__ import annotations

import random

from interpol_tui.analysis import captions, qualifiers
from interpol_tui.analysis.lexicons import QUALIFIER_BEFORE, QUALIFIERS

_ODD = ["ſ", "İ", "ı", "K", "é", "\u00a0", "\t", "\n", " ", "  ", "-", ",", "(", ")", ":", "x"]


def _strings(pieces: list[str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 9))) for _ in range(count)]


def _span(match: object) -> object:
    return None if match is None else (match.span(), match.groupdict())  # type: ignore[attr-defined]


def test_qualifier_shortcut_matches_the_full_search() -> None:
    words = [*QUALIFIERS, *(q.upper() for q in QUALIFIERS), *(q.title() for q in QUALIFIERS)]
    pieces = [*words, "between", "BETWEEN", "and", "USD", "$", "2", "3,000", "million", *_ODD]
    found = 0
    endings = _strings([*words, " ", "\t", "", "ſome", "İn"], 20_000, seed=3)
    for text, ending in zip(_strings(pieces, 20_000, seed=1), endings, strict=True):
        text = (text + ending + " ")[-45:]
        full = QUALIFIER_BEFORE.search(text) or qualifiers._RANGE_BEFORE.search(text)
        found += full is not None
        assert _span(qualifiers.qualifier_before(text)) == _span(full), text
    assert found > 500  # the strings do hold qualifiers


def test_photo_word_shortcut_matches_the_full_search() -> None:
    pieces = [
        "pictured", "PHOTO", "Photograph", "credit", "seen here", "shown HERE", "such as here",
        "including this man", "INCLUDING THIS SUSPECT", "from left to right", "Left To Right",
        "(l-r)", "(L-R)", "(from left)", "(Photo", "image", "Image:", "word", *_ODD,
    ]  # fmt: skip
    found = 0
    for text in _strings(pieces, 20_000, seed=2):
        full = captions._PHOTO_WORDS.search(text) is not None
        found += full
        assert captions._has_photo_words(text) == full, text
    assert found > 500
