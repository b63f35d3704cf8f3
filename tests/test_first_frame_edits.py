"""An edited file the file probe saw before the first frame is in that frame (ui/first_look.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_snapshot import write_release
from test_start_app import corpus_of, listed_titles

from interpol_tui.state import StatePaths, listing
from interpol_tui.state.quick_check import changed_files
from interpol_tui.ui.document_list import DocumentList
from interpol_tui.ui.main_screen import MainScreen

HANG_GUARD = 30.0


async def first_frame_titles(
    folder: Path, monkeypatch: pytest.MonkeyPatch, probe_done: bool
) -> tuple[list[str], list[str]]:
    """What the first frame lists and what the start ends listing; the probe answered before
    the screen mounted, or never (``probe_done``)."""
    started = listing.prefetch([folder], StatePaths.default())  # as the command line does
    started.result(HANG_GUARD)
    if probe_done:
        assert started.changed_paths(HANG_GUARD) is not None
    else:
        started.stop_probe()
        monkeypatch.setattr(started, "files", None)
    slow = changed_files

    def asking(*args: object, **kwargs: object) -> object:
        if probe_done:  # only the files the probe named are asked, never every one
            assert kwargs.get("among") is not None
        return slow(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("interpol_tui.state.quick_check.changed_files", asking)
    shown: list[list[str]] = []
    mount = MainScreen.on_mount

    def on_mount(self: MainScreen) -> None:
        mount(self)
        shown.append([d.title for d in self.query_one(DocumentList).rows])

    monkeypatch.setattr(MainScreen, "on_mount", on_mount)
    titles, _, _ = await listed_titles(folder)
    return shown[0], titles


@pytest.mark.parametrize("probe_done", [True, False])
async def test_an_edit_is_in_the_first_frame_once_the_probe_saw_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, probe_done: bool
) -> None:
    folder = corpus_of(tmp_path)
    await listed_titles(folder)  # the snapshot and its listing
    edited = write_release(folder, 2, crime="art theft")
    os.utime(edited, ns=(1_000_000_000, 1_000_000_000))
    (folder / "release-004.txt").unlink()
    first, last = await first_frame_titles(folder, monkeypatch, probe_done)
    assert last[2] == "Operation Harbour 2 targets art theft" and len(last) == 4
    if probe_done:  # in the very first frame
        assert first == last
    else:  # drawn as last listed, corrected after the frame
        assert "Operation Harbour 2 targets art theft" not in first and len(first) == 5
