"""The loaded corpus and tables are kept out of the collector's full passes while the app runs,
and handed back when it closes (ui/heap.py)."""

from __future__ import annotations

import gc
from pathlib import Path

from app_fixtures import settle

from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.stats_pane import StatsPane


async def test_loaded_objects_are_frozen_while_running_and_released_on_exit(
    seeds_dir: Path,
) -> None:
    gc.unfreeze()
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        stats = app.screen.query_one(StatsPane)
        for _ in range(50):  # hang guard: the statistics arrive after the analysis
            if stats.statistics is not None:
                break
            await pilot.pause(0.05)
        await pilot.pause()
        assert gc.get_freeze_count() > 10_000  # the corpus, analyses, widgets and tables
    assert gc.get_freeze_count() == 0
