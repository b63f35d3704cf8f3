"""Building the statistics pane once the list is shown, without holding up a key.

The pane's tabs need DataTable, TabbedContent, the statistics' aggregation
and our tables: some 80 modules, 60–100 ms of importing. Imported on the UI
thread when the tabs are composed, that was one slice of the event loop, and
the first key pressed once the list had appeared waited for all of it.
:func:`import_pane_modules` imports them in a thread first (it hands the GIL
back every millisecond), so composing the tabs imports nothing.
"""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Awaitable, Callable

from textual.widget import Widget

PANE_MODULES = (
    "textual.widgets._data_table",
    "textual.widgets._tabbed_content",
    "textual.widgets._tab_pane",
    "textual.widgets._input",
    "interpol_tui.ui.quantity_table",
    "interpol_tui.ui.figure_table",
    "interpol_tui.ui.entity_table",
    "interpol_tui.ui.legible_input",
    "interpol_tui.ui.nav_keys",
    "rich._emoji_codes",  # a DataTable column label is the first markup read
)
"""What ``StatsPane.compose`` and the tables' first filling import (a test keeps this list
complete: building the pane after this imports no module)."""


def import_pane_modules() -> None:
    """Import every module the statistics tabs are built from (in a worker thread)."""
    for name in PANE_MODULES:
        importlib.import_module(name)


def build_once_imported(pane: Widget, build: Callable[[], Awaitable[None]]) -> None:
    """Import the tabs' modules in a thread, then ``build`` them after the next frame."""

    async def imported_then_built() -> None:
        await asyncio.to_thread(import_pane_modules)
        pane.call_after_refresh(build)

    pane.run_worker(imported_then_built(), name="stats-build", group="stats-build", exclusive=True)
