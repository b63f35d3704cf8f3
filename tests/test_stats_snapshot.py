"""Snapshot of the statistics pane at 80x24, where it fills the screen with its tabs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_stats_pane import _ready
from textual.pilot import Pilot

from interpol_tui.ui.app import InterpolApp


def test_statistics_pane_quantities_at_80x24(snap_compare: Any, seeds_dir: Path) -> None:
    async def show_statistics(pilot: Pilot[None]) -> None:
        await _ready(pilot)
        await pilot.press("s", "down", "down")  # onto the 2022 membership figure
        await pilot.pause()

    app = InterpolApp(corpus_paths=[seeds_dir])
    assert snap_compare(app, terminal_size=(80, 24), run_before=show_statistics)
