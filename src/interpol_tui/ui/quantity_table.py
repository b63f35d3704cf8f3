"""The quantities table: each thing counted across releases, then each release's value.

A quantity that several releases cite takes a heading row (what is counted,
the values in date order, the overall change, a trend arrow and sparkline)
followed by one row per release (date, the figure as written, the change
from the previous release, a bar from zero, the release). Figures cited by
one release only follow, one row each.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import DataTable

from interpol_tui.analysis.aggregate import (
    Change,
    Occurrence,
    Quantity,
    Statistics,
    format_value,
)
from interpol_tui.analysis.model import Figure
from interpol_tui.report.export import compact_value, stated_value
from interpol_tui.ui.cell_forms import Cell, Forms, fit_by_importance
from interpol_tui.ui.column_fit import fit_table
from interpol_tui.ui.legible import LegibleStyles
from interpol_tui.ui.messages import FigureChosen
from interpol_tui.ui.nav_keys import TABLE_KEYS

SPARK = "▁▂▃▄▅▆▇█"
EIGHTHS = " ▏▎▍▌▋▊▉█"
BAR_WIDTH = 12
MAX_TABLE_ROWS = 600
"""Rows drawn at most (a DataTable slows down past ~10k); the rest are counted in a note."""
TINY_BELOW = 44
"""Narrower than this, only what is counted and the value: numbers are never cut off."""
COMPACT_BELOW = 60
"""Narrower than this many columns, the table shows only what is counted, value and change."""
FULL_FROM = 110
"""From this many columns, the table shows whole phrases and changes in full."""
MAX_COUNTED = 44
"""The longest "what is counted" cell, however wide the table."""
MINIMUM_WIDTHS = {2: (8, 6), 3: (8, 6, 5)}
"""The narrowest each column of the narrow layouts gets, by their number (``column_fit``)."""
IMPORTANCE = (1, 2, 0, 3, 4)
"""The five columns, most important first: values, change, what is counted, chart, release
(``cell_forms``: each gets what it needs in this order; a release's title yields first)."""
LIMITS = ((12, 17, MAX_COUNTED), (15, 30, 32), (12, 12, 40), (6, 12, 12), (8, 10, 48))
"""Each of the five columns' floor, need and want at most (``cell_forms.column_room``):
values keep room for three numbers ("192 → 195 → 196"), a date its 12 cells (the third
column holds the date of a figure cited once), a bar 6."""
BAR_FORMS = (BAR_WIDTH, 10, 8, 6)
"""The widths a bar is drawn at, the widest that fits its column (one scale for all rows)."""
TREND_ARROWS = {"rising": "▲", "falling": "▼", "steady": "=", "mixed": "↕"}


def clip(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` characters at a word boundary, marking the cut with "…".

    A cut never falls inside a word (nor so inside a number: "nearly 8 bi…" would
    read as a figure) unless the first word alone is too long.
    """
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    cut = text[: width - 1]
    if text[width - 1] != " " and " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–—-·→") + "…"


def sparkline(values: Sequence[float]) -> str:
    """Block characters scaled from the smallest to the largest value; empty for one value."""
    if len(values) < 2:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return SPARK[3] * len(values)
    return "".join(SPARK[round((v - low) / (high - low) * (len(SPARK) - 1))] for v in values)


def bar(value: float, largest: float, width: int = BAR_WIDTH) -> str:
    """A horizontal bar from zero, ``width`` cells for ``largest``, in eighths of a cell."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = max(round(value / largest * width * 8), 1)
    return "█" * (eighths // 8) + (EIGHTHS[eighths % 8] if eighths % 8 else "")


def trend_cell(quantity: Quantity) -> Text:
    """Arrow for the direction plus a sparkline of the values, when there is more than one."""
    if quantity.trend is None:
        return Text("")
    values = [o.figure.value for o in quantity.occurrences]
    return Text(f"{TREND_ARROWS[quantity.trend]} {sparkline(values)}")


def short_change(change: Change | None) -> str:
    """A change in a few characters: the percentage when there is one (``+2%``)."""
    if change is None:
        return ""
    if change.relative is None:
        return change.label
    sign = "+" if change.relative >= 0 else "−"
    return f"{'≈' if change.approximate else ''}{sign}{abs(change.relative) * 100:.0f}%"


def overall_change(quantity: Quantity, short: bool = False) -> str:
    """The change from the first release's value to the last one's."""
    changes = [c for c in quantity.changes if c is not None]
    if not changes:
        return ""
    if len(changes) == 1:
        return short_change(changes[0]) if short else changes[0].label
    first, last = quantity.occurrences[0].figure, quantity.occurrences[-1].figure
    delta = last.value - first.value
    sign = "+" if delta > 0 else "−" if delta < 0 else "±"
    text = ("≈" if any(c.approximate for c in changes) else "") + sign + format_value(abs(delta))
    if not first.value:
        return text
    percent = f"{'+' if delta >= 0 else '−'}{abs(delta) / first.value * 100:.0f}%"
    if short:
        return ("≈" if any(c.approximate for c in changes) else "") + percent
    return f"{text} ({percent})"


def figure_chosen(doc_id: str, figure: Figure) -> FigureChosen:
    """The message that opens ``figure``'s release with its sentence in view."""
    return FigureChosen(doc_id, figure.sentence_start, figure.start, figure.end)


@dataclass(frozen=True, slots=True)
class QuantityRow:
    """What one row of the table stands for."""

    quantity: Quantity | None
    """None for the heading above the figures cited once."""
    occurrence: Occurrence | None = None
    """None for a quantity's heading row."""


@dataclass(frozen=True, slots=True)
class TableLayout:
    """Column choices for one range of widths."""

    name: str
    counted: int
    """Longest "what is counted" cell."""
    figure: int
    """Longest value or figure cell."""
    short_changes: bool
    """Changes as percentages only."""
    compact: bool
    """Three columns (counted, value, change) instead of five."""
    release: int = 48
    """Longest release title cell (``show`` cuts it to what the other columns leave)."""


LAYOUTS = (
    TableLayout("tiny", 11, 10, True, True),
    TableLayout("compact", 12, 10, True, True),
    TableLayout("medium", 22, 22, True, False),
    TableLayout("full", 32, 30, False, False),
)


def layout_for(width: int, values: int | None = None) -> TableLayout:
    """The layout for a table ``width`` columns wide; "what is counted" takes the room left.

    ``values`` is the longest value cell, when known: the room it leaves goes to the labels.
    """
    if width < TINY_BELOW:
        base, others = LAYOUTS[0], 0
    elif width < COMPACT_BELOW:
        base, others = LAYOUTS[1], 7  # the change column
    elif width < FULL_FROM:
        base, others = LAYOUTS[2], 9 + BAR_WIDTH + 2 + 30  # change, chart, a release's words
    else:
        base, others = LAYOUTS[3], 16 + BAR_WIDTH + 2 + 48
    columns = 2 if base.name == "tiny" else 3 if base.compact else 5
    # The scrollbar, each column's padding (one cell each side) and the value column.
    value = base.figure if values is None else min(values, base.figure)
    room = width - 2 - 2 * columns - value - others
    return replace(base, counted=min(max(base.counted, room), MAX_COUNTED))


class QuantityTable(LegibleStyles, DataTable[Text]):
    """Quantities that several releases cite, release by release, then standalone figures."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Read figure", id="stats.quantity.open"),
        *TABLE_KEYS,
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.row_items: list[QuantityRow] = []
        self._rows: list[list[Cell]] = []
        self._fitted_width = 0
        self.statistics: Statistics | None = None
        self._shown: ShownQuantities | None = None
        self.columns_layout = LAYOUTS[-1]
        """The column layout in use (it follows the table's width)."""

    def show(self, statistics: Statistics, shown: ShownQuantities | None = None) -> None:
        """Fill the table from ``statistics``, in the layout its width allows.

        ``shown`` is what :func:`shown_quantities` gives, made off the UI thread beforehand
        (at 10,000 releases that takes seconds); it is kept for the next resize.
        """
        if shown is None or shown.statistics is not statistics:
            shown = self._shown
            if shown is None or shown.statistics is not statistics:
                shown = shown_quantities(statistics)
        self._shown = shown
        self.statistics = statistics
        layout = self.columns_layout = layout_for(self.size.width, shown.longest_value)
        cursor = self.cursor_row
        self.row_items = []
        self.clear(columns=True)
        if layout.name == "tiny":
            self.add_columns("Counted", "Value")
        elif layout.compact:
            self.add_columns("Counted", "Value", "Δ")
        else:
            self.add_columns(
                "What is counted · when", "Values · figure", "Change", "Chart", "Release"
            )
        for quantity in shown.recurring:
            self._quantity_rows(quantity, statistics.titles)
        standalone = shown.standalone
        if standalone:
            label = "Cited once" if layout.compact else "Cited by one release"
            heading = Text(f"{label} ({len(standalone)})", style="bold italic")
            self._add(QuantityRow(None), heading)
        for quantity in standalone:
            occurrence = quantity.occurrences[0]
            title = statistics.titles.get(occurrence.doc_id, occurrence.doc_id)
            self._add(
                QuantityRow(quantity, occurrence),
                Text(clip(quantity.counts, layout.counted)),
                _figure_cell(occurrence.figure, layout),
                Text(_when(occurrence), style="dim"),
                Text(""),
                Text(clip(title, layout.release)),
            )
        if shown.hidden > 0:
            note = f"{shown.hidden:,} more not shown: the Figures tab lists every figure"
            self._add(QuantityRow(None), Text(note, style="italic"))
        self._flush()
        if self.row_items:
            self.move_cursor(row=min(cursor, len(self.row_items) - 1))

    def _quantity_rows(self, quantity: Quantity, titles: Mapping[str, str]) -> None:
        layout = self.columns_layout
        figures = [o.figure for o in quantity.occurrences]
        compact = [compact_value(f) for f in figures]
        values = Forms.of(  # a long series ends with its first and last values
            " → ".join(stated_value(f) for f in figures),
            " → ".join(compact),
            f"{compact[0]} → … → {compact[-1]}" if len(compact) > 3 else "",
            style="bold",
            need=2,
        )
        trend = trend_cell(quantity)
        self._add(
            QuantityRow(quantity),
            Text(clip(quantity.counts, layout.counted), style="bold"),
            trend if layout.compact else values,
            Text(overall_change(quantity, short=layout.short_changes), style="bold"),
            Forms.of(trend.plain, TREND_ARROWS.get(quantity.trend or "", "")),
            Forms.of(f"{quantity.releases} releases", f"{quantity.releases} rel.", style="dim"),
        )
        largest = max(o.figure.value for o in quantity.occurrences)
        for index, occurrence in enumerate(quantity.occurrences):
            change = quantity.changes[index] if index < len(quantity.changes) else None
            figure = occurrence.figure
            self._add(
                QuantityRow(quantity, occurrence),
                Text("  " + _when(occurrence, short=layout.name == "tiny")),
                _figure_cell(figure, layout),
                Text(
                    short_change(change)
                    if layout.short_changes
                    else (change.label if change else "")
                ),
                Forms.of(*(bar(figure.value, largest, w).ljust(w) for w in BAR_FORMS)),
                Text(clip(titles.get(occurrence.doc_id, occurrence.doc_id), layout.release)),
            )

    def on_resize(self) -> None:
        """Change the column layout when the width crosses into another range."""
        if self.statistics is None or self._shown is None:
            return
        layout = layout_for(self.size.width, self._shown.longest_value)
        refit = self.size.width != self._fitted_width  # the columns follow the width
        if layout != self.columns_layout or refit:
            self.show(self.statistics)

    def _add(self, item: QuantityRow, *cells: Cell) -> None:
        columns = len(self.columns)
        padded = (*cells, *(Text("") for _ in range(columns - len(cells))))
        self._rows.append(list(padded[:columns]))
        self.row_items.append(item)

    def _flush(self) -> None:
        """Add the rows built by ``show``, the columns sized to the table's width.

        Cut with an ellipsis between words, not by the pane's edge mid-word.
        """
        rows, self._rows = self._rows, []
        self._fitted_width = self.size.width
        columns = len(self.columns)
        # The release's title takes the room left: a value is never cut for it.
        if columns == 5:
            fitted = fit_by_importance(self, rows, LIMITS, IMPORTANCE)
        else:
            fitted = [[c.at(1 << 16) if isinstance(c, Forms) else c for c in row] for row in rows]
            fit_table(self, fitted, MINIMUM_WIDTHS[columns])
        for index, row in enumerate(fitted):
            self.add_row(*row, key=str(index))

    @property
    def current(self) -> QuantityRow | None:
        """What the row under the cursor stands for."""
        if 0 <= self.cursor_row < len(self.row_items):
            return self.row_items[self.cursor_row]
        return None

    @property
    def current_occurrence(self) -> Occurrence | None:
        """The figure under the cursor; on a heading, the newest release's figure."""
        item = self.current
        if item is None or item.quantity is None:
            return None
        return item.occurrence or item.quantity.occurrences[-1]

    def select_occurrence(self, doc_id: str, start: int) -> bool:
        """Move the cursor to the row of the figure at ``start`` in release ``doc_id``."""
        for index, item in enumerate(self.row_items):
            occurrence = item.occurrence
            if occurrence is None or occurrence.doc_id != doc_id:
                continue
            if start in (f.start for f in (occurrence.figure, *occurrence.repeats)):
                self.move_cursor(row=index)
                return True
        return False

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter: read the figure (on a heading, the newest release's) in its release."""
        event.stop()
        occurrence = self.current_occurrence
        if occurrence is not None:
            self.post_message(figure_chosen(occurrence.doc_id, occurrence.figure))


@dataclass(frozen=True, slots=True)
class ShownQuantities:
    """The quantities the table shows (made objects) and the longest value cell among them."""

    statistics: Statistics
    recurring: tuple[Quantity, ...]
    """Quantities cited by several releases, until :data:`MAX_TABLE_ROWS` rows are filled."""
    standalone: tuple[Quantity, ...]
    """Figures cited once, in the rows left."""
    hidden: int
    """Quantities not shown."""
    longest_value: int
    """What ``_longest_value`` gives: the longest value cell of the narrow layouts."""


def shown_quantities(statistics: Statistics) -> ShownQuantities:
    """What the table shows of ``statistics`` (a worker thread makes it for a large corpus)."""
    quantities = statistics.quantities
    head = list(quantities[:MAX_TABLE_ROWS])  # made once: the rows and the widths need them
    recurring: list[Quantity] = []
    rows = 0
    for quantity in head[: quantities.recurring]:
        if rows >= MAX_TABLE_ROWS:
            break
        recurring.append(quantity)
        rows += 1 + len(quantity.occurrences)  # its heading, then a row per release
    room = max(MAX_TABLE_ROWS - rows, 0)
    standalone = statistics.standalone
    hidden = len(quantities) - len(recurring) - min(len(standalone), room)
    trends = (len(trend_cell(q).plain) for q in head[: quantities.recurring])
    figures = (len(compact_value(o.figure)) for q in head for o in q.occurrences)
    longest = max((*trends, *figures), default=4)
    return ShownQuantities(statistics, tuple(recurring), tuple(standalone[:room]), hidden, longest)


def _figure_cell(figure: Figure, layout: TableLayout) -> Cell:
    """A figure's value cell: as written, or as its value, or in a few cells, whichever fits
    (``cell_forms``); the narrow layouts show it in a few cells."""
    if layout.compact:
        return Text(clip(compact_value(figure), layout.figure))
    return Forms.of(figure.text, stated_value(figure), compact_value(figure))


def _when(occurrence: Occurrence, short: bool = False) -> str:
    """The figure's own year, and the release's date when that differs ("2017 (~2018)").

    ``short`` gives the figure's own year alone, for narrow tables.
    """
    when = occurrence.when
    if short or when == occurrence.date.label:
        return when
    return f"{when} ({occurrence.date.label})"
