"""Snapshot of the reader at 120x40: release 002 with its first quotation marked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_reader_seed import analysed
from textual.pilot import Pilot

from interpol_tui.ui.app import InterpolApp


def test_reader_with_highlights_and_a_marked_quotation(snap_compare: Any, seeds_dir: Path) -> None:
    async def open_and_mark(pilot: Pilot[None]) -> None:
        await analysed(pilot)
        await pilot.press("j", "j", "enter", "right_square_bracket")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    app = InterpolApp(corpus_paths=[seeds_dir])
    assert snap_compare(app, terminal_size=(120, 40), run_before=open_and_mark)
