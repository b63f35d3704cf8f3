"""The main screen: document list, reader and statistics pane, wired together."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.reactive import Reactive, reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header
from textual.worker import get_current_worker

from interpol_tui.corpus.model import Corpus
from interpol_tui.ui import across_indexing, release_actions
from interpol_tui.ui.document_list import DocumentList
from interpol_tui.ui.header_title import show_sub_title
from interpol_tui.ui.key_bar import KeyBar
from interpol_tui.ui.list_pane import ListPane
from interpol_tui.ui.load_bar import LoadBar
from interpol_tui.ui.messages import (
    AnalysisProgress,
    AnalysisReady,
    CorpusLoaded,
    DocumentHighlighted,
    DocumentSelected,
    EntityCardRequested,
    EntityChosen,
    FigureChosen,
    LoadProgress,
)
from interpol_tui.ui.progress import ThrottledProgress
from interpol_tui.ui.reader import Reader
from interpol_tui.ui.reader_pane import ReaderPane
from interpol_tui.ui.release_actions import RELEASE_BINDINGS
from interpol_tui.ui.search_indexing import SearchIndexer
from interpol_tui.ui.session import ReadingSession
from interpol_tui.ui.stats_layout import (
    apply_stats_layout,
    focus_after_toggle,
    keep_focus_in_view,
    make_room_to_read,
    stays_visible,
)
from interpol_tui.ui.stats_pane import StatsPane, stats_bindings

if TYPE_CHECKING:
    from interpol_tui.analysis.model import DocumentAnalysis
    from interpol_tui.corpus.formats.fields import FieldMap

NARROW_WIDTH = 100
"""Below this many columns the statistics pane starts hidden (``s`` shows it)."""


class MainScreen(across_indexing.AcrossViews, release_actions.ReleaseActions, Screen[None]):
    """Composes the three panes and routes messages between them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "app.focus_next", "Next pane", show=False, id="focus.next"),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False, id="focus.prev"),
        Binding("s", "toggle_stats", "Stats", id="stats.toggle"),
        Binding("ctrl+p", "quick_open", "Quick open", id="search.quick_open", priority=True),
        Binding("slash", "search", "Search", id="search.fulltext"),
        Binding("Q", "all_quotations", "All quotations", show=False, id="across.quotations"),
        Binding("C", "compare", "Compare marked", show=False, id="across.compare"),
        Binding("T", "corpus_time", "Releases through time", show=False, id="across.time"),
        Binding("b", "toggle_bookmark", "Bookmark", id="session.bookmark"),
        Binding("B", "bookmarks_only", "Bookmarks only", show=False, id="session.bookmarks"),
        Binding("r", "reload", "Reload corpus", show=False, id="session.reload"),
        Binding("w", "warnings", "Warnings", show=False, id="session.warnings"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("escape", "back", "Back", show=False, id="back"),
        Binding("q", "back_or_quit", "Back / quit", show=False, id="quit.q"),
        Binding("ctrl+q", "app.quit", "Quit", id="quit"),
        *RELEASE_BINDINGS,
    ]

    AUTO_FOCUS = "#documents"

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """As Textual's, without repainting the whole screen on each change: the panes whose
    ``:focus`` style changes repaint themselves, and a full repaint made ``tab`` slow."""

    stats_visible: reactive[bool] = reactive(True)
    """Whether the statistics pane is shown."""
    reading: reactive[bool] = reactive(True)
    """True while a worker is reading the corpus (not ``loading``: Textual's own covers the
    screen with a loading indicator, work the first frame does not need)."""

    def __init__(self, corpus_paths: list[Path], fields: FieldMap | None = None) -> None:
        super().__init__()
        self.corpus_paths = corpus_paths
        self.fields = fields
        """Which fields of records files hold title, date, text (``--fields``)."""
        self.corpus: Corpus | None = None
        self.analyses: Mapping[str, DocumentAnalysis] = {}
        """Spans of every release by document id, once the analysis worker is done."""
        self.search_indexer = SearchIndexer(self)
        self.session = ReadingSession(self)
        self.session.prefetch_listing()
        self._first_frame = threading.Event()
        """Set once the first frame is drawn; the load worker waits for it."""
        self._listed = threading.Event()
        """Set once a frame with the listed corpus is drawn; checking the files waits for it."""
        self._checked = threading.Event()  # set once the listing is checked: analysis waits

    def compose(self) -> ComposeResult:
        """Header, the three panes, a progress bar while loading, and the footer."""
        yield Header()
        with Horizontal(id="panes"):
            yield ListPane(id="list-pane")
            yield ReaderPane(id="reading")
            yield StatsPane(id="stats")
        yield LoadBar(id="loading")
        yield KeyBar()

    def on_mount(self) -> None:
        """Start loading; keep the first frame cheap."""
        self.query_one("#documents").border_title = "Releases"
        self.query_one("#reader").border_title = "Reader"
        self.query_one("#stats").border_title = "Statistics"
        self.stats_visible = self.session.stats_shown(self.app.size.width >= NARROW_WIDTH)
        self.session.start()
        # The first layout pass can hide and blur the list; focus it once laid out.
        self.call_after_refresh(self.query_one(DocumentList).focus)
        self.call_after_refresh(self._first_frame.set)
        self._early = self.session.early_listing()  # read already: in the first frame
        if self._early is not None:  # handled now: a posted message comes after the frame
            self.on_corpus_loaded(CorpusLoaded(self._early))
        self.load_corpus()  # started now (so tests can wait for it), reads after the frame

    # -- loading ----------------------------------------------------------
    @work(thread=True, exclusive=True, group="load")
    def load_corpus(self) -> None:
        """Read and clean the corpus off the UI thread."""
        self._checked.clear()
        self._wait_for(self._first_frame)  # loading would compete with it for the GIL
        from interpol_tui.corpus.loader import CorpusPathError
        from interpol_tui.corpus.pool import Cancelled

        worker = get_current_worker()

        @ThrottledProgress
        def progress(done: int, total: int) -> None:
            self.post_message(LoadProgress(done, total))

        shown = self.session.last_listing(lambda: worker.is_cancelled)  # edited files read again
        if shown is not None:  # listed at once; the full walk follows
            shown = self._show(shown, post=shown is not self.session.first_shown)  # (shown)
        try:  # through the snapshot: an unchanged file is not read again
            corpus = self.session.open_corpus(progress, lambda: worker.is_cancelled, self.fields)
        except Cancelled:
            return
        except (CorpusPathError, OSError) as error:
            self.app.call_from_thread(
                self.notify, str(error), severity="error", timeout=10, markup=False
            )
            corpus = Corpus(documents=(), warnings=(str(error),))
        if worker.is_cancelled:
            return
        if shown is None or not self.session.same_listing(shown, corpus):
            self._show(corpus)
        self._checked.set()  # not before: work on a listing about to change is wasted
        self.session.confirm_snapshot()

    def _show(self, corpus: Corpus, post: bool = True) -> Corpus:  # back once it is drawn
        if post:
            self._listed.clear()
            self.post_message(CorpusLoaded(corpus))
        self._wait_for(self._listed)
        return corpus

    @staticmethod
    def _wait_for(event: threading.Event) -> None:
        worker = get_current_worker()
        while not event.wait(0.02) and not worker.is_cancelled:
            pass

    def on_load_progress(self, message: LoadProgress) -> None:
        """Advance the progress bar."""
        self.query_one("#loading", LoadBar).update(total=message.total, progress=message.done)

    def on_corpus_loaded(self, message: CorpusLoaded) -> None:
        """Show the loaded corpus in every pane."""
        if self.corpus is not None:  # r: say what the reload found
            from interpol_tui.ui.reload_report import reload_summary

            self.notify(reload_summary(self.corpus, message.corpus), timeout=4, markup=False)
        self.corpus = message.corpus
        self.reading = False
        self.analyses = {}
        self.call_after_refresh(self._listed.set)
        self.analyse(message.corpus)  # started now, working once the listing is checked
        self.search_indexer.index(message.corpus, after=self._checked)
        documents = self.query_one(DocumentList)
        keep = self.session.corpus_loaded(message.corpus)  # reloaded, or last read
        documents.set_documents(message.corpus.documents, keep)
        first = message.corpus is self.session.first_shown  # its files are asked first
        self.query_one(StatsPane).show_corpus(message.corpus, build=not first)
        if not message.corpus.documents:
            self.query_one(Reader).show_message("No readable releases in this corpus.")
            self.session.show_empty(message.corpus)
            return
        if documents.current is not None:
            self.open_document(documents.current.id)

    @work(thread=True, exclusive=True, group="analysis")
    def analyse(self, corpus: Corpus) -> None:
        """Find the entities, figures and quotations of every release off the UI thread."""
        worker = get_current_worker()
        self._wait_for(self._checked)
        from interpol_tui.corpus.pool import Cancelled  # after the wait: not in the first frame

        @ThrottledProgress
        def progress(done: int, total: int) -> None:
            self.post_message(AnalysisProgress(done, total))

        try:  # through the snapshot: an unchanged release is not analysed again
            analyses = self.session.analyse(corpus, progress, lambda: worker.is_cancelled)
        except Cancelled:
            return
        except Exception as error:  # a bug in analysis must not take the browser down
            self.app.call_from_thread(
                self.notify, f"Analysis failed: {error}", severity="error", markup=False
            )
            analyses = {}
        if not worker.is_cancelled:
            self.post_message(AnalysisReady(analyses))

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        """Show analysis progress in the loading bar."""
        bar = self.query_one("#loading", LoadBar)
        bar.display = message.done < message.total
        bar.update(total=message.total, progress=message.done)

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        """Keep the spans; highlight the open release; fill the statistics."""
        self.analyses = message.analyses
        self.search_indexer.add_analyses(message.analyses)
        self.across.build(self.corpus, message.analyses)
        self.query_one("#loading").display = self.reading
        reader = self.query_one(Reader)
        if reader.document is not None:
            reader.set_analysis(self.analyses.get(reader.document.id))
        if self.corpus is not None:
            self.query_one(StatsPane).show_analyses(self.corpus, self.analyses)

    def watch_reading(self, reading: bool) -> None:
        """Show the progress bar only while reading."""
        self.query_one("#loading").display = reading

    # -- routing ----------------------------------------------------------
    def open_document(self, doc_id: str, offset: int | None = None) -> None:
        """Show release ``doc_id`` in the reader, with ``offset`` in view."""
        if self.corpus is None:
            return
        document = self.corpus.by_id(doc_id)
        if document is None:
            return
        reader = self.query_one(Reader)
        changed = reader.document is not document
        if changed:
            reader.set_document(document, self.analyses.get(doc_id))
        if offset is not None:
            reader.scroll_to_offset(offset)
        self.session.document_shown(document, restore=changed and offset is None)
        show_sub_title(self, document.title)

    @on(DocumentHighlighted)
    def _preview(self, message: DocumentHighlighted) -> None:
        self.open_document(message.doc_id)

    @on(DocumentSelected)
    def _open(self, message: DocumentSelected) -> None:
        documents = self.query_one(DocumentList)
        if documents.current is None or documents.current.id != message.doc_id:
            documents.select_id(message.doc_id)
        self.open_document(message.doc_id, message.offset)
        self.session.document_opened(message.doc_id)
        self.query_one(Reader).focus()

    @on(EntityCardRequested)
    def _entity_card(self, message: EntityCardRequested) -> None:
        if self.corpus is None:
            return
        from interpol_tui.ui.entity_card import EntityCard  # imported when first needed

        card = EntityCard(message.entity, message.doc_id, self.corpus, self._mentioning(message))
        self.app.push_screen(card, self._open_mention)

    def _mentioning(self, message: EntityCardRequested) -> Mapping[str, DocumentAnalysis]:
        """The analyses the entity card must look through: those naming the entity, if known."""
        from interpol_tui.state.stored import StoredAnalyses

        analyses = self.analyses
        if not isinstance(analyses, StoredAnalyses):
            return analyses
        entity = message.entity
        index = self.across.ready_for(analyses)  # the across-release index knows, once built
        found = index.naming(entity.type, entity.canonical) if index is not None else None
        if found is None:  # not indexed yet: every analysis is read
            return analyses
        return {doc_id: analyses[doc_id] for doc_id in dict.fromkeys([*found, message.doc_id])}

    def _open_mention(self, choice: tuple[str, int] | EntityChosen | None) -> None:
        if isinstance(choice, EntityChosen):
            self.post_message(choice)  # "l": list the releases that mention it
        elif choice is not None:
            self.post_message(DocumentSelected(*choice))
            # Queued after the message, so the release is open when the mark moves.
            self.call_later(self.query_one(Reader).mark_entity_at, choice[1])

    # -- actions ----------------------------------------------------------
    @on(FigureChosen)
    def _read_figure(self, message: FigureChosen) -> None:
        if make_room_to_read(self):
            self.stats_visible = False
        # After the layout has given the reader its size back, or it scrolls blind.
        self.call_after_refresh(self.post_message, DocumentSelected(message.doc_id, message.offset))
        # Then mark the figure itself, once the release is open (queued after the message).
        self.call_after_refresh(
            self.call_later, self.query_one(Reader).mark_figure_at, message.start
        )

    @on(EntityChosen)
    def _list_mentioning(self, message: EntityChosen) -> None:
        documents = self.query_one(DocumentList)
        self.query_one(ListPane).show_entity(message.name, message.doc_ids)
        if message.name is not None and message.doc_ids is not None:
            count = len(message.doc_ids)
            self.notify(f"{count} release(s) mention {message.name}", timeout=3, markup=False)
            if make_room_to_read(self):  # narrow: the list is under the pane
                self.stats_visible = False
                documents.focus()

    def watch_stats_visible(self, visible: bool) -> None:
        """Show or hide the statistics pane (filling the screen when it is narrow)."""
        apply_stats_layout(self, visible)

    def on_resize(self) -> None:
        """Re-place the statistics pane for the new width."""
        self.stats_visible = stays_visible(self, self.stats_visible)
        apply_stats_layout(self, self.stats_visible)
        keep_focus_in_view(self)

    def action_toggle_stats(self) -> None:
        """Show or hide the statistics pane."""
        self.stats_visible = not self.stats_visible
        self.session.pane_toggled("stats", self.stats_visible, self.size.width >= NARROW_WIDTH)
        focus_after_toggle(self, self.stats_visible)

    def action_toggle_bookmark(self) -> None:
        """Bookmark the open release, or remove its bookmark."""
        self.session.toggle_bookmark()

    def action_bookmarks_only(self) -> None:
        """List only the bookmarked releases, or all again."""
        self.session.toggle_bookmarks_only()

    def action_reload(self) -> None:
        """Read the corpus from disk again, keeping the open release."""
        self.load_corpus()

    def action_warnings(self) -> None:
        """List the files that were skipped or loaded with a problem."""
        self.session.show_warnings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Disable commands that have nothing to act on."""
        return self.session.check_action(action)

    def on_unmount(self) -> None:
        """Save the reading position, then stop the worker processes (not waiting for them)."""
        from interpol_tui.corpus.pool import terminate_all_soon

        self.session.save_now()
        terminate_all_soon()

    def action_back(self) -> None:
        """Escape: clear the list's filter, else give the list the focus back."""
        from interpol_tui.ui.back import go_back

        go_back(self)

    def action_back_or_quit(self) -> None:
        """q: back to the whole release list, as escape does; from there, quit."""
        from interpol_tui.ui.back import go_back, is_home

        if is_home(self):
            self.app.exit()
        else:
            go_back(self)

    def action_help(self) -> None:
        """Show every key."""
        from interpol_tui.ui.help_screen import HelpScreen

        self.app.push_screen(HelpScreen(help_sections()))

    def action_quick_open(self) -> None:
        """Open a release by typing a few letters of its title."""
        from interpol_tui.ui.quick_open import QuickOpen

        QuickOpen.open_for(self, self.search_indexer, self.corpus)

    def action_search(self) -> None:
        """Search the text of every release."""
        from interpol_tui.ui.search_screen import FullTextSearch

        FullTextSearch.open_for(self, self.search_indexer)

    def action_all_quotations(self) -> None:
        """List every quotation of the corpus by speaker."""
        from interpol_tui.ui.across import open_quotations

        open_quotations(self)

    def action_compare(self) -> None:
        """Compare the two releases marked with ``m``."""
        from interpol_tui.ui.across import open_compare

        open_compare(self)

    def action_corpus_time(self) -> None:
        """Chart the releases per month or year; choose a period to list it."""
        from interpol_tui.ui.across import open_corpus_time

        open_corpus_time(self)


def help_sections() -> list[tuple[str, list[BindingType]]]:
    """The bindings of every part of the main screen, grouped for the help screen."""
    from interpol_tui.ui.across import across_help_sections
    from interpol_tui.ui.search_screen import FullTextSearch  # imported when help opens

    return [
        ("Everywhere", list(MainScreen.BINDINGS)),
        ("Release list", [*DocumentList.BINDINGS, *ListPane.BINDINGS]),
        ("Reader", list(Reader.BINDINGS)),
        *across_help_sections(),
        ("Statistics", stats_bindings()),
        ("Search (/)", list(FullTextSearch.BINDINGS)),
    ]
