"""Starting the app again on a corpus: listed from the snapshot, then corrected from the files."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from test_snapshot import write_release
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from interpol_tui.state import listing
from interpol_tui.state.listing import ListedDocument
from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.document_list import DocumentList
from interpol_tui.ui.main_screen import MainScreen
from interpol_tui.ui.reader import Reader

SIZE = (120, 40)


def corpus_of(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for index in range(5):
        write_release(folder, index)
    return folder


async def settle(app: InterpolApp, pilot: Pilot[None]) -> None:
    """Wait for every worker; one cancelled because the corpus changed under it is normal."""
    for _ in range(10):
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:
            continue
        await pilot.pause()
        if not any(worker.is_running for worker in app.workers):
            break


async def listed_titles(folder: Path) -> tuple[list[str], list[type], str | None]:
    """Titles as the list shows them after a start, the releases' types, the reader's title."""
    app = InterpolApp([folder])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        rows = screen.query_one(DocumentList).rows
        reader = screen.query_one(Reader).document
        return [d.title for d in rows], [type(d) for d in rows], reader and reader.title


async def test_an_unchanged_corpus_is_shown_from_its_listing(tmp_path: Path) -> None:
    folder = corpus_of(tmp_path)
    first, _, _ = await listed_titles(folder)
    again, kinds, _ = await listed_titles(folder)
    assert again == first and len(again) == 5
    assert set(kinds) == {ListedDocument}  # kept as listed: nothing read again


async def test_a_changed_file_shows_its_new_title_and_a_removed_one_goes(tmp_path: Path) -> None:
    folder = corpus_of(tmp_path)
    await listed_titles(folder)
    changed = write_release(folder, 0, crime="wildlife trafficking")
    os.utime(changed, ns=(1_000_000_000, 1_000_000_000))
    (folder / "release-003.txt").unlink()
    titles, _, reading = await listed_titles(folder)
    assert titles[0] == "Operation Harbour 0 targets wildlife trafficking"
    assert "Operation Harbour 3 targets cybercrime" not in titles and len(titles) == 4
    assert reading == titles[0]  # the reader shows the release as it is now


async def test_a_listing_still_being_read_is_drawn_in_the_first_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = corpus_of(tmp_path)
    await listed_titles(folder)  # the snapshot and its listing
    read = listing.read_listing
    mounting = threading.Event()

    def slow_read(*args: Any, **kwargs: Any) -> Any:
        mounting.wait(10)  # still reading when the screen mounts (hang guard: 10 s)
        time.sleep(0.05)
        return read(*args, **kwargs)

    monkeypatch.setattr(listing, "read_listing", slow_read)
    shown: list[int] = []
    mount = MainScreen.on_mount

    def on_mount(self: MainScreen) -> None:
        mounting.set()  # the read ends 50 ms later: the screen waits for it (EARLY_WAIT)
        mount(self)
        shown.append(len(self.query_one(DocumentList).rows))  # what the first frame draws

    monkeypatch.setattr(MainScreen, "on_mount", on_mount)
    titles, _, _ = await listed_titles(folder)
    assert shown == [5] and len(titles) == 5


async def test_a_file_edited_since_is_corrected_without_a_reload_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = corpus_of(tmp_path)
    await listed_titles(folder)
    changed = write_release(folder, 2, crime="art theft")
    os.utime(changed, ns=(1_000_000_000, 1_000_000_000))
    said: list[str] = []
    notify = MainScreen.notify

    def record(self: MainScreen, message: str, *args: Any, **kwargs: Any) -> None:
        said.append(message)
        notify(self, message, *args, **kwargs)

    monkeypatch.setattr(MainScreen, "notify", record)
    titles, _, _ = await listed_titles(folder)
    assert titles[2] == "Operation Harbour 2 targets art theft"
    assert not [message for message in said if "Reloaded" in message]  # the same start


async def titles_seen_by(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, owner: type, name: str, first: Any
) -> list[str]:
    """What the list showed of a release edited since the last run, each time ``owner.name``
    ran while ``first(widget)`` held (the start after that edit)."""
    folder = corpus_of(tmp_path)
    await listed_titles(folder)
    changed = write_release(folder, 3, crime="art theft")
    os.utime(changed, ns=(1_000_000_000, 1_000_000_000))
    seen: list[str] = []
    method = getattr(owner, name)

    def recording(self: Any) -> Any:
        if first(self):
            seen.append(self.screen.query_one(DocumentList).rows[3].title)
        return method(self)

    monkeypatch.setattr(owner, name, recording)
    await listed_titles(folder)
    return seen


async def test_the_statistics_tabs_are_built_after_the_corrected_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from interpol_tui.ui.stats_pane import StatsPane

    seen = await titles_seen_by(tmp_path, monkeypatch, StatsPane, "build", lambda p: not p.built)
    assert seen == ["Operation Harbour 3 targets art theft"]


async def test_the_lists_hidden_lines_are_mounted_after_the_corrected_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from interpol_tui.ui.list_pane import ListPane

    def unmounted(pane: ListPane) -> bool:
        return not pane.query("#list-filter-line")

    seen = await titles_seen_by(tmp_path, monkeypatch, ListPane, "_mount_lines", unmounted)
    assert seen == ["Operation Harbour 3 targets art theft"]
