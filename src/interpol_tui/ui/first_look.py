"""The first look at the files of the listing drawn at start, before and right after that frame.

The listing read from the snapshot is drawn in the first frame. Its files
were asked for their size and time meanwhile by a process of its own
(:mod:`interpol_tui.state.file_probe`); when that answer is in before the
frame, the few files it names are read again at once (:func:`early_edits`),
so that an edited title is already in the first frame, and the files are
not asked again. Otherwise they are asked right after the frame
(:mod:`interpol_tui.state.quick_check`), on the UI thread: only those the
probe named if its answer comes in meanwhile, else every one. An edited or
removed file is shown at once, as part of the same start (no "reloaded"
notice), and the statistics pane builds its tabs only after the frame that
shows it: the edited title would otherwise wait behind that building.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from interpol_tui.corpus.model import Corpus
from interpol_tui.ui.messages import CorpusLoaded
from interpol_tui.ui.stats_pane import StatsPane

if TYPE_CHECKING:
    from interpol_tui.state.listing import Prefetch
    from interpol_tui.ui.main_screen import MainScreen

EARLY_REREAD = 5
"""Files named by the probe that the first frame reads again at most (more: after it)."""
LATE_WAIT = 0.03
"""Seconds the look after the first frame waits for the probe's answer (asking every file
itself costs about as much of the UI thread)."""


def early_edits(prefetch: Prefetch, shown: Corpus, max_bytes: int) -> tuple[Corpus, bool]:
    """Before the first frame: ``shown`` with the files the probe named read again, and
    whether every file has been asked (False: no answer yet, or too many named)."""
    from interpol_tui.state.quick_check import changed_files

    named = prefetch.changed_paths()
    if named is None or len(named) > EARLY_REREAD:
        return shown, False
    edited = changed_files(shown, max_bytes, among=named) if named else None
    return edited or shown, True


def show_edits(
    screen: MainScreen,
    shown: Corpus,
    max_bytes: int,
    showing: Callable[[Corpus], None],
    prefetch: Prefetch | None = None,
    asked: bool = False,
) -> Corpus | None:
    """Show ``shown`` with the files edited since read again; the edited corpus, or None.

    ``showing`` is told of the edited corpus before the screen shows it.
    ``asked``: the files were all asked before the frame (:func:`early_edits`);
    else only those ``prefetch``'s probe names, if it answers in time.
    """
    from interpol_tui.state.quick_check import changed_files
    from interpol_tui.ui.stats_build import build_once_imported

    try:
        edited = None
        if not asked:
            among = prefetch.changed_paths(LATE_WAIT) if prefetch is not None else None
            edited = changed_files(shown, max_bytes, among=among)
        if edited is not None and screen.is_attached:
            showing(edited)
            screen.corpus = None  # the same start, corrected: no "reloaded" notice
            screen.on_corpus_loaded(CorpusLoaded(edited))
        return edited
    finally:
        if prefetch is not None:
            prefetch.stop_probe()
        if screen.is_attached:  # the statistics' tabs after the frames that show the list
            # (two: the list and the reader repaint a new corpus over the next two refreshes)
            pane = screen.query_one(StatsPane)
            # Its modules are imported in a thread meanwhile (ui/stats_build.py).
            pane.call_after_refresh(build_once_imported, pane, pane.build)
