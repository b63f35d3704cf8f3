"""The corpus-wide index behind the across-release views, gathered from release digests.

Built one release at a time (:meth:`AcrossIndex.add`, in a background
thread once analysis is done), then :meth:`AcrossIndex.finish`\\ ed: every
quotation with its folded text ready to filter, and for every entity the
releases that name it, so that opening the quotation list or a timeline is a
lookup, not a pass over every analysis.
"""

from __future__ import annotations

from collections.abc import Sequence

from interpol_tui.analysis.chronology import ReleaseDate
from interpol_tui.analysis.corpus_quotes import (
    CorpusQuotation,
    QuotationIndex,
    quotations_of_release,
    sort_by_date,
)
from interpol_tui.analysis.digest import ReleaseDigest
from interpol_tui.analysis.model import EntityType
from interpol_tui.analysis.timeline import MentionRow, Timeline, timeline_of
from interpol_tui.corpus.model import Document


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
        self._mentions: dict[tuple[str, str], list[tuple[Document, ReleaseDate, MentionRow]]] = {}
        self.releases = 0
        """Releases added."""
        self._quotation_index: QuotationIndex | None = None

    def add(self, document: Document, digest: ReleaseDigest) -> None:
        """Add one release (in corpus order)."""
        self.releases += 1
        self._quotes.extend(quotations_of_release(document, digest.quotes))
        if digest.mentions:
            date = release_date(document, digest)
            for row in digest.mentions:
                key = (row.type, row.canonical.casefold())
                self._mentions.setdefault(key, []).append((document, date, row))

    def finish(self) -> AcrossIndex:
        """Order the quotations by speaker and fold their text for filtering; returns self."""
        self._quotation_index = QuotationIndex(sort_by_date(self._quotes))
        self._quotes = []
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
            (rows[0][2].type, rows[0][2].canonical, len(rows)) for rows in self._mentions.values()
        ]
        return sorted(found, key=lambda item: -item[2])

    def mentioning(self, type_: EntityType, name: str) -> Sequence[str]:
        """Ids of the releases that name the entity, in corpus order."""
        return [d.id for d, _, _ in self._mentions.get((type_, name.casefold()), ())]

    def timeline(self, name: str, type_: EntityType) -> Timeline:
        """The entity's timeline, as :func:`~interpol_tui.analysis.timeline.entity_timeline`."""
        found = self._mentions.get((type_, name.casefold()), [])
        return timeline_of(name, type_, [(d.id, d.title, date, row) for d, date, row in found])
