"""Builds the main screen's search indexes in a thread worker and keeps them.

The main screen only says when a corpus or its analysis arrives; everything
else (the worker, the order in which the two arrive, adding the entity names
to an index built before analysis finished) is handled here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from contextlib import suppress
from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.worker import get_current_worker

from interpol_tui.corpus.model import Corpus

if TYPE_CHECKING:
    from interpol_tui.analysis.model import DocumentAnalysis
    from interpol_tui.search.indexes import SearchIndexes


class SearchIndexer:
    """The search indexes of the corpus a screen shows, built off the UI thread."""

    def __init__(self, screen: Screen[None]) -> None:
        self._screen = screen
        self.indexes: SearchIndexes | None = None
        """The current corpus's indexes, or None while they are being built."""
        self.last_query = ""
        """The last full-text query typed, offered again when search reopens."""
        self._analyses: Mapping[str, DocumentAnalysis] | None = None
        self._generation = 0
        self._waiting: list[Callable[[], None]] = []

    @property
    def ready(self) -> bool:
        """Whether quick-open and full-text search can answer."""
        return self.indexes is not None

    def when_ready(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` on the UI thread once the indexes exist (at once if they do)."""
        if self.indexes is not None:
            callback()
        else:
            self._waiting.append(callback)

    def index(self, corpus: Corpus, after: threading.Event | None = None) -> None:
        """Start indexing a newly loaded ``corpus`` (replacing any previous indexes).

        With ``after``, the worker starts at once but waits for that event
        (the frame that lists the corpus) before working.
        """
        self._generation += 1
        self.indexes = None
        self._analyses = None
        generation = self._generation
        self._screen.run_worker(
            lambda: self._build(corpus, generation, after),
            name="search-index",
            group="search",
            thread=True,
            exclusive=True,
        )

    def add_analyses(self, analyses: Mapping[str, DocumentAnalysis]) -> None:
        """Make the entity names of ``analyses`` searchable, now or once the index exists."""
        self._analyses = analyses
        if self.indexes is not None and analyses:
            self._add_names(self.indexes, analyses)

    # -- workers ------------------------------------------------------------
    def _build(self, corpus: Corpus, generation: int, after: threading.Event | None) -> None:
        worker = get_current_worker()
        while after is not None and not after.wait(0.02) and not worker.is_cancelled:
            pass
        # Imported after the wait: before, they took the GIL from the first frame.
        from interpol_tui.analysis.searchable import names_by_doc
        from interpol_tui.corpus.pacing import paced
        from interpol_tui.search.indexes import build_indexes

        analyses = self._analyses  # may arrive while we build: then names are added after
        try:
            names = names_by_doc(paced(analyses.values())) if analyses else None
            indexes = build_indexes(corpus, names, lambda: worker.is_cancelled)
        except Exception as error:  # a failing index must not take the browser down
            self._on_ui(self._screen.notify, f"Search index failed: {error}", severity="error")
            return
        if indexes is not None and not worker.is_cancelled:
            self._on_ui(self._built, indexes, generation, bool(analyses))

    def _built(self, indexes: SearchIndexes, generation: int, with_names: bool) -> None:
        if generation != self._generation:
            return  # a newer corpus is being indexed
        self.indexes = indexes
        if self._analyses and not with_names:
            self._add_names(indexes, self._analyses)
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            callback()

    def _add_names(self, indexes: SearchIndexes, analyses: Mapping[str, DocumentAnalysis]) -> None:
        from interpol_tui.analysis.searchable import names_by_doc
        from interpol_tui.corpus.pacing import paced

        self._screen.run_worker(
            lambda: indexes.add_names(names_by_doc(paced(analyses.values()))),
            name="search-names",
            group="search-names",
            thread=True,
            exclusive=True,
        )

    def _on_ui(self, callback: Callable[..., object], *args: object, **kwargs: object) -> None:
        with suppress(RuntimeError):  # raised when the app is already shutting down
            self._screen.app.call_from_thread(callback, *args, **kwargs)
