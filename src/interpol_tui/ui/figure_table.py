"""Every figure of the corpus in one table: sortable, filtered as the user types."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import DataTable

from interpol_tui.analysis.aggregate import Statistics
from interpol_tui.report.export import FigureRow, compact_value, stated_value
from interpol_tui.report.figure_rows import FigureRows, FigureSort, SelectedRows
from interpol_tui.ui.column_fit import fit_table
from interpol_tui.ui.keyed_columns import KeyedColumns
from interpol_tui.ui.legible import LegibleStyles
from interpol_tui.ui.nav_keys import TABLE_KEYS
from interpol_tui.ui.quantity_table import clip, figure_chosen

FIGURE_SORTS: tuple[FigureSort, ...] = ("value", "quantity", "release")
MAX_ROWS = 500
"""Rows drawn at once; typing a filter narrows the rest down (DataTable slows past ~10k)."""

FILTER_DELAY = 0.12
"""Seconds of no typing before the filter applies."""
WIDE_FROM = 110
"""From this many columns the cells are drawn longer."""
COLUMNS = ("value", "figure", "quantity", "when", "release")
NARROW_COLUMNS = ("value", "quantity", "when")
"""The columns of a table narrower than :data:`NARROW_BELOW` (enter shows the figure in full)."""
NARROW_BELOW = 60
MINIMUM_WIDTHS = {"value": 8, "figure": 12, "quantity": 10, "when": 10, "release": 12}
"""The narrowest each column gets (``column_fit``): a date is never cut."""
_COLUMN_SORT: dict[str, FigureSort] = {"value": "value", "quantity": "quantity", "when": "release"}


FigureIndex = FigureRows
"""Every figure row, numbered, with what sorting and filtering them needs."""


def index_figures(statistics: Statistics) -> FigureIndex:
    """The rows, built once (off the UI thread) so that typing a filter stays quick."""
    return FigureRows(statistics)


class FigureTable(LegibleStyles, KeyedColumns):
    """All figures with value, wording, quantity, date and release; ``o`` changes the order."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Read figure", id="stats.figure.open"),
        Binding("o", "cycle_sort", "Sort", id="stats.figure.sort"),
        *TABLE_KEYS,
    ]
    COLUMNS = COLUMNS

    class Refilled(Message):
        """The rows shown changed: new figures, filter or order."""

    order: reactive[FigureSort] = reactive[FigureSort]("value")
    """The order of the rows: largest value first, by quantity, or by release date."""
    filter_text: reactive[str] = reactive("")
    """Only rows whose wording, quantity or release contain this (case-insensitive)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.statistics: Statistics | None = None
        self.all_rows: Sequence[FigureRow] = ()
        self._rows: FigureRows | None = None
        self.orders: dict[FigureSort, Sequence[int]] = {}
        """Row indexes in each order asked for so far."""
        self.shown: list[FigureRow] = []
        self.wide = False
        """True when the cells are drawn at their longest."""
        self._pending_refill: Timer | None = None
        self.matching = 0
        """Rows that pass the filter (more than :data:`MAX_ROWS` are not drawn)."""
        self.filtered: Sequence[FigureRow] = ()
        """Every row that passes the filter, in the order shown (what export writes)."""
        self._fitted_width = 0

    def show(
        self,
        statistics: Statistics,
        index: FigureIndex | None = None,
        orders: dict[FigureSort, Sequence[int]] | None = None,
    ) -> None:
        """Show every figure of ``statistics`` (``index``, and the ``orders`` of its rows
        already sorted, built beforehand off the UI thread)."""
        self.statistics = statistics
        self.all_rows = self._rows = index or index_figures(statistics)
        self.orders = dict(orders or {})
        self._refill()

    def watch_order(self) -> None:
        """Re-order the rows."""
        self._refill()

    def watch_filter_text(self) -> None:
        """Re-filter the rows once typing pauses (each refill redraws up to MAX_ROWS rows)."""
        if self._pending_refill is not None:
            self._pending_refill.stop()
        self._pending_refill = self.set_timer(FILTER_DELAY, self._refill)

    def _refill(self) -> None:
        if self.statistics is None or self._rows is None:
            return
        statistics, rows = self.statistics, self._rows
        needle = self.filter_text.casefold().strip()
        order = self.orders.get(self.order)
        if order is None:
            order = self.orders[self.order] = rows.order(self.order)
        matches = rows.matching(needle, order) if needle else order
        self.matching = len(matches)
        self.filtered = SelectedRows(rows, matches) if needle else rows
        self.shown = [rows.row(i) for i in matches[:MAX_ROWS]]
        self.wide = self.size.width >= WIDE_FROM
        value_width, figure_width, quantity_width = (22, 34, 30) if self.wide else (16, 26, 20)
        width = self.size.width
        keys = COLUMNS if width == 0 or width >= NARROW_BELOW else NARROW_COLUMNS
        self._set_columns(keys)
        self.clear()
        value = stated_value if self.wide else compact_value
        cells: list[list[Text]] = []
        for row in self.shown:
            title = statistics.titles.get(row.occurrence.doc_id, row.occurrence.doc_id)
            quantity = row.quantity.counts
            if row.quantity.recurring:
                quantity += f" ×{row.quantity.releases}"
            by_key = {
                # Narrow: "~4.5bn", not a cut "some 4.5…" that hides the number.
                "value": Text(clip(value(row.figure), value_width), justify="right"),
                "figure": Text(clip(row.figure.text, figure_width)),
                "quantity": Text(
                    clip(quantity, quantity_width),
                    style="" if row.quantity.recurring else "dim",
                ),
                "when": Text(row.occurrence.when),
                "release": Text(clip(title, 48)),
            }
            cells.append([by_key[key] for key in keys])
        self._fitted_width = width
        rest = keys.index("release") if "release" in keys else None  # takes the room left
        fit_table(self, cells, [MINIMUM_WIDTHS[key] for key in keys], rest)
        for index, row_cells in enumerate(cells):
            self.add_row(*row_cells, key=str(index))
        self.post_message(self.Refilled())

    def on_resize(self) -> None:
        """Size the columns again for the new width (longer cells once it is wide)."""
        if self.size.width != self._fitted_width:
            self._refill()

    @property
    def current(self) -> FigureRow | None:
        """The figure under the cursor."""
        if 0 <= self.cursor_row < len(self.shown):
            return self.shown[self.cursor_row]
        return None

    def action_cycle_sort(self) -> None:
        """Order by value, then by quantity, then by release date."""
        self.order = FIGURE_SORTS[(FIGURE_SORTS.index(self.order) + 1) % len(FIGURE_SORTS)]

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        """Clicking a sortable column's header sorts by it."""
        event.stop()
        sort = _COLUMN_SORT.get(str(event.column_key.value))
        if sort is not None:
            self.order = sort

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row: read that figure in its release."""
        event.stop()
        row = self.current
        if row is not None:
            self.post_message(figure_chosen(row.occurrence.doc_id, row.figure))
