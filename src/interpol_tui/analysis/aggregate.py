"""Figures across releases: quantities that several releases cite, in date order, with changes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Literal

from interpol_tui.analysis.chronology import (
    ReleaseDate,
    SeriesPoint,
    place_by_series,
    release_dates,
)
from interpol_tui.analysis.frequencies import EntityFrequency, frequencies_of
from interpol_tui.analysis.grouping import Fact, group_facts, label_of
from interpol_tui.analysis.model import DocumentAnalysis, Figure
from interpol_tui.analysis.release_facts import FactSource, ReleaseFacts, release_facts
from interpol_tui.corpus.model import Corpus

Trend = Literal["rising", "falling", "steady", "mixed"]


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One release's statement of a quantity (its repeats in the same release folded in)."""

    doc_id: str
    date: ReleaseDate
    figure: Figure
    repeats: tuple[Figure, ...] = ()
    """The same fact stated again in the same release."""

    @property
    def when(self) -> str:
        """The time the figure refers to: its stated period when that is a year, else the date."""
        period = self.figure.period
        if period and period.isdigit() and len(period) == 4:
            return period
        return self.date.label


@dataclass(frozen=True, slots=True)
class Change:
    """The step from one release's value to the next."""

    absolute: float
    relative: float | None
    """As a fraction of the earlier value; None when that value is zero."""
    approximate: bool
    """True when either value carries a qualifier ("nearly", "some")."""

    @property
    def label(self) -> str:
        """Short display form: ``+3 (+1.6%)``, ``≈+3.5 billion (+78%)``."""
        sign = "+" if self.absolute > 0 else "−" if self.absolute < 0 else "±"
        text = ("≈" if self.approximate else "") + sign + format_value(abs(self.absolute))
        if self.relative is not None:
            text += f" ({'+' if self.relative >= 0 else '−'}{abs(self.relative) * 100:.0f}%)"
        return text


@dataclass(frozen=True, slots=True)
class Quantity:
    """What one or more figures count, with each release's value in date order."""

    counts: str
    occurrences: tuple[Occurrence, ...]
    changes: tuple[Change | None, ...] = ()
    """Aligned with ``occurrences``: the change from the previous one (None for the first)."""

    @property
    def releases(self) -> int:
        """How many releases cite this quantity."""
        return len({o.doc_id for o in self.occurrences})

    @property
    def recurring(self) -> bool:
        """True when more than one release cites it."""
        return self.releases > 1

    @property
    def unit(self) -> str | None:
        """The unit all its figures share (grouping never mixes units)."""
        return self.occurrences[0].figure.unit

    @property
    def trend(self) -> Trend | None:
        """Rising, falling, steady or mixed across releases; None for a single release."""
        steps = [c.absolute for c in self.changes if c is not None]
        if not steps:
            return None
        if all(s > 0 for s in steps):
            return "rising"
        if all(s < 0 for s in steps):
            return "falling"
        if all(s == 0 for s in steps):
            return "steady"
        return "mixed"


@dataclass(frozen=True)
class Statistics:
    """Everything the statistics pane and ``stats`` command show."""

    quantities: tuple[Quantity, ...]
    """Recurring quantities first (most releases first), then standalone figures."""
    dates: Mapping[str, ReleaseDate]
    entities: tuple[EntityFrequency, ...] = ()
    titles: Mapping[str, str] = field(default_factory=dict)
    """Release titles by document id, for display."""

    @property
    def recurring(self) -> tuple[Quantity, ...]:
        """The quantities that more than one release cites."""
        return tuple(q for q in self.quantities if q.recurring)


def format_value(value: float) -> str:
    """A number as people write it: ``192``, ``43,000``, ``4.5 billion``, ``0.25``."""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{value / scale:.2f}".rstrip("0").rstrip(".") + f" {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


_FIRST: tuple[Change | None, ...] = (None,)
"""The changes of a quantity cited once (most of a large corpus's): one shared tuple."""


def _changes(occurrences: tuple[Occurrence, ...]) -> tuple[Change | None, ...]:
    if len(occurrences) == 1:
        return _FIRST
    changes: list[Change | None] = [None]
    for before, after in pairwise(occurrences):
        a, b = before.figure.value, after.figure.value
        changes.append(
            Change(
                absolute=b - a,
                relative=(b - a) / a if a else None,
                approximate=bool(before.figure.qualifier or after.figure.qualifier),
            )
        )
    return tuple(changes)


def _quantity(group: list[Fact], dates: Mapping[str, ReleaseDate]) -> Quantity:
    found = [Occurrence(f.doc_id, dates[f.doc_id], f.figure, f.repeats) for f in group]
    if len(found) > 1:  # a figure cited once (most of them) has no order to find
        found.sort(key=lambda o: (o.date.sort_key, o.when, o.figure.start))
    occurrences = tuple(found)
    return Quantity(label_of(group), occurrences, _changes(occurrences))


def _rank(quantity: Quantity, order: Mapping[str, int]) -> tuple[object, ...]:
    """Most releases first; recurring ones by date; then in corpus and text order."""
    first = quantity.occurrences[0]
    releases = quantity.releases  # a set is built for it: once per quantity
    return (
        -releases,
        first.date.sort_key if releases > 1 else (0, ""),
        order.get(first.doc_id, 0),
        first.figure.start,
    )


def corpus_statistics(
    corpus: Corpus,
    analyses: Mapping[str, DocumentAnalysis],
    cancelled: Callable[[], bool] | None = None,
) -> Statistics:
    """Group every release's figures into quantities and count entity mentions.

    Analyses that are a :class:`~interpol_tui.analysis.release_facts.FactSource`
    (the snapshot's) give each release's facts directly; others are reduced to
    them here.
    """
    if isinstance(analyses, FactSource):
        by_doc = analyses.release_facts([doc.id for doc in corpus.documents], cancelled)
    else:
        by_doc = {}
        for doc in corpus.documents:
            if cancelled is not None and cancelled():
                break
            analysis = analyses.get(doc.id)
            if analysis is not None:
                by_doc[doc.id] = release_facts(doc.id, doc.title, doc.text, analysis)
    return statistics_of(corpus, by_doc, cancelled)


def statistics_of(
    corpus: Corpus,
    by_doc: Mapping[str, ReleaseFacts],
    cancelled: Callable[[], bool] | None = None,
) -> Statistics:
    """The statistics of ``corpus`` from each release's facts (a release without any left out)."""
    facts: list[Fact] = []
    found = [by_doc[doc.id] for doc in corpus.documents if doc.id in by_doc]
    for release in found:
        facts.extend(release.facts)
    groups = group_facts(facts, cancelled)
    del facts  # the groups hold them now
    dates = release_dates(corpus)
    series = [
        [SeriesPoint(f.doc_id, f.figure.value, f.figure.text) for f in group]
        for group in groups
        if len(group) > 1
    ]
    dates = place_by_series(dates, series)
    quantities = [_quantity(group, dates) for group in groups]
    del groups
    order = {doc.id: index for index, doc in enumerate(corpus.documents)}
    quantities.sort(key=lambda q: _rank(q, order))
    return Statistics(
        quantities=tuple(quantities),
        dates=dates,
        entities=tuple(frequencies_of((r.doc_id, r.entities) for r in found)),
        titles={doc.id: doc.title for doc in corpus.documents},
    )
