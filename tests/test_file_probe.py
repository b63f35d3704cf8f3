"""The file probe: the files it names are those the first look finds changed, and its answer
is used only for the very listing it read (state/file_probe.py)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from test_snapshot import folder, snapshot_of, view, write_release

from interpol_tui.corpus.model import Corpus
from interpol_tui.state import StatePaths
from interpol_tui.state.file_probe import MAX_REREAD, FileProbe
from interpol_tui.state.listing import take
from interpol_tui.state.quick_check import changed_files
from interpol_tui.state.reopen import open_corpus

__all__ = ["folder"]  # the fixture, shared with test_snapshot

HANG_GUARD = 30.0


def probed(folder: Path) -> tuple[Corpus, list[str] | None]:
    """The listing as the start reads it, and what the probe started beside it named."""
    found = take([folder], StatePaths.default())
    try:
        shown = found.result(HANG_GUARD)
        assert shown is not None
        return shown, found.changed_paths(HANG_GUARD)
    finally:
        found.stop_probe()


def edit(folder: Path) -> None:
    """One file edited (a new title, an old time), one removed, one new (not listed)."""
    edited = write_release(folder, 1, crime="art theft")
    os.utime(edited, ns=(1_000_000_000, 1_000_000_000))
    (folder / "release-004.txt").unlink()
    write_release(folder, 9)


def test_the_files_named_give_what_asking_every_file_gives(folder: Path) -> None:
    open_corpus([folder], snapshot_of(folder))
    edit(folder)
    shown, named = probed(folder)
    assert named is not None
    assert sorted(Path(p).name for p in named) == ["release-001.txt", "release-004.txt"]
    slow = changed_files(shown, 1 << 20)
    quick = changed_files(shown, 1 << 20, among=named)
    assert slow is not None and quick is not None
    assert view(quick) == view(slow) and quick.warnings == slow.warnings


def test_an_unchanged_corpus_names_no_file(folder: Path) -> None:
    open_corpus([folder], snapshot_of(folder))
    shown, named = probed(folder)
    assert named == []
    assert changed_files(shown, 1 << 20) is None  # as the probe said
    assert changed_files(shown, 1 << 20, among=named) is None


def test_a_name_stored_as_hex_is_always_named_for_the_thorough_look(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_release(corpus, 1)
    odd = corpus / os.fsdecode(b"caf\xe9.txt")  # not UTF-8: stored as hex
    odd.write_bytes(b"Police seize forged passports at the border\n\nLYON - Text.\n")
    open_corpus([corpus], snapshot_of(corpus))
    shown, named = probed(corpus)
    assert named is not None and len(named) == 1  # unchanged, yet named
    assert changed_files(shown, 1 << 20, among=named) is None  # and found unchanged


def test_an_answer_about_another_listing_is_not_used(folder: Path) -> None:
    open_corpus([folder], snapshot_of(folder))
    file = snapshot_of(folder).file
    probe = FileProbe.start(file)
    assert probe is not None
    try:
        with sqlite3.connect(file) as db:
            (seal,) = db.execute("SELECT substr(data, 1, 4) FROM listing").fetchone()
        assert probe.answer(seal, HANG_GUARD) == []
        assert probe.answer(bytes(4) if seal != bytes(4) else b"\1" * 4) is None
        assert probe.answer(None) is None  # a listing read row by row: no blob to match
    finally:
        probe.close()


def test_a_listing_read_row_by_row_is_asked_the_usual_way(folder: Path) -> None:
    open_corpus([folder], snapshot_of(folder))
    with sqlite3.connect(snapshot_of(folder).file) as db:
        db.execute("DELETE FROM listing")  # no blob: the rows are read one by one
    _, named = probed(folder)
    assert named is None


def test_too_many_changes_are_left_to_the_full_check(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for index in range(MAX_REREAD + 1):
        write_release(corpus, index)
    open_corpus([corpus], snapshot_of(corpus))
    for path in corpus.iterdir():
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    _, named = probed(corpus)
    assert named is None


def test_no_snapshot_no_probe(folder: Path) -> None:
    found = take([folder], StatePaths.default())
    assert found.files is None and found.changed_paths() is None
    found.stop_probe()
