"""Building the statistics pane after the first frame: closing the app in the middle of it."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from textual.widgets._tabbed_content import ContentTabs

from interpol_tui.ui.app import InterpolApp


async def test_quitting_while_the_tabs_are_being_mounted_raises_nothing(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race of a close right after the first frame, made certain.

    The test closes the app (as leaving ``run_test`` does, right after the first
    frame in ``test_first_frame``) once the tabs' bar is attached but before it composes:
    Textual then skips mounting its tabs (the tree is being pruned) yet still
    sends it Mount, where a bar told which tab to show first finds none
    ("No Tab with id '--content-tab-tab-quantities'"). Under load this
    happened about once in five closes right after the first frame.
    """
    original = ContentTabs._on_compose
    held: list[ContentTabs] = []

    async def quit_first(self: ContentTabs, event: Any) -> None:
        if not held:
            held.append(self)
            for _ in range(5000):  # hang guard: the app prunes its screens as it closes
                if self._pruning:
                    break
                await asyncio.sleep(0.001)
            assert self._pruning
        await original(self, event)

    monkeypatch.setattr(ContentTabs, "_on_compose", quit_first)
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)):
        for _ in range(1000):  # hang guard: the pane is built once the list is shown
            if held:
                break
            await asyncio.sleep(0.01)
        assert held, "the statistics tabs were never built"
    # Leaving the block closed the app; an error in a widget's Mount is raised there.
    assert app.return_code in (0, None)


IMPORTS_WHILE_BUILDING = """
import asyncio, sys, threading
from pathlib import Path

import interpol_tui.ui.app  # as the command line imports it, before the first frame
from interpol_tui.ui.stats_pane import StatsPane

seen = []
ui = threading.get_ident()
building = []


class Recorder:
    @staticmethod
    def find_spec(name, path=None, target=None):
        if building and threading.get_ident() == ui:
            seen.append(name)
        return None


sys.meta_path.insert(0, Recorder)
build = StatsPane.build


async def noted_build(self):
    building.append(True)
    try:
        await build(self)
    finally:
        building.clear()


StatsPane.build = noted_build


async def main():
    app = interpol_tui.ui.app.InterpolApp([Path(sys.argv[1])])
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(3000):  # hang guard
            pane = app.screen.query_one(StatsPane)
            if pane.ready:
                break
            await pilot.pause(0.01)
        assert pane.ready
    print(" ".join(seen))


asyncio.run(main())
"""


def test_building_the_tabs_imports_nothing_on_the_ui_thread(seeds_dir: Path) -> None:
    """The tabs' modules are imported in a thread first (ui/stats_build.py): composing them
    on the UI thread, right after the list is shown, imports nothing (a fresh interpreter)."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", IMPORTS_WHILE_BUILDING, str(seeds_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [], done.stdout
