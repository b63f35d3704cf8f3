"""Damaged, hostile or odd state files never crash, hang or lose the user's data (issue 12).

Each input of the issue — deep nesting, huge integers, absurd size limits, a
FIFO or /dev/zero as settings.json, snapshot rows of the wrong types, paths that
are not UTF-8 — is set aside (or rejected) with one warning, or made again.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest

from interpol_tui.analysis import pipeline
from interpol_tui.analysis.model import DocumentAnalysis, EntitySpan, Figure, Quote
from interpol_tui.corpus.loader import load_corpus
from interpol_tui.corpus.model import Corpus, Document
from interpol_tui.state import (
    Bookmarks,
    ReadingPositions,
    ReleaseIndex,
    Settings,
    SettingsFile,
    StatePaths,
)
from interpol_tui.state.jsonio import StateFileError, parse_json
from interpol_tui.state.reopen import analyse
from interpol_tui.state.settings import MAX_FILE_BYTES_RANGE
from interpol_tui.state.snapshot import CorpusSnapshot
from interpol_tui.state.storage import STALE_TEMP_AGE, atomic_write_bytes

T = TypeVar("T")

DEEP = b"[" * 100_000 + b"]" * 100_000
HANG_GUARD = 30.0
"""Seconds a read of a FIFO may take before the test fails (catches a hang, asserts no speed)."""


def _within_guard(work: Callable[[], T]) -> T:
    """Run ``work`` in a daemon thread; fail (instead of hanging the suite) if it blocks."""
    results: list[T] = []
    thread = threading.Thread(target=lambda: results.append(work()), daemon=True)
    thread.start()
    thread.join(HANG_GUARD)
    assert results, f"still blocked after {HANG_GUARD:.0f} s"
    return results[0]


@pytest.fixture
def paths() -> StatePaths:
    return StatePaths.default()


def _settings_with(paths: StatePaths, content: bytes) -> tuple[Settings, list[str]]:
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.settings_file.write_bytes(content)
    warnings: list[str] = []
    return SettingsFile(paths, warnings.append).load(), warnings


# -- settings -------------------------------------------------------------
@pytest.mark.parametrize(
    "value", [9223372036854775807, 10**15, MAX_FILE_BYTES_RANGE[1] + 1, 0, 99, True, 1.5]
)
def test_an_absurd_size_limit_is_one_warning_and_the_default(
    paths: StatePaths, value: object
) -> None:
    settings, warnings = _settings_with(paths, json.dumps({"max_file_bytes": value}).encode())
    assert settings.max_file_bytes == Settings().max_file_bytes
    assert len(warnings) == 1 and "'max_file_bytes'" in warnings[0]


def test_a_sane_size_limit_is_kept(paths: StatePaths) -> None:
    for value in MAX_FILE_BYTES_RANGE:
        settings, warnings = _settings_with(paths, json.dumps({"max_file_bytes": value}).encode())
        assert (settings.max_file_bytes, warnings) == (value, [])


def test_settings_with_a_byte_order_mark_are_read(paths: StatePaths) -> None:
    settings, warnings = _settings_with(paths, b'\xef\xbb\xbf{"theme": "nord"}\n')
    assert (settings.theme, warnings) == ("nord", [])
    assert not list(paths.config_dir.glob("settings.json.corrupt-*"))


@pytest.mark.parametrize("content", [b"", b"\n  \n", b"\xef\xbb\xbf"])
def test_empty_settings_are_the_defaults_not_damage(paths: StatePaths, content: bytes) -> None:
    settings, warnings = _settings_with(paths, content)
    assert (settings, warnings) == (Settings(), [])
    assert paths.settings_file.read_bytes() == content  # left alone
    assert not list(paths.config_dir.glob("settings.json.corrupt-*"))


def test_a_fifo_as_settings_does_not_hang(paths: StatePaths) -> None:
    paths.config_dir.mkdir(parents=True)
    os.mkfifo(paths.settings_file)
    warnings: list[str] = []
    assert _within_guard(SettingsFile(paths, warnings.append).load) == Settings()
    assert len(warnings) == 1 and "not a regular file" in warnings[0]


def test_settings_linked_to_dev_zero_are_not_read(paths: StatePaths) -> None:
    paths.config_dir.mkdir(parents=True)
    paths.settings_file.symlink_to("/dev/zero")
    warnings: list[str] = []
    assert SettingsFile(paths, warnings.append).load() == Settings()
    assert len(warnings) == 1 and "not a regular file" in warnings[0]


def test_a_huge_state_file_is_not_read_into_memory(paths: StatePaths) -> None:
    from interpol_tui.state.storage import JsonFile

    paths.config_dir.mkdir(parents=True)
    with paths.settings_file.open("wb") as handle:
        handle.truncate(64 * 1024 * 1024)  # sparse: 64 MB of NULs, no disk used
    warnings: list[str] = []
    assert JsonFile(paths.settings_file, warnings.append, max_bytes=1024).read() is None
    assert len(warnings) == 1 and "over 1,024 bytes" in warnings[0]


def test_unknown_keys_nested_too_deeply_are_set_aside(paths: StatePaths) -> None:
    nested: Any = 1
    for _ in range(200):
        nested = [nested]
    content = json.dumps({"theme": "nord", "future": nested}).encode()
    settings, warnings = _settings_with(paths, content)
    assert settings.theme == "nord" and len(warnings) == 1 and "'future'" in warnings[0]
    SettingsFile(paths, pytest.fail).save(theme="dracula")
    assert "future" not in json.loads(paths.settings_file.read_text())


@pytest.mark.parametrize(
    "content",
    [DEEP, b'{"a": ' + b"1" * 5000 + b"}", b'{"a": Infinity}', b'{"a": -1e999}', b"\xff{}"],
)
def test_parse_json_rejects_what_no_state_file_holds(content: bytes) -> None:
    with pytest.raises(StateFileError):
        parse_json(content)


# -- bookmarks and positions ---------------------------------------------
@pytest.mark.parametrize("which", ["bookmarks", "positions"])
def test_deeply_nested_reading_state_is_moved_aside(paths: StatePaths, which: str) -> None:
    file = paths.bookmarks_file if which == "bookmarks" else paths.positions_file
    file.parent.mkdir(parents=True)
    file.write_bytes(DEEP)
    warnings: list[str] = []
    if which == "bookmarks":
        assert Bookmarks(paths, warnings.append).load(ReleaseIndex((), ())) == frozenset()
    else:
        ReadingPositions(paths, warnings.append).load(ReleaseIndex((), ()))
    assert len(warnings) == 1 and "nested too deeply" in warnings[0]
    (aside,) = file.parent.glob(f"{file.name}.corrupt-*")
    assert aside.read_bytes() == DEEP


def _index_of(root: Path) -> ReleaseIndex:
    """The release index of a one-release corpus made at ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "a.txt").write_text("Police meet in Lyon\n\nOfficers met in Lyon.\n", encoding="utf-8")
    return ReleaseIndex.of(load_corpus([root]))


# -- paths that are not UTF-8 --------------------------------------------
def test_a_corpus_path_that_is_not_utf8_is_saved_and_found_again(
    paths: StatePaths, tmp_path: Path
) -> None:
    root = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9-corpus"))
    index = _index_of(root)
    marks = Bookmarks(paths, pytest.fail)
    marks.load(index)
    assert marks.toggle("a.txt") is True
    assert Bookmarks(paths, pytest.fail).load(index) == {"a.txt"}
    positions = ReadingPositions(paths, pytest.fail)
    positions.load(index)
    positions.record("a.txt", 40)
    positions.save()
    again = ReadingPositions(paths, pytest.fail)
    again.load(index)
    assert (again.last, again.offset("a.txt")) == ("a.txt", 40)
    settings = SettingsFile(paths, pytest.fail)
    settings.save(last_corpus=(str(root),))
    assert settings.load().last_corpus == (str(root),)


def test_the_snapshot_of_a_corpus_path_that_is_not_utf8_is_written(
    paths: StatePaths, tmp_path: Path, analysed: list[str]
) -> None:
    root = Path(os.fsdecode(bytes(tmp_path) + b"/\xff\xfe"))
    corpus = Corpus(documents=(_document(),), roots=(root,))
    assert dict(analyse(corpus, _snapshot(paths, corpus))) == {"a.txt": _analysis()}
    again = _snapshot(paths, corpus)
    assert again.analysed() == {"a.txt": "ab" * 32}
    assert dict(analyse(corpus, again)) == {"a.txt": _analysis()}
    assert analysed == ["a.txt"]


# -- stale temporary files -----------------------------------------------
def test_temp_files_of_killed_writes_are_removed_when_old(tmp_path: Path) -> None:
    tmp_path = tmp_path / "state"
    tmp_path.mkdir()
    target = tmp_path / "bookmarks.json"
    old = [tmp_path / f".bookmarks.json.{tag}.tmp" for tag in ("abcd1234", "x_y_z_0w")]
    fresh = tmp_path / ".bookmarks.json.fresh123.tmp"  # a write still running elsewhere
    other = tmp_path / ".settings.json.abcd1234.tmp"  # another file's
    mine_not = tmp_path / "bookmarks.json.notes.tmp"  # not our pattern
    for path in [*old, fresh, other, mine_not]:
        path.write_text("{")
    stale = time.time() - STALE_TEMP_AGE - 60
    for path in [*old, other, mine_not]:
        os.utime(path, (stale, stale))
    atomic_write_bytes(target, b"{}")
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted(["bookmarks.json", fresh.name, other.name, mine_not.name])


# -- analysis cache rows --------------------------------------------------
TEXT = "Jürgen Stock said: “Police met 194 member countries.” The end."


def _document() -> Document:
    return Document("a.txt", Path("/c/a.txt"), "A", None, None, TEXT, sha256="ab" * 32)


def _analysis() -> DocumentAnalysis:
    figure_at = TEXT.index("194")
    quote_at = TEXT.index("Police")
    sentence = TEXT[quote_at : TEXT.index(".") + 1]
    return DocumentAnalysis(
        "a.txt",
        entities=(EntitySpan(0, 12, "Jürgen Stock", "person", "Jürgen Stock"),),
        figures=(
            Figure(
                figure_at,
                figure_at + 3,
                "194",
                194.0,
                None,
                None,
                "member countries",
                sentence,
                quote_at,
            ),
        ),
        quotes=(Quote(quote_at, quote_at + len(sentence), sentence, "Jürgen Stock"),),
    )


@pytest.fixture
def analysed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The releases analysed (each given :func:`_analysis`), in this process."""
    seen: list[str] = []

    def analyse_text(doc_id: str, text: str, headline: str = "") -> DocumentAnalysis:
        seen.append(doc_id)
        return _analysis()

    monkeypatch.setattr(pipeline, "analyse_text", analyse_text)
    return seen


def _snapshot(paths: StatePaths, corpus: Corpus) -> CorpusSnapshot:
    return CorpusSnapshot.for_corpus(paths, corpus.roots, pytest.fail)


def _damage(file: Path, group: str, field: str, value: Any) -> None:
    from interpol_tui.state import codec

    with sqlite3.connect(file) as db:
        ((data,),) = db.execute("SELECT data FROM analyses").fetchall()
        stored = json.loads(zlib.decompress(data))
        stored[group][0][codec.schema()[group].index(field)] = value
        db.execute("UPDATE analyses SET data = ?", (zlib.compress(json.dumps(stored).encode()),))


def _store_raw(file: Path, data: bytes) -> None:
    with sqlite3.connect(file) as db:
        db.execute("UPDATE analyses SET data = ?", (zlib.compress(data),))


@pytest.mark.parametrize(
    ("group", "field", "value"),
    [
        ("entities", "canonical", None),
        ("entities", "canonical", ["Jürgen", "Stock"]),
        ("entities", "type", "spaceship"),
        ("entities", "start", -1),
        ("entities", "start", 13),  # after its end
        ("entities", "end", len(TEXT) + 1),
        ("entities", "role", 5),
        ("figures", "value", "abc"),
        ("figures", "value", None),
        ("figures", "value", 10.0**300 * 10**8),  # finite, but not a figure
        ("figures", "value", float("inf")),  # written as Infinity, read back as inf
        ("figures", "value", 10**400),  # an integer of 401 digits
        ("entities", "start", float("nan")),
        ("figures", "counts", 7),
        ("figures", "sentence", 10_000),
        ("figures", "sentence_start", -5),
        ("quotes", "speaker", 3),
        ("quotes", "group", -1),
        ("quotes", "text", True),
    ],
)
def test_a_snapshot_row_of_the_wrong_type_is_rejected_and_made_again(
    paths: StatePaths, analysed: list[str], group: str, field: str, value: Any
) -> None:
    corpus = Corpus(documents=(_document(),), roots=(Path("/c"),))
    dict(analyse(corpus, _snapshot(paths, corpus)))
    _damage(_snapshot(paths, corpus).file, group, field, value)
    analysed.clear()
    assert dict(analyse(corpus, _snapshot(paths, corpus))) == {"a.txt": _analysis()}
    assert analysed == ["a.txt"]
    # Stored again with the fresh analysis: the next run trusts it.
    analysed.clear()
    assert dict(analyse(corpus, _snapshot(paths, corpus))) == {"a.txt": _analysis()}
    assert analysed == []


@pytest.mark.parametrize(
    "damage",
    [
        DEEP,
        b'{"figures": [[0, 3, null, ' + b"9" * 5000 + b"]]}",
    ],
)
def test_a_snapshot_row_that_cannot_be_parsed_is_made_again(
    paths: StatePaths, analysed: list[str], damage: bytes
) -> None:
    corpus = Corpus(documents=(_document(),), roots=(Path("/c"),))
    dict(analyse(corpus, _snapshot(paths, corpus)))
    _store_raw(_snapshot(paths, corpus).file, damage)
    analysed.clear()
    assert dict(analyse(corpus, _snapshot(paths, corpus))) == {"a.txt": _analysis()}
    assert analysed == ["a.txt"]


def test_a_deeply_nested_snapshot_file_is_set_aside_once(
    paths: StatePaths, analysed: list[str]
) -> None:
    corpus = Corpus(documents=(_document(),), roots=(Path("/c"),))
    file = _snapshot(paths, corpus).file
    file.parent.mkdir(parents=True)
    file.write_bytes(DEEP)
    warnings: list[str] = []
    snapshot = CorpusSnapshot.for_corpus(paths, corpus.roots, warnings.append)
    assert dict(analyse(corpus, snapshot)) == {"a.txt": _analysis()}
    assert len(warnings) == 1 and "moved aside" in warnings[0]


def test_a_fifo_in_place_of_the_lock_file_does_not_hang(paths: StatePaths, tmp_path: Path) -> None:
    paths.state_dir.mkdir(parents=True)
    os.mkfifo(paths.state_dir / ".bookmarks.json.lock")
    index = _index_of(tmp_path / "corpus")
    marks = Bookmarks(paths, pytest.fail)
    marks.load(index)
    assert _within_guard(lambda: marks.toggle("a.txt")) is True  # the lock skipped, not awaited
    assert Bookmarks(paths, pytest.fail).load(index) == {"a.txt"}


def test_the_codec_refuses_a_field_type_it_cannot_check() -> None:
    from interpol_tui.state import codec

    with pytest.raises(codec.CodecError, match="cannot check"):
        codec._check_for(dict[str, int], "Span")
    kinds, check = codec._check_for(tuple[str, ...], "Span")
    assert kinds == {list} and check is not None
    assert check(["a", "b"]) and not check(["a", 1])


def test_wrongly_shaped_release_records_are_kept_aside_not_overwritten(
    paths: StatePaths, tmp_path: Path
) -> None:
    index = _index_of(tmp_path / "corpus")
    key = index.key("a.txt")
    assert key is not None
    paths.state_dir.mkdir(parents=True)
    original = {
        "version": 2,
        "releases": {
            key: {"id": "a.txt", "root": None, "offset": 40, "at": 1.0},
            "other": [1, 2],
            "neg": {"offset": -3},
            "flag": {"offset": True},
        },
    }
    paths.positions_file.write_text(json.dumps(original))
    warnings: list[str] = []
    positions = ReadingPositions(paths, warnings.append)
    positions.load(index)
    assert positions.offset("a.txt") == 40  # the good record is kept
    assert len(warnings) == 1 and "kept as" in warnings[0]
    (aside,) = paths.state_dir.glob("positions.json.corrupt-*")
    assert json.loads(aside.read_text()) == original  # nothing of the user's is lost
    positions.record("a.txt", 80)
    positions.save()
    again = ReadingPositions(paths, pytest.fail)
    again.load(index)
    assert again.offset("a.txt") == 80


def test_releases_that_are_not_an_object_are_set_aside(paths: StatePaths, tmp_path: Path) -> None:
    index = _index_of(tmp_path / "corpus")
    paths.state_dir.mkdir(parents=True)
    paths.bookmarks_file.write_text(json.dumps({"version": 2, "releases": ["a.txt"]}))
    warnings: list[str] = []
    marks = Bookmarks(paths, warnings.append)
    assert marks.load(index) == frozenset()
    assert len(warnings) == 1 and "'releases'" in warnings[0]
    assert list(paths.state_dir.glob("bookmarks.json.corrupt-*"))
