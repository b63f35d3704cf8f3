"""The reading session of the main screen: bookmarks, reading positions, reload, warnings.

The screen keeps only thin hooks; this module decides what is remembered,
restores the last release and its position, and runs the cached analysis.
File I/O that can wait (saving) runs in worker threads; what the first
frame needs (a few small JSON files) is read directly.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from textual.app import App

from interpol_tui.analysis.kinds import HIGHLIGHT_KINDS
from interpol_tui.corpus.model import Corpus, Document
from interpol_tui.state import Bookmarks, ReadingPositions, ReadMarks, ReleaseIndex
from interpol_tui.ui.document_list import DocumentList
from interpol_tui.ui.heap import keep_loaded, resume_after_start
from interpol_tui.ui.preferences import Preferences
from interpol_tui.ui.reader import Reader

if TYPE_CHECKING:
    from interpol_tui.analysis.model import DocumentAnalysis
    from interpol_tui.corpus.formats.fields import FieldMap
    from interpol_tui.state.listing import Prefetch
    from interpol_tui.state.snapshot import CorpusSnapshot
    from interpol_tui.ui.main_screen import MainScreen

SAVE_EVERY = 1.0
"""Seconds at most between a change (position, read mark) and its save; one more on exit."""
EARLY_WAIT = 0.3
"""Seconds the first frame may wait for the listing being read (state/listing.py), so that
an unchanged corpus is listed in it rather than in a frame of its own just after."""
EARLY_CHECK_WAIT = 10.0
"""Seconds the load worker waits for the check of the files listed first (a hang guard)."""


def preferences_of(app: App[Any]) -> Preferences:
    """The app's :class:`Preferences` (created on first use for an app that has none)."""
    found = getattr(app, "preferences", None)
    if not isinstance(found, Preferences):
        found = Preferences()
        app.preferences = found  # type: ignore[attr-defined]
    return found


def top_offset(reader: Reader) -> int:
    """The offset of the first character on the reader's top screen line (0 at the header)."""
    document = reader.document
    line = round(reader.scroll_y)
    if document is None or line <= 0:
        return 0
    # line_of_offset is monotonic: find the smallest offset on (or after) the top line.
    low, high = 0, len(document.text)
    while low < high:
        middle = (low + high) // 2
        if reader.line_of_offset(middle) >= line:
            high = middle
        else:
            low = middle + 1
    return low


class ReadingSession:
    """What the main screen remembers between runs for the corpus it shows."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.preferences = preferences_of(screen.app)
        paths, warn = self.preferences.paths, self.preferences.warn
        self.bookmarks = Bookmarks(paths, warn)
        self.read_marks = ReadMarks(paths, warn)
        self.positions = ReadingPositions(paths, warn)
        self.bookmarks_only = False
        """True while the list shows only bookmarked releases."""
        self._open: Document | None = None
        """The release whose scrolling is the user's (the very object: a listing read again
        from disk shows new objects, and their first scroll to the top is not the user's)."""
        self._restore_id: str | None = None
        self._loads = 0
        self._snapshot: CorpusSnapshot | None = None
        self._confirm: Callable[[], None] | None = None
        self._prefetch: Prefetch | None = None
        self._listed: Corpus | None = None
        self.first_shown: Corpus | None = None
        """The listing drawn at start, before the load worker's (with its edited files)."""
        self._early_checked: threading.Event | None = None

    def start(self) -> None:
        """Apply saved settings to the panes and start following the reader."""
        reader = self.screen.query_one(Reader)
        shown = set(self.preferences.settings.highlight_kinds)
        reader.hidden_kinds = frozenset(k for k in HIGHLIGHT_KINDS if k not in shown)
        self.screen.watch(reader, "scroll_y", self._scrolled, init=False)
        self.screen.watch(reader, "hidden_kinds", self._kinds_changed, init=False)
        self.screen.set_interval(SAVE_EVERY, self._save_later)
        self.screen.call_after_refresh(resume_after_start)  # collector off until the first frame

    @property
    def max_file_bytes(self) -> int:
        """The size limit for release files (a setting)."""
        return self.preferences.settings.max_file_bytes

    def stats_shown(self, wide: bool) -> bool:
        """Whether the statistics pane starts shown: the saved choice, when there is room."""
        return wide and self.preferences.settings.panes.get("stats", True)

    def pane_toggled(self, pane: str, shown: bool, wide: bool) -> None:
        """Remember a pane the user showed or hid (on a wide screen: narrow ones overlay)."""
        if wide:
            panes = {**self.preferences.settings.panes, pane: shown}
            self.preferences.save(self.screen.app, panes=panes)

    # -- corpus -----------------------------------------------------------
    def corpus_loaded(self, corpus: Corpus) -> str | None:
        """Show bookmarks; return the release to keep open (the current one, or the last read)."""
        self._loads += 1
        reader = self.screen.query_one(Reader)
        # Records are found by content: the same releases in a moved folder keep them.
        index = ReleaseIndex.of(corpus, self.screen.corpus_paths)
        self.positions.load(index)
        self.read_marks.load(index)
        if self._loads == 1:
            keep = self.positions.last
            roots = tuple(str(path) for path in self.screen.corpus_paths)
            self.preferences.save(self.screen.app, last_corpus=roots)
        else:
            keep = reader.document.id if reader.document is not None else None
        self.bookmarks.load(index)
        self._show_bookmarks()
        # The listing lives until a reload: out of the full passes that stalled keys while
        # the cold analysis ran (ui/heap.py); frozen once it and its rows are drawn.
        self.screen.call_after_refresh(keep_loaded)
        if corpus.warnings or self.preferences.warnings:
            count = len(corpus.warnings) + len(self.preferences.warnings)
            self.screen.notify(
                f"{count} warning(s) loading the corpus: press w to list them",
                severity="warning",
                markup=False,
            )
        return keep if keep is not None and corpus.by_id(keep) is not None else None

    def open_corpus(
        self,
        progress: Callable[[int, int], None],
        cancelled: Callable[[], bool],
        fields: FieldMap | None = None,
    ) -> Corpus:
        """Read the corpus through its snapshot (runs in the load worker's thread).

        Unchanged files are listed from the snapshot, the others read in worker
        processes; then the reused files are checked against their hashes and,
        if any changed behind our back, the corpus is opened once more.
        """
        from interpol_tui.corpus.pacing import paced_check
        from interpol_tui.state.reopen import confirm, open_corpus
        from interpol_tui.state.snapshot import CorpusSnapshot

        cancelled = paced_check(cancelled)  # steps aside while keys are answered

        snapshot = self._snapshot or CorpusSnapshot.for_corpus(
            self.preferences.paths, self.screen.corpus_paths, self.preferences.warn
        )
        self._snapshot = snapshot
        reuse = bool(getattr(self.screen.app, "use_cache", True))
        opened = open_corpus(
            self.screen.corpus_paths,
            snapshot,
            max_bytes=self.max_file_bytes,
            reuse=reuse,
            progress=progress,
            cancelled=cancelled,
            fields=fields,
            follow_links=bool(getattr(self.screen.app, "follow_links", False)),
            listed=self._listed,
        )
        self._listed = None  # a reload lists from the files

        def check() -> None:
            if confirm(opened, snapshot, cancelled) and not cancelled():
                self.screen.app.call_from_thread(self._changed_behind)

        self._confirm = check
        return opened.corpus

    def prefetch_listing(self) -> None:
        """Take over the read of the last listing (begun by the command line, or begun now).

        Only a listing of up to ``state.listing.EARLY_LISTING`` releases is read
        beside the first frame; a larger one waits for the load worker.
        """
        if not getattr(self.screen.app, "use_cache", True):
            return
        from interpol_tui.state.listing import take

        self._prefetch = take(tuple(self.screen.corpus_paths), self.preferences.paths)
        self._prefetch.warn = self.preferences.warn
        self._snapshot = self._prefetch.snapshot

    def early_listing(self) -> Corpus | None:
        """The prefetched listing, for the first frame (None: none, or not read in time).

        Waits at most ``EARLY_WAIT`` for the read begun before Textual was
        imported (a few milliseconds of work, nearly always over by now);
        without a snapshot it is over at once. The files are asked whether
        they changed only after that frame (:meth:`_check_early`).
        """
        from interpol_tui.ui.first_look import early_edits

        prefetch = self._prefetch
        found = None if prefetch is None else prefetch.result(EARLY_WAIT)
        if prefetch is not None and found is not None:  # edits the file probe saw, read now
            found, asked = early_edits(prefetch, found, self.max_file_bytes)
            self.first_shown = found  # once drawn, before the statistics are built after it:
            self._early_checked = threading.Event()
            self.screen.call_after_refresh(self._check_early, found, prefetch, asked)
        elif prefetch is not None:
            prefetch.stop_probe()
        return found

    def _check_early(self, shown: Corpus, prefetch: Prefetch, asked: bool) -> None:
        # After the first frame, on the UI thread: see ui/first_look.py.
        from interpol_tui.ui.first_look import show_edits

        try:
            show_edits(self.screen, shown, self.max_file_bytes, self._shown_first, prefetch, asked)
        finally:
            if self._early_checked is not None:
                self._early_checked.set()

    def _shown_first(self, corpus: Corpus) -> None:
        self.first_shown = corpus

    def last_listing(self, cancelled: Callable[[], bool]) -> Corpus | None:
        """On the first load, the corpus as its snapshot last listed it, with the files edited
        since read again and removed ones dropped (in the load worker, after the first frame).

        The listing drawn in the first frame had its files asked on the UI thread
        already (:meth:`_check_early`); any other is asked here, before it is shown.
        """
        prefetch, self._prefetch = self._prefetch, None  # a reload lists from the files
        if prefetch is None:
            return None
        from interpol_tui.state.listing import read_listing
        from interpol_tui.state.quick_check import changed_files

        found = prefetch.result()  # None too when longer than read beside the frame
        if found is None:
            found = read_listing(prefetch.snapshot, self.screen.corpus_paths)
        self._listed = found
        if self._early_checked is not None:  # drawn first, its files asked on the UI thread
            self._early_checked.wait(EARLY_CHECK_WAIT)
            return self.first_shown
        if found is None:
            return None
        return changed_files(found, self.max_file_bytes, cancelled) or found

    @staticmethod
    def same_listing(shown: Corpus, current: Corpus) -> bool:
        """Whether the files gave the corpus as shown (nothing to show again)."""
        from interpol_tui.state.reopen import same_listing

        return same_listing(shown, current)

    def confirm_snapshot(self) -> None:
        """Check the reused files' hashes (in the load worker, after the list is shown)."""
        check, self._confirm = self._confirm, None
        if check is not None:
            check()

    def _changed_behind(self) -> None:
        self.screen.notify(
            "Some releases changed without a new modification time: reading them again",
            timeout=4,
        )
        self.screen.load_corpus()

    def analyse(
        self,
        corpus: Corpus,
        progress: Callable[[int, int], None],
        cancelled: Callable[[], bool],
    ) -> Mapping[str, DocumentAnalysis]:
        """Analyse ``corpus`` reusing the snapshot (runs in the analysis worker's thread)."""
        from interpol_tui.corpus.pacing import paced_check
        from interpol_tui.state.reopen import analyse

        cancelled = paced_check(cancelled)  # steps aside while keys are answered
        reuse = bool(getattr(self.screen.app, "use_cache", True))
        analyses = analyse(
            corpus,
            self._snapshot,
            reuse=reuse,
            progress=progress,
            cancelled=cancelled,
            warn=self.preferences.warn,
        )
        keep_loaded()  # the corpus and its analyses live until a reload (ui/heap.py)
        if analyses.failed:  # never silently: those releases show no highlights
            self.screen.app.call_from_thread(
                self.screen.notify,
                f"{len(analyses.failed)} release(s) could not be analysed: press w to list them",
                severity="warning",
                markup=False,
            )
        return analyses

    def show_empty(self, corpus: Corpus) -> None:
        """Say that the corpus has no readable release, on a screen of its own."""
        from interpol_tui.ui.empty_state import EmptyCorpusScreen

        def chosen(action: str | None) -> None:
            if action == "reload":
                self.screen.load_corpus()

        screen = EmptyCorpusScreen(self.screen.corpus_paths, corpus, self.preferences.warnings)
        self.screen.app.push_screen(screen, chosen)

    def show_warnings(self) -> None:
        """List every warning in a dialog."""
        from interpol_tui.ui.warnings_screen import WarningsScreen

        corpus = self.screen.corpus
        state = self.preferences.warnings
        self.screen.app.push_screen(WarningsScreen(corpus.warnings if corpus else (), state))

    # -- bookmarks --------------------------------------------------------
    def toggle_bookmark(self) -> None:
        """Bookmark the open release, or remove its bookmark; saved in a worker."""
        document = self.screen.query_one(Reader).document
        if document is None:
            return
        marked = document.id not in self.bookmarks.ids
        # Shown at once; the saved set (merged with other running copies) follows.
        self.bookmarks.mark(document.id, marked)
        self._show_bookmarks()
        self.screen.notify(
            f"{'Bookmarked' if marked else 'Bookmark removed'}: {document.title}",
            timeout=2,
            markup=False,
        )

        def save() -> None:
            self.bookmarks.save()
            self.screen.app.call_from_thread(self._show_bookmarks)

        self.screen.run_worker(save, thread=True, group="bookmarks", exit_on_error=False)

    def toggle_bookmarks_only(self) -> None:
        """Show only the bookmarked releases, or all of them again."""
        self.bookmarks_only = not self.bookmarks_only
        self._show_bookmarks()
        if self.bookmarks_only and not self.bookmarks.ids:
            self.screen.notify("No bookmarks yet: press b on a release", timeout=3)

    def _show_bookmarks(self) -> None:
        documents = self.screen.query_one(DocumentList)
        documents.set_markers(self.bookmarks.ids)
        documents.set_read(self.read_marks.ids)
        documents.set_filter(self.bookmarks.ids if self.bookmarks_only else None)

    # -- read marks -------------------------------------------------------
    def document_opened(self, doc_id: str) -> None:
        """The user opened ``doc_id`` (enter, a click, quick-open, a search hit): it is read."""
        if doc_id not in self.read_marks.ids:
            self.read_marks.mark(doc_id, True)  # saved within SAVE_EVERY
            self.screen.query_one(DocumentList).set_read(self.read_marks.ids)

    def toggle_read(self) -> None:
        """Mark the open release unread (or read again); saved within SAVE_EVERY."""
        document = self.screen.query_one(Reader).document
        if document is None:
            return
        read = document.id not in self.read_marks.ids
        self.read_marks.mark(document.id, read)
        self.screen.query_one(DocumentList).set_read(self.read_marks.ids)
        self.screen.notify(
            f"Marked {'read' if read else 'unread'}: {document.title}", timeout=2, markup=False
        )

    # -- reading position -------------------------------------------------
    def document_shown(self, document: Document, *, restore: bool) -> None:
        """The reader shows ``document``: go back to where the user was in it, if asked."""
        if restore:
            self._restore_id = document.id
        elif self._restore_id == document.id:
            return  # the restore still to come records the position
        self._open = None  # scrolls before the restore are not the user's
        reader = self.screen.query_one(Reader)

        def settle() -> None:
            if reader.document is None or reader.document.id != document.id:
                return  # another release was opened meanwhile (the same one listed again
                # from disk after the snapshot's listing is a new object: still restore)
            if self._restore_id == document.id:
                self._restore_id = None
                offset = self.positions.offset(document.id)
                if offset:
                    reader.scroll_to_offset(offset, center=False)  # lays out at today's width
                    line = reader.line_of_offset(offset)
                    reader.scroll_to(y=line, animate=False, immediate=True)
            self._open = reader.document
            self.positions.record(document.id, top_offset(reader))

        if reader.size.height > 0:
            settle()  # laid out already: no flash of the top of the release
        else:
            reader.call_after_refresh(settle)

    def _scrolled(self) -> None:
        reader = self.screen.query_one(Reader)
        if reader.document is not None and reader.document is self._open:
            self.positions.record(reader.document.id, top_offset(reader))

    def _kinds_changed(self, hidden: frozenset[str]) -> None:
        kinds = tuple(kind for kind in HIGHLIGHT_KINDS if kind not in hidden)
        self.preferences.save(self.screen.app, highlight_kinds=kinds)

    def _save_later(self) -> None:
        if self.positions.dirty or self.read_marks.dirty or self.bookmarks.dirty:
            self.screen.run_worker(self._save, thread=True, group="state", exit_on_error=False)

    def _save(self) -> None:
        # Each file saves only what changed; bookmarks first, the most precious.
        self.bookmarks.save()
        self.read_marks.save()
        self.positions.save()

    def save_now(self) -> None:
        """Save what has not been saved yet before the screen goes (on quit)."""
        self._save()
        self.preferences.flush()

    def check_action(self, action: str) -> bool | None:
        """Disable session commands that have nothing to act on."""
        if action in (
            "toggle_bookmark",
            "toggle_read",
            "edit_release",
            "page_release",
            "copy_path",
        ):
            return self.screen.query_one(Reader).document is not None or None
        if action in ("bookmarks_only", "export_list"):
            return bool(self.screen.corpus and self.screen.corpus.documents) or None
        return True
