"""The corpus-wide index behind the across-release views, gathered from release digests.

Built one release at a time (:meth:`AcrossIndex.add`, in a background
thread once analysis is done), then :meth:`AcrossIndex.finish`\\ ed: every
quotation with its folded text ready to filter, and for every entity the
releases that name it, so that opening the quotation list or a timeline is a
lookup, not a pass over every analysis.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import replace

from interpol_tui.analysis.chronology import ReleaseDate
from interpol_tui.analysis.digest import ReleaseDigest
from interpol_tui.analysis.mention_columns import FoundRows, MentionColumns
from interpol_tui.analysis.model import EntityType
from interpol_tui.analysis.quotation_index import QuotationIndex, QuoteColumns
from interpol_tui.analysis.timeline import Timeline, timeline_from
from interpol_tui.corpus.model import Document

AHEAD_FROM = 1_000
"""The timeline of an entity named in this many releases is made with the index (a few
do: the organisation every release names), so that opening it is a lookup."""


def release_date(document: Document, digest: ReleaseDigest) -> ReleaseDate:
    """The release's stated date, else the year its text allows (as ``infer_from_text``)."""
    if document.date:
        return ReleaseDate(document.id, document.date, "stated")
    if digest.text_year:
        return ReleaseDate(document.id, digest.text_year, "text", digest.text_year_evidence)
    return ReleaseDate(document.id, None)


class AcrossIndex:
    """Every quotation and every entity's releases of one corpus, from its digests.

    Kept as columns (:mod:`~interpol_tui.analysis.quotation_index`,
    :mod:`~interpol_tui.analysis.mention_columns`): a quotation or a
    timeline's entry is made when a view reads it.
    """

    def __init__(self) -> None:
        self._quotes: QuoteColumns | None = QuoteColumns()
        self._mentions = MentionColumns()
        self._timelines: dict[int, Timeline] = {}
        """Timelines of the most named entities (by entity number), made ahead of time."""
        self.releases = 0
        """Releases added."""
        self._quotation_index: QuotationIndex | None = None

    def add(self, document: Document, digest: ReleaseDigest) -> None:
        """Add one release (in corpus order)."""
        self.releases += 1
        if digest.quotes and self._quotes is not None:
            title = " ".join(document.title.split())
            self._quotes.add_release(document.id, title, document.date, digest.quotes)
        if digest.mentions:
            self._mentions.add(document, release_date(document, digest), digest.mentions)

    def finish(self) -> AcrossIndex:
        """Order the quotations by speaker and fold their text for filtering; returns self."""
        if self._quotes is not None:
            self._quotation_index = QuotationIndex(self._quotes)
            self._quotes = None
        mentions = self._mentions
        mentions.finish()  # each timeline's releases, oldest first
        for (type_, _), entity in mentions.keys.items():
            rows = mentions.rows_of(entity)
            if len(rows) >= AHEAD_FROM:
                name = mentions.found(rows[0])[3].canonical
                self._timelines[entity] = self._timeline(name, type_, entity)
        return self

    @property
    def quotations(self) -> QuotationIndex:
        """Every quotation, by speaker, ready to filter (once finished)."""
        if self._quotation_index is None:
            self.finish()
        assert self._quotation_index is not None
        return self._quotation_index

    def entities(self) -> list[tuple[EntityType, str, int]]:
        """Every entity as (type, canonical name, releases naming it), most named first."""
        mentions = self._mentions
        mentions.finish()
        found = []
        for entity, type_ in enumerate(mentions.types):
            rows = mentions.rows_of(entity)
            found.append((type_, mentions.pool[mentions.canonical[rows[0]]], len(rows)))
        return sorted(found, key=lambda item: -item[2])

    def mentioning(self, type_: EntityType, name: str) -> Sequence[str]:
        """Ids of the releases that name the entity, oldest first (once finished)."""
        return self._releases_naming(type_, name, by_date=True)

    def naming(self, type_: EntityType, name: str) -> list[str]:
        """Ids of the releases that name the entity (case ignored), in corpus order."""
        return self._releases_naming(type_, name, by_date=False)

    def _releases_naming(self, type_: EntityType, name: str, by_date: bool) -> list[str]:
        # An entity's rows are kept in date order; corpus order is the releases' own.
        mentions = self._mentions
        entity = mentions.keys.get((type_, name.casefold()))
        if entity is None:
            return []
        mentions.finish()
        documents, release = mentions.documents, mentions.release
        releases = [release[row] for row in mentions.rows_of(entity)]
        return [documents[r].id for r in (releases if by_date else sorted(releases))]

    def timeline(self, name: str, type_: EntityType) -> Timeline:
        """The entity's timeline, as :func:`~interpol_tui.analysis.timeline.entity_timeline`."""
        entity = self._mentions.keys.get((type_, name.casefold()))
        ahead = self._timelines.get(entity) if entity is not None else None
        if ahead is not None:
            return replace(ahead, name=name)
        return self._timeline(name, type_, entity)

    def _timeline(self, name: str, type_: EntityType, entity: int | None) -> Timeline:
        mentions = self._mentions
        mentions.finish()
        rows = mentions.rows_of(entity) if entity is not None else array("i")
        return timeline_from(name, type_, FoundRows(mentions, rows), mentions.dated(rows))
