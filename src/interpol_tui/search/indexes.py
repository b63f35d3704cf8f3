"""Both search indexes of a corpus, built together (in a worker, off the UI thread)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from interpol_tui.analysis.model import DocumentAnalysis
from interpol_tui.corpus.model import Corpus
from interpol_tui.search.fulltext import FullTextIndex
from interpol_tui.search.titles import TitleIndex

ON_DISK_FROM = 20_000
"""Releases from which the full-text index lives in a temporary file, not in memory."""


@dataclass(frozen=True)
class SearchIndexes:
    """The quick-open title index and the full-text index of one corpus."""

    titles: TitleIndex
    fulltext: FullTextIndex

    def add_names(self, analyses: Mapping[str, DocumentAnalysis]) -> None:
        """Make the entity names found by analysis searchable ("Stock" finds Jürgen Stock)."""
        self.fulltext.set_names(names_by_doc(analyses.values()))


def names_text(analysis: DocumentAnalysis) -> str:
    """The names a release mentions or quotes, canonical and as written, one per line."""
    names: dict[str, None] = {}
    for entity in analysis.entities:
        names[entity.canonical] = None
        names[entity.text] = None
        if entity.role:
            names[entity.role] = None
    for quote in analysis.quotes:
        if quote.speaker:
            names[quote.speaker] = None
    return "\n".join(name for name in names if name)


def names_by_doc(analyses: Iterable[DocumentAnalysis]) -> dict[str, str]:
    """Map each analysed doc id to its :func:`names_text`."""
    return {analysis.doc_id: names_text(analysis) for analysis in analyses}


def build_indexes(
    corpus: Corpus,
    analyses: Mapping[str, DocumentAnalysis] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SearchIndexes | None:
    """Index ``corpus`` for quick-open and full-text search; None if cancelled."""
    titles = TitleIndex.from_documents(corpus.documents)
    if cancelled is not None and cancelled():
        return None
    fulltext = FullTextIndex(on_disk=len(corpus.documents) >= ON_DISK_FROM)
    names = names_by_doc(analyses.values()) if analyses else None
    if not fulltext.add(corpus.documents, names, cancelled):
        fulltext.close()
        return None
    fulltext.optimize()
    return SearchIndexes(titles, fulltext)
