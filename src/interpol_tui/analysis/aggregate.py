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
from interpol_tui.analysis.fact_columns import FactColumns
from interpol_tui.analysis.frequencies import EntityFrequency, frequencies_of
from interpol_tui.analysis.grouping import group_indexes
from interpol_tui.analysis.model import DocumentAnalysis, Figure
from interpol_tui.analysis.quantity_columns import QuantityList, quantity_list, when_of
from interpol_tui.analysis.release_facts import ColumnSource, FactSource, release_facts
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
        return when_of(self.figure.period, self.date)


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
    index: int = field(default=-1, compare=False)
    """Its place in :attr:`Statistics.quantities` (-1 when made elsewhere)."""

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

    quantities: QuantityList
    """Recurring quantities first (most releases first), then standalone figures; made from
    columns as they are read (:class:`~interpol_tui.analysis.quantity_columns.QuantityList`)."""
    dates: Mapping[str, ReleaseDate]
    entities: tuple[EntityFrequency, ...] = ()
    titles: Mapping[str, str] = field(default_factory=dict)
    """Release titles by document id, for display."""

    @property
    def recurring(self) -> QuantityList:
        """The quantities that more than one release cites (the first ones)."""
        return self.quantities[: self.quantities.recurring]

    @property
    def standalone(self) -> QuantityList:
        """The figures that one release alone cites (after the recurring quantities)."""
        return self.quantities[self.quantities.recurring :]


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


def changes_of(occurrences: tuple[Occurrence, ...]) -> tuple[Change | None, ...]:
    """Each occurrence's change from the one before (None for the first)."""
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
    ids = [doc.id for doc in corpus.documents]
    if isinstance(analyses, ColumnSource):
        return statistics_of(corpus, analyses.fact_columns(ids, cancelled), cancelled)
    if isinstance(analyses, FactSource):
        by_doc = analyses.release_facts(ids, cancelled)
    else:
        by_doc = {}
        for doc in corpus.documents:
            if cancelled is not None and cancelled():
                break
            analysis = analyses.get(doc.id)
            if analysis is not None:
                by_doc[doc.id] = release_facts(doc.id, doc.title, doc.text, analysis)
    columns = FactColumns()
    for doc_id in ids:
        found = by_doc.get(doc_id)
        if found is not None:
            columns.add_release_facts(doc_id, found.facts, found.entities)
    del by_doc  # the columns hold them now
    columns.seal()
    return statistics_of(corpus, columns, cancelled)


def statistics_of(
    corpus: Corpus,
    facts: FactColumns,
    cancelled: Callable[[], bool] | None = None,
) -> Statistics:
    """The statistics of ``corpus`` from its releases' facts, added in corpus order."""
    groups = group_indexes(facts, cancelled)
    dates = release_dates(corpus)
    series = [
        [
            SeriesPoint(facts.doc_id(f), facts.figure_value(facts.first[f]), text(facts, f))
            for f in group
        ]
        for group in groups
        if len(group) > 1
    ]
    dates = place_by_series(dates, series)
    del series
    order = {doc.id: index for index, doc in enumerate(corpus.documents)}
    quantities = quantity_list(facts, groups, dates, order)
    entities = tuple(frequencies_of(facts.entity_counts()))
    facts.drop_entity_counts()
    return Statistics(
        quantities=quantities,
        dates=dates,
        entities=entities,
        titles={doc.id: doc.title for doc in corpus.documents},
    )


def text(facts: FactColumns, fact: int) -> str:
    """The wording of fact ``fact``'s figure."""
    return facts.pool.strings[facts.text[facts.first[fact]]]
