"""Snapshots of the empty-corpus screen and the warnings view (fixed paths, fixed size)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from interpol_tui.ui.app import InterpolApp


@pytest.fixture
def unreadable_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A corpus with nothing usable in it, named by a relative path (same in every run)."""
    monkeypatch.chdir(tmp_path)
    folder = Path("corpus")
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "image.txt").write_bytes(b"\x89PNG\x00\x00")
    (folder / "notes.pdf").write_bytes(b"%PDF")
    (folder / "link.txt").symlink_to("gone.txt")
    return folder


async def _loaded(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_empty_corpus_screen(snap_compare: Any, unreadable_corpus: Path) -> None:
    app = InterpolApp(corpus_paths=[unreadable_corpus])
    assert snap_compare(app, terminal_size=(100, 30), run_before=_loaded)


def test_warnings_view_over_the_empty_screen(snap_compare: Any, unreadable_corpus: Path) -> None:
    async def show_warnings(pilot: Pilot[None]) -> None:
        await _loaded(pilot)
        await pilot.press("w")
        await pilot.pause()

    app = InterpolApp(corpus_paths=[unreadable_corpus])
    assert snap_compare(app, terminal_size=(100, 30), run_before=show_warnings)
