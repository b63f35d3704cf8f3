"""Version-1 state (keyed by the corpus's absolute path) is converted to content keys."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from interpol_tui.corpus.loader import load_corpus
from interpol_tui.state import Bookmarks, ReadingPositions, ReleaseIndex, StatePaths, corpus_key

RELEASES = {
    "a.txt": "Police meet in Lyon\n\nOfficers from 12 countries met in Lyon.\n",
    "b.txt": "Customs meet in Nice\n\nCustoms officers met in Nice on Monday.\n",
}


@pytest.fixture
def paths() -> StatePaths:
    return StatePaths.default()


def _folder(path: Path) -> Path:
    path.mkdir(parents=True)
    for name, text in RELEASES.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


def _write_v1(paths: StatePaths, file: Path, corpora: dict[str, object]) -> None:
    paths.state_dir.mkdir(parents=True, exist_ok=True)
    file.write_text(json.dumps({"version": 1, "corpora": corpora}), encoding="utf-8")


def _bookmarks(paths: StatePaths, folder: Path) -> frozenset[str]:
    index = ReleaseIndex.of(load_corpus([folder]))
    return Bookmarks(paths, pytest.fail).load(index)


def test_bookmarks_of_the_same_folder_are_converted_and_the_old_file_kept(
    paths: StatePaths, tmp_path: Path
) -> None:
    folder = _folder(tmp_path / "corpus")
    _write_v1(paths, paths.bookmarks_file, {corpus_key([folder]): {"bookmarks": ["b.txt"]}})
    original = paths.bookmarks_file.read_text()
    assert _bookmarks(paths, folder) == {"b.txt"}
    saved = json.loads(paths.bookmarks_file.read_text())
    assert saved["version"] == 2 and "corpora" not in saved
    (record,) = saved["releases"].values()
    assert record["id"] == "b.txt"
    backup = paths.bookmarks_file.with_name("bookmarks.json.v1")
    assert backup.read_text() == original
    # Now keyed by content: moving the folder keeps the bookmark.
    moved = tmp_path / "elsewhere" / "corpus"
    shutil.move(folder, moved)
    assert _bookmarks(paths, moved) == {"b.txt"}


def test_the_installed_copy_then_the_clone_keep_their_bookmarks(
    paths: StatePaths, tmp_path: Path
) -> None:
    # README: `pip install .` reads site-packages' seeds; the clone's seeds are the same files.
    installed = _folder(tmp_path / "site-packages" / "seeds")
    clone = _folder(tmp_path / "clone" / "seeds")
    _write_v1(paths, paths.bookmarks_file, {corpus_key([installed]): {"bookmarks": ["a.txt"]}})
    assert _bookmarks(paths, clone) == {"a.txt"}
    assert _bookmarks(paths, installed) == {"a.txt"}


def test_a_moved_folder_is_found_by_its_name_when_the_old_place_is_gone(
    paths: StatePaths, tmp_path: Path
) -> None:
    gone = tmp_path / "old" / "releases"
    folder = _folder(tmp_path / "new" / "releases")
    _write_v1(paths, paths.bookmarks_file, {corpus_key([gone]): {"bookmarks": ["a.txt"]}})
    assert _bookmarks(paths, folder) == {"a.txt"}


def test_what_cannot_be_converted_is_kept_and_the_file_left_alone(
    paths: StatePaths, tmp_path: Path
) -> None:
    folder = _folder(tmp_path / "corpus")
    other = {"/nowhere/other": {"bookmarks": ["x.txt"]}}
    _write_v1(paths, paths.bookmarks_file, other)
    before = paths.bookmarks_file.read_text()
    assert _bookmarks(paths, folder) == frozenset()
    assert paths.bookmarks_file.read_text() == before  # nothing of it was ours
    # A new bookmark is added beside the version-1 entry, which stays.
    marks = Bookmarks(paths, pytest.fail)
    marks.load(ReleaseIndex.of(load_corpus([folder])))
    marks.toggle("a.txt")
    saved = json.loads(paths.bookmarks_file.read_text())
    assert saved["corpora"] == other
    assert [r["id"] for r in saved["releases"].values()] == ["a.txt"]


def test_positions_and_the_last_release_are_converted(paths: StatePaths, tmp_path: Path) -> None:
    folder = _folder(tmp_path / "corpus")
    entry = {"last": "a.txt", "offsets": {"a.txt": 40, "b.txt": 300}}
    _write_v1(paths, paths.positions_file, {corpus_key([folder]): entry})
    moved = tmp_path / "moved"
    shutil.copytree(folder, moved)
    for place in (folder, moved):
        positions = ReadingPositions(paths, pytest.fail)
        positions.load(ReleaseIndex.of(load_corpus([place])))
        assert (positions.last, positions.offset("a.txt"), positions.offset("b.txt")) == (
            "a.txt",
            40,
            300,
        )
    # A release read now is newer than anything converted.
    positions.record("b.txt", 5)
    positions.save()
    again = ReadingPositions(paths, pytest.fail)
    again.load(ReleaseIndex.of(load_corpus([folder])))
    assert (again.last, again.offset("b.txt")) == ("b.txt", 5)
