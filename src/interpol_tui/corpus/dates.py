"""Recognise a release's publication date in the forms press sites print it."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_MONTH_YEAR = re.compile(
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})", re.IGNORECASE
)
_MONTH_DAY_YEAR = re.compile(
    _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})", re.IGNORECASE
)
_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")
# A line that is a date and nothing else, optionally after a label like "Published:".
# A weekday may precede it too ("Wednesday, 22 March 2017").
_DATE_LINE_PREFIX = re.compile(
    r"^(?:(?:published|posted|updated|date|dated)(?:\s+on)?\s*:?\s*)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?",
    re.IGNORECASE,
)


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """Return the ISO date written at the start of ``text`` ("22 March 2017" -> "2017-03-22")."""
    text = text.strip()
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        match = pattern.match(text)
        if match:
            month = MONTHS[match["month"].lower()]
            return _valid(int(match["year"]), month, int(match["day"]))
    match = _ISO.match(text)
    if match:
        return _valid(int(match["year"]), int(match["month"]), int(match["day"]))
    return None


def date_line(line: str) -> str | None:
    """Return the ISO date when ``line`` is only a date (e.g. a page's byline), else None."""
    stripped = _DATE_LINE_PREFIX.sub("", line.strip()).strip()
    if not stripped or len(stripped) > 40:
        return None
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _ISO):
        match = pattern.fullmatch(stripped.rstrip("."))
        if match:
            return parse_date(stripped)
    return None
