"""When each release came out: its stated date, or one inferred from its text and figures.

Most releases in a scraped corpus carry no date. The text still says a lot:
the latest year it mentions is a lower bound, and a year it reports as over
("In 2023 alone", "In 2017, officers conducted …") means the release is from
a later year. When the text gives nothing, a release can be placed between
dated releases by a figure that only grows or only shrinks (membership
counts): :func:`place_by_series`. Every inferred date says so and keeps its
evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from statistics import median
from typing import Literal

from interpol_tui.analysis.lexicons import MONTHS
from interpol_tui.corpus.model import Corpus, Document

DateMethod = Literal["stated", "text", "figures", "none"]

# A year not right after a digit, "/", ".", ",", ":" or "-": that test is made after
# the four digits (looking back five characters), so that the pattern opens with
# the year's first digit and the engine skips to candidates (5x faster a release;
# ``tests/test_pipeline_shortcuts.py`` checks it against the lookbehind written first).
_YEAR = re.compile(r"(1[89]\d\d|20\d\d)(?<![\d/.,:-]\d{4})(?![\d/]|,\d)")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W*$")
_WORD_AFTER = re.compile(r"^\W{0,2}([A-Za-z]+)")
# A year introduced like this and followed by "," or "alone" is reported as a
# whole year that is over: "In 2017, officers conducted…", "In 2023 alone, …".
_COMPLETED_INTRO = {"in", "during", "throughout"}
# "by 2030", "until 2030": targets, not evidence of when the text was written.
_TARGET_INTRO = {"by", "until", "till", "before"}
_PREPOSITIONS = {"in", "since", "during", "throughout", "of", "from", "on", "for", "and", "to"}
_MONTH_NAMES = frozenset(month.lower() for month in MONTHS)
_FUTURE = re.compile(r"\b(will|shall|is expected to|plans? to)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ReleaseDate:
    """A release's date: stated by the release, inferred (with evidence), or unknown."""

    doc_id: str
    iso: str | None
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; None when nothing is known."""
    method: DateMethod = "none"
    """``stated`` by the release, inferred from its ``text`` or its ``figures``, or ``none``."""
    evidence: str | None = None
    """The words the inference rests on ("In 2023 alone")."""

    @property
    def inferred(self) -> bool:
        """True when the release does not state this date itself."""
        return self.method in ("text", "figures")

    @property
    def year(self) -> int | None:
        """The year, when known."""
        return int(self.iso[:4]) if self.iso else None

    @property
    def label(self) -> str:
        """Short display form: ``2017-03-22``, ``~2018`` (inferred) or ``undated``."""
        if self.iso is None:
            return "undated"
        return f"~{self.iso}" if self.inferred else self.iso

    @property
    def sort_key(self) -> tuple[int, str]:
        """Orders dated releases oldest first and undated ones last."""
        return (0, self.iso) if self.iso else (1, "")

    @property
    def fractional_year(self) -> float | None:
        """The date as a year with a fraction (``2017-03-22`` -> about 2017.22)."""
        if self.iso is None:
            return None
        parts = [int(p) for p in self.iso.split("-")]
        month = parts[1] if len(parts) > 1 else 1
        day = parts[2] if len(parts) > 2 else 1
        return parts[0] + (month - 1) / 12 + (day - 1) / 365


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return text[left:right].strip()


def _excerpt(text: str, start: int, end: int, width: int = 40) -> str:
    """The words around ``start``..``end``: from the sentence's start when that is near."""
    sentence_start = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    if start - sentence_start <= width:
        left = sentence_start
    else:
        left = text.rfind(" ", 0, start - width) + 1
    right = text.find(" ", end + width)
    right = len(text) if right < 0 else right
    return " ".join(text[left:right].split()).rstrip(",;:") + ("…" if right < len(text) else "")


def years_in_text(text: str) -> Iterable[tuple[int, bool, int, int]]:
    """Yield ``(year, completed, start, end)`` for each year the text uses as a date.

    Years inside names ("UN 2030 Agenda") and targets ("by 2030") are skipped;
    ``completed`` is True when the text reports the year as over.
    """
    for match in _YEAR.finditer(text):
        before = _WORD_BEFORE.search(text[max(match.start() - 30, 0) : match.start()])
        after = _WORD_AFTER.search(text[match.end() : match.end() + 30])
        word_before = before.group(1) if before else ""
        word_after = after.group(1) if after else ""
        if word_before.lower() in _TARGET_INTRO:
            continue
        is_name = (
            word_after[:1].isupper()
            and word_before.lower() not in _PREPOSITIONS
            and word_before.lower() not in _MONTH_NAMES
        )
        if is_name:
            continue
        follow = text[match.end() : match.end() + 7]
        # "In 2017, …" opening a sentence or "in 2023 alone" report a whole year;
        # "opened in 2004, further …" only dates an event.
        opens_sentence = word_before[:1].isupper() and word_before.lower() in _COMPLETED_INTRO
        completed = (
            word_before.lower() in _COMPLETED_INTRO
            and ((opens_sentence and follow.startswith(",")) or follow.lstrip().startswith("alone"))
            and not _FUTURE.search(_sentence_around(text, match.start(), match.end()))
        )
        yield int(match.group(1)), completed, match.start(), match.end()


def infer_from_text(document: Document) -> ReleaseDate:
    """The stated date of ``document``, or the earliest year its text allows, or none."""
    if document.date:
        return ReleaseDate(document.id, document.date, "stated")
    best: tuple[int, int, int] | None = None  # (year, start, end)
    for year, completed, start, end in years_in_text(document.text):
        earliest = year + 1 if completed else year
        if best is None or earliest > best[0]:
            best = (earliest, start, end)
    if best is None:
        return ReleaseDate(document.id, None)
    year, start, end = best
    return ReleaseDate(document.id, str(year), "text", _excerpt(document.text, start, end))


def release_dates(corpus: Corpus) -> dict[str, ReleaseDate]:
    """The date of every release in ``corpus``, by document id."""
    return {doc.id: infer_from_text(doc) for doc in corpus.documents}


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """One release's value of a quantity that several releases cite."""

    doc_id: str
    value: float
    text: str


def _monotone(values: Sequence[float]) -> bool:
    rising = all(b > a for a, b in pairwise(values))
    falling = all(b < a for a, b in pairwise(values))
    return rising or falling


def place_by_series(
    dates: Mapping[str, ReleaseDate], series: Iterable[Sequence[SeriesPoint]]
) -> dict[str, ReleaseDate]:
    """Date undated releases by where their value falls in a steadily changing series.

    A value between two dated values of a series that only rises (or only
    falls) puts its release between those dates, by linear interpolation.
    Returns ``dates`` with such releases filled in (method ``figures``).
    """
    estimates: dict[str, list[tuple[float, str]]] = {}
    for points in series:
        dated = sorted(
            (
                (year, point)
                for point in points
                if (year := dates[point.doc_id].fractional_year) is not None
            ),
            key=lambda item: item[0],
        )
        if len(dated) < 2 or not _monotone([p.value for _, p in dated]):
            continue
        for point in points:
            if dates[point.doc_id].iso is not None:
                continue
            for (year_a, a), (year_b, b) in pairwise(dated):
                low, high = sorted((a.value, b.value))
                if low < point.value < high:
                    share = (point.value - a.value) / (b.value - a.value)
                    evidence = (
                        f"{point.text}, between {a.text} ({dates[a.doc_id].label}) "
                        f"and {b.text} ({dates[b.doc_id].label})"
                    )
                    estimates.setdefault(point.doc_id, []).append(
                        (year_a + share * (year_b - year_a), evidence)
                    )
                    break
    placed = dict(dates)
    for doc_id, found in estimates.items():
        year = int(median(estimate for estimate, _ in found))
        evidence = min(found, key=lambda item: abs(item[0] - year))[1]
        placed[doc_id] = replace(dates[doc_id], iso=str(year), method="figures", evidence=evidence)
    return placed
