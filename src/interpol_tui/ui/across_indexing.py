"""Gathers the across-release index in a thread worker once analysis lands, and keeps it.

The main screen says when an analysis arrives (one line); the quotation
list (``Q``) and the timelines then open from :attr:`AcrossIndexer.index`
with nothing left to gather. Each release's digest was made beside its
analysis (in the worker process) and stored in the snapshot; a release
without one (a snapshot from an older version, a digest that does not
decode) has its digest made here from its analysis and stored for next time.
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
    from interpol_tui.analysis.across_index import AcrossIndex
    from interpol_tui.analysis.model import DocumentAnalysis

VIEW_MODULES = (
    "interpol_tui.ui.quotations_screen",
    "interpol_tui.ui.timeline_screen",
    "interpol_tui.ui.compare_screen",
    "interpol_tui.ui.corpus_time",
    "interpol_tui.analysis.compare",
    "textual.widgets._sparkline",
    "rich.table",
)
"""Imported in the background once the index is built, so no view pays for it on its key."""


class AcrossIndexer:
    """The across-release index of the analyses a screen shows, built off the UI thread."""

    def __init__(self, screen: Screen[None]) -> None:
        self._screen = screen
        self.index: AcrossIndex | None = None
        """The index of the current analyses, or None while it is being built."""
        self._analyses: Mapping[str, DocumentAnalysis] | None = None
        self._corpus: Corpus | None = None
        self._built = threading.Event()
        self._generation = 0

    def ready_for(self, analyses: Mapping[str, DocumentAnalysis]) -> AcrossIndex | None:
        """The index, if it is built and was built from ``analyses``."""
        return self.index if self._analyses is analyses else None

    def of_corpus(self, corpus: Corpus) -> AcrossIndex | None:
        """The index, if it is built and was built from this very ``corpus`` object."""
        return self.index if self._corpus is corpus else None

    def wait(self, corpus: Corpus, analyses: Mapping[str, DocumentAnalysis]) -> AcrossIndex:
        """Block (in a worker thread) until the index of ``analyses`` is built; build it here
        when none is under way for them (or it failed)."""
        worker = get_current_worker()
        while self._analyses is analyses and not self._built.wait(0.05):
            if worker.is_cancelled:
                break
        found = self.ready_for(analyses)
        if found is None:
            from interpol_tui.state.digests import build_across_index

            found = build_across_index(corpus, analyses, lambda: worker.is_cancelled)
        if found is None:  # cancelled: the view is closing
            from interpol_tui.analysis.across_index import AcrossIndex

            return AcrossIndex().finish()
        return found

    def build(self, corpus: Corpus | None, analyses: Mapping[str, DocumentAnalysis]) -> None:
        """Start gathering the index of ``analyses`` (replacing any previous one)."""
        self._generation += 1
        self.index = None
        self._analyses, self._corpus = analyses, corpus
        self._built = threading.Event()
        if corpus is None or not analyses:
            return
        generation, built = self._generation, self._built
        self._screen.run_worker(
            lambda: self._work(corpus, analyses, generation, built),
            name="across-index",
            group="across-index",
            thread=True,
            exclusive=True,
        )

    def _work(
        self,
        corpus: Corpus,
        analyses: Mapping[str, DocumentAnalysis],
        generation: int,
        built: threading.Event,
    ) -> None:
        import importlib

        from interpol_tui.state.digests import build_across_index  # not before the first frame

        worker = get_current_worker()
        try:
            index = build_across_index(corpus, analyses, lambda: worker.is_cancelled)
        except Exception as error:  # the views then gather on their own; say why
            self._on_ui(self._screen.notify, f"Quotation index failed: {error}", severity="error")
            built.set()
            return
        if index is None:
            return
        self._on_ui(self._keep, index, generation, built)
        for name in VIEW_MODULES:
            if worker.is_cancelled:
                return
            importlib.import_module(name)
        from interpol_tui.ui.quotations_screen import full_layout

        full_layout(index.quotations)  # the list of every quotation, laid out ahead of Q

    def _keep(self, index: AcrossIndex, generation: int, built: threading.Event) -> None:
        if generation == self._generation:
            self.index = index
        built.set()

    def _on_ui(self, callback: Callable[..., object], *args: object, **kwargs: object) -> None:
        with suppress(RuntimeError):  # raised when the app is already shutting down
            self._screen.app.call_from_thread(callback, *args, **kwargs)


class AcrossViews:
    """Mixin for the main screen: its :class:`AcrossIndexer`, made when first asked for."""

    @property
    def across(self) -> AcrossIndexer:
        """The index behind the quotation list and the timelines."""
        found = self.__dict__.get("_across_indexer")
        if found is None:
            screen: Screen[None] = self  # type: ignore[assignment]
            found = self.__dict__["_across_indexer"] = AcrossIndexer(screen)
        return found  # type: ignore[no-any-return]
