"""The listing's shortcut (every row taken as it came, without a call per row) gives what the
row-by-row path gives, and is not taken where a row needs decoding (state/listing.py)."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path

import pytest
from test_snapshot import folder, snapshot_of

from interpol_tui.state.listing import ListedDocument, Row, _corpus
from interpol_tui.state.listing_store import plain as _plain
from interpol_tui.state.reopen import open_corpus

__all__ = ["folder"]  # the fixture, shared with test_snapshot

MARK = "\ue000"  # a name stored as hex starts with it (snapshot_rows.to_db)


def stored_rows(folder: Path) -> tuple[list[Row], list[str]]:
    """The rows of ``files`` and the listed order, as the snapshot holds them."""
    open_corpus([folder], snapshot_of(folder))
    with contextlib.closing(sqlite3.connect(snapshot_of(folder).file)) as connection:
        rows = connection.execute("SELECT * FROM files").fetchall()
        (order,) = connection.execute("SELECT value FROM meta WHERE key = 'order'").fetchone()
    return rows, json.loads(order)


def listed(folder: Path, rows: list[Row], order: list[str], plain: bool) -> list[Row]:
    found = _corpus(snapshot_of(folder), [folder], order, [], rows, plain=plain)
    assert found is not None
    documents = found.documents
    assert all(isinstance(d, ListedDocument) for d in documents)
    assert [found.by_id(d.id) for d in documents] == list(documents)
    return [d._row for d in documents]  # type: ignore[attr-defined]


def test_plain_rows_list_as_the_row_by_row_path_lists_them(folder: Path) -> None:
    rows, order = stored_rows(folder)
    assert _plain(rows)
    assert listed(folder, rows, order, plain=True) == listed(folder, rows, order, plain=False)


def test_a_listed_id_without_its_row_gives_no_listing_either_way(folder: Path) -> None:
    rows, order = stored_rows(folder)
    for plain in (True, False):
        assert _corpus(snapshot_of(folder), [folder], [*order, "gone.txt"], [], rows, plain) is None


@pytest.mark.parametrize(
    ("column", "value"),
    [
        (9, '["bad bytes"]'),  # a release with warnings
        (0, MARK + "6361"),  # an id stored as hex
        (1, MARK + "2f746d70"),  # a path stored as hex
        (1, "/tmp/a" + MARK + "b.txt"),  # the mark elsewhere: looked at row by row, to be safe
    ],
)
def test_a_row_that_may_need_decoding_takes_the_row_by_row_path(
    folder: Path, column: int, value: str
) -> None:
    rows, _ = stored_rows(folder)
    changed = list(rows[2])
    changed[column] = value
    assert not _plain([*rows[:2], tuple(changed), *rows[3:]])  # type: ignore[list-item]


def test_the_listed_releases_are_what_the_class_makes_of_each_row(folder: Path) -> None:
    rows, order = stored_rows(folder)
    found = _corpus(snapshot_of(folder), [folder], order, [], rows, plain=True)
    assert found is not None
    texts = found.documents[0]._texts  # type: ignore[attr-defined]
    by_id = {row[0]: row for row in rows}
    for document in found.documents:  # made and filled by C calls, not by the class
        made = ListedDocument(by_id[document.id], texts)
        assert type(document) is ListedDocument
        assert document._row is made._row and document._texts is made._texts  # type: ignore[attr-defined]
        fields = ("id", "title", "date", "dateline", "sha256", "path", "warnings", "chars", "text")
        assert [getattr(document, f) for f in fields] == [getattr(made, f) for f in fields]
