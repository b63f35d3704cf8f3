"""Snapshots at 120x40: quick-open with a typo'd query, and full-text search with snippets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from interpol_tui.ui.app import InterpolApp


async def _loaded(pilot: Pilot[None]) -> None:
    """Wait for loading, analysis and the statistics (the panes behind the dialog)."""
    from interpol_tui.ui.stats_pane import StatsPane

    for _ in range(100):  # each worker starts the next: one wait is not enough under load
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if pilot.app.screen.query_one(StatsPane).statistics is not None:
            break
    await pilot.pause()


def test_quick_open_highlights_matched_letters(snap_compare: Any, seeds_dir: Path) -> None:
    async def type_query(pilot: Pilot[None]) -> None:
        await _loaded(pilot)
        await pilot.press("ctrl+p", *"glbal coaliton")
        await pilot.pause()

    app = InterpolApp(corpus_paths=[seeds_dir])
    assert snap_compare(app, terminal_size=(120, 40), run_before=type_query)


def test_search_lists_hits_with_snippets(snap_compare: Any, seeds_dir: Path) -> None:
    async def type_query(pilot: Pilot[None]) -> None:
        await _loaded(pilot)
        await pilot.press("slash", *'"global coalition"')
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    app = InterpolApp(corpus_paths=[seeds_dir])
    assert snap_compare(app, terminal_size=(120, 40), run_before=type_query)
