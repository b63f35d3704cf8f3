"""The shortcuts of issue 14 in the rules give what the plain code gives.

Each test runs the quick code and the plain one it replaces on sentences of our
own (unicode, curly quotes, hyphens, no digits, all-capital headlines) and on the
seeds, and compares the answers.
"""

from __future__ import annotations

import random
from pathlib import Path

from interpol_tui.analysis import tokens
from interpol_tui.analysis.classify import Lexicon, _by_words
from interpol_tui.analysis.tokens import tokenize

_SEEDS = Path(__file__).resolve().parent.parent / "seeds"

_SENTENCES = [
    "Dr. Andreas met K. Shanmugam, St. Kitts and U.S. Marshals; e.g. A. B. Smith Jr. left.",
    "Prof. Ana Ruiz and Mrs. Lee spoke. Professor. Maria spoke. Dr.Who. Mr. X. Ms. Y.",
    "The Extraordinarily. Long word before a point. Superintendent. Doe wrote. I. Ivanov.",
    "Côte d’Ivoire’s Dr. Kouassi met “Prof. Zhang” – ÉTAT. Ærø and Ωmega. Ñ. Núñez left.",
    "POLICE SEIZE 40 KG IN LYON. DR. SMITH ARRESTED. ST. LOUIS OFFICERS SAY NO MORE.",
    "no digits and no capitals here. nor. here. dr. who? mr. nobody. a. b. c.",
    "Anti-Corruption Dr. Lee-Smith; x-Dr. Kim; 3Dr. Park; .Dr. Ito; -St. Paul; St.. Bad",
]


def _plain_points(text: str, start: int, stop: int) -> list[int]:
    """The abbreviation points as first written: the word read back to its first letter."""
    points: list[int] = []
    point = text.find(". ", start, stop)
    while point != -1:
        if point + 2 < stop and text[point + 2].isupper():
            begin = point
            while begin > start and text[begin - 1].isalpha():
                begin -= 1
            word = text[begin:point]
            boundary = begin == start or not (text[begin - 1].isalnum() or text[begin - 1] in ".-")
            if boundary and (
                word in tokens._ABBREVIATED or (len(word) == 1 and word in tokens._INITIALS)
            ):
                points.append(point)
        point = text.find(". ", point + 2, stop)
    return points


def _seed_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(_SEEDS.glob("*.txt"))]


def test_abbreviation_points_read_back_only_as_far_as_an_abbreviation() -> None:
    texts = _SENTENCES + _seed_texts()
    found = 0
    for text in texts:
        for start in range(0, len(text), 11):
            for stop in (start + 20, len(text)):
                stop = min(stop, len(text))
                quick = tokens._abbreviation_points(text, start, stop)
                assert quick == _plain_points(text, start, stop), (text, start, stop)
                found += len(quick)
    assert found > 50


def test_abbreviation_points_on_random_words() -> None:
    rng = random.Random(14)
    pieces = ["Dr", "Prof", "Profs", "St", "K", "I", "Mrs", "Extraordinary", "é", "Ω", "x", "3"]
    marks = [". ", ".", " ", "-", "’", "\n", ". É", ". A", ". a"]
    for _ in range(3_000):
        text = "".join(rng.choice(pieces) + rng.choice(marks) for _ in range(rng.randint(1, 8)))
        start = rng.randint(0, len(text))
        assert tokens._abbreviation_points(text, start, len(text)) == _plain_points(
            text, start, len(text)
        ), text


def test_lexicon_answers_as_the_uncached_rules_answer() -> None:
    """The two caches of a lexicon (names in capitals and the rest) give the plain answers,
    before and after it learns, for the same name asked both ways."""
    lexicon = Lexicon()
    names = []
    for text in _SENTENCES + _seed_texts():
        run: list[str] = []
        for token in tokenize(text):
            if token.kind == "word" and token.text[0].isupper():
                run.append(token.text)
                names.append(list(run))
            else:
                run = []
    assert len(names) > 200

    def plain(words: list[str], all_caps: bool) -> object:
        name = " ".join(words)
        return lexicon._known(name) or _by_words(tuple(words), all_caps)

    for step, words in enumerate(names):
        for all_caps in (False, True, False):
            assert lexicon.classify(words, all_caps) == plain(words, all_caps), words
        if step % 25 == 0:  # what the release teaches changes the answers
            lexicon.learn("organisations", " ".join(words), " ".join(words))
        if step % 40 == 0:
            lexicon.learn("acronyms", words[0].upper(), " ".join(words))
