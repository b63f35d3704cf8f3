"""The corpus-wide index behind the across-release views, gathered from release digests.

Built one release at a time (:meth:`AcrossIndex.add`, in a background
thread once analysis is done), then :meth:`AcrossIndex.finish`\\ ed: every
quotation with its folded text ready to filter, and for every entity the
releases that name it, so that opening the quotation list or a timeline is a
lookup, not a pass over every analysis.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from interpol_tui.analysis.chronology import ReleaseDate
from interpol_tui.analysis.corpus_quotes import (
    CorpusQuotation,
    QuotationIndex,
    quotations_of_release,
    sort_by_date,
)
from interpol_tui.analysis.digest import ReleaseDigest
from interpol_tui.analysis.model import EntityType
from interpol_tui.analysis.timeline import Found, Timeline, timeline_of
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
    """Every quotation and every entity's releases of one corpus, from its digests."""

    def __init__(self) -> None:
        self._quotes: list[CorpusQuotation] = []
        self._mentions: dict[tuple[str, str], list[Found]] = {}
        self._timelines: dict[tuple[str, str], Timeline] = {}
        """Timelines of the most named entities, made ahead of time."""
        self.releases = 0
        """Releases added."""
        self._quotation_index: QuotationIndex | None = None
        self._sorted = False

    def add(self, document: Document, digest: ReleaseDigest) -> None:
        """Add one release (in corpus order)."""
        self.releases += 1
        self._quotes.extend(quotations_of_release(document, digest.quotes))
        if digest.mentions:
            date = release_date(document, digest)
            for row in digest.mentions:
                key = (row.type, row.canonical.casefold())
                self._mentions.setdefault(key, []).append((document.id, document.title, date, row))

    def finish(self) -> AcrossIndex:
        """Order the quotations by speaker and fold their text for filtering; returns self."""
        self._quotation_index = QuotationIndex(sort_by_date(self._quotes))
        self._quotes = []
        for key, found in self._mentions.items():  # each timeline's releases, oldest first
            found.sort(key=lambda item: item[2].sort_key)
            if len(found) >= AHEAD_FROM:
                self._timelines[key] = timeline_of(found[0][3].canonical, key[0], found, True)
        self._sorted = True
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
        found = [
            (rows[0][3].type, rows[0][3].canonical, len(rows)) for rows in self._mentions.values()
        ]
        return sorted(found, key=lambda item: -item[2])

    def mentioning(self, type_: EntityType, name: str) -> Sequence[str]:
        """Ids of the releases that name the entity, in corpus order."""
        return [doc_id for doc_id, _, _, _ in self._mentions.get((type_, name.casefold()), ())]

    def timeline(self, name: str, type_: EntityType) -> Timeline:
        """The entity's timeline, as :func:`~interpol_tui.analysis.timeline.entity_timeline`."""
        key = (type_, name.casefold())
        ahead = self._timelines.get(key)
        if ahead is not None:
            return replace(ahead, name=name)
        return timeline_of(name, type_, self._mentions.get(key, []), presorted=self._sorted)
