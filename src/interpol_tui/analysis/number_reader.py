"""Read the number a figure starts with: digits or words, scale words, "-fold", "four-day"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from interpol_tui.analysis.lexicons import QUALIFIERS, SINGLE_UNITS, TIME_UNITS
from interpol_tui.analysis.numbers import (
    SCALES,
    SHORT_SCALES,
    TENS,
    UNITS,
    combine_words,
    fold_value,
    parse_digits,
    word_value,
)
from interpol_tui.analysis.tokens import Token

_DURATION_WORD = re.compile(
    r"(?P<number>[a-z]+(?:-[a-z]+)?)-(?P<unit>second|minute|hour|day|week|month|year)s?"
    r"(?:-long|-old)?",
    re.IGNORECASE,
)
_START_WORDS = frozenset(UNITS) | frozenset(TENS) | {"a", "an"}
START_FORMS = _START_WORDS | {w.capitalize() for w in _START_WORDS} | {"A", "An"}
"""Words a number may start with, as written (the coarse filter before reading)."""


def may_start_number(token: Token) -> bool:
    """A cheap test before reading: digits, a number word, "a"/"an", "-fold" or "four-day"."""
    kind = token.kind
    if kind == "number":
        return True
    if kind != "word":
        return False
    lower = token.text.lower()
    return (
        lower in _START_WORDS
        or lower.endswith("fold")
        or ("-" in lower and lower.partition("-")[0] in _START_WORDS)
    )


_NUMBER_WORDS_SKIP = frozenset({"one", "zero"})
"""Spelled "one" is mostly a pronoun or rhetoric ("just one officer"), not a statistic."""


@dataclass
class Core:
    """A number being read: its token range, value and what was found around it."""

    first: int
    last: int
    value: float
    kind: str = "count"
    unit: str | None = None
    counts_hint: str | None = None


def read_core(tokens: list[Token], i: int) -> Core | None:
    """Read the number starting at ``tokens[i]``, with its scale words; None if none starts."""
    token = tokens[i]
    lower = token.text.lower()
    if token.kind == "number":
        value = parse_digits(token.text)
        if value is None:
            return None
        core = Core(i, i, value)
    elif token.kind == "word":
        # Both patterns need what they end with or hold: "a", "an" and "seven" skip them.
        fold = fold_value(lower) if lower.endswith("fold") else None
        if fold is not None and lower not in SCALES:
            return Core(i, i, fold, kind="factor")
        duration = _DURATION_WORD.fullmatch(token.text) if "-" in token.text else None
        if duration and word_value(duration["number"]) is not None:
            number = float(word_value(duration["number"]) or 0)
            unit = TIME_UNITS[duration["unit"].lower()]
            return Core(i, i, number, kind="duration", counts_hint=unit)
        if lower in ("a", "an"):
            return _read_article(tokens, i)
        if word_value(lower) is None or (
            lower in _NUMBER_WORDS_SKIP and not _scale_follows(tokens, i)
        ):
            return None
        j = i
        words = [lower]
        while j + 1 < len(tokens) and (
            word_value(tokens[j + 1].text) is not None
            or tokens[j + 1].text.lower() in ("hundred", "thousand")
            or _and_goes_on(tokens, j, words[-1])
        ):
            j += 1
            words.append(tokens[j].text.lower())
        combined = combine_words(words)
        if combined is None:
            return None
        core = Core(i, j, combined)
    else:
        return None
    return _echo(tokens, _extend_scale(tokens, core))


def _read_article(tokens: list[Token], i: int) -> Core | None:
    """ "a million", "a hundredfold", "a tonne": "a" or "an" as the number one."""
    if i + 1 >= len(tokens):
        return None
    nxt = tokens[i + 1].text.lower()
    if nxt in SCALES and nxt != "hundred":
        return _extend_scale(tokens, Core(i, i + 1, float(SCALES[nxt])))
    fold = fold_value(nxt) if nxt.endswith("fold") else None
    if fold is not None and nxt not in SCALES:
        return Core(i, i + 1, fold, kind="factor")
    if _one_unit(tokens, i):
        return Core(i, i, 1.0)  # "over a tonne": the unit is read after the number
    return None


def _one_unit(tokens: list[Token], i: int) -> bool:
    """ "over a tonne", "a kilogram of heroin": "a" is one of a unit of measure."""
    if i + 1 >= len(tokens) or tokens[i + 1].text.lower() not in SINGLE_UNITS:
        return False
    of_after = i + 2 < len(tokens) and tokens[i + 2].text == "of"
    hedged = i > 0 and tokens[i - 1].text.lower() in _HEDGE_ENDS
    return of_after or hedged


_HEDGE_ENDS = frozenset(q.split(" ")[-1] for q in QUALIFIERS)


def _echo(tokens: list[Token], core: Core) -> Core:
    """ "seventy (70) experts": the digits in brackets repeat the number and belong to it."""
    j = core.last + 1
    if (
        j + 2 < len(tokens)
        and tokens[j].text == "("
        and tokens[j + 2].text == ")"
        and tokens[j + 1].kind == "number"
        and parse_digits(tokens[j + 1].text) == core.value
    ):
        core.last = j + 2
    return core


def _and_goes_on(tokens: list[Token], j: int, last_word: str) -> bool:
    """ "two hundred and fifty": "and" after a scale word, before a number word."""
    return (
        last_word in ("hundred", "thousand")
        and tokens[j + 1].text == "and"
        and j + 2 < len(tokens)
        and word_value(tokens[j + 2].text) is not None
    )


def _scale_follows(tokens: list[Token], i: int) -> bool:
    return i + 1 < len(tokens) and tokens[i + 1].text.lower() in SCALES


def _extend_scale(tokens: list[Token], core: Core) -> Core:
    """Multiply by "million"/"billion" or an attached "m"/"bn" after the number."""
    j = core.last + 1
    if j < len(tokens):
        word = tokens[j].text.lower()
        if (word in SCALES and word != "hundred") or (
            word == "hundred" and tokens[core.last].kind == "word"
        ):
            core.value *= SCALES[word]
            core.last = j
        elif word in SHORT_SCALES and tokens[j].start == tokens[core.last].end:
            core.value *= SHORT_SCALES[word]
            core.last = j
    return core
