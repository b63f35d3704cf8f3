"""Two releases side by side: the people, organisations and operations both name, and the
figures that count the same thing in both, with the change from the older to the newer.

"Counts the same thing" is the statistics grouping's own judgement
(:func:`interpol_tui.analysis.aggregate.corpus_statistics` over the two
releases), so a comparison never pairs what the statistics pane keeps apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from interpol_tui.analysis.aggregate import Change, Quantity, corpus_statistics, format_value
from interpol_tui.analysis.chronology import ReleaseDate
from interpol_tui.analysis.model import DocumentAnalysis, EntityType, Figure
from interpol_tui.corpus.model import Corpus, Document

COMPARED_TYPES: tuple[EntityType, ...] = ("person", "organization", "operation")
"""The kinds of entity a comparison lists (places are in almost every release)."""


@dataclass(frozen=True, slots=True)
class FigurePair:
    """One quantity both releases state: the older release's figure, the newer's, the change."""

    counts: str
    before: Figure
    after: Figure
    change: Change

    @property
    def label(self) -> str:
        """``member states 40 → 42``."""
        return f"{self.counts} {format_value(self.before.value)} → {format_value(self.after.value)}"


@dataclass(frozen=True, slots=True)
class EntityOverlap:
    """The names of one entity type in both releases, and in only one of them."""

    type: EntityType
    shared: tuple[str, ...]
    only_before: tuple[str, ...]
    only_after: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two releases, older first (undated keep the order they were given in)."""

    before: Document
    after: Document
    before_date: ReleaseDate
    after_date: ReleaseDate
    entities: tuple[EntityOverlap, ...]
    figures: tuple[FigurePair, ...]


def _names(analysis: DocumentAnalysis | None, type_: EntityType) -> dict[str, str]:
    # Folded name -> the canonical form first seen, so "UNODC" and "Unodc" are one.
    names: dict[str, str] = {}
    for entity in analysis.entities if analysis else ():
        if entity.type == type_:
            names.setdefault(entity.canonical.casefold(), entity.canonical)
    return names


def _overlap(
    type_: EntityType, before: DocumentAnalysis | None, after: DocumentAnalysis | None
) -> EntityOverlap:
    a, b = _names(before, type_), _names(after, type_)

    def listed(keys: set[str], names: dict[str, str]) -> tuple[str, ...]:
        return tuple(sorted((names[k] for k in keys), key=str.casefold))

    return EntityOverlap(
        type_,
        listed(a.keys() & b.keys(), a),
        listed(a.keys() - b.keys(), a),
        listed(b.keys() - a.keys(), b),
    )


def _pair(quantity: Quantity, before: str) -> FigurePair | None:
    by_doc = {o.doc_id: o for o in quantity.occurrences}
    if len(by_doc) != 2:
        return None
    first = by_doc.pop(before)
    second = next(iter(by_doc.values()))
    a, b = first.figure, second.figure
    change = Change(
        absolute=b.value - a.value,
        relative=(b.value - a.value) / a.value if a.value else None,
        approximate=bool(a.qualifier or b.qualifier),
    )
    return FigurePair(quantity.counts, a, b, change)


def compare_releases(
    first: Document,
    second: Document,
    analyses: Mapping[str, DocumentAnalysis],
) -> Comparison:
    """Compare two releases; the older (by stated or inferred date) becomes ``before``."""
    pair = Corpus(documents=(first, second))
    statistics = corpus_statistics(pair, analyses)
    dates = statistics.dates
    ordered = sorted((first, second), key=lambda d: dates[d.id].sort_key)
    if dates[first.id].sort_key == dates[second.id].sort_key:
        ordered = [first, second]
    before, after = ordered
    figures = [_pair(q, before.id) for q in statistics.recurring]
    return Comparison(
        before=before,
        after=after,
        before_date=dates[before.id],
        after_date=dates[after.id],
        entities=tuple(
            _overlap(t, analyses.get(before.id), analyses.get(after.id)) for t in COMPARED_TYPES
        ),
        figures=tuple(p for p in figures if p is not None),
    )
