"""Table cells written several ways, and columns that share a narrow table by importance.

A figure can be shown as written ("some 4.5 billion searches"), as its value
("some 4.5 billion") or in a few cells ("~4.5bn"): a :class:`Forms` cell
holds them, best first, and shows the first that fits its column, so a value
is shortened, never cut ("some 4.5…" read as a different number). A bar is
drawn at the column's width, so every row keeps one scale.

:func:`share_by_importance` sizes the columns: each first gets its *floor*
(the shortest forms whole, a date whole), then the columns, most important
first, get what they *need* (a value in words, a label's usual length), then
in the same order what they *want* (whole phrases and titles), so the least
important column yields first. At 80 columns the values are read whole while
a release's title, which the line below the table shows whole, takes what is
left. Recomputed whenever the table's width changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from rich.text import Text

from interpol_tui.ui.column_fit import room_for, set_widths


@dataclass(frozen=True, slots=True)
class Forms:
    """One cell's text in several forms, best first; shown as the first that fits."""

    forms: tuple[str, ...]
    style: str = ""
    justify: Any = None
    need: int = 1
    """The form the column should find room for before the other columns get more."""

    @classmethod
    def of(cls, *forms: str, style: str = "", justify: Any = None, need: int = 1) -> Forms:
        """The distinct non-empty ``forms``, in the order given (an empty cell if none); the
        column makes room for form ``need`` (the second: a value in words) first."""
        kept = tuple(dict.fromkeys(f for f in forms if f)) or ("",)
        return cls(kept, style, justify, min(need, len(kept) - 1))

    def at(self, width: int) -> Text:
        """The first form that fits ``width`` cells, else the last one cut to it."""
        from interpol_tui.ui.quantity_table import clip

        for form in self.forms:
            if cell_len(form) <= width:
                return Text(form, style=self.style, justify=self.justify)
        return Text(clip(self.forms[-1], width), style=self.style, justify=self.justify)


Cell = Text | Forms


@dataclass(frozen=True, slots=True)
class ColumnRoom:
    """What a column's cells ask for: never less than ``floor``, ``need`` before the other
    columns get more than theirs, at most ``want``."""

    floor: int
    need: int
    want: int


def _lengths(cell: Cell) -> tuple[int, int, int]:
    """(shortest, second best, best) widths of a cell's forms (a plain cell: its widest line)."""
    if isinstance(cell, Forms):
        widths = [cell_len(form) for form in cell.forms]
        return min(widths), widths[cell.need], widths[0]
    width = max((cell_len(line) for line in cell.plain.split("\n")), default=0)
    return width, width, width


def column_room(
    cells: Sequence[Cell], label: str, floor: int, need: int, most: int = 1 << 16
) -> ColumnRoom:
    """The room a column of ``cells`` under ``label`` asks for, its floor, need and want at
    most ``floor``, ``need`` and ``most`` (never wider than its cells and label ask: a long
    series of values, cut anyway, does not take the room of the labels beside it)."""
    shortest = second = best = 0
    for cell in cells:
        low, middle, high = _lengths(cell)
        shortest, second, best = max(shortest, low), max(second, middle), max(best, high)
    want = max(min(best, most), cell_len(label))
    low = min(shortest, floor, want)
    return ColumnRoom(low, max(low, min(second, need, want)), want)


def share_by_importance(
    room: int, columns: Sequence[ColumnRoom], order: Sequence[int]
) -> list[int]:
    """Widths summing to at most ``room`` (unless the floors alone need more).

    Floors first; then what each column needs, in ``order`` (most important first); then
    what each wants, in the same order, so the last (a release's title) takes what the
    others leave.
    """
    widths = [column.floor for column in columns]
    spare = room - sum(widths)
    for level in ("need", "want"):
        for index in order:
            if spare <= 0:
                return widths
            more = min(getattr(columns[index], level) - widths[index], spare)
            if more > 0:
                widths[index] += more
                spare -= more
    return widths


def fit_by_importance(
    table: Any,
    rows: Sequence[Sequence[Cell]],
    limits: Sequence[tuple[int, int, int]],
    order: Sequence[int],
) -> list[list[Text]]:
    """Size ``table``'s columns to its width (:func:`share_by_importance`) and give each
    cell of ``rows`` as it fits its column.

    ``limits`` is each column's (floor, need, want) at most. A table not laid out yet (width 0)
    keeps Textual's automatic widths and each cell its best form.
    """
    from interpol_tui.ui.quantity_table import clip

    columns = list(table.ordered_columns)
    if table.size.width <= 0 or not columns:
        return [[cell.at(1 << 16) if isinstance(cell, Forms) else cell for cell in row]
                for row in rows]  # fmt: skip
    labels = [str(column.label) for column in columns]
    rooms = [
        column_room([row[i] for row in rows], label, *limits[i]) for i, label in enumerate(labels)
    ]
    widths = share_by_importance(room_for(table.size.width, len(columns)), rooms, order)
    set_widths(table, widths)
    fitted: list[list[Text]] = []
    for row in rows:
        line: list[Text] = []
        for cell, width in zip(row, widths, strict=True):
            if isinstance(cell, Forms):
                line.append(cell.at(width))
            elif cell_len(cell.plain) > width:
                line.append(Text(clip(cell.plain, width), style=cell.style, justify=cell.justify))
            else:
                line.append(cell)
        fitted.append(line)
    return fitted
