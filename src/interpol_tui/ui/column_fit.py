"""Table columns sized from the table's width, so a table fills its pane and never overflows it.

Each column is as wide as its longest cell when they all fit. Otherwise every
column keeps its minimum and the room left is shared in proportion to what
each still wants; a table may name one column (a release's title) that takes
only the room the others leave, so that a value is not cut while a title has
room to spare. A cell longer than its column is cut between words with an
ellipsis (:func:`~interpol_tui.ui.quantity_table.clip`), never mid-word by the
pane's edge. Recomputed whenever the table's width changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.cells import cell_len
from rich.text import Text

SCROLLBAR = 2
"""Kept free for the vertical scrollbar, which appears once the rows overflow."""
CELL_PADDING = 1
"""DataTable's padding each side of a cell."""


def fit_columns(
    room: int, wants: Sequence[int], minimums: Sequence[int], rest: int | None = None
) -> list[int]:
    """Widths summing to at most ``room`` (unless the minimums alone need more).

    With ``rest``, the other columns share the room first (column ``rest`` keeping its
    minimum) and column ``rest`` takes what they leave, up to what it wants.
    """
    wants = [max(want, low) for want, low in zip(wants, minimums, strict=True)]
    if sum(wants) <= room:
        return wants
    if rest is not None:
        others = [i for i in range(len(wants)) if i != rest]
        shared = fit_columns(
            room - minimums[rest], [wants[i] for i in others], [minimums[i] for i in others]
        )
        widths = list(minimums)
        for index, width in zip(others, shared, strict=True):
            widths[index] = width
        widths[rest] = max(minimums[rest], min(wants[rest], room - sum(shared)))
        return widths
    widths = list(minimums)
    spare = room - sum(widths)
    extra = [want - low for want, low in zip(wants, minimums, strict=True)]
    if spare <= 0 or not sum(extra):
        return widths
    total = sum(extra)
    widths = [low + spare * more // total for low, more in zip(minimums, extra, strict=True)]
    left = room - sum(widths)
    for index in sorted(range(len(widths)), key=lambda i: extra[i], reverse=True):
        if left <= 0:
            break
        if widths[index] < wants[index]:
            widths[index] += 1
            left -= 1
    return widths


def room_for(table_width: int, columns: int) -> int:
    """The cells' share of a table ``table_width`` wide with ``columns`` columns."""
    return table_width - SCROLLBAR - 2 * CELL_PADDING * columns


def longest(rows: Sequence[Sequence[Text]], labels: Sequence[str]) -> list[int]:
    """The widest cell of each column (its label included)."""
    return [
        max(
            [
                cell_len(label),
                *(cell_len(line) for row in rows for line in row[i].plain.split("\n")),
            ]
        )
        for i, label in enumerate(labels)
    ]


def fit_table(
    table: Any, rows: list[list[Text]], minimums: Sequence[int], rest: int | None = None
) -> None:
    """Size ``table``'s columns to its width and cut the cells (and labels) of ``rows`` to them.

    ``rest`` is the column that takes the room the others leave (see :func:`fit_columns`).

    A table not laid out yet (width 0, as in a hidden tab) keeps Textual's automatic
    widths; it is fitted when it gets its width.
    """
    from interpol_tui.ui.quantity_table import clip

    columns = list(table.ordered_columns)
    if table.size.width <= 0 or not columns:
        return
    labels = [str(column.label) for column in columns]
    room = room_for(table.size.width, len(columns))
    widths = fit_columns(room, longest(rows, labels), minimums[: len(columns)], rest)
    set_widths(table, widths)
    for row in rows:
        for index, width in enumerate(widths):
            cell = row[index]
            if cell_len(cell.plain) > width:
                row[index] = Text(clip(cell.plain, width), style=cell.style, justify=cell.justify)


def set_widths(table: Any, widths: Sequence[int]) -> None:
    """Give ``table``'s columns these widths, each label cut to its column with an ellipsis."""
    from interpol_tui.ui.quantity_table import clip

    for column, width in zip(table.ordered_columns, widths, strict=True):
        label = str(column.label)
        column.width = width
        column.auto_width = False
        if cell_len(label) > width:
            column.label = Text(clip(label, width))
