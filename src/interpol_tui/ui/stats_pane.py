"""The statistics pane: figures cited across releases, all figures, entity counts, totals."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static
from textual.worker import get_current_worker

from interpol_tui.corpus.model import Corpus
from interpol_tui.ui.focus_border import FocusWithinBorder
from interpol_tui.ui.heap import keep_loaded, release_loaded
from interpol_tui.ui.messages import EntityChosen
from interpol_tui.ui.stats_build import build_once_imported
from interpol_tui.ui.stats_texts import (
    corpus_totals,
    entities_status,
    release_dates_table,
    sentence_text,
    statistics_status,
    tab_labels,
)

if TYPE_CHECKING:
    # The tables (DataTable, TabbedContent, the aggregation they show) are
    # imported when the pane is built, after the first frame: start-up speed.
    from textual.widgets import DataTable, Input, TabbedContent

    from interpol_tui.analysis.aggregate import Occurrence, Statistics
    from interpol_tui.analysis.model import DocumentAnalysis
    from interpol_tui.ui.figure_table import FigureIndex
    from interpol_tui.ui.stats_fill import PreparedTables

TABS = ("tab-quantities", "tab-figures", "tab-entities", "tab-corpus")
FULL_SCREEN_BELOW = 100
"""Below this many columns the shown pane fills the screen (see ``stats_layout``)."""


class StatisticsReady(Message):
    """The statistics worker finished grouping the corpus's figures."""

    def __init__(
        self, statistics: Statistics, figures: FigureIndex, prepared: PreparedTables | None = None
    ) -> None:
        self.statistics = statistics
        self.figures = figures
        self.prepared = prepared
        """What the tables show first, made in the worker (``ui/stats_fill.py``)."""
        super().__init__()


class StatsPane(FocusWithinBorder, Vertical):
    """Figures across releases side by side, every figure, entity frequencies, corpus totals."""

    ALLOW_MAXIMIZE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "next_tab", "Next tab", id="stats.next_tab"),
        Binding("x", "export", "Export", id="stats.export"),
        Binding("f", "filter_figures", "Filter", id="stats.filter"),
        Binding("z", "zoom", "Zoom", id="stats.zoom"),
        Binding("1", "show_tab(0)", "Quantities", show=False),
        Binding("2", "show_tab(1)", "Figures", show=False),
        Binding("3", "show_tab(2)", "Entities", show=False),
        Binding("4", "show_tab(3)", "Corpus", show=False),
    ]

    DEFAULT_CSS = """
    StatsPane { padding: 0 0; }
    StatsPane > TabbedContent { height: 1fr; }
    /* Textual dims the other tabs to $foreground 50% (2.0-4.4:1): the bar and bold mark
       the tab shown; every name stays readable. */
    StatsPane Tab, StatsPane Tab:ansi { color: $foreground; text-style: none; }
    StatsPane Tab.-active, StatsPane Tab.-active:ansi { text-style: bold; }
    StatsPane ContentSwitcher { height: 1fr; }
    StatsPane TabPane { height: 1fr; padding: 0; }
    StatsPane .stats--status { height: auto; color: $text-muted; padding: 0 1; }
    StatsPane #quantities { height: 1fr; min-height: 4; }
    StatsPane #occurrence-sentence {
        height: 5;
        padding: 0 1;
        border-top: solid $panel;
    }
    StatsPane #figures, StatsPane #entities { height: 1fr; }
    StatsPane #figure-filter { border: none; height: 1; padding: 0 1; }
    StatsPane #corpus-scroll { height: 1fr; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.statistics: Statistics | None = None
        self.corpus: Corpus | None = None
        self.built = False
        """False until the tabs are composed (once the corpus is shown: start-up speed)."""
        self.ready = False
        """True once the composed tabs are mounted (``build`` awaits that)."""
        self._status = Text("Loading…")
        self._pending: StatisticsReady | None = None

    def compose(self) -> ComposeResult:
        """A status line for the first frame; the four tabs once built."""
        if not self.built:
            yield Static(self._status, id="stats-placeholder", classes="stats--status")
            return
        from textual.widgets import TabbedContent, TabPane

        from interpol_tui.ui.entity_table import EntityTable
        from interpol_tui.ui.figure_table import FigureTable
        from interpol_tui.ui.legible_input import LegibleInput
        from interpol_tui.ui.nav_keys import KeyedScroll
        from interpol_tui.ui.quantity_table import QuantityTable

        # No ``initial``: the first tab is shown anyway, and a tab bar told which tab to
        # show fails on Mount when the app closes before it could mount its tabs.
        with TabbedContent(id="stats-tabs"):
            with TabPane("Quantities", id="tab-quantities"):
                yield Static(self._status, id="quantities-status", classes="stats--status")
                yield QuantityTable(id="quantities")
                yield Static("", id="occurrence-sentence")
            with TabPane("Figures", id="tab-figures"):
                yield LegibleInput(placeholder="type to filter figures", id="figure-filter")
                yield FigureTable(id="figures")
                yield Static("", id="figures-status", classes="stats--status")
            with TabPane("Entities", id="tab-entities"):
                yield Static("", id="entities-status", classes="stats--status")
                yield EntityTable(id="entities")
            with TabPane("Corpus", id="tab-corpus"), KeyedScroll(id="corpus-scroll"):
                yield Static("", id="stats-totals")
                yield Static("", id="stats-dates")

    def on_mount(self) -> None:
        """Follow the screen's maximizing; the tabs are built once the corpus is shown."""
        self.watch(self.screen, "maximized", self._maximized_changed, init=False)

    def on_unmount(self) -> None:
        """The app is closing: what was frozen with the tables may be collected again."""
        release_loaded()

    async def build(self) -> None:
        """Compose the tabs and fill them with whatever arrived before."""
        if self.built:
            return
        self.built = True
        await self.recompose()
        if not self.query("#stats-totals") or len(self.query("ContentTab")) != len(TABS):
            return  # the app is closing: the tabs were never mounted
        self.ready = True
        self._show_status(self._status)
        self._fit_tab_labels()
        # Tabs change with keys (t, 1-4) so that tab moves between panes, not within one.
        for tabs in self.query("ContentTabs"):
            tabs.can_focus = False
        if self.corpus is not None:
            self._fill_totals(self.corpus)
        if self._pending is not None:
            self.on_statistics_ready(self._pending)
            self._pending = None

    def on_resize(self) -> None:
        """Shorten the tabs' names when the pane is too narrow for them all."""
        self._fit_tab_labels()

    def _fit_tab_labels(self) -> None:
        if not self.ready:
            return
        tabs = self._tabs()
        for tab_id, label in zip(
            TABS, tab_labels(self.scrollable_content_region.width), strict=True
        ):
            tab = tabs.get_tab(tab_id)
            if str(tab.label) != label:
                tab.label = label

    def _maximized_changed(self, maximized: object) -> None:
        # Escape un-maximizes before any binding sees it; in a narrow terminal
        # the pane has no place beside the reader, so that closes it.
        narrow = self.app.size.width < FULL_SCREEN_BELOW
        if maximized is None and narrow and self.display:
            self.call_later(self.app.run_action, "screen.toggle_stats")

    # -- filling ----------------------------------------------------------
    def show_corpus(self, corpus: Corpus, build: bool = True) -> None:
        """Fill the totals from a freshly loaded corpus; figures follow its analysis.

        ``build``: build the tabs after the next frame (False: the caller calls :meth:`build`).
        """
        self.corpus = corpus
        status = f"{len(corpus.documents):,} releases · waiting for their analysis…"
        self._show_status(Text(status))
        if self.ready:
            self._fill_totals(corpus)
        elif not self.built and build:  # after the frame that shows the list: it comes first
            build_once_imported(self, self.build)

    def show_analyses(self, corpus: Corpus, analyses: Mapping[str, DocumentAnalysis]) -> None:
        """Group the analysed figures across releases (in a worker) and show them."""
        self.corpus = corpus
        status = f"{len(corpus.documents):,} releases · comparing their figures…"
        self._show_status(Text(status))
        self._compute(corpus, analyses)

    @work(thread=True, exclusive=True, group="stats-totals")
    def _fill_totals(self, corpus: Corpus) -> None:
        """Count the corpus's words off the UI thread (every text is read for it)."""
        from interpol_tui.corpus.pacing import stopping

        totals = corpus_totals(corpus)
        if not get_current_worker().is_cancelled and not stopping():
            self.app.call_from_thread(self._show_totals, totals)

    def _show_totals(self, totals: Text) -> None:
        for found in self.query("#stats-totals").results(Static):
            found.update(totals)

    @work(thread=True, exclusive=True, group="stats")
    def _compute(self, corpus: Corpus, analyses: Mapping[str, DocumentAnalysis]) -> None:
        """Aggregate off the UI thread; a failure becomes a notification."""
        from interpol_tui.analysis.aggregate import corpus_statistics
        from interpol_tui.corpus.pacing import paced_check
        from interpol_tui.ui.figure_table import index_figures
        from interpol_tui.ui.stats_fill import prepare_tables

        worker = get_current_worker()
        cancelled = paced_check(lambda: worker.is_cancelled)  # steps aside for keys
        try:
            statistics = corpus_statistics(corpus, analyses, cancelled=cancelled)
            figures = index_figures(statistics)
            prepared = prepare_tables(statistics, figures)
        except Exception as error:  # a bug here must not take the browser down
            message = f"Could not compare figures: {error}"
            self.app.call_from_thread(self.notify, message, severity="error", markup=False)
            return
        if not worker.is_cancelled:
            self.post_message(StatisticsReady(statistics, figures, prepared))

    def _show_status(self, status: Text) -> None:
        self._status = status
        # While the tabs are being mounted neither line exists: build shows _status.
        for line in self.query("#quantities-status" if self.ready else "#stats-placeholder"):
            if isinstance(line, Static):
                line.update(status)

    def on_statistics_ready(self, message: StatisticsReady) -> None:
        """Fill every table (once they are built), a table at a time (``ui/stats_fill.py``)."""
        if not self.ready:
            self._pending = message
            return
        from interpol_tui.ui.entity_table import MAX_ENTITY_ROWS, EntityTable
        from interpol_tui.ui.figure_table import FigureTable
        from interpol_tui.ui.quantity_table import QuantityTable
        from interpol_tui.ui.stats_fill import fill_in_turns, prepare_tables

        statistics, prepared = message.statistics, message.prepared
        if prepared is None:
            prepared = prepare_tables(statistics, message.figures)
        keep_loaded()  # the statistics live until a reload: out of the full passes (heap.py)
        entities, releases = list(statistics.entities), len(statistics.dates)

        def entity_rows() -> None:
            self.query_one(EntityTable).show(entities, releases)
            status = entities_status(len(entities), MAX_ENTITY_ROWS)
            self.query_one("#entities-status", Static).update(Text(status))

        def done() -> None:
            self.query_one("#stats-dates", Static).update(release_dates_table(statistics))
            self.statistics = statistics
            self._show_status(Text(statistics_status(statistics)))
            self._show_sentence(self.query_one(QuantityTable).current_occurrence)
            self.app.refresh_bindings()
            self.call_after_refresh(keep_loaded)  # the tables stay until a reload (ui/heap.py)

        turns = (
            lambda: self.query_one(QuantityTable).show(statistics, prepared.quantities),
            lambda: self.query_one(FigureTable).show(
                statistics, message.figures, prepared.figure_orders
            ),
            entity_rows,
            done,
        )
        self.run_worker(fill_in_turns(self, turns), group="stats-fill", exclusive=True)

    def _show_sentence(self, occurrence: Occurrence | None) -> None:
        sentence = self.query_one("#occurrence-sentence", Static)
        if occurrence is None or self.statistics is None:
            sentence.update("", layout=False)
            return
        title = self.statistics.titles.get(occurrence.doc_id, occurrence.doc_id)
        # Its height is fixed, so moving the cursor does not lay the screen out again.
        sentence.update(sentence_text(occurrence, title, sentence.size.width or 80), layout=False)

    def _update_figures_status(self) -> None:
        from interpol_tui.ui.figure_table import MAX_ROWS, FigureTable

        table = self.query_one(FigureTable)
        total = len(table.all_rows)
        text = f"{table.matching} of {total} figures · sorted by {table.order} (o)"
        if table.matching > MAX_ROWS:
            text += f" · first {MAX_ROWS} shown, type to narrow"
        self.query_one("#figures-status", Static).update(Text(text))

    # -- events -----------------------------------------------------------
    def on_entity_chosen(self, message: EntityChosen) -> None:
        """Say in the entities tab which releases the list shows (the screen does the listing)."""
        from interpol_tui.ui.entity_table import EntityTable

        entities = len(self.query_one(EntityTable).entities)
        if message.name is None or message.doc_ids is None:
            text = f"{entities:,} entities · enter lists the releases that mention one"
        else:
            count = len(message.doc_ids)
            text = f"The list shows the {count} release(s) mentioning {message.name}"
            text += " · enter on it again: all releases"
        self.query_one("#entities-status", Static).update(Text(text))

    # Handlers by name, not @on(DataTable...): the classes are imported late.
    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Show the sentence of the figure under the quantities cursor."""
        from interpol_tui.ui.quantity_table import QuantityTable

        if event.data_table.id == "quantities":
            self._show_sentence(self.query_one(QuantityTable).current_occurrence)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Filter the figures as the user types."""
        from interpol_tui.ui.figure_table import FigureTable

        if event.input.id == "figure-filter":
            self.query_one(FigureTable).filter_text = event.value

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the filter moves to the figures."""
        from interpol_tui.ui.figure_table import FigureTable

        if event.input.id == "figure-filter":
            self.query_one(FigureTable).focus()

    def on_figure_table_refilled(self) -> None:
        """Keep the status line's counts and order up to date."""
        self._update_figures_status()

    # -- actions ----------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Tabs need the tables built; export needs statistics to export."""
        if action in ("next_tab", "show_tab", "filter_figures") and not self.ready:
            return None
        if action == "export" and self.statistics is None:
            return None
        return True

    def _tabs(self) -> TabbedContent:
        from textual.widgets import TabbedContent

        return self.query_one("#stats-tabs", TabbedContent)

    def focus_tables(self) -> None:
        """Focus the main table of the tab shown."""
        if not self.ready:
            return
        active = self._tabs().active
        targets = {
            "tab-figures": "#figures",
            "tab-entities": "#entities",
            "tab-corpus": "#corpus-scroll",
        }
        self.query_one(targets.get(active, "#quantities")).focus()

    def action_show_tab(self, index: int) -> None:
        """Show tab number ``index`` (0-based) and focus its table."""
        self._tabs().active = TABS[index]
        self.call_after_refresh(self.focus_tables)

    def action_next_tab(self) -> None:
        """Show the next tab."""
        active = self._tabs().active
        index = TABS.index(active) if active in TABS else 0
        self.action_show_tab((index + 1) % len(TABS))

    def action_zoom(self) -> None:
        """Let the pane fill the screen, or give the other panes their place back."""
        if self.screen.maximized is self:
            self.screen.minimize()
        else:
            self.screen.maximize(self, container=False)

    def action_filter_figures(self) -> None:
        """Show the figures tab with the cursor in its filter."""
        from textual.widgets import Input

        self._tabs().active = "tab-figures"
        self.call_after_refresh(self.query_one("#figure-filter", Input).focus)

    def action_export(self) -> None:
        """Ask for a path, then write the quantities and figures there."""
        from interpol_tui.ui.export_dialog import ExportDialog, default_export_path

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.export_to(path)

        self.app.push_screen(ExportDialog(default_export_path()), chosen)

    @work(thread=True, exclusive=True, group="stats-export")
    def export_to(self, path: Path) -> None:
        """Write the export atomically (CSV or Markdown by the extension) and say where."""
        from interpol_tui.report.export import format_for, write_export
        from interpol_tui.ui.figure_table import FigureTable

        statistics = self.statistics
        if statistics is None:
            return
        table = self.query_one(FigureTable)
        # The figures filter in force narrows the export too; the status says so.
        needle = table.filter_text.strip()
        rows = list(table.filtered) if needle else None
        count = len(rows) if rows is not None else len(table.all_rows)
        try:
            written = write_export(statistics, path, rows=rows)
        except OSError as error:
            message = f"Could not export to {path}: {error.strerror or error}"
            self.app.call_from_thread(self.notify, message, severity="error", markup=False)
            return
        kind = "Markdown" if format_for(written) == "md" else "CSV"
        which = f" matching “{needle}”" if needle else ""
        message = f"Exported {count:,} figure(s){which} as {kind} to {written}"
        self.app.call_from_thread(self.notify, message, markup=False)


def stats_bindings() -> list[BindingType]:
    """Every key of the statistics pane and its tables, for the help screen."""
    from interpol_tui.ui.entity_table import EntityTable
    from interpol_tui.ui.figure_table import FigureTable
    from interpol_tui.ui.quantity_table import QuantityTable

    return [
        *StatsPane.BINDINGS,
        *QuantityTable.BINDINGS,
        *FigureTable.BINDINGS,
        *EntityTable.BINDINGS,
    ]
