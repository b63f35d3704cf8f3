"""State on disk: paths, atomic writes, corrupt-file recovery, concurrent saves, positions."""

from __future__ import annotations

import json
import multiprocessing
import os
import threading
from pathlib import Path
from typing import Any

import pytest

from interpol_tui.corpus.model import Document
from interpol_tui.state import (
    Bookmarks,
    ReadingPositions,
    ReleaseIndex,
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


def index(*ids: str, root: str = "/corpus") -> ReleaseIndex:
    """A corpus of releases ``ids`` whose content hash is ``hash-<id>``."""
    documents = [
        Document(id=i, path=Path(root) / i, title=i, date=None, dateline=None, text=i,
                 sha256=f"hash-{i}")
        for i in ids
    ]  # fmt: skip
    return ReleaseIndex(documents, [Path(root)])


def marks(paths: StatePaths, *ids: str, warn: Any = pytest.fail) -> Bookmarks:
    """Bookmarks loaded for a corpus of ``ids`` under /corpus."""
    bookmarks = Bookmarks(paths, warn)
    bookmarks.load(index(*ids))
    return bookmarks


def positions_of(paths: StatePaths, *ids: str) -> ReadingPositions:
    """Reading positions loaded for a corpus of ``ids`` under /corpus."""
    positions = ReadingPositions(paths, pytest.fail)
    positions.load(index(*ids))
    return positions


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
    saved = marks(paths, "a.txt", "b.txt", warn=warnings.append)
    assert saved.ids == frozenset()
    assert len(warnings) == 1
    assert saved.toggle("b.txt") is True
    assert marks(paths, "a.txt", "b.txt").ids == {"b.txt"}
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
    saved = marks(paths, "a.txt", warn=warnings.append)
    assert saved.ids == frozenset()
    assert warnings == [
        f"{paths.bookmarks_file} cannot be read (Permission denied); "
        "using defaults, and not saving over it"
    ]
    saved.toggle("a.txt")
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


def test_bookmarks_are_per_release_content(paths: StatePaths) -> None:
    one = Bookmarks(paths, pytest.fail)
    one.load(index("a.txt", root="/one"))
    assert one.toggle("a.txt") is True
    # Another corpus with another a.txt (other content) does not see it.
    two = Bookmarks(paths, pytest.fail)
    assert two.load(ReleaseIndex([_doc("a.txt", "other")], [Path("/two")])) == frozenset()
    # The same file in another folder is the same release.
    assert Bookmarks(paths, pytest.fail).load(index("a.txt", root="/moved")) == {"a.txt"}
    assert one.toggle("a.txt") is False
    assert Bookmarks(paths, pytest.fail).load(index("a.txt", root="/one")) == frozenset()


def _doc(doc_id: str, sha: str, root: str = "/corpus") -> Document:
    return Document(doc_id, Path(root) / doc_id, doc_id, None, None, doc_id, sha256=sha)


def test_an_edited_release_keeps_its_mark_by_its_path(paths: StatePaths) -> None:
    before = Bookmarks(paths, pytest.fail)
    before.load(ReleaseIndex([_doc("a.txt", "v1")], [Path("/corpus")]))
    before.toggle("a.txt")
    edited = ReleaseIndex([_doc("a.txt", "v2")], [Path("/corpus")])
    after = Bookmarks(paths, pytest.fail)
    assert after.load(edited) == {"a.txt"}
    # Edited and moved at once: no key and no hint match, so nothing is claimed.
    elsewhere = ReleaseIndex([_doc("a.txt", "v2", "/other")], [Path("/other")])
    assert Bookmarks(paths, pytest.fail).load(elsewhere) == frozenset()
    after.toggle("a.txt")  # off: the record found by its hint goes
    after.toggle("a.txt")  # on again: now under the new content's key
    saved = json.loads(paths.bookmarks_file.read_text())["releases"]
    assert list(saved) == ["v2"]


def test_copies_of_one_file_share_their_mark(paths: StatePaths) -> None:
    twins = ReleaseIndex([_doc("a.txt", "same"), _doc("copy/a.txt", "same")], [Path("/c")])
    saved = Bookmarks(paths, pytest.fail)
    saved.load(twins)
    assert saved.toggle("a.txt") is True
    assert saved.ids == {"a.txt", "copy/a.txt"}
    assert Bookmarks(paths, pytest.fail).load(twins) == {"a.txt", "copy/a.txt"}


def test_corpus_key_ignores_order_and_relative_spelling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert corpus_key([Path("a"), Path("b")]) == corpus_key([tmp_path / "b", tmp_path / "a"])


IDS = [f"doc{i}.txt" for i in range(24)]


def _toggle_in_thread(paths: StatePaths, doc_id: str) -> None:
    marks(paths, *IDS, warn=lambda w: None).toggle(doc_id)


def test_concurrent_bookmark_saves_from_threads_lose_nothing(paths: StatePaths) -> None:
    threads = [threading.Thread(target=_toggle_in_thread, args=(paths, i)) for i in IDS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert marks(paths, *IDS).ids == set(IDS)


PROCESS_IDS = [f"p{n}-{i}" for n in range(4) for i in range(15)]


def _toggle_in_process(config: str, state: str, cache: str, doc_ids: list[str]) -> None:
    paths = StatePaths(Path(config), Path(state), Path(cache))
    for doc_id in doc_ids:
        marks(paths, *PROCESS_IDS, warn=lambda w: None).toggle(doc_id)


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
    assert marks(paths, *PROCESS_IDS).ids == set(PROCESS_IDS)
    json.loads(paths.bookmarks_file.read_text())  # still one valid document


def test_positions_restore_in_a_new_instance(paths: StatePaths) -> None:
    positions = positions_of(paths, "a.txt", "b.txt", "c.txt")
    assert positions.last is None
    positions.record("a.txt", 120)
    positions.record("b.txt", 40)
    assert positions.dirty
    positions.save()
    assert not positions.dirty
    again = positions_of(paths, "a.txt", "b.txt", "c.txt")
    assert again.last == "b.txt"
    assert again.offset("a.txt") == 120
    assert again.offset("b.txt") == 40
    assert again.offset("c.txt") is None


def test_last_read_is_per_corpus_and_survives_a_move(paths: StatePaths) -> None:
    one = positions_of(paths, "a.txt", "b.txt")
    one.record("b.txt", 7)
    one.save()
    other = ReadingPositions(paths, pytest.fail)
    other.load(index("x.txt", root="/other"))
    other.record("x.txt", 3)
    other.save()
    moved = ReadingPositions(paths, pytest.fail)
    moved.load(index("a.txt", "b.txt", root="/moved"))
    assert (moved.last, moved.offset("b.txt")) == ("b.txt", 7)


def test_positions_from_two_instances_merge(paths: StatePaths) -> None:
    first = positions_of(paths, "a.txt", "b.txt")
    second = positions_of(paths, "a.txt", "b.txt")
    first.record("a.txt", 1)
    second.record("b.txt", 2)
    first.save()
    second.save()
    merged = positions_of(paths, "a.txt", "b.txt")
    assert (merged.offset("a.txt"), merged.offset("b.txt"), merged.last) == (1, 2, "b.txt")


def test_positions_keep_the_most_recent(paths: StatePaths, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("interpol_tui.state.reading.MAX_POSITIONS", 3)
    ids = [f"{i}.txt" for i in range(5)]
    positions = positions_of(paths, *ids)
    for number, doc_id in enumerate(ids):
        positions.record(doc_id, number + 1)
        positions.save()
    positions.record("1.txt", 99)  # read again: becomes the most recent
    positions.save()
    fresh = positions_of(paths, *ids)
    assert [fresh.offset(i) for i in ids] == [None, 99, None, 4, 5]


def test_positions_file_with_wrong_shapes_is_tolerated_and_kept_aside(paths: StatePaths) -> None:
    paths.state_dir.mkdir(parents=True)
    paths.positions_file.write_text(
        json.dumps(
            {
                "version": 2,
                "releases": {
                    "hash-a.txt": {"offset": "x", "at": "y"},
                    "hash-b.txt": {"offset": 3, "at": 5},
                    "hash-c.txt": [1],
                    "hash-d.txt": {"offset": True},
                },
            }
        )
    )
    warnings: list[str] = []
    positions = ReadingPositions(paths, warnings.append)
    positions.load(index("a.txt", "b.txt", "c.txt", "d.txt"))
    assert (positions.last, positions.offset("a.txt"), positions.offset("b.txt")) == (
        "b.txt",
        None,
        3,
    )
    assert positions.offset("c.txt") is None and positions.offset("d.txt") is None
    assert len(warnings) == 1 and "kept as" in warnings[0]  # one warning, the file kept aside
    assert len(list(paths.state_dir.glob("positions.json.corrupt-*"))) == 1


def test_releases_passed_at_their_top_are_not_kept(paths: StatePaths) -> None:
    ids = [f"{i}.txt" for i in range(50)]
    positions = positions_of(paths, *ids)
    positions.record("7.txt", 300)
    for doc_id in ids:  # moving down a list previews each release at its top
        if doc_id != "7.txt":
            positions.record(doc_id, 0)
        positions.save()
    saved = json.loads(paths.positions_file.read_text())["releases"]
    assert sorted(record["id"] for record in saved.values()) == ["49.txt", "7.txt"]
    again = positions_of(paths, *ids)
    assert (again.last, again.offset("7.txt")) == ("49.txt", 300)
