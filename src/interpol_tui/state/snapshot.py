"""The corpus snapshot: cleaned releases and their analysis in one SQLite file per corpus.

After a load, each release's title, date, dateline, warnings and clean text,
and its analysis, are kept under the cache folder, keyed by the file's path,
size and modification time (and the hash of its bytes, which a background
check confirms). Reopening an unchanged corpus then reads a few hundred bytes
a release instead of reading, cleaning and analysing it again; texts and
analyses are read only when a release is shown or a report needs them.

SQLite (standard library) gives what a pile of JSON files cannot: small
reads of one row, atomic transactions (a run killed half-way leaves the
previous state), and two copies of the app writing the same snapshot in
turn (write-ahead log, busy timeout). The file carries a format number and
a fingerprint of the code that made its rows: an older, corrupt or foreign
file is never trusted; it is moved aside or rebuilt with one notice.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path

from interpol_tui import __version__
from interpol_tui.analysis.version import ANALYSIS_VERSION, FACTS_VERSION
from interpol_tui.state import listing_store
from interpol_tui.state.paths import StatePaths
from interpol_tui.state.reading import corpus_key
from interpol_tui.state.snapshot_rows import (
    COLUMNS,
    among,
    from_db,
    json_list,
    record_of_row,
    to_db,
    warnings_from,
    warnings_to,
)
from interpol_tui.state.snapshot_rows import FileRecord as FileRecord  # re-exported
from interpol_tui.state.snapshot_sources import RecordsFiles
from interpol_tui.state.storage import Warn, set_aside

SNAPSHOT_FORMAT = 3
"""Bumped whenever the tables change; a snapshot of another format is rebuilt."""
BUSY_TIMEOUT_MS = 10_000
"""How long a write waits for another running copy's write to finish."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    doc_id TEXT PRIMARY KEY, path TEXT NOT NULL, size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL, title TEXT NOT NULL, date TEXT,
    dateline TEXT, title_source TEXT NOT NULL, warnings TEXT NOT NULL, chars INTEGER NOT NULL,
    format TEXT NOT NULL, url TEXT
);
CREATE TABLE IF NOT EXISTS texts (doc_id TEXT PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS analyses (doc_id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, data BLOB);
CREATE TABLE IF NOT EXISTS reports (key TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS facts (doc_id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, data BLOB);
CREATE TABLE IF NOT EXISTS digests (doc_id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, data BLOB);
CREATE TABLE IF NOT EXISTS sources (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    doc_ids TEXT NOT NULL, notes TEXT NOT NULL, fields TEXT NOT NULL
);
"""
# Tables apart: listing scans `files` (or its blob, `listing`: state/listing_store.py), statistics
# `facts`, across views `digests`, never texts and analyses; `sources`: records files.
Blob = tuple[str, str, bytes]  # a per-release row: (doc id, file hash, encoded data)
_TABLES = ("files", "texts", "analyses", "reports", "facts", "digests", "sources", "listing")
_PER_RELEASE = ("files", "texts", "analyses", "facts", "digests")


def _create(db: sqlite3.Connection) -> None:  # the tables and blob triggers not there yet
    for statement in _SCHEMA.split(";"):
        if statement.strip():
            db.execute(statement)
    listing_store.create(db)


def _code_fingerprint(part: str) -> str:
    """The declared versions that stored rows were made with (never the bytes of source files).

    ``ANALYSIS_VERSION`` is bumped with any change to what cleaning or analysis
    produce, so it covers both the ``files`` and the ``analyses`` rows.
    """
    key = f"{__version__}/{SNAPSHOT_FORMAT}/{ANALYSIS_VERSION}/{part}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


@cache
def corpus_fingerprint() -> str:
    """Hash of the code that turns files into clean documents (rows of ``files``, ``texts``)."""
    return _code_fingerprint("corpus")


@cache
def analysis_fingerprint() -> str:
    """Hash of the code that analyses documents (rows of ``analyses``)."""
    return _code_fingerprint("analysis")


@cache
def facts_fingerprint() -> str:
    """Hash of the code that reduces analyses to facts for statistics (rows of ``facts``)."""
    return _code_fingerprint(f"facts/{FACTS_VERSION}")


class CorpusSnapshot(RecordsFiles):
    """The snapshot file of one corpus; safe to share between threads and running copies."""

    def __init__(self, file: Path, warn: Warn) -> None:
        self.file = file
        self._warn = warn
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self.usable = True
        """False once the file could not be opened or repaired: the corpus is read from disk."""

    @classmethod
    def for_corpus(cls, paths: StatePaths, roots: Iterable[Path], warn: Warn) -> CorpusSnapshot:
        """The snapshot of the corpus made of ``roots`` under the user's cache folder."""
        name = hashlib.sha256(corpus_key(roots).encode("utf-8", "surrogateescape")).hexdigest()[:24]
        return cls(paths.snapshot_dir / f"{name}.sqlite3", warn)

    # -- connections --------------------------------------------------------
    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(
                self.file, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
            )
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            self._local.connection = connection
            with self._lock:
                self._connections.append(connection)
        return connection

    @contextlib.contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """A write transaction, taken at once so that two running copies write in turn."""
        connection = self._connection()
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    def close(self) -> None:
        """Close every connection this object opened (in any thread)."""
        with self._lock:
            connections, self._connections = self._connections, []
        for connection in connections:
            with contextlib.suppress(sqlite3.Error):
                connection.close()
        self._local = threading.local()

    # -- opening ------------------------------------------------------------
    def open(self) -> bool:
        """Check the file (creating, rebuilding or moving it aside as needed); True if usable."""
        try:
            self._prepare()
        except sqlite3.DatabaseError as error:
            self.close()
            self._set_aside(f"is damaged ({error})")
            try:
                self._prepare()
            except sqlite3.Error as again:
                self._give_up(again)
        except (sqlite3.Error, OSError) as error:
            self._give_up(error)
        return self.usable

    def _prepare(self) -> None:
        with self._writing() as db:
            _create(db)
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
            if not meta:
                pass  # new file: nothing to say
            elif meta.get("format") != str(SNAPSHOT_FORMAT):
                self._warn(f"{self.file.name}: corpus snapshot of another format; rebuilt")
                for table in _TABLES:  # their shape changed
                    db.execute(f"DROP TABLE IF EXISTS {table}")
                _create(db)
                db.execute("DELETE FROM meta WHERE key IN ('order', 'warnings')")
            elif meta.get("corpus") != corpus_fingerprint():
                self._clear(db)  # made by other code: silently re-read, as after an upgrade
            elif meta.get("analysis") != analysis_fingerprint():
                for table in ("analyses", "facts", "digests"):  # the last two: from analyses
                    db.execute(f"DELETE FROM {table}")
            elif meta.get("facts") != facts_fingerprint():
                db.execute("DELETE FROM facts")  # made again from the stored analyses
            db.executemany(
                "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                [
                    ("format", str(SNAPSHOT_FORMAT)),
                    ("corpus", corpus_fingerprint()),
                    ("analysis", analysis_fingerprint()),
                    ("facts", facts_fingerprint()),
                ],
            )

    @staticmethod
    def _clear(db: sqlite3.Connection) -> None:
        for table in _TABLES:
            db.execute(f"DELETE FROM {table}")
        db.execute("DELETE FROM meta WHERE key IN ('order', 'warnings')")

    def _set_aside(self, problem: str) -> None:
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(OSError):
                self.file.with_name(self.file.name + suffix).unlink()
        try:
            moved = set_aside(self.file)
        except OSError:
            with contextlib.suppress(OSError):
                self.file.unlink()
            self._warn(f"{self.file.name}: corpus snapshot {problem}; removed and rebuilt")
            return
        self._warn(f"{self.file.name}: corpus snapshot {problem}; moved aside to {moved.name}")

    def _give_up(self, error: Exception) -> None:
        self.usable = False
        self.close()
        self._warn(f"{self.file}: corpus snapshot not usable ({error}); reading files instead")

    def _guard(self, error: sqlite3.Error) -> None:
        """A read or write failed after opening: stop using the file, say so once."""
        if self.usable:
            self._give_up(error)

    # -- reading --------------------------------------------------------------
    def records(self) -> dict[str, FileRecord]:
        """Every release file the snapshot knows, by document id (rows it cannot trust skipped)."""
        if not self.usable:
            return {}
        try:
            rows = self._connection().execute("SELECT * FROM files").fetchall()
        except sqlite3.DatabaseError as error:
            self._guard(error)
            return {}
        found = {}
        for row in rows:
            record = record_of_row(row)
            if record is not None:
                found[record.doc_id] = record
        return found

    def text(self, doc_id: str) -> str | None:
        """The clean text of ``doc_id``, or None when the snapshot does not hold it."""
        if not self.usable:
            return None
        try:
            row = (
                self._connection()
                .execute("SELECT text FROM texts WHERE doc_id = ?", (to_db(doc_id),))
                .fetchone()
            )
        except sqlite3.Error as error:
            self._guard(error)
            return None
        return row[0] if row is not None and isinstance(row[0], str) else None

    def analysis_data(self, doc_id: str, sha256: str) -> bytes | None:
        """The stored analysis of ``doc_id`` made from the file whose hash is ``sha256``."""
        if not self.usable:
            return None
        try:
            row = (
                self._connection()
                .execute(
                    "SELECT data FROM analyses WHERE doc_id = ? AND sha256 = ?",
                    (to_db(doc_id), sha256),
                )
                .fetchone()
            )
        except sqlite3.Error as error:
            self._guard(error)
            return None
        return row[0] if row is not None and isinstance(row[0], bytes) else None

    def listing(self) -> tuple[list[str], list[str]] | None:
        """The document ids in the order last shown, and that load's warnings (None: unknown)."""
        if not self.usable:
            return None
        try:
            rows = dict(
                self._connection()
                .execute("SELECT key, value FROM meta WHERE key IN ('order', 'warnings')")
                .fetchall()
            )
        except sqlite3.Error as error:
            self._guard(error)
            return None
        order = json_list(rows.get("order", ""))
        warnings = warnings_from(json_list(rows.get("warnings", "")))
        if not isinstance(order, list) or warnings is None:
            return None
        if not all(isinstance(item, str) for item in order):
            return None
        return order, warnings

    def save_listing(self, order: Sequence[str], warnings: Sequence[str]) -> None:
        """Remember the order of the documents and the warnings of a completed load."""
        if not self.usable:
            return
        try:
            with self._writing() as db:
                listing_store.save(db, order, warnings, corpus_fingerprint())  # and its blob
        except sqlite3.Error as error:
            self._guard(error)

    def report(self, key: str) -> bytes | None:
        """A stored report (see :mod:`interpol_tui.state.reports`), or None."""
        if not self.usable:
            return None
        try:
            row = (
                self._connection()
                .execute("SELECT data FROM reports WHERE key = ?", (key,))
                .fetchone()
            )
        except sqlite3.Error as error:
            self._guard(error)
            return None
        return row[0] if row is not None and isinstance(row[0], bytes) else None

    def save_report(self, key: str, data: bytes, keep: int) -> None:
        """Store a report, keeping the ``keep`` most recent ones."""
        if not self.usable:
            return
        try:
            with self._writing() as db:
                db.execute("INSERT OR REPLACE INTO reports VALUES (?, ?)", (key, data))
                db.execute(
                    "DELETE FROM reports WHERE rowid NOT IN "
                    "(SELECT rowid FROM reports ORDER BY rowid DESC LIMIT ?)",
                    (keep,),
                )
        except sqlite3.Error as error:
            self._guard(error)

    def analysed(self) -> dict[str, str]:
        """Document id -> the file hash its stored analysis was made from."""
        if not self.usable:
            return {}
        try:
            rows = self._connection().execute("SELECT doc_id, sha256 FROM analyses").fetchall()
        except sqlite3.Error as error:
            self._guard(error)
            return {}
        return {from_db(str(doc_id)): str(sha) for doc_id, sha in rows}

    # -- writing ----------------------------------------------------------------
    def save_documents(self, rows: Sequence[tuple[FileRecord, str]]) -> bool:
        """Store records and their clean texts (replacing older rows of the same ids)."""
        if not self.usable or not rows:
            return self.usable
        try:
            with self._writing() as db:
                self._save_rows(db, rows)
        except sqlite3.Error as error:
            self._guard(error)
            return False
        return True

    @staticmethod
    def _save_rows(db: sqlite3.Connection, rows: Sequence[tuple[FileRecord, str]]) -> None:
        files = [
            (
                to_db(r.doc_id), to_db(r.path), r.size, r.mtime_ns, r.sha256, r.title, r.date,
                r.dateline, r.title_source, json.dumps(warnings_to(r.warnings)), r.chars,
                r.format, r.url,
            )
            for r, _ in rows
        ]  # fmt: skip
        db.executemany(f"INSERT OR REPLACE INTO files VALUES ({COLUMNS})", files)
        db.executemany(
            "INSERT OR REPLACE INTO texts VALUES (?, ?)",
            [(to_db(record.doc_id), text) for record, text in rows],
        )

    def save_analyses(self, rows: Sequence[Blob], facts: Sequence[Blob] = ()) -> bool:
        """Store (doc id, file hash, encoded analysis) rows, and facts rows of the same shape."""
        return self._save_blobs((("analyses", rows), ("facts", facts)))

    def save_digests(self, rows: Sequence[Blob]) -> bool:
        """Store (doc id, file hash, encoded digest) rows (see ``state/digests.py``)."""
        return self._save_blobs((("digests", rows),))

    def _save_blobs(self, tables: Iterable[tuple[str, Sequence[Blob]]]) -> bool:
        """Store (doc id, file hash, data) rows in per-release tables, in one transaction."""
        tables = [(table, rows) for table, rows in tables if rows]
        if not self.usable or not tables:
            return self.usable
        try:
            with self._writing() as db:
                for table, rows in tables:
                    db.executemany(
                        f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?)",
                        [(to_db(doc_id), sha, data) for doc_id, sha, data in rows],
                    )
        except sqlite3.Error as error:
            self._guard(error)
            return False
        return True

    def facts(self, doc_ids: Sequence[str] = ()) -> Iterator[Blob]:
        """Stored facts rows (doc id, file hash, encoded facts): those of ``doc_ids``, or all."""
        return self._blobs("facts", doc_ids)

    def digests(self, doc_ids: Sequence[str] = ()) -> dict[str, tuple[str, bytes]]:
        """Document id -> (file hash, stored digest) of ``doc_ids`` (default: every release)."""
        return {doc_id: (sha, data) for doc_id, sha, data in self._blobs("digests", doc_ids)}

    def _blobs(self, table: str, ids: Sequence[str]) -> Iterator[Blob]:  # a batch of ids, or all
        if not self.usable:
            return
        try:
            query = f"SELECT doc_id, sha256, data FROM {table}" + among(ids)
            for doc_id, sha, data in self._connection().execute(query, [to_db(i) for i in ids]):
                if isinstance(data, bytes):
                    yield from_db(str(doc_id)), str(sha), data
        except sqlite3.Error as error:
            self._guard(error)

    def remove(self, doc_ids: Iterable[str], sources: Iterable[str] = ()) -> None:
        """Forget releases whose files are gone, and records files (by path) gone or changed."""
        ids = [(to_db(doc_id),) for doc_id in doc_ids]
        paths = [(to_db(path),) for path in sources]
        if not self.usable or not (ids or paths):
            return
        try:
            with self._writing() as db:
                for table in _PER_RELEASE:
                    db.executemany(f"DELETE FROM {table} WHERE doc_id = ?", ids)
                db.executemany("DELETE FROM sources WHERE path = ?", paths)
        except sqlite3.Error as error:
            self._guard(error)
