"""The app with damaged state and a corpus path that is not UTF-8 (issue 12 items 7 and 8)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from app_fixtures import settle, writable_copy

from interpol_tui.corpus.loader import load_corpus
from interpol_tui.state import Bookmarks, ReleaseIndex, StatePaths
from interpol_tui.state.snapshot import CorpusSnapshot
from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.main_screen import MainScreen
from interpol_tui.ui.reader import Reader

SIZE = (120, 40)
DEEP = b"[" * 100_000 + b"]" * 100_000


def _copy_seeds(seeds_dir: Path, folder: Path) -> Path:
    return writable_copy(seeds_dir, folder)


async def test_a_bookmark_in_a_corpus_path_that_is_not_utf8_is_saved_on_quit(
    seeds_dir: Path, tmp_path: Path
) -> None:
    folder = _copy_seeds(seeds_dir, Path(os.fsdecode(bytes(tmp_path) + b"/r\xe9leases")))
    app = InterpolApp([folder])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        document = screen.query_one(Reader).document
        assert document is not None
        await pilot.press("b")
        await pilot.press("ctrl+q")  # saving on the way out crashed in on_unmount
    assert app.return_code in (0, None)
    index = ReleaseIndex.of(load_corpus([folder]))
    assert Bookmarks(StatePaths.default(), pytest.fail).load(index) == {document.id}


async def test_deeply_nested_state_and_cache_are_set_aside_and_the_app_starts(
    seeds_dir: Path, tmp_path: Path
) -> None:
    folder = _copy_seeds(seeds_dir, tmp_path / "corpus")
    paths = StatePaths.default()
    # The corpus snapshot is where analyses are kept now: garbage there is set aside too.
    snapshot_file = CorpusSnapshot.for_corpus(paths, [folder], pytest.fail).file
    for file in (paths.settings_file, paths.bookmarks_file, paths.positions_file, snapshot_file):
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(DEEP)
    app = InterpolApp([folder])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert len(screen.analyses) == 5  # analysed again
        warnings = app.preferences.warnings
        for name in ("settings.json", "bookmarks.json", "positions.json"):
            assert sum(name in w and "nested too deeply" in w for w in warnings) == 1, name
        assert sum(snapshot_file.name in w for w in warnings) == 1, warnings
