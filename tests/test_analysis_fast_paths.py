"""The analysis's fast paths give exactly what the plain code they replace gives.

Each shortcut of the per-release analysis (a scan read without match objects,
a pattern rewritten so the regex engine can skip ahead, a check that skips a
rule when its words are absent) is compared here with the plain version,
written out in this file, on sentences of our own, the seeds and random text.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from interpol_tui.analysis import tokens
from interpol_tui.analysis.tokens import Token, tokenize

SEEDS = Path(__file__).parent.parent / "seeds"
UNSEEN = Path(__file__).parent / "data" / "unseen"

SENTENCES = [
    "Dr. Andreas Mueller of the U.S. Marshals Service said 1 533 cases were closed.",
    "K. Shanmugam met officers in Côte d’Ivoire; 30\u00a0000 parcels (2,5 tonnes) were seized.",
    "INTERPOL’s I-Familia database held ninety-nine profiles, O'Brien said: “Da’esh 3G B2B”.",
    "Operation Haechi V. Officers seized 54kg and 12 km of cable, 1.000.000 USD, 7/24.",
    "  \n\n\tTrailing space, tabs\tand a dot at the end. ",
    "snake_case_words, ²superscripts, ٣ Arabic digits, ＦＵＬＬ width and 12\u202f345 items",
    "St. Kitts, No. 5, U.N.-led, e.g. A. B. Smith and 1 23 4567 89 000",
    "",
]


def _plain_tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokenising as it was written first: one match object per token."""
    stop = len(text) if end is None else end
    found = [
        Token(m.group(), m.start(), m.end(), m.lastgroup or "punct")
        for m in tokens._TOKEN.finditer(text, start, stop)
    ]
    for point in reversed(tokens._abbreviation_points(text, start, stop)):
        index = next((i for i, t in enumerate(found) if t.start >= point), len(found))
        if 0 < index < len(found) and found[index].start == point:
            word = found[index - 1]
            found[index - 1 : index + 1] = [Token(word.text + ".", word.start, point + 1, "word")]
    return found


def _fields(found: list[Token]) -> list[tuple[str, int, int, str]]:
    return [(t.text, t.start, t.end, t.kind) for t in found]


def _random_texts(count: int) -> list[str]:
    rng = random.Random(14)
    alphabet = "aZ9 .,-’'\u00a0\u202f\n()“”Dr.K.0123_é²\t"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80))) for _ in range(count)]


def _release_texts() -> list[str]:
    return [
        p.read_text(encoding="utf-8") for p in sorted([*SEEDS.glob("*"), *UNSEEN.glob("*.txt")])
    ]


@pytest.mark.parametrize("text", SENTENCES)
def test_tokenize_matches_the_plain_tokenizer(text: str) -> None:
    assert _fields(tokenize(text)) == _fields(_plain_tokenize(text))


def test_tokenize_matches_on_releases_random_text_and_slices() -> None:
    texts = _release_texts() + _random_texts(400)
    assert len(texts) > 400
    for text in texts:
        assert _fields(tokenize(text)) == _fields(_plain_tokenize(text))
        middle = len(text) // 3
        assert _fields(tokenize(text, middle, 2 * middle)) == _fields(
            _plain_tokenize(text, middle, 2 * middle)
        )


def test_tokens_are_whole_tokens() -> None:
    """The fast tokenizer's objects behave as ones made by the constructor."""
    (token,) = tokenize("INTERPOL")
    assert repr(token) == "Token('INTERPOL', 0, 8, 'word')"
    assert token.is_capitalised and token.is_upper
    assert [(t.text, t.kind) for t in tokenize("12 345 cases")] == [
        ("12 345", "number"),
        ("cases", "word"),
    ]
