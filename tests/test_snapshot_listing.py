"""Starting from the snapshot's listing: read in one query, never trusted when anything is off,
kept as it is where the files are unchanged, and records files reopened whole."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

import pytest
from test_snapshot import folder, snapshot_of, view, write_release

from interpol_tui.corpus.formats.fields import FieldMap
from interpol_tui.corpus.loader import load_corpus
from interpol_tui.state import StatePaths
from interpol_tui.state.listing import ListedDocument, prefetch, read_listing, take
from interpol_tui.state.quick_check import changed_files
from interpol_tui.state.reopen import open_corpus

__all__ = ["folder"]  # the fixture, shared with test_snapshot


def listing_of(folder: Path) -> list[ListedDocument]:
    found = read_listing(snapshot_of(folder), [folder])
    assert found is not None
    assert all(isinstance(d, ListedDocument) for d in found.documents)
    return list(found.documents)  # type: ignore[arg-type]


def test_the_listing_gives_what_reading_the_files_gives(folder: Path) -> None:
    open_corpus([folder], snapshot_of(folder))
    listed = listing_of(folder)
    assert view(type("C", (), {"documents": listed})) == view(load_corpus([folder]))
    assert [d.path for d in listed] == [d.path for d in load_corpus([folder]).documents]
    assert all(d.chars == len(d.text) and d.format == "text" for d in listed)


def test_names_that_are_not_utf8_and_warnings_come_back_as_they_were(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_release(corpus, 1)
    odd = corpus / os.fsdecode(b"caf\xe9-\xee\x80\x80.txt")  # not UTF-8; holds the escape mark
    odd.write_bytes(b"Police seize \xff\xfe forged passports at the border\n\nLYON - Text.\n")
    open_corpus([corpus], snapshot_of(corpus))
    listed = listing_of(corpus)
    loaded = load_corpus([corpus]).documents
    assert [(d.id, d.path, d.warnings, d.title) for d in listed] == [
        (d.id, d.path, d.warnings, d.title) for d in loaded
    ]
    assert any(d.warnings for d in listed)


def test_without_a_snapshot_there_is_no_listing_and_no_file_is_made(folder: Path) -> None:
    snapshot = snapshot_of(folder)
    assert read_listing(snapshot, [folder]) is None
    assert not snapshot.file.exists()


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE meta SET value = '0' WHERE key = 'format'",
        "UPDATE meta SET value = 'other code' WHERE key = 'corpus'",
        "UPDATE files SET size = 'big' WHERE doc_id = 'release-003.txt'",
        "DELETE FROM files WHERE doc_id = 'release-002.txt'",
        "UPDATE meta SET value = '[1, 2]' WHERE key = 'order'",
        "UPDATE meta SET value = '{oops' WHERE key = 'warnings'",
        "UPDATE files SET warnings = '{oops' WHERE doc_id = 'release-005.txt'",
    ],
)
def test_a_listing_with_anything_off_is_not_used(folder: Path, damage: str) -> None:
    snapshot = snapshot_of(folder)
    open_corpus([folder], snapshot)
    snapshot.close()
    with sqlite3.connect(snapshot.file) as db:
        db.execute(damage)
    assert read_listing(snapshot_of(folder), [folder]) is None
    # The thorough open then rebuilds what it must, and the corpus loads as from disk.
    assert view(open_corpus([folder], snapshot_of(folder)).corpus) == view(load_corpus([folder]))


def test_a_listing_longer_than_the_limit_is_left_to_the_load_worker(folder: Path) -> None:
    open_corpus([folder], snapshot_of(folder))
    assert read_listing(snapshot_of(folder), [folder], limit=5) is None
    assert read_listing(snapshot_of(folder), [folder], limit=6) is not None


def test_the_listing_does_not_wait_for_another_copy_writing(folder: Path) -> None:
    snapshot = snapshot_of(folder)
    open_corpus([folder], snapshot)
    writer = sqlite3.connect(snapshot.file, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("DELETE FROM texts")  # not committed: readers see the old rows
        started = time.monotonic()
        found = read_listing(snapshot_of(folder), [folder])
        assert found is not None and len(found.documents) == 6
        assert time.monotonic() - started < 5  # hang guard: a blocked read waits 10 s
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_reopening_keeps_the_listed_releases_themselves(folder: Path) -> None:
    open_corpus([folder], snapshot_of(folder))
    shown = read_listing(snapshot_of(folder), [folder])
    assert shown is not None
    again = open_corpus([folder], snapshot_of(folder), listed=shown)
    assert (again.read, again.reused) == (0, 6)
    assert all(a is b for a, b in zip(again.corpus.documents, shown.documents, strict=True))


def test_under_a_listing_a_changed_file_is_read_alone_a_removed_one_dropped(folder: Path) -> None:
    open_corpus([folder], snapshot_of(folder))
    shown = read_listing(snapshot_of(folder), [folder])
    assert shown is not None
    changed = write_release(folder, 2, crime="wildlife trafficking")
    os.utime(changed, ns=(1_000_000_000, 1_000_000_000))  # surely a new mtime
    (folder / "release-004.txt").unlink()
    write_release(folder, 9)
    snapshot = snapshot_of(folder)
    again = open_corpus([folder], snapshot, listed=shown)
    assert (again.read, again.reused) == (2, 4)
    assert view(again.corpus) == view(load_corpus([folder]))
    titles = {d.id: d.title for d in again.corpus.documents}
    assert titles["release-002.txt"] == "Operation Harbour 2 targets wildlife trafficking"
    kept = {d.id: d for d in shown.documents}
    assert all(d is kept[d.id] for d in again.corpus.documents if d.id in {"release-000.txt"})
    assert "release-004.txt" not in snapshot.records()
    assert [d.id for d in listing_of(folder)] == [d.id for d in again.corpus.documents]


def test_a_listing_from_a_snapshot_rebuilt_since_is_not_reused(folder: Path) -> None:
    open_corpus([folder], snapshot_of(folder))
    shown = read_listing(snapshot_of(folder), [folder])
    assert shown is not None
    with sqlite3.connect(snapshot_of(folder).file) as db:
        db.execute("UPDATE meta SET value = '0' WHERE key = 'format'")
    warnings: list[str] = []
    again = open_corpus([folder], snapshot_of(folder, warnings), listed=shown)
    assert again.read == 6 and any("another format" in w for w in warnings)
    assert not any(a is b for a, b in zip(again.corpus.documents, shown.documents, strict=True))


def _jsonl(folder: Path, titles: list[str]) -> Path:
    lines = [
        json.dumps(
            {
                "headline": title,
                "date": f"2021-06-{n + 1:02d}",
                "content": f"SUVA, Fiji – Patrol boats stopped {n + 2} boats carrying contraband.",
            }
        )
        for n, title in enumerate(titles)
    ]
    path = folder / "export.jsonl"
    path.write_text("\n".join([*lines, '{"headline": "cut off']) + "\n", encoding="utf-8")
    return path


def test_a_records_file_is_reopened_whole_from_the_snapshot(folder: Path) -> None:
    path = _jsonl(folder, ["Patrol boats stop smugglers", "Customs officers find ivory"])
    first = open_corpus([folder], snapshot_of(folder))
    again = open_corpus([folder], snapshot_of(folder))
    assert (first.read, again.read, again.reused) == (7, 0, 7)
    assert view(again.corpus) == view(load_corpus([folder]))
    assert again.corpus.warnings == load_corpus([folder]).warnings  # the bad line, still said
    assert any("export.jsonl" in w for w in again.corpus.warnings)
    listed = listing_of(folder)  # records files no longer keep the listing from being used
    assert [d.id for d in listed] == [d.id for d in again.corpus.documents]

    _jsonl(folder, ["Patrol boats stop smugglers", "Customs officers find rhino horn"])
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    changed = open_corpus([folder], snapshot_of(folder))
    assert (changed.read, changed.reused) == (1, 6)
    assert "Customs officers find rhino horn" in [d.title for d in changed.corpus.documents]
    assert view(changed.corpus) == view(load_corpus([folder]))


def test_a_records_file_read_with_other_fields_is_read_again(folder: Path) -> None:
    _jsonl(folder, ["Patrol boats stop smugglers"])
    open_corpus([folder], snapshot_of(folder))
    fields = FieldMap({"title": "date"})
    again = open_corpus([folder], snapshot_of(folder), fields=fields)
    assert again.read == 1
    assert view(again.corpus) == view(load_corpus([folder], fields=fields))


def test_a_removed_records_file_is_forgotten(folder: Path) -> None:
    path = _jsonl(folder, ["Patrol boats stop smugglers"])
    snapshot = snapshot_of(folder)
    open_corpus([folder], snapshot)
    assert str(path) in snapshot.sources()
    path.unlink()
    again = open_corpus([folder], snapshot)
    assert view(again.corpus) == view(load_corpus([folder]))
    assert snapshot.sources() == {} and "export.jsonl#1" not in snapshot.records()


def test_the_read_begun_by_the_command_line_is_handed_to_the_app_once(folder: Path) -> None:
    open_corpus([folder], snapshot_of(folder))
    begun = prefetch([folder])
    taken = take([folder], StatePaths.default())
    assert taken is begun
    found = taken.result(10)
    assert found is not None and len(found.documents) == 6
    assert take([folder], StatePaths.default()) is not begun  # a later screen reads anew


def test_the_first_look_finds_an_edited_and_a_removed_file_without_a_walk(folder: Path) -> None:
    open_corpus([folder], snapshot_of(folder))
    shown = read_listing(snapshot_of(folder), [folder])
    assert shown is not None
    assert changed_files(shown, 1 << 20) is None  # nothing changed: nothing to show again
    edited = write_release(folder, 1, crime="art theft")
    os.utime(edited, ns=(1_000_000_000, 1_000_000_000))
    (folder / "release-005.txt").unlink()
    write_release(folder, 8)  # new: found by the full walk only
    now = changed_files(shown, 1 << 20)
    assert now is not None
    assert [d.title for d in now.documents] == [
        d.title for d in load_corpus([folder]).documents if d.id != "release-008.txt"
    ]
    assert now.documents[0] is shown.documents[0]  # the others as listed


def test_the_read_ahead_only_reads_the_listing_the_first_look_follows(folder: Path) -> None:
    open_corpus([folder], snapshot_of(folder))
    before = [d.title for d in load_corpus([folder]).documents]
    edited = write_release(folder, 3, crime="counterfeit medicines")
    os.utime(edited, ns=(1_000_000_000, 1_000_000_000))
    found = take([folder], StatePaths.default()).result(10)
    assert found is not None  # as the snapshot last listed it: no file asked before the frame
    assert [d.title for d in found.documents] == before
    now = changed_files(found, 1 << 20)  # then, after the first frame
    assert now is not None
    assert [d.title for d in now.documents] == [d.title for d in load_corpus([folder]).documents]
