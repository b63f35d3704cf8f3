"""Proportions and changes written in words: "one in five", "a third", "about half", "doubled".

Values are fractions (``kind="fraction"``: "a third" -> 0.333…) or factors
(``kind="factor"``: "tripled" -> 3), so they are never added to counts.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from interpol_tui.analysis.counted import canonical_phrase, is_plural, noun_phrase
from interpol_tui.analysis.lexicons import QUALIFIER_BEFORE, QUALIFIERS
from interpol_tui.analysis.model import Figure
from interpol_tui.analysis.numbers import parse_digits, word_value
from interpol_tui.analysis.overlap import Claims
from interpol_tui.analysis.sentences import SentenceIndex
from interpol_tui.analysis.tokens import Token

_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4}
_DENOMINATORS |= {"fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}
_CHANGES = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5}
# After "a third" a verb, "of" or punctuation: a share ("a third were pills"), not an
# ordinal before a noun ("a third country").
_SHARE_FOLLOWERS = frozenset(
    {"of", "were", "was", "are", "is", "have", "has", "had", "since", "compared"}
    | {"in", "from", "to", "by", ",", ".", ";", ":", ")", "–"}
)
_COPULAS = frozenset({"were", "was", "are", "is"})
_CLAUSE_BREAKS = frozenset({"has", "have", "had", "was", "were", "is", "are", "said", "that"})
_DETERMINERS = frozenset({"the", "a", "an", "these", "those", "that", "this", "its", "their"})


def _number(token: Token) -> float | None:
    if token.kind == "number":
        return parse_digits(token.text)
    value = word_value(token.text)
    return float(value) if value is not None else None


def _read(tokens: list[Token], i: int) -> tuple[int, float, str] | None:
    """(last token index, value, kind) of a proportion or change starting at ``tokens[i]``."""
    lower = tokens[i].text.lower()
    if lower in _CHANGES:
        return i, _CHANGES[lower], "factor"
    if lower == "half":
        return _read_half(tokens, i)
    if "-" in lower:  # "three-quarters", "two-thirds"
        head, _, tail = lower.partition("-")
        numerator = _number(Token(head, 0, 0, "word"))
        if numerator is not None and tail in _DENOMINATORS and tail.endswith("s"):
            return i, numerator / _DENOMINATORS[tail], "fraction"
        return None
    numerator = 1.0 if lower in ("a", "an") else _number(tokens[i])
    if numerator is None or i + 1 >= len(tokens):
        return None
    nxt = tokens[i + 1].text.lower()
    if nxt in _DENOMINATORS and nxt != "half":
        return _read_share(tokens, i, numerator)
    return _read_ratio(tokens, i, numerator)


def _read_half(tokens: list[Token], i: int) -> tuple[int, float, str] | None:
    """ "about half", "half of the tablets"; not "the first half"."""
    previous = tokens[i - 1].text.lower() if i else ""
    nxt = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
    if previous not in _ORDINALS and (nxt == "of" or previous in _QUALIFIER_ENDS):
        return i, 0.5, "fraction"
    return None


def _read_share(tokens: list[Token], i: int, numerator: float) -> tuple[int, float, str] | None:
    """ "a third were pills", "two fifths of", "by a quarter"; not "a third country"."""
    denominator = tokens[i + 1].text.lower()
    after = tokens[i + 2].text.lower() if i + 2 < len(tokens) else "."
    by = i > 0 and tokens[i - 1].text.lower() == "by"
    plural_ok = denominator.endswith("s") == (numerator > 1)
    if plural_ok and (after in _SHARE_FOLLOWERS or by):
        return i + 1, numerator / _DENOMINATORS[denominator], "fraction"
    return None


def _read_ratio(tokens: list[Token], i: int, numerator: float) -> tuple[int, float, str] | None:
    """ "one in five", "nine out of ten", "one in every four"."""
    nxt = tokens[i + 1].text.lower()
    if nxt == "out" and i + 3 < len(tokens) and tokens[i + 2].text == "of":
        nxt, i = "in", i + 1  # "nine out of ten" reads as "nine in ten"
    if nxt != "in" or i + 2 >= len(tokens) or tokens[i].text.lower() in ("a", "an"):
        return None
    k = i + 2
    if tokens[k].text.lower() == "every" and k + 1 < len(tokens):
        k += 1
    denominator = _number(tokens[k])
    if denominator and denominator > numerator and numerator <= 10:
        return k, numerator / denominator, "fraction"
    return None


_SMALL = r"(?:two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand)\b"
# Where a proportion may stand. Words first checked with ``in`` on the lower-cased
# text: a regex alternation scans every position and most releases have none.
_STEMS = (
    "doubl",
    "tripl",
    "trebl",
    "quadrupl",
    "halv",
    "half",
    "third",
    "quarter",
    "fifth",
    "tenth",
)
_WORDS = re.compile(
    r"\b(?:(?P<alone>(?:[Dd]oubled|[Tt]ripled|[Tt]rebled|[Qq]uadrupled|[Hh]alved|half"
    r"|[A-Za-z]+-(?:thirds|quarters|fifths|tenths)))"
    r"|(?P<denominator>thirds?|quarters?|fifths?|tenths?))"
)
_RATIO = re.compile(r"\s(?P<ratio>in|out of) (?:every )?(?:\d|" + _SMALL + ")")


def _start(token: Token) -> int:
    return token.start


def _numeral_before(text: str, end: int) -> bool:
    """True when the word ending at ``end`` is a number ("one" in "one in five")."""
    begin = text.rfind(" ", max(0, end - 12), end) + 1
    word = text[begin:end]
    return word.isdigit() or word_value(word) is not None


def _candidates(text: str) -> list[tuple[int, str]]:
    """(offset, kind) of each place a proportion may start, in text order."""
    found = [
        (m.start("ratio"), "ratio")
        for m in _RATIO.finditer(text)
        if _numeral_before(text, m.start())
    ]
    lower = text.lower()
    if any(stem in lower for stem in _STEMS):
        found += [(m.start(), m.lastgroup or "alone") for m in _WORDS.finditer(text)]
        found.sort()
    return found


_ORDINALS = frozenset({"first", "second", "last", "final"})
_QUALIFIER_ENDS = frozenset(q.split(" ")[-1] for q in QUALIFIERS) | {"by", "than"}


def _counts(tokens: list[Token], first: int, last: int, floor: int) -> str:
    """What the proportion is of: "of the products", "were pills", or the clause's subject."""
    j = last + 1
    if j < len(tokens) and is_plural(tokens[j].text) and tokens[j].text.islower():
        words, _end = noun_phrase(tokens, j)  # "one in three firearms"
        if words:
            return canonical_phrase(words, floor)
    if j < len(tokens) and tokens[j].text.lower() in ("of", *_COPULAS):
        j += 1
        while j < len(tokens) and tokens[j].text.lower() in _DETERMINERS:
            j += 1
        words, _end = noun_phrase(tokens, j)
        if not words and j + 1 < len(tokens):
            words, _end = noun_phrase(tokens, j + 1)  # "were unapproved slimming pills"
        if words:
            return canonical_phrase(words, floor)
    # "the number of websites ... had doubled", "Fraud losses ... have risen by a quarter".
    k = first
    while k > 0 and tokens[k - 1].start >= floor and tokens[k - 1].text not in (",", ";"):
        k -= 1
        if tokens[k].text.lower() in ("said", "that", "says"):
            k += 1
            break
    while k < first and tokens[k].text.lower() in _DETERMINERS:
        k += 1
    if k + 1 < first and tokens[k].text.lower() == "number" and tokens[k + 1].text == "of":
        k += 2
    words, _end = noun_phrase(tokens, k)
    return canonical_phrase(words, floor) if words else "amount"


def fill_factor_counts(figures: list[Figure], tokens: list[Token]) -> list[Figure]:
    """Name what a bare factor counts from its clause ("Identifications rose fivefold")."""
    filled = []
    for figure in figures:
        if figure.kind == "factor" and not figure.counts:
            index = bisect_left(tokens, figure.start, key=_start)
            figure = replace(figure, counts=_counts(tokens, index, index, figure.sentence_start))
        filled.append(figure)
    return filled


def find_proportions(
    text: str, tokens: list[Token], sentences: SentenceIndex, claims: Claims
) -> list[Figure]:
    """Return proportion and change figures that overlap no span in ``claims``."""
    found: list[Figure] = []
    for offset, kind in _candidates(text):
        index = bisect_left(tokens, offset, key=_start)
        if index >= len(tokens) or tokens[index].start != offset:
            continue
        # "a third" and "one in five" start one word before the match; the rest at it.
        i = index if kind == "alone" else index - 1
        if i < 0 or (found and tokens[i].start < found[-1].end):
            continue
        token = tokens[i]
        read = _read(tokens, i)
        if read is None:
            continue
        last, value, kind = read
        start, end = token.start, tokens[last].end
        if claims.overlaps(start, end):
            continue
        sentence = sentences.at(start)
        qualifier = None
        head = max(sentence.start, start - 40)
        match = QUALIFIER_BEFORE.search(text[head:start])
        if match:
            qualifier = match["q"].lower()
            start = head + match.start()
        found.append(
            Figure(
                start=start,
                end=end,
                text=text[start:end],
                value=value,
                unit=None,
                qualifier=qualifier,
                counts=_counts(tokens, i, last, sentence.start),
                sentence=text[sentence.start : sentence.end],
                sentence_start=sentence.start,
                kind=kind,
            )
        )
    return found
