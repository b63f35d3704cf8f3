"""Filling the statistics tables once the figures are grouped, without a long UI slice.

At 10,000 releases the first filling of the tables took seconds of the UI
thread in one slice, and every key waited for it: making the quantities the
table shows and measuring their values (thousands of figures decoded), then
sorting every figure by value for the figures table. :func:`prepare_tables`
does both in the statistics worker's thread. What is left on the UI thread
(rows of text, a DataTable's rows) is done a table at a time by
:func:`fill_in_turns`, each turn after a frame and after the keys pressed
meanwhile have been answered (``corpus.pacing``); the entities table adds
its 2,000 rows a few hundred a turn (DataTable measures every new cell).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual.widget import Widget

from interpol_tui.analysis.aggregate import Statistics
from interpol_tui.corpus import pacing
from interpol_tui.report.figure_rows import FigureRows, FigureSort
from interpol_tui.ui.figure_table import FIGURE_SORTS
from interpol_tui.ui.quantity_table import ShownQuantities, shown_quantities


@dataclass(frozen=True)
class PreparedTables:
    """What the tables need that takes long to make, made off the UI thread."""

    quantities: ShownQuantities
    figure_orders: dict[FigureSort, Sequence[int]]
    """The figures' rows in the figures table's first order."""


def prepare_tables(statistics: Statistics, figures: FigureRows) -> PreparedTables:
    """Make what the tables first show (in the statistics worker's thread)."""
    first = FIGURE_SORTS[0]  # the figures table's order until ``o`` changes it
    return PreparedTables(shown_quantities(statistics), {first: figures.order(first)})


async def next_turn(widget: Widget) -> None:
    """Wait for the next frame, then for the keys pressed meanwhile to be answered."""
    drawn = asyncio.Event()
    widget.call_after_refresh(drawn.set)
    await drawn.wait()
    while (rest := pacing.held_for()) > 0:
        await asyncio.sleep(rest)


async def fill_in_turns(widget: Widget, turns: Sequence[Callable[[], None]]) -> None:
    """Run each turn in a slice of its own, after a frame and once keys have been answered."""
    for turn in turns:
        await next_turn(widget)
        turn()
