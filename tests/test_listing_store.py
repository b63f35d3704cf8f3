"""The listing's blob (state/listing_store.py) gives exactly what the row-by-row read gives, is
gone in the transaction that changes what it copies, and is never used when anything is off."""

from __future__ import annotations

import contextlib
import json
import marshal
import os
import sqlite3
from pathlib import Path

import pytest
from test_snapshot import folder, snapshot_of, write_release

from interpol_tui.corpus.model import Corpus
from interpol_tui.state import listing_store
from interpol_tui.state.listing import read_listing
from interpol_tui.state.reopen import open_corpus
from interpol_tui.state.snapshot import corpus_fingerprint

__all__ = ["folder"]  # the fixture, shared with test_snapshot


def _db(folder: Path) -> contextlib.closing[sqlite3.Connection]:
    return contextlib.closing(sqlite3.connect(snapshot_of(folder).file, isolation_level=None))


def _blob(folder: Path) -> bytes | None:
    with _db(folder) as db:
        found = db.execute("SELECT data FROM listing").fetchone()
    return None if found is None else bytes(found[0])


def _as_listed(corpus: Corpus | None) -> tuple[object, ...]:
    """Everything a listing holds: each release's row, its warnings, the roots."""
    assert corpus is not None
    rows = [d._row for d in corpus.documents]  # type: ignore[attr-defined]
    return rows, corpus.warnings, corpus.roots, [d.warnings for d in corpus.documents]


def _row_by_row(folder: Path) -> Corpus | None:
    """The listing as read without the blob (the blob put back after)."""
    with _db(folder) as db:
        kept = db.execute("SELECT * FROM listing").fetchall()
        db.execute("DROP TRIGGER listing_meta_delete")  # only so that the blob can go back
        db.execute("DELETE FROM listing")
    found = read_listing(snapshot_of(folder), [folder])
    with _db(folder) as db:
        db.executemany("INSERT INTO listing VALUES (?, ?, ?, ?)", kept)
    snapshot_of(folder).open()  # the trigger back
    return found


def _odd_corpus(tmp_path: Path) -> Path:
    """Releases with warnings, a name that is not UTF-8 and one holding the hex mark."""
    corpus = tmp_path / "odd"
    corpus.mkdir()
    write_release(corpus, 1)
    odd = corpus / os.fsdecode(b"caf\xe9-\xee\x80\x80.txt")
    odd.write_bytes(b"Police seize \xff\xfe forged passports at the border\n\nLYON - Text.\n")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "export.jsonl").write_text(
        json.dumps({"headline": "Patrol boats stop smugglers", "content": "SUVA - Boats."})
        + '\n{"headline": "cut off\n',
        encoding="utf-8",
    )
    return corpus


@pytest.mark.parametrize("odd", [False, True])
def test_the_blob_lists_exactly_what_the_rows_list(folder: Path, tmp_path: Path, odd: bool) -> None:
    corpus = _odd_corpus(tmp_path) if odd else folder
    open_corpus([corpus], snapshot_of(corpus))
    assert _blob(corpus) is not None  # saved with the listing
    from_blob = read_listing(snapshot_of(corpus), [corpus])
    assert _as_listed(from_blob) == _as_listed(_row_by_row(corpus))
    assert from_blob is not None and (any(d.warnings for d in from_blob.documents) or not odd)
    assert from_blob.warnings or not odd


def test_the_blob_is_read_when_it_is_there(folder: Path) -> None:
    open_corpus([folder], snapshot_of(folder))
    with _db(folder) as db:  # the rows say one thing, the blob (made before) another
        db.execute("DROP TRIGGER listing_stale_update")
        db.execute("UPDATE files SET title = 'Not from the blob'")
    titles = {d.title for d in read_listing(snapshot_of(folder), [folder]).documents}  # type: ignore[union-attr]
    assert "Not from the blob" not in titles


@pytest.mark.parametrize(
    "change",
    [
        "UPDATE files SET title = 'Changed' WHERE doc_id = 'release-001.txt'",
        "DELETE FROM files WHERE doc_id = 'release-005.txt'",
        "INSERT INTO files SELECT 'new.txt', path, size, mtime_ns, sha256, title, date,"
        " dateline, title_source, warnings, chars, format, url FROM files LIMIT 1",
        "UPDATE meta SET value = '[]' WHERE key = 'warnings'",
        "INSERT OR REPLACE INTO meta VALUES ('order', '[\"release-000.txt\"]')",
        "DELETE FROM meta WHERE key = 'order'",
    ],
)
def test_any_change_to_what_the_blob_copies_removes_it_at_once(folder: Path, change: str) -> None:
    open_corpus([folder], snapshot_of(folder))
    with _db(folder) as db:
        db.execute("BEGIN")
        db.execute(change)
        assert db.execute("SELECT count(*) FROM listing").fetchone() == (0,)  # same transaction
        db.execute("COMMIT")
    assert _blob(folder) is None
    found = read_listing(snapshot_of(folder), [folder])  # row by row, as the rows are now
    if "'Changed'" in change:
        assert found is not None
        assert "Changed" in [d.title for d in found.documents]


def test_a_reload_after_an_edit_saves_a_new_blob_and_an_unchanged_one_writes_nothing(
    folder: Path,
) -> None:
    open_corpus([folder], snapshot_of(folder))
    with _db(folder) as db:  # counts the blob's writes from now on
        db.execute("CREATE TABLE written (n INTEGER)")
        db.execute(
            "CREATE TRIGGER count_writes AFTER INSERT ON listing"
            " BEGIN INSERT INTO written VALUES (1); END"
        )
    open_corpus([folder], snapshot_of(folder))  # unchanged: nothing saved again
    with _db(folder) as db:
        assert db.execute("SELECT count(*) FROM written").fetchone() == (0,)
    edited = write_release(folder, 2, crime="art theft")
    os.utime(edited, ns=(1_000_000_000, 1_000_000_000))
    open_corpus([folder], snapshot_of(folder))
    with _db(folder) as db:
        assert db.execute("SELECT count(*) FROM written").fetchone() == (1,)
    titles = [d.title for d in read_listing(snapshot_of(folder), [folder]).documents]  # type: ignore[union-attr]
    assert "Operation Harbour 2 targets art theft" in titles
    assert _as_listed(read_listing(snapshot_of(folder), [folder])) == _as_listed(
        _row_by_row(folder)
    )


def test_a_blob_made_by_other_code_is_made_again_for_the_same_listing(folder: Path) -> None:
    open_corpus([folder], snapshot_of(folder))
    blob = _blob(folder)
    with _db(folder) as db:  # as a copy with another LISTING_FORMAT left it
        db.execute("UPDATE listing SET made = '0/other code'")
    with _db(folder) as db:
        assert listing_store.read(db, corpus_fingerprint()) is None
    open_corpus([folder], snapshot_of(folder))  # the same order and warnings
    with _db(folder) as db:
        (made,) = db.execute("SELECT made FROM listing").fetchone()
    assert made == f"{listing_store.LISTING_FORMAT}/{corpus_fingerprint()}"
    assert _blob(folder) == blob


def _rewrite(folder: Path, data: bytes, count: object = 6) -> None:
    with _db(folder) as db:
        db.execute("UPDATE listing SET data = ?, count = ?", (data, count))


def _payload(value: object) -> bytes:
    return listing_store.seal(marshal.dumps(value))


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-7],  # cut short
        lambda data: data[:100] + bytes([data[100] ^ 1]) + data[101:],  # one bit flipped
        lambda data: b"",
        lambda data: b"\x00\x00\x00\x00",
        lambda data: _payload((listing_store.LISTING_FORMAT + 1, *marshal.loads(data[4:])[1:])),
        lambda data: _payload(
            (marshal.loads(data[4:])[0], "other code", *marshal.loads(data[4:])[2:])
        ),
        lambda data: _payload(marshal.loads(data[4:])[:5]),
        lambda data: _payload((*marshal.loads(data[4:])[:4], [("short",)], True)),
        lambda data: _payload((*marshal.loads(data[4:])[:2], [1, 2], *marshal.loads(data[4:])[3:])),
        lambda data: _payload([1, 2, 3]),
    ],
)
def test_a_blob_with_anything_off_is_not_used(folder: Path, damage: object) -> None:
    open_corpus([folder], snapshot_of(folder))
    expected = _as_listed(_row_by_row(folder))
    blob = _blob(folder)
    assert blob is not None and callable(damage)
    _rewrite(folder, damage(blob))
    with _db(folder) as db:
        stored = listing_store.read(db, corpus_fingerprint())
    assert stored is None
    assert _as_listed(read_listing(snapshot_of(folder), [folder])) == expected


def test_the_count_saved_with_the_blob_keeps_a_long_listing_from_the_first_frame(
    folder: Path,
) -> None:
    open_corpus([folder], snapshot_of(folder))
    assert read_listing(snapshot_of(folder), [folder], limit=5) is None
    assert read_listing(snapshot_of(folder), [folder], limit=6) is not None
    blob = _blob(folder)
    assert blob is not None
    _rewrite(folder, blob, count="many")  # not a count: the rows decide, as without a blob
    assert read_listing(snapshot_of(folder), [folder], limit=6) is not None


def test_a_snapshot_made_before_the_blob_is_listed_row_by_row_then_gets_one(folder: Path) -> None:
    open_corpus([folder], snapshot_of(folder))
    expected = _as_listed(read_listing(snapshot_of(folder), [folder]))
    with _db(folder) as db:  # as the code before this table left it
        for name in [
            row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        ]:
            db.execute(f"DROP TRIGGER {name}")
        db.execute("DROP TABLE listing")
    assert _as_listed(read_listing(snapshot_of(folder), [folder])) == expected
    again = open_corpus([folder], snapshot_of(folder))
    assert again.read == 0  # nothing read again from the files
    assert _blob(folder) is not None
    assert _as_listed(read_listing(snapshot_of(folder), [folder])) == expected


def test_a_blob_table_of_another_shape_is_made_again(folder: Path) -> None:
    open_corpus([folder], snapshot_of(folder))
    expected = _as_listed(read_listing(snapshot_of(folder), [folder]))
    with _db(folder) as db:
        db.execute("DROP TABLE listing")
        db.execute("CREATE TABLE listing (id INTEGER PRIMARY KEY, data BLOB)")
        db.execute("INSERT INTO listing VALUES (0, x'00')")
    assert _as_listed(read_listing(snapshot_of(folder), [folder])) == expected  # row by row
    warnings: list[str] = []
    again = open_corpus([folder], snapshot_of(folder, warnings))
    assert again.read == 0 and warnings == []  # the snapshot stays usable
    assert _blob(folder) is not None
    assert _as_listed(read_listing(snapshot_of(folder), [folder])) == expected


def test_a_snapshot_of_another_format_loses_its_blob_with_its_tables(folder: Path) -> None:
    open_corpus([folder], snapshot_of(folder))
    with _db(folder) as db:
        db.execute("UPDATE meta SET value = '0' WHERE key = 'format'")
    warnings: list[str] = []
    again = open_corpus([folder], snapshot_of(folder, warnings))
    assert again.read == 6 and any("another format" in w for w in warnings)
    assert _as_listed(read_listing(snapshot_of(folder), [folder])) == _as_listed(
        _row_by_row(folder)
    )
