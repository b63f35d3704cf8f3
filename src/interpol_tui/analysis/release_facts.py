"""What the statistics need of one release: its facts and how often it names each entity.

Grouping figures across a corpus needs, of each release, only its figures
merged within the release (:func:`~interpol_tui.analysis.grouping.facts_of`,
with their event, subject and complement) and a count of each entity it
names. They are made beside the analysis, in the worker process that
analyses the release, and stored apart from it: statistics over 50,000
releases then read a compact row a release instead of decoding every
analysis and reading every text in one process.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from interpol_tui.analysis.grouping import Fact, facts_of
from interpol_tui.analysis.model import DocumentAnalysis, EntityType
from interpol_tui.analysis.series_context import release_event

if TYPE_CHECKING:
    from interpol_tui.analysis.fact_columns import FactColumns

EntityCount = tuple[EntityType, str, int]
"""(type, canonical name, mentions) of one entity in one release."""


@dataclass(frozen=True, slots=True)
class ReleaseFacts:
    """One release's facts (its figures, repeats folded in) and entity counts."""

    doc_id: str
    facts: tuple[Fact, ...] = ()
    entities: tuple[EntityCount, ...] = ()
    """In the order the release first names each entity."""


def release_facts(doc_id: str, title: str, text: str, analysis: DocumentAnalysis) -> ReleaseFacts:
    """The facts and entity counts of the release ``doc_id`` from its analysis."""
    release = release_event(title, text)
    counts: dict[tuple[EntityType, str], int] = {}
    for entity in analysis.entities:
        key = (entity.type, entity.canonical)
        counts[key] = counts.get(key, 0) + 1
    return ReleaseFacts(
        doc_id,
        tuple(facts_of(doc_id, analysis.figures, release)),
        tuple((kind, name, mentions) for (kind, name), mentions in counts.items()),
    )


@runtime_checkable
class FactSource(Protocol):
    """Analyses that can give each release's facts without decoding the whole analysis."""

    def release_facts(
        self, doc_ids: Sequence[str], cancelled: Callable[[], bool] | None = None
    ) -> Mapping[str, ReleaseFacts]:
        """The facts of each release of ``doc_ids`` (one without analysis, or after
        ``cancelled()`` turns true, left out)."""
        ...


@runtime_checkable
class ColumnSource(Protocol):
    """Analyses that can give every release's facts as columns (the snapshot's)."""

    def fact_columns(
        self, doc_ids: Sequence[str], cancelled: Callable[[], bool] | None = None
    ) -> FactColumns:
        """The facts of each release of ``doc_ids``, in that order (as ``release_facts``)."""
        ...
