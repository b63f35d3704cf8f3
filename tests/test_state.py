"""State on disk: paths, atomic writes, corrupt-file recovery, concurrent saves, positions."""

from __future__ import annotations

import json
import multiprocessing
import os
import threading
from pathlib import Path
from typing import Any

import pytest

from interpol_tui.state import (
    Bookmarks,
    ReadingPositions,
    Settings,
    SettingsFile,
    StatePaths,
    corpus_key,
    storage,
)
from interpol_tui.state.storage import JsonFile, atomic_write_bytes


@pytest.fixture
def paths() -> StatePaths:
    return StatePaths.default()


def test_paths_come_from_the_xdg_dirs(isolated_dirs: Path, paths: StatePaths) -> None:
    assert paths.config_dir == isolated_dirs / ".config" / "interpol-tui"
    assert paths.state_dir == isolated_dirs / ".local/state" / "interpol-tui"
    assert paths.cache_dir == isolated_dirs / ".cache" / "interpol-tui"
    for path in paths.describe().values():
        assert isolated_dirs in path.parents


def test_settings_default_when_missing(paths: StatePaths) -> None:
    warnings: list[str] = []
    assert SettingsFile(paths, warnings.append).load() == Settings()
    assert warnings == []
    assert not paths.settings_file.exists()


def test_settings_round_trip(paths: StatePaths) -> None:
    file = SettingsFile(paths, pytest.fail)
    file.save(theme="nord", panes={"stats": False}, max_file_bytes=1000)
    file.save(highlight_kinds=("person", "quote"), last_corpus=("/a", "/b"))
    loaded = SettingsFile(paths, pytest.fail).load()
    assert loaded.theme == "nord"
    assert dict(loaded.panes) == {"stats": False}
    assert loaded.max_file_bytes == 1000
    assert loaded.highlight_kinds == ("person", "quote")
    assert loaded.last_corpus == ("/a", "/b")


def test_settings_invalid_field_falls_back_with_a_warning(paths: StatePaths) -> None:
    paths.config_dir.mkdir(parents=True)
    paths.settings_file.write_text(
        json.dumps({"theme": 7, "max_file_bytes": -1, "future_key": [1], "panes": {"stats": True}})
    )
    warnings: list[str] = []
    file = SettingsFile(paths, warnings.append)
    loaded = file.load()
    assert loaded.theme == Settings().theme
    assert loaded.max_file_bytes == Settings().max_file_bytes
    assert dict(loaded.panes) == {"stats": True}
    # One warning for the file, naming each bad field; the file as it was is kept aside.
    assert len(warnings) == 1
    assert "'theme'" in warnings[0] and "'max_file_bytes'" in warnings[0]
    (aside,) = paths.config_dir.glob("settings.json.corrupt-*")
    assert json.loads(aside.read_text())["theme"] == 7
    file.save(theme="nord")
    # A key from a newer version survives a save by this one.
    assert json.loads(paths.settings_file.read_text())["future_key"] == [1]


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[1, 2]",
        b'"a string"',
        # Issue 12: each of these crashed every command (RecursionError, ValueError).
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a": ' * 100_000 + b"1" + b"}" * 100_000,
        b'{"max_file_bytes": ' + b"9" * 4400 + b"}",
        b'{"max_file_bytes": NaN}',
        b'{"max_file_bytes": 1e400}',
    ],
)
def test_corrupt_settings_are_moved_aside_with_one_warning(
    paths: StatePaths, content: bytes
) -> None:
    paths.config_dir.mkdir(parents=True)
    paths.settings_file.write_bytes(content)
    warnings: list[str] = []
    assert SettingsFile(paths, warnings.append).load() == Settings()
    assert len(warnings) == 1
    assert "settings.json" in warnings[0] and "moved aside" in warnings[0]
    assert "\n" not in warnings[0]
    aside = list(paths.config_dir.glob("settings.json.corrupt-*"))
    assert len(aside) == 1
    assert aside[0].read_bytes() == content  # nothing of the user's is lost


def test_corrupt_bookmarks_are_kept_aside_and_new_ones_saved(paths: StatePaths) -> None:
    paths.state_dir.mkdir(parents=True)
    paths.bookmarks_file.write_text('{"corpora": {"x": {"bookmarks": ["a.txt"]')
    warnings: list[str] = []
    marks = Bookmarks(paths, [Path("/corpus")], warnings.append)
    assert marks.load() == frozenset()
    assert len(warnings) == 1
    assert marks.toggle("b.txt") is True
    assert Bookmarks(paths, [Path("/corpus")], pytest.fail).load() == {"b.txt"}
    (aside,) = paths.state_dir.glob("bookmarks.json.corrupt-*")
    assert "a.txt" in aside.read_text()


def test_unreadable_file_that_cannot_be_moved_is_never_overwritten(
    paths: StatePaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths.state_dir.mkdir(parents=True)
    paths.bookmarks_file.write_text('{"corpora": {}}')
    real_read = storage.read_bounded

    def refuse(path: Path, max_bytes: int) -> bytes:
        if path == paths.bookmarks_file:
            raise PermissionError(13, "Permission denied")
        return real_read(path, max_bytes)

    def no_rename(src: Any, dst: Any) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(storage, "read_bounded", refuse)
    monkeypatch.setattr("interpol_tui.state.storage.set_aside", lambda path: no_rename(path, path))
    warnings: list[str] = []
    marks = Bookmarks(paths, [Path("/corpus")], warnings.append)
    assert marks.load() == frozenset()
    assert warnings == [
        f"{paths.bookmarks_file} cannot be read (Permission denied); "
        "using defaults, and not saving over it"
    ]
    marks.toggle("a.txt")
    monkeypatch.undo()
    assert paths.bookmarks_file.read_text() == '{"corpora": {}}'


def test_atomic_write_leaves_old_file_when_interrupted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "atomic"
    folder.mkdir()
    target = folder / "f.json"
    target.write_text("old")

    def crash(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(OSError):
        atomic_write_bytes(target, b"new")
    monkeypatch.undo()
    assert target.read_text() == "old"
    assert [p.name for p in folder.iterdir()] == ["f.json"]  # no temp file left


def test_failed_save_is_a_warning_not_a_crash(
    paths: StatePaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("interpol_tui.state.storage.atomic_write_bytes", full)
    warnings: list[str] = []
    assert JsonFile(paths.settings_file, warnings.append).write({}) is False
    assert warnings == [f"{paths.settings_file}: not saved (No space left on device)"]


def test_bookmarks_are_per_corpus(paths: StatePaths, tmp_path: Path) -> None:
    one = Bookmarks(paths, [tmp_path / "one"], pytest.fail)
    two = Bookmarks(paths, [tmp_path / "two"], pytest.fail)
    assert one.toggle("a.txt") is True
    assert two.load() == frozenset()
    assert one.toggle("a.txt") is False
    assert Bookmarks(paths, [tmp_path / "one"], pytest.fail).load() == frozenset()


def test_corpus_key_ignores_order_and_relative_spelling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert corpus_key([Path("a"), Path("b")]) == corpus_key([tmp_path / "b", tmp_path / "a"])


def _toggle_in_thread(paths: StatePaths, doc_id: str) -> None:
    Bookmarks(paths, [Path("/corpus")], lambda w: None).toggle(doc_id)


def test_concurrent_bookmark_saves_from_threads_lose_nothing(paths: StatePaths) -> None:
    ids = [f"doc{i}.txt" for i in range(24)]
    threads = [threading.Thread(target=_toggle_in_thread, args=(paths, i)) for i in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Bookmarks(paths, [Path("/corpus")], pytest.fail).load() == set(ids)


def _toggle_in_process(config: str, state: str, cache: str, doc_ids: list[str]) -> None:
    paths = StatePaths(Path(config), Path(state), Path(cache))
    for doc_id in doc_ids:
        Bookmarks(paths, [Path("/corpus")], lambda w: None).toggle(doc_id)


def test_concurrent_bookmark_saves_from_processes_lose_nothing(paths: StatePaths) -> None:
    context = multiprocessing.get_context("fork")
    args = (str(paths.config_dir), str(paths.state_dir), str(paths.cache_dir))
    workers = [
        context.Process(target=_toggle_in_process, args=(*args, [f"p{n}-{i}" for i in range(15)]))
        for n in range(4)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
        assert worker.exitcode == 0
    saved = Bookmarks(paths, [Path("/corpus")], pytest.fail).load()
    assert saved == {f"p{n}-{i}" for n in range(4) for i in range(15)}
    json.loads(paths.bookmarks_file.read_text())  # still one valid document


def test_positions_restore_in_a_new_instance(paths: StatePaths) -> None:
    positions = ReadingPositions(paths, [Path("/corpus")], pytest.fail)
    positions.load()
    assert positions.last is None
    positions.record("a.txt", 120)
    positions.record("b.txt", 40)
    assert positions.dirty
    positions.save()
    assert not positions.dirty
    again = ReadingPositions(paths, [Path("/corpus")], pytest.fail)
    again.load()
    assert again.last == "b.txt"
    assert again.offset("a.txt") == 120
    assert again.offset("b.txt") == 40
    assert again.offset("c.txt") is None


def test_positions_from_two_instances_merge(paths: StatePaths) -> None:
    first = ReadingPositions(paths, [Path("/corpus")], pytest.fail)
    second = ReadingPositions(paths, [Path("/corpus")], pytest.fail)
    first.load()
    second.load()
    first.record("a.txt", 1)
    second.record("b.txt", 2)
    first.save()
    second.save()
    merged = ReadingPositions(paths, [Path("/corpus")], pytest.fail)
    merged.load()
    assert (merged.offset("a.txt"), merged.offset("b.txt"), merged.last) == (1, 2, "b.txt")


def test_positions_keep_the_most_recent(paths: StatePaths, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("interpol_tui.state.reading.MAX_POSITIONS", 3)
    positions = ReadingPositions(paths, [Path("/corpus")], pytest.fail)
    for index in range(5):
        positions.record(f"{index}.txt", index + 1)
        positions.save()
    positions.record("1.txt", 99)  # read again: becomes the most recent
    positions.save()
    fresh = ReadingPositions(paths, [Path("/corpus")], pytest.fail)
    fresh.load()
    assert [fresh.offset(f"{i}.txt") for i in range(5)] == [None, 99, None, 4, 5]


def test_positions_file_with_wrong_shapes_is_tolerated_and_kept_aside(paths: StatePaths) -> None:
    paths.state_dir.mkdir(parents=True)
    key = corpus_key([Path("/corpus")])
    original = json.dumps({"corpora": {key: {"last": 5, "offsets": {"a.txt": "x", "b.txt": 3}}}})
    paths.positions_file.write_text(original)
    warnings: list[str] = []
    positions = ReadingPositions(paths, [Path("/corpus")], warnings.append)
    positions.load()
    assert (positions.last, positions.offset("a.txt"), positions.offset("b.txt")) == (None, None, 3)
    assert len(warnings) == 1 and "'last'" in warnings[0] and "kept as" in warnings[0]
    (aside,) = paths.state_dir.glob("positions.json.corrupt-*")
    assert aside.read_text() == original  # nothing of the user's is lost
    positions.load()  # the same damage read again: no second copy
    assert len(list(paths.state_dir.glob("positions.json.corrupt-*"))) == 1
