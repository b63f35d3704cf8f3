"""The first look at the files of the listing drawn at start, right after that first frame.

The listing read from the snapshot is drawn in the first frame as it was
last saved; only then is each of its files asked for its size and time
(:mod:`interpol_tui.state.quick_check`), on the UI thread, a few
milliseconds for 10,000 files. An edited or removed file is shown at once,
as part of the same start (no "reloaded" notice), and the statistics pane
builds its tabs only after the frame that shows it: the edited title would
otherwise wait behind that building.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from interpol_tui.corpus.model import Corpus
from interpol_tui.ui.messages import CorpusLoaded
from interpol_tui.ui.stats_pane import StatsPane

if TYPE_CHECKING:
    from interpol_tui.ui.main_screen import MainScreen


def show_edits(
    screen: MainScreen, shown: Corpus, max_bytes: int, showing: Callable[[Corpus], None]
) -> Corpus | None:
    """Show ``shown`` with the files edited since read again; the edited corpus, or None.

    ``showing`` is told of the edited corpus before the screen shows it.
    """
    from interpol_tui.state.quick_check import changed_files
    from interpol_tui.ui.stats_build import build_once_imported

    try:
        edited = changed_files(shown, max_bytes)
        if edited is not None and screen.is_attached:
            showing(edited)
            screen.corpus = None  # the same start, corrected: no "reloaded" notice
            screen.on_corpus_loaded(CorpusLoaded(edited))
        return edited
    finally:
        if screen.is_attached:  # the statistics' tabs after the frames that show the list
            # (two: the list and the reader repaint a new corpus over the next two refreshes)
            pane = screen.query_one(StatsPane)
            # Its modules are imported in a thread meanwhile (ui/stats_build.py).
            pane.call_after_refresh(build_once_imported, pane, pane.build)
