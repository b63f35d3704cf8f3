"""Both search indexes of a corpus, built together (in a worker, off the UI thread)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from interpol_tui.corpus.model import Corpus
from interpol_tui.corpus.pacing import paced, paced_check
from interpol_tui.search.fulltext import FullTextIndex
from interpol_tui.search.titles import TitleIndex

ON_DISK_FROM = 20_000
"""Releases from which the full-text index lives in a temporary file, not in memory."""


@dataclass(frozen=True)
class SearchIndexes:
    """The quick-open title index and the full-text index of one corpus."""

    titles: TitleIndex
    fulltext: FullTextIndex

    def add_names(self, names: Mapping[str, str]) -> None:
        """Make the names analysis found searchable ("Stock" finds Jürgen Stock).

        ``names`` maps a doc id to its names, one per line (plain strings: search does
        not import analysis).
        """
        self.fulltext.set_names(names)


def build_indexes(
    corpus: Corpus,
    names: Mapping[str, str] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SearchIndexes | None:
    """Index ``corpus`` (and doc id -> ``names``) for quick-open and full-text search.

    None if cancelled. Built in a thread of the browser, so both loops step
    aside while the UI answers keys (``corpus.pacing``).
    """
    cancelled = paced_check(cancelled)
    titles = TitleIndex.from_documents(paced(corpus.documents))
    if cancelled():
        return None
    fulltext = FullTextIndex(on_disk=len(corpus.documents) >= ON_DISK_FROM)
    if not fulltext.add(paced(corpus.documents), names or None, cancelled):
        fulltext.close()
        return None
    fulltext.optimize()
    return SearchIndexes(titles, fulltext)
