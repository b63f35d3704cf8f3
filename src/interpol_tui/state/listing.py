"""The corpus as its snapshot last listed it, read in one query while the app starts.

The list needs only each release's title, date and dateline on screen; the
rest of a release (its text, its analysis) is read when it is shown. So the
listing is the blob saved with the last listing (:mod:`.listing_store`: the
rows of ``files`` in one ``marshal`` call) or, where there is no current
blob, one ``SELECT`` over the small rows of ``files``, checked by SQLite
itself (each column's type, in C); each release is a :class:`ListedDocument`
holding its row as it came: no per-field Python work for 10,000 releases
until a field is asked for. The read never writes and never waits for
another running copy's write (WAL readers do not block), and anything off
(no snapshot, another format, other code, a row of the wrong shape, a
listed id without a row) gives None: the load worker then opens the
snapshot the thorough way (:meth:`CorpusSnapshot.open`), which rebuilds it
with a notice where needed.

:func:`prefetch` starts the read in a thread before Textual is even
imported, so that the listing is ready when the first frame is composed;
the files themselves are asked whether they changed only after that frame
(:mod:`.quick_check`).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from itertools import repeat
from operator import itemgetter
from pathlib import Path

from interpol_tui.corpus.model import Corpus, Document
from interpol_tui.state import listing_store
from interpol_tui.state.file_probe import FileProbe
from interpol_tui.state.listing_store import ESCAPED, TYPED, Row, Stored, plain
from interpol_tui.state.paths import StatePaths
from interpol_tui.state.snapshot import (
    SNAPSHOT_FORMAT,
    CorpusSnapshot,
    analysis_fingerprint,
    corpus_fingerprint,
)
from interpol_tui.state.snapshot_rows import from_db, record_of_row, warnings_from
from interpol_tui.state.storage import Warn
from interpol_tui.state.stored import SnapshotTexts, StoredDocument

EARLY_LISTING = 20_000
"""Largest listing read beside the first frame (about 20 ms of work for 10,000 releases)."""
READ_TIMEOUT = 0.5
"""Seconds a listing read may wait on a locked file (only a rebuild or a checkpoint locks it)."""
_CODES = "('format', 'corpus', 'analysis')"
"""The keys of ``meta`` that say which code made the snapshot."""


class ListedDocument(StoredDocument):
    """A release straight from its row of the snapshot: each field read from it when asked.

    The same to the rest of the program as a :class:`StoredDocument` (its text
    comes from the snapshot); only listing 10,000 of them is nearly free.
    """

    __slots__ = ("_row",)

    def __init__(self, row: Row, texts: SnapshotTexts) -> None:
        object.__setattr__(self, "_row", row)
        object.__setattr__(self, "id", row[0])
        object.__setattr__(self, "sha256", row[4])
        object.__setattr__(self, "_texts", texts)

    _row: Row

    # Properties shadow Document's slots, which a listed release never fills; but its id
    # and hash, which the start reads for every release (the corpus's and the saved
    # state's indexes), are Document's own slots, filled from the row as it is listed.
    @property  # type: ignore[override]
    def title(self) -> str:
        """The title."""
        return self._row[5]

    @property  # type: ignore[override]
    def date(self) -> str | None:
        """ISO date (or year-month, year), or None."""
        return self._row[6]

    @property  # type: ignore[override]
    def dateline(self) -> str | None:
        """The dateline, or None."""
        return self._row[7]

    @property  # type: ignore[override]
    def title_source(self) -> str:
        """Where the title came from."""
        return self._row[8]

    @property  # type: ignore[override]
    def format(self) -> str:
        """The format the file was read as."""
        return self._row[11]

    @property  # type: ignore[override]
    def url(self) -> str | None:
        """The web address the file gives, if any."""
        return self._row[12]

    @property  # type: ignore[override]
    def warnings(self) -> tuple[str, ...]:
        """The release's own warnings (decoded when the listing was read, where it has any)."""
        found = self._row[9]
        return found if isinstance(found, tuple) else ()

    @property  # type: ignore[override]
    def path(self) -> Path:
        """The release's file (made a Path when first asked)."""
        try:
            path: Path = object.__getattribute__(self, "_path")
        except AttributeError:  # not made yet: listing needs no Path
            path = Path(from_db(self._row[1]))
            object.__setattr__(self, "_path", path)
        return path

    @property
    def chars(self) -> int:
        """Length of the clean text, known without reading it."""
        return self._row[10]

    @property
    def stored_path(self) -> str:
        """The file's path as the snapshot's row holds it (hex for an undecodable name)."""
        return self._row[1]

    @property
    def stat_key(self) -> tuple[str, int, int]:
        """The file's path, size and modification time when the snapshot stored it."""
        row = self._row
        return from_db(row[1]), row[2], row[3]


_ROW = ListedDocument.__dict__["_row"]
"""The slot of a listed release's row (set straight, as ``object.__setattr__`` would)."""
_TEXTS = StoredDocument.__dict__["_texts"]
_ID = Document.__dict__["id"]
_SHA256 = Document.__dict__["sha256"]
"""Document's slots of the id and the hash (a listed release fills them from its row)."""


def _usable_row(row: Row) -> Row | None:
    """``row`` ready for a :class:`ListedDocument`; names and warnings decoded where stored so."""
    if row[9] == "[]" and not row[0].startswith(ESCAPED) and not row[1].startswith(ESCAPED):
        return row  # nearly every row: nothing to decode
    record = record_of_row(row)
    if record is None:
        return None
    return (
        record.doc_id, row[1], record.size, record.mtime_ns, record.sha256, record.title,
        record.date, record.dateline, record.title_source, record.warnings,
        record.chars, record.format, record.url,
    )  # fmt: skip


def _connect(file: Path) -> sqlite3.Connection | None:
    """A connection that never creates the file (None when it does not exist)."""
    try:
        return sqlite3.connect(f"{file.as_uri()}?mode=rw", uri=True, timeout=READ_TIMEOUT)
    except (sqlite3.Error, ValueError):
        return None


def read_listing(
    snapshot: CorpusSnapshot,
    roots: Iterable[Path],
    limit: int | None = None,
    *,
    sealed: list[bytes] | None = None,
) -> Corpus | None:
    """The last listing of ``snapshot``'s corpus, or None (see the module's docstring).

    ``limit``: None too when the listing holds more releases than that. Read
    from the listing's blob where it is current (:mod:`.listing_store`), else
    row by row. ``sealed``: where the blob's checksum goes when the listing
    came from a blob (:mod:`.file_probe` compares it with the one it read).
    """
    connection = _connect(snapshot.file)
    if connection is None:
        return None
    try:
        with contextlib.closing(connection):
            connection.execute("BEGIN")  # one read transaction: rows and listing agree
            meta = dict(connection.execute(f"SELECT key, value FROM meta WHERE key IN {_CODES}"))
            if meta.get("format") != str(SNAPSHOT_FORMAT) or meta.get("corpus") != (
                corpus_fingerprint()
            ):
                return None
            if meta.get("analysis") != analysis_fingerprint():
                return None  # the full open drops the stale analyses first
            counted = listing_store.count(connection)
            if counted is not None and limit is not None and counted > limit:
                return None  # (saved with the order, in one transaction)
            stored = listing_store.read(connection, corpus_fingerprint()) if counted else None
            if stored is None:
                stored = _rows(connection, limit)
            if stored is None:
                return None
            warnings = warnings_from(json.loads(stored.warnings))
    except (sqlite3.Error, ValueError, RecursionError):
        return None
    if warnings is None or not stored.order:
        return None
    if limit is not None and len(stored.order) > limit:
        return None
    found = _corpus(snapshot, roots, stored.order, warnings, stored.rows, plain=stored.plain)
    if found is not None and sealed is not None and stored.seal is not None:
        sealed.append(stored.seal)
    return found


def _rows(connection: sqlite3.Connection, limit: int | None) -> Stored | None:
    """The listing read row by row (no current blob), or None when it is not usable."""
    query = "SELECT key, value FROM meta WHERE key IN ('order', 'warnings')"
    meta = dict(connection.execute(query))
    order = json.loads(str(meta.get("order", "null")))
    warnings = str(meta.get("warnings", "null"))
    if not isinstance(order, list) or not order:
        return None
    if not set(map(type, order)) <= {str}:  # (JSON gives no str subclass)
        return None
    if limit is not None and len(order) > limit:
        return None
    rows: list[Row] = connection.execute(f"SELECT * FROM files WHERE {TYPED}").fetchall()
    return Stored(order, warnings, rows, plain(rows))


def _corpus(
    snapshot: CorpusSnapshot,
    roots: Iterable[Path],
    order: list[str],
    warnings: Sequence[str],
    rows: list[Row],
    plain: bool = False,
) -> Corpus | None:
    """The listing's Corpus; ``plain``: no row needs :func:`_usable_row` (SQLite said so)."""
    by_id: dict[str, Row]
    if plain:  # what the loop below gives for such rows, without a call per row
        by_id = dict(zip(map(itemgetter(0), rows), rows, strict=True))
    else:
        by_id = {}
        for row in rows:
            usable = _usable_row(row)
            if usable is None:
                return None
            by_id[usable[0]] = usable
    try:
        listed = list(map(by_id.__getitem__, order))
    except KeyError:  # a listed id without its row: not this listing
        return None
    texts = SnapshotTexts(snapshot, _reread_from(by_id))
    # Not ListedDocument(...), nor a loop: each release made and filled by C calls, for
    # a tenth of what calling the class costs at 10,000 rows.
    documents = tuple(map(ListedDocument.__new__, repeat(ListedDocument, len(listed))))
    deque(map(_ROW.__set__, documents, listed), maxlen=0)
    deque(map(_ID.__set__, documents, map(itemgetter(0), listed)), maxlen=0)
    deque(map(_SHA256.__set__, documents, map(itemgetter(4), listed)), maxlen=0)
    deque(map(_TEXTS.__set__, documents, repeat(texts)), maxlen=0)
    return Corpus(documents=documents, warnings=tuple(warnings), roots=tuple(map(Path, roots)))


def _reread_from(by_id: dict[str, Row]) -> Callable[[str], str | None]:
    """Read a release's text from its file, should the snapshot lose it meanwhile."""

    def reread(doc_id: str) -> str | None:
        from interpol_tui.corpus.loader import DEFAULT_MAX_BYTES, SourceFile, load_source
        from interpol_tui.corpus.model import Document

        row = by_id.get(doc_id)
        if row is None:
            return None
        path = Path(from_db(row[1]))
        found = load_source(SourceFile(path.parent, path, doc_id), DEFAULT_MAX_BYTES)
        return found.text if isinstance(found, Document) else None

    return reread


# -- read ahead -----------------------------------------------------------------


class Prefetch:
    """One listing being read in a thread; :meth:`result` hands it over."""

    def __init__(self, paths: StatePaths, roots: Sequence[Path], limit: int) -> None:
        self.warn: Warn | None = None
        """Where the snapshot's warnings go, once someone listens (none are kept before)."""
        self.snapshot = CorpusSnapshot.for_corpus(paths, roots, self._warn)
        self.roots = tuple(roots)
        self._found: Corpus | None = None
        self._sealed: list[bytes] = []
        self._done = threading.Event()
        # The files are asked in a process of its own meanwhile (state/file_probe.py).
        self.files = FileProbe.start(self.snapshot.file)
        threading.Thread(target=self._read, args=(limit,), name="listing", daemon=True).start()

    def _read(self, limit: int) -> None:
        try:
            # Only the read: the files are asked by the probe, or after the first frame
            # (state/quick_check.py).
            self._found = read_listing(self.snapshot, self.roots, limit, sealed=self._sealed)
        except Exception:  # the load worker reads it again and reports what fails
            self._found = None
        finally:
            self._done.set()

    def _warn(self, message: str) -> None:
        if self.warn is not None:
            self.warn(message)

    def ready(self) -> bool:
        """Whether the read is over."""
        return self._done.is_set()

    def result(self, wait: float | None = None) -> Corpus | None:
        """The listing (None: none usable, or not read within ``wait`` seconds)."""
        self._done.wait(wait)
        return self._found if self._done.is_set() else None

    def changed_paths(self, wait: float = 0.0) -> list[str] | None:
        """The stored paths of the listing's files that differ now, as the file probe found
        within ``wait`` seconds (None: not known; the files are then asked the usual way)."""
        if self.files is None or self.result(0) is None:
            return None
        return self.files.answer(self._sealed[0] if self._sealed else None, wait)

    def stop_probe(self) -> None:
        """End the file probe (its answer, if any, has been used or is not wanted)."""
        if self.files is not None:
            self.files.close()


_started: dict[Path, Prefetch] = {}
_lock = threading.Lock()


def prefetch(
    roots: Sequence[Path], paths: StatePaths | None = None, limit: int = EARLY_LISTING
) -> Prefetch:
    """Start reading the listing of the corpus made of ``roots`` (once per snapshot file).

    The command line calls this before importing the UI; the app's session
    calls it again and gets the read already under way.
    """
    paths = paths or StatePaths.default()
    file = CorpusSnapshot.for_corpus(paths, roots, lambda _: None).file
    with _lock:
        found = _started.get(file)
        if found is None or found.roots != tuple(roots):
            found = _started[file] = Prefetch(paths, roots, limit)
        return found


def take(roots: Sequence[Path], paths: StatePaths) -> Prefetch:
    """The read :func:`prefetch` started for this corpus (started now if none), handed over once."""
    found = prefetch(roots, paths)
    with _lock:
        _started.pop(found.snapshot.file, None)  # a reload reads the snapshot anew
    return found
