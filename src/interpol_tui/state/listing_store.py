"""The last listing kept as one blob beside the rows it was made from, read in one call.

Reading 10,000 rows of ``files`` one value at a time costs SQLite and
Python about a quarter of a second of instructions at start-up (13 values a
row, a lock and a Python object each); the same rows written once into one
``marshal`` blob come back in one call, several times cheaper. The blob is a
copy, never the truth:

- it is written in the transaction that saves the listing's order and
  warnings, from the rows of ``files`` as that transaction sees them;
- triggers delete it in the very transaction that changes any row of
  ``files`` or the saved order or warnings, whoever writes them (an older
  copy of the program too), so a blob that exists matches the rows;
- it carries its own format, the fingerprint of the code that made the rows
  and a checksum, and is not used when any of them is off: the listing is
  then read row by row (:mod:`~interpol_tui.state.listing`), as before.

The rows are stored exactly as that row-by-row read takes them (the same
``SELECT``), so both give the same listing; values that recur (dates,
formats, an empty warnings list) are stored once.
"""

from __future__ import annotations

import json
import marshal
import sqlite3
import zlib
from collections.abc import Sequence
from operator import itemgetter
from typing import NamedTuple

from interpol_tui.state.snapshot_rows import warnings_to

LISTING_FORMAT = 1
"""Bumped whenever the blob's layout changes; a blob of another format is not read."""

TYPED = (
    "typeof(doc_id) = 'text' AND typeof(path) = 'text' AND typeof(size) = 'integer'"
    " AND typeof(mtime_ns) = 'integer' AND typeof(sha256) = 'text' AND typeof(title) = 'text'"
    " AND typeof(date) IN ('text', 'null') AND typeof(dateline) IN ('text', 'null')"
    " AND typeof(title_source) = 'text' AND typeof(warnings) = 'text'"
    " AND typeof(chars) = 'integer' AND typeof(format) = 'text'"
    " AND typeof(url) IN ('text', 'null')"
)
"""The rows :func:`~interpol_tui.state.snapshot_rows.record_of_row` accepts, told by SQLite."""
ESCAPED = "\ue000"
"""The mark of a name stored as hex (:func:`~interpol_tui.state.snapshot_rows.to_db`)."""
_SHARED = (6, 7, 8, 9, 11, 12)
"""Columns whose values recur from row to row: date, dateline, title source, warnings,
format, url."""
_LISTED_KEYS = "('order', 'warnings')"

_COLUMNS = ("id", "count", "made", "data")
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS listing"
    " (id INTEGER PRIMARY KEY CHECK (id = 0), count INTEGER NOT NULL, made TEXT NOT NULL,"
    " data BLOB NOT NULL)",
    *(
        f"CREATE TRIGGER IF NOT EXISTS listing_stale_{event.lower()} AFTER {event} ON files"
        " BEGIN DELETE FROM listing; END"
        for event in ("INSERT", "UPDATE", "DELETE")
    ),
    *(
        f"CREATE TRIGGER IF NOT EXISTS listing_meta_{event.lower()} AFTER {event} ON meta"
        f" WHEN {row}.key IN {_LISTED_KEYS} BEGIN DELETE FROM listing; END"
        for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD"))
    ),
)
"""The blob's table and the triggers that delete it whenever what it copies changes."""

_CURRENT = "SELECT data FROM listing WHERE id = 0 AND made = ?"
"""The blob, if the code that reads it made it."""
SEAL = "SELECT substr(data, 1, 4) FROM listing WHERE id = 0"
"""The stored blob's checksum (:func:`seal`), whoever made it."""


def _made(key: str) -> str:
    """What the ``made`` column says of the code that wrote a blob."""
    return f"{LISTING_FORMAT}/{key}"


Row = tuple[
    str,
    str,
    int,
    int,
    str,
    str,
    str | None,
    str | None,
    str,
    str | tuple[str, ...],
    int,
    str,
    str | None,
]
"""A row of ``files`` (:data:`~interpol_tui.state.snapshot_rows.COLUMNS`); warnings decoded
into a tuple where there are any (``"[]"`` otherwise)."""


class Stored(NamedTuple):
    """What the listing read needs, as the blob holds it.

    A named tuple, not a dataclass: read before the first frame, and a class costs a fifth
    of a dataclass's making (its methods are not compiled at import)."""

    order: list[str]
    """The document ids in the order last shown."""
    warnings: str
    """That load's warnings, as their JSON (``snapshot_rows.warnings_from`` reads it)."""
    rows: list[Row]
    """Every typed row of ``files``."""
    plain: bool
    """No row has warnings or a name stored as hex (each row is usable as it came)."""
    seal: bytes | None = None
    """The blob's checksum as stored (None: read row by row), which names this very blob."""


def create(db: sqlite3.Connection) -> None:
    """Create the blob's table and its triggers where they are missing (in a write transaction).

    A table of another shape (left by other code) is made again: it only ever holds a copy.
    """
    columns = [row[1] for row in db.execute("PRAGMA table_info(listing)")]
    if columns and columns != list(_COLUMNS):
        db.execute("DROP TABLE listing")
    for statement in SCHEMA:
        db.execute(statement)


def plain(rows: Sequence[Row]) -> bool:
    """True when no row has warnings or a name stored as hex: each is usable as it came.

    Told without a Python call per row (a hex mark anywhere counts: then each
    row is looked at).
    """
    if not set(map(itemgetter(9), rows)) <= {"[]"}:
        return False
    return all(ESCAPED not in "".join(map(itemgetter(column), rows)) for column in (0, 1))


def save(db: sqlite3.Connection, order: Sequence[str], warnings: Sequence[str], key: str) -> None:
    """Save a completed load's order and warnings (in ``meta``) and the listing's blob.

    Nothing is written when both are saved already and the blob is there
    (an unchanged corpus reopened). ``key``: the fingerprint of the code
    that made the rows; the blob is read only by the same.
    """
    wanted = {
        "order": json.dumps(list(order)),  # ASCII: names may hold surrogates
        "warnings": json.dumps(warnings_to(warnings)),
    }
    saved = dict(db.execute(f"SELECT key, value FROM meta WHERE key IN {_LISTED_KEYS}"))
    made = _made(key)
    if saved == wanted and db.execute(_CURRENT.replace("data", "1"), (made,)).fetchone():
        return  # (a blob of other code is made again, even for the same listing)
    db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", wanted.items())  # blob gone
    listed: list[str] = json.loads(wanted["order"])  # as the row-by-row read gives it
    rows: list[Row] = db.execute(f"SELECT * FROM files WHERE {TYPED}").fetchall()
    is_plain = plain(rows)
    seen: dict[object, object] = {}
    share = seen.setdefault
    # Equal values stored once: marshal refers back to an object met before, but
    # only to one held twice (so the rows as read are let go first).
    stored = [
        tuple(share(value, value) if at in _SHARED else value for at, value in enumerate(row))
        for row in rows
    ]
    del rows
    ids = {row[0]: row[0] for row in stored}
    shown = [ids.get(doc_id, doc_id) for doc_id in listed]  # each id one string with its row's
    payload = marshal.dumps((LISTING_FORMAT, key, shown, wanted["warnings"], stored, is_plain), 4)
    data = seal(payload)
    db.execute("INSERT OR REPLACE INTO listing VALUES (0, ?, ?, ?)", (len(shown), made, data))


def seal(payload: bytes) -> bytes:
    """``payload`` behind its checksum, as the blob is stored (a damaged blob is not read)."""
    return zlib.adler32(payload).to_bytes(4, "big") + payload


def count(connection: sqlite3.Connection) -> int | None:
    """How many releases the saved blob lists (None: no blob)."""
    try:
        found = connection.execute("SELECT count FROM listing WHERE id = 0").fetchone()
    except sqlite3.Error:  # no such table: a snapshot no copy of this code has opened
        return None
    return found[0] if found is not None and isinstance(found[0], int) else None


def read(connection: sqlite3.Connection, key: str) -> Stored | None:
    """The blob as it was saved, or None: none, or anything about it off.

    ``connection`` is in the read transaction that also checked the
    snapshot's format and fingerprints.
    """
    try:
        found = connection.execute(_CURRENT, (_made(key),)).fetchone()
    except sqlite3.Error:
        return None
    if found is None or not isinstance(found[0], bytes) or len(found[0]) < 4:
        return None
    data: bytes = found[0]
    payload = memoryview(data)[4:]
    if zlib.adler32(payload) != int.from_bytes(data[:4], "big"):
        return None
    try:
        value = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None
    return _checked(value, key, data[:4])


def _checked(value: object, key: str, seal: bytes) -> Stored | None:
    """``value`` as a :class:`Stored` when it has the shape :func:`save` writes."""
    if not (isinstance(value, tuple) and len(value) == 6):
        return None
    version, made_by, order, warnings, rows, is_plain = value
    if version != LISTING_FORMAT or made_by != key or not isinstance(is_plain, bool):
        return None
    if not (isinstance(order, list) and isinstance(rows, list) and isinstance(warnings, str)):
        return None
    if not set(map(type, order)) <= {str} or not set(map(type, rows)) <= {tuple}:
        return None
    if not set(map(len, rows)) <= {13}:
        return None
    return Stored(order, warnings, rows, is_plain, seal)
