"""Find dates and years used as dates ("22 March", "July 2015", "In 2017", "18 – 21 October")."""

from __future__ import annotations

import re

from interpol_tui.analysis.lexicons import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from interpol_tui.analysis.model import DateSpan
from interpol_tui.analysis.overlap import Claims
from interpol_tui.corpus.dates import MONTHS as MONTH_NUMBERS

_FULL_MONTHS = "|".join(MONTHS)
_MONTH_NAMES = _FULL_MONTHS + "|" + "|".join(MONTH_ABBREVIATIONS)
_WEEKDAYS = "|".join(WEEKDAYS)
_MONTH = rf"(?P<month>{_MONTH_NAMES})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_RANGE_DAY = r"(?:[0-3]?\d(?:st|nd|rd|th)?\s*(?:[-–—]|to|and)\s*)"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_WEEKDAY = rf"(?:(?:{_WEEKDAYS}),?\s+)?"

# Longest forms first; month names are capitalised so "may" the verb is never a date.
_DATES = (
    re.compile(rf"\b{_WEEKDAY}{_RANGE_DAY}?{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?\b"),
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY}(?:\s*[-–]\s*[0-3]?\d)?(?:,?\s+{_YEAR})?(?!\d)\b"),
    re.compile(rf"\b{_MONTH}\s+{_YEAR}\b"),
)
# A month alone is a date after a word that introduces a time ("in March", "between May").
_MONTH_ALONE = re.compile(
    r"\b(?:in|In|since|Since|until|between|from|From|by|during|During|and|to)\s+"
    rf"(?P<date>(?:(?:early|mid|late)[- ])?(?P<month>{_FULL_MONTHS}))\b(?!\s+\d)"
)
# Anchors: patterns that start with a plain character scan fast; the full date
# patterns then run only in a small window around each anchor.
_MONTH_ANCHOR = re.compile(rf"(?:{_MONTH_NAMES})(?![a-z])")
_WEEKDAY_ANCHOR = re.compile(rf"(?:{_WEEKDAYS})(?![a-z])(?!,?\s+\d)")
_YEAR_ANCHOR = re.compile(r"(?:1[89]|20)\d\d")
_WINDOW = 40
_DIGIT = re.compile(r"\d")
_DECADE_AFTER = re.compile(r"0s\b")
_RANGE_AFTER = re.compile(r"\s*[-–]\s*(?:1[89]\d\d|20\d\d|\d\d)(?![\d/])")
# Words before a number that make it a label, not a year ("Resolution 2178").
NUMBER_LABELS = frozenset(
    """
resolution resolutions no number article articles section chapter paragraph room flight
case code page pages item annex rule regulation decision act law phase
    """.split()  # noqa: SIM905
)
# Qualifiers before a four-digit number that make it a count ("some 2000 officers").
_COUNT_CUES = frozenset(
    ["some", "about", "around", "over", "nearly", "almost", "approximately", "than", "to", "least"]
)
_YEAR_PREPOSITIONS = frozenset({"for", "of", "since", "during", "until", "throughout"})
_NEXT_WORD = re.compile(r"\s*([A-Za-z][A-Za-z-]*)")
_PREV_WORD = re.compile(r"([A-Za-z]+)\.?\s*$")


def _iso(year: str | None, month: str | None, day: str | None) -> str | None:
    if year is None:
        return None
    if month is None:
        return year
    number = MONTH_NUMBERS[month.lower().rstrip(".")]
    if day is None:
        return f"{year}-{number:02d}"
    return f"{year}-{number:02d}-{int(day):02d}"


def previous_word(text: str, offset: int) -> str:
    """Return the lower-cased word just before ``offset`` ("" when there is none)."""
    match = _PREV_WORD.search(text, max(0, offset - 30), offset)
    return match.group(1).lower() if match else ""


def is_year_used_as_date(text: str, start: int, end: int) -> bool:
    """Decide whether the four-digit number at ``text[start:end]`` is a year, not a count."""
    before = previous_word(text, start)
    if before in NUMBER_LABELS or before in _COUNT_CUES:
        return False
    if before in _YEAR_PREPOSITIONS and text[start - 1 : start] == " ":
        return True  # "the review for 2022 shows": counts this size are written "2,000"
    after = _NEXT_WORD.match(text, end)
    if after:
        word = after.group(1)
        # "2000 officers": a plural noun counted by the number; "2030 Agenda" is a name.
        if word.islower() and word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            return False
    return True


class _Dates:
    """The dates of one text, found pass by pass; the first pass to claim a span keeps it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[DateSpan] = []
        self.claims = Claims(len(text))

    def add(self, start: int, end: int, iso: str | None) -> None:
        if self.claims.free(start, end):
            self.claims.claim(start, end)
            self.spans.append(DateSpan(start, end, self.text[start:end], iso))

    def months(self) -> None:
        """ "22 March 2024", "March 22", "July 2015", "in March"."""
        text = self.text
        for anchor in _MONTH_ANCHOR.finditer(text):
            if anchor.start() and text[anchor.start() - 1].isalpha():
                continue
            low, high = max(0, anchor.start() - _WINDOW), min(len(text), anchor.end() + _WINDOW)
            # A date that holds the anchor has the month there: its day comes before it
            # ("22 March") or its day or year after it ("March 22", "July 2015"). Without
            # a digit on that side no pattern can match, and it is not tried.
            digit_before = _DIGIT.search(text, low, anchor.start()) is not None
            digit_after = _DIGIT.search(text, anchor.end(), high) is not None
            for pattern, possible in zip(
                _DATES, (digit_before, digit_after, digit_after), strict=True
            ):
                if not possible:
                    continue
                for match in pattern.finditer(text, low, high):
                    if match.start() <= anchor.start() < match.end():
                        groups = match.groupdict()
                        iso = _iso(groups.get("year"), groups["month"], groups.get("day"))
                        self.add(match.start(), match.end(), iso)
            for match in _MONTH_ALONE.finditer(text, low, anchor.end()):
                self.add(match.start("date"), match.end("date"), None)

    def weekdays(self) -> None:
        """ "on Tuesday", "since Monday": a weekday introduced as a time."""
        for anchor in _WEEKDAY_ANCHOR.finditer(self.text):
            if previous_word(self.text, anchor.start()) in _WEEKDAY_INTRODUCERS:
                self.add(anchor.start(), anchor.end(), None)

    def years(self) -> None:
        """ "In 2017", "the 1990s", "2019-2021"; not "2000 officers" or "Resolution 2178"."""
        text = self.text
        for anchor in _YEAR_ANCHOR.finditer(text):
            start, end = anchor.span()
            if (start and text[start - 1] in "0123456789.,/") or self.claims.overlaps(
                start, start + 1
            ):
                continue
            if (decade := _DECADE_AFTER.match(text, end - 1)) and text[end - 1] == "0":
                self.add(start, decade.end(), None)
                continue
            after = text[end : end + 2]
            if (
                after[:1].isdigit()
                or after[:1] == "/"
                or (after[:1] in ",." and after[1:].isdigit())
            ):
                continue
            span_range = _RANGE_AFTER.match(text, end)
            if span_range and previous_word(text, start) not in NUMBER_LABELS:
                self.add(start, span_range.end(), anchor.group())
            elif is_year_used_as_date(text, start, end):
                self.add(start, end, anchor.group())


def _number_goes_on(after: str) -> bool:
    """ "20231", "2023/24", "2023,5", "2023.5": the four digits are part of a longer number."""
    return after[:1].isdigit() or after[:1] == "/" or (after[:1] in ",." and after[1:].isdigit())


_WEEKDAY_INTRODUCERS = frozenset({"on", "last", "next", "this", "since", "by"})


def find_dates(text: str) -> list[DateSpan]:
    """Return every date and year-as-date in ``text``, sorted and non-overlapping."""
    dates = _Dates(text)
    dates.months()
    dates.weekdays()
    dates.years()
    return sorted(dates.spans, key=lambda span: span.start)
