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

# Arabic-Indic and Extended Arabic-Indic digits, and the Arabic comma, as ASCII:
# localised pages print "٨ أكتوبر، ٢٠٠٨".
_DIGITS = str.maketrans(
    {
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        "\u060c": ",",
    }
)

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# (?<!\d) rather than \b: a credit glued to the date ("Photo: AGENCY12 May 2011").
_DAY_MONTH_YEAR = re.compile(
    r"(?<!\d)(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+"
    + _MONTH
    + r",?\s+(?P<year>\d{4})(?!\d)",
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(
    r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})(?!\d)",
    re.IGNORECASE,
)
# "2017-03-22", and "2017/03/22" as Asian and some European sites write it.
_ISO = re.compile(
    r"(?<![\d/.])(?P<year>\d{4})([-/.])(?P<month>\d{1,2})\2(?P<day>\d{1,2})(?![\d/.])"
)
# "06/03/2013", "6.3.2013": day first, as international bodies write it.
_NUMERIC = re.compile(r"(?<![\d/.])(?P<a>\d{1,2})([/.])(?P<b>\d{1,2})\2(?P<year>\d{4})(?![\d/])")
_YEAR = re.compile(r"\d{4}")
_PATTERNS = (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _ISO, _NUMERIC)

# A line that is a date and nothing else, optionally after a label like "Published:".
# A weekday may precede it too ("Wednesday, 22 March 2017").
_DATE_LINE_PREFIX = re.compile(
    r"^(?:(?:(?:first\s+|last\s+)?(?:published|posted|updated|modified|released|issued)|"
    r"date\s+of\s+(?:publication|release)|(?:release|publication)\s+date|dated|date)"
    r"(?:\s+on)?\s*:?\s*)?"
    r"(?:(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|wed|thu|fri|sat|sun)\.?),?\s+)?",
    re.IGNORECASE,
)
_MAX_DATE_LINE_CHARS = 40


_ARABIC = re.compile("[\u0660-\u0669\u06f0-\u06f9\u060c]")


def ascii_digits(text: str) -> str:
    """``text`` with Arabic-Indic digits and the Arabic comma in ASCII (same length)."""
    # str.translate walks every character; most text has nothing to translate.
    return text.translate(_DIGITS) if _ARABIC.search(text) else text


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _iso_of(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if "a" in groups:
        first, second = int(groups["a"]), int(groups["b"])
        # Day first unless that is impossible ("12/25/2017" is month first).
        return _valid(year, first, second) if second > 12 else _valid(year, second, first)
    month = groups["month"]
    number = int(month) if month.isdigit() else MONTHS[month.lower()]
    return _valid(year, number, int(groups["day"]))


def find_date(text: str) -> tuple[str, int, int] | None:
    """Return ``(iso, start, end)`` of the first written date in ``text``, or None."""
    text = ascii_digits(text)
    if not _YEAR.search(text):
        return None  # every form here has a four-digit year: the cheap test first
    best: tuple[str, int, int] | None = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if best is not None and match.start() >= best[1]:
                break
            iso = _iso_of(match)
            if iso:
                best = (iso, match.start(), match.end())
                break
    return best


def parse_date(text: str) -> str | None:
    """Return the ISO date written at the start of ``text`` ("22 March 2017" -> "2017-03-22")."""
    found = find_date(text.strip())
    return found[0] if found and found[1] == 0 else None


def date_line(line: str) -> str | None:
    """Return the ISO date when ``line`` is only a date (e.g. a page's byline), else None."""
    stripped = _DATE_LINE_PREFIX.sub("", ascii_digits(line.strip())).strip().rstrip(".")
    if not stripped or len(stripped) > _MAX_DATE_LINE_CHARS:
        return None
    found = find_date(stripped)
    if found and found[1] == 0 and found[2] == len(stripped):
        return found[0]
    return None


def strip_date_label(line: str) -> str:
    """``line`` without a leading "Published:" label or weekday."""
    return _DATE_LINE_PREFIX.sub("", line.strip()).strip()
