"""What the first frame leaves for later: the collector is off until it is drawn, and the
list's hidden lines (entity, filter) are mounted just after it, with nothing moved."""

from __future__ import annotations

import gc
from pathlib import Path

from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.document_list import DocumentList
from interpol_tui.ui.heap import pause_for_start, resume_after_start
from interpol_tui.ui.list_pane import FilterInput, ListPane


def test_the_pause_turns_the_collector_off_and_only_it_turns_it_on_again() -> None:
    assert gc.isenabled()
    try:
        pause_for_start()
        assert not gc.isenabled()
        resume_after_start()
        assert gc.isenabled()
        gc.disable()  # someone else's pause: not this module's to end
        resume_after_start()
        assert not gc.isenabled()
    finally:
        gc.enable()


async def test_the_app_turns_the_collector_on_once_its_first_frame_is_drawn(
    seeds_dir: Path,
) -> None:
    pause_for_start()  # as the command line does before importing the app
    try:
        app = InterpolApp([seeds_dir])
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
            # Closed at once, maybe while the statistics tabs are being mounted
            # (tests/test_stats_build.py makes that race certain).
    finally:
        resume_after_start()
        gc.enable()


async def test_the_hidden_lines_follow_the_first_frame_without_moving_the_list(
    seeds_dir: Path,
) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.screen.query_one(ListPane)
        documents = pane.query_one(DocumentList)
        await pilot.pause()
        region = documents.region  # as the first frame laid it out
        for _ in range(100):  # hang guard: mounted once the first frame is drawn
            if len(pane.children) == 3:
                break
            await pilot.pause(0.02)
        assert [child.id for child in pane.children] == [
            "documents",
            "list-entity",
            "list-filter-line",
        ]
        assert not pane.query_one("#list-entity").display
        assert not pane.query_one("#list-filter-line").display
        await pilot.pause()
        assert documents.region == region


async def test_a_filter_key_pressed_at_once_opens_the_filter(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(ListPane)
        if pane.query(FilterInput):  # mounted already: take it away to press f before it
            await pane.query_one("#list-filter-line").remove()
            await pane.query_one("#list-entity").remove()
        assert pane.query_text == ""
        assert not pane.clear()  # nothing to lift, and nothing to fail on
        await pilot.press("f", "p", "o")
        await pilot.pause()
        field = pane.query_one(FilterInput)
        assert field.has_focus
        assert pane.query_text == "po"
