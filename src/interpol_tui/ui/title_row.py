"""One quick-open result line: the title, cut to fit, and its date at the right.

The line is what a two-column Rich grid draws (:func:`grid_row`: the title
column takes the room left, the date column 10 cells, one cell between, as
the grid collapses its padding), but :class:`TitleRow` draws it without building and
measuring a table: twenty tables, laid out on every letter typed, were most
of what a letter cost at 50,000 releases. Below :data:`GRID_BELOW` cells, and
for a title with a tab or a line break (the grid expands or splits them), the
grid itself is drawn.

:class:`RowVisual` is the line as the option list takes it: the list asks each
option's height three times a letter (twice to size itself, once to index its
lines), and Textual learns a Rich renderable's height by drawing it; a line
that :class:`TitleRow` draws itself is one line high, so it is not drawn to
say so (a third of a letter's UI time at 50,000 releases).
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.css.styles import RulesMap
from textual.visual import RichVisual
from textual.widget import Widget

DATE_WIDTH = 10
"""Cells of the date column (``YYYY-MM-DD``)."""
GAP = 1
"""Cells between the title and the date: the grid's padding, collapsed."""
GRID_BELOW = 24
"""Narrower than this, the Rich grid lays the line out."""


def grid_row(title: Text, date: str | None, date_style: Style) -> Table:
    """The line as a Rich grid: the layout :class:`TitleRow` reproduces."""
    row = Table.grid(expand=True, padding=(0, 1))
    row.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    row.add_column(width=DATE_WIDTH, justify="right", no_wrap=True)
    row.add_row(title, Text(date or "undated", style=date_style))
    return row


class TitleRow:
    """A result line drawn straight to segments (see the module's text)."""

    def __init__(self, title: Text, date: str | None, date_style: Style) -> None:
        self.title = title
        self.date_text, self.date_style = date, date_style
        self.date = Text(date or "undated", style=date_style)
        self._controls: bool | None = None

    def one_line(self, width: int) -> bool:
        """Whether, ``width`` cells wide, the row is drawn here on one line (not as a grid)."""
        return width >= GRID_BELOW and self.date.cell_len <= DATE_WIDTH and not self.controls

    @property
    def controls(self) -> bool:
        """Whether the title holds a tab or line break (the grid then lays it out)."""
        if self._controls is None:
            self._controls = _has_controls(self.title)
        return self._controls

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """As wide as it is given, as the expanded grid is."""
        return Measurement(options.max_width, options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """The title cut to the room left, a cell, the date right-aligned in its column."""
        width = options.max_width
        if not self.one_line(width):
            yield grid_row(self.title, self.date_text, self.date_style)
            return
        title = self.title.copy()
        title.truncate(width - DATE_WIDTH - GAP, overflow="ellipsis", pad=True)
        date = self.date.copy()
        date.pad_left(DATE_WIDTH - date.cell_len)
        line = Text.assemble(title, " " * GAP, date, end="")
        yield from line.render(console)
        yield Segment.line()


def _has_controls(title: Text) -> bool:
    """Whether the title holds a character below the space (a tab, a line break)."""
    return any(character < " " for character in title.plain)


class RowVisual(RichVisual):
    """A :class:`TitleRow` as an option list's prompt, its height known without drawing."""

    def __init__(self, widget: Widget, row: TitleRow) -> None:
        super().__init__(widget, row)
        self.row = row

    def get_height(self, rules: RulesMap, width: int) -> int:
        """One line where the row draws itself; otherwise as Textual measures it."""
        if self.row.one_line(width):
            return 1
        return super().get_height(rules, width)
