"""Find the period a figure refers to ("In 2023 alone", "In the past 10 months", "currently")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from interpol_tui.analysis.quick_init import quick_init

_SPAN = r"(?:years?|months?|weeks?|days?|decades?|quarters?|hours?)"
_RELATIVE = re.compile(
    r"\b(?:[Ii]n|[Dd]uring|[Oo]ver|[Ff]or|[Ff]rom|[Ww]ithin|[Tt]hroughout|[Ss]ince)\s+"
    r"(?:the\s+)?(?P<period>(?:past|last|previous|preceding|first|next|coming)\s+"
    r"(?:(?:\d+|[a-z]+(?:-[a-z]+)?)\s+)?" + _SPAN + r")\b"
)
_YEAR = re.compile(
    r"\b(?:[Ii]n|[Dd]uring|[Tt]hroughout|[Ss]ince|[Ff]or)\s+(?:the\s+year\s+)?"
    r"(?P<period>(?:1[89]|20)\d\d)(?![\d/])"
)
_DEICTIC = re.compile(
    r"\b(?P<period>[Cc]urrently|[Tt]o date|[Ss]o far|[Tt]his year|[Ll]ast year)\b"
)

# "had quadrupled over five years.": a span of time that closes a clause is a period.
_SPAN_CLOSING = re.compile(
    r"\b(?:[Oo]ver|[Ww]ithin)\s+(?:the\s+)?(?P<period>(?:\d+|[a-z]+(?:-[a-z]+)?)\s+" + _SPAN + r")$"
)
_SPAN_END = re.compile(r"(?:year|month|week|day|decade|quarter|hour)s?(?=[.,;])")

# Anchors that start with plain letters or digits scan fast; the full patterns
# then run only in a window just before each anchor. Every alternative starts
# with a literal character (no group, no class), so the regex engine skips to
# the next possible first character instead of trying the whole pattern at every
# offset (five times faster than "[Cc]urrently|(?:1[89]|20)\d\d|...").
_ANCHOR = re.compile(
    r"past\s|last\s|previous\s|preceding\s|first\s|next\s|coming\s|1[89]\d\d|20\d\d"
    r"|Currently|currently|To date|to date|So far|so far|This year|this year|Last year|last year"
)
_BACK = 32


@quick_init
@dataclass(frozen=True, slots=True)
class Period:
    """A period phrase: its words (``past 10 months``) and the span that holds them."""

    text: str
    start: int
    end: int
    """Offsets of the whole phrase ("In the past 10 months") in the clean text."""
    counted: bool = False
    """True when the phrase holds a number of time units ("past 10 months", "last four years")."""


def find_periods(text: str, start: int = 0, end: int | None = None) -> list[Period]:
    """Return the period phrases in ``text[start:end]``, sorted by offset."""
    stop = len(text) if end is None else end
    found: dict[int, Period] = {}
    for anchor in _ANCHOR.finditer(text, start, stop):
        low = max(start, anchor.start() - _BACK)
        high = min(stop, anchor.end() + 40)
        for pattern in _patterns_for(anchor.group()):
            for match in pattern.finditer(text, low, high):
                if match.start("period") != anchor.start() or match.start() in found:
                    continue
                counted = pattern is _RELATIVE and len(match["period"].split()) > 2
                words = match["period"] if pattern is not _DEICTIC else match["period"].lower()
                found[match.start()] = Period(words, match.start(), match.end(), counted)
    for unit in _SPAN_END.finditer(text, start, stop):
        closing = _SPAN_CLOSING.search(text, max(start, unit.start() - 40), unit.end())
        if closing is not None and closing.start() not in found:
            found[closing.start()] = Period(closing["period"], closing.start(), closing.end(), True)
    return sorted(found.values(), key=lambda period: period.start)


def _patterns_for(anchor: str) -> tuple[re.Pattern[str], ...]:
    """The patterns whose period can start at ``anchor`` (the others are not tried).

    A year anchor ends with a digit, a relative one ("past ") with white space;
    only "last " opens both a relative period ("the last three years") and a
    deictic one ("last year"). The order is the one duplicates are settled by.
    """
    if anchor[-1].isdigit():
        return _YEAR_ONLY
    if anchor[-1].isspace():
        return _RELATIVE_OR_DEICTIC if anchor.startswith("last") else _RELATIVE_ONLY
    return _DEICTIC_ONLY


_YEAR_ONLY = (_YEAR,)
_RELATIVE_ONLY = (_RELATIVE,)
_RELATIVE_OR_DEICTIC = (_RELATIVE, _DEICTIC)
_DEICTIC_ONLY = (_DEICTIC,)


def period_for(periods: list[Period], offset: int) -> str | None:
    """Pick the period that scopes a figure at ``offset``: the nearest one before, else after."""
    before = [p for p in periods if p.end <= offset]
    if before:
        return before[-1].text
    after = [p for p in periods if p.start >= offset]
    return after[0].text if after else None
