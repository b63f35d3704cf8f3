"""The corpus as its snapshot last listed it, read in one query while the app starts.

The list needs only each release's title, date and dateline on screen; the
rest of a release (its text, its analysis) is read when it is shown. So the
listing is one ``SELECT`` over the small rows of ``files``, checked by SQLite
itself (each column's type, in C), and each release a :class:`ListedDocument`
holding its row as it came: no per-field Python work for 10,000 releases
until a field is asked for. The read never writes and never waits for
another running copy's write (WAL readers do not block), and anything off
(no snapshot, another format, other code, a row of the wrong shape, a
listed id without a row) gives None: the load worker then opens the
snapshot the thorough way (:meth:`CorpusSnapshot.open`), which rebuilds it
with a notice where needed.

:func:`prefetch` starts the read in a thread before Textual is even
imported, so that the listing is ready when the first frame is composed.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter
from pathlib import Path

from interpol_tui.corpus.model import Corpus
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

_TYPED = (
    "typeof(doc_id) = 'text' AND typeof(path) = 'text' AND typeof(size) = 'integer'"
    " AND typeof(mtime_ns) = 'integer' AND typeof(sha256) = 'text' AND typeof(title) = 'text'"
    " AND typeof(date) IN ('text', 'null') AND typeof(dateline) IN ('text', 'null')"
    " AND typeof(title_source) = 'text' AND typeof(warnings) = 'text'"
    " AND typeof(chars) = 'integer' AND typeof(format) = 'text'"
    " AND typeof(url) IN ('text', 'null')"
)
"""The rows :func:`~interpol_tui.state.snapshot_rows.record_of_row` accepts, told by SQLite."""
_ESCAPED = "\ue000"
"""The mark of a name stored as hex (:func:`~interpol_tui.state.snapshot_rows.to_db`)."""

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


class ListedDocument(StoredDocument):
    """A release straight from its row of the snapshot: each field read from it when asked.

    The same to the rest of the program as a :class:`StoredDocument` (its text
    comes from the snapshot); only listing 10,000 of them is nearly free.
    """

    __slots__ = ("_row",)

    def __init__(self, row: Row, texts: SnapshotTexts) -> None:
        object.__setattr__(self, "_row", row)
        object.__setattr__(self, "_texts", texts)

    _row: Row

    # Properties shadow Document's slots, which a listed release never fills.
    @property  # type: ignore[override]
    def id(self) -> str:
        """Stable id (see :class:`Document`)."""
        return self._row[0]

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
    def sha256(self) -> str:
        """The hash that keys caches (see :class:`Document`)."""
        return self._row[4]

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
    def stat_key(self) -> tuple[str, int, int]:
        """The file's path, size and modification time when the snapshot stored it."""
        row = self._row
        return from_db(row[1]), row[2], row[3]


def _usable_row(row: Row) -> Row | None:
    """``row`` ready for a :class:`ListedDocument`; names and warnings decoded where stored so."""
    if row[9] == "[]" and not row[0].startswith(_ESCAPED) and not row[1].startswith(_ESCAPED):
        return row  # nearly every row: nothing to decode
    record = record_of_row(row)
    if record is None:
        return None
    return (
        record.doc_id, row[1], record.size, record.mtime_ns, record.sha256, record.title,
        record.date, record.dateline, record.title_source, record.warnings,
        record.chars, record.format, record.url,
    )  # fmt: skip


def _plain(rows: list[Row]) -> bool:
    """True when no row has warnings or a name stored as hex: :func:`_usable_row` takes each
    as it came. Told without a Python call per row (a hex mark anywhere counts: then each
    row is looked at)."""
    if not set(map(itemgetter(9), rows)) <= {"[]"}:
        return False
    return all(_ESCAPED not in "".join(map(itemgetter(column), rows)) for column in (0, 1))


def _connect(file: Path) -> sqlite3.Connection | None:
    """A connection that never creates the file (None when it does not exist)."""
    try:
        return sqlite3.connect(f"{file.as_uri()}?mode=rw", uri=True, timeout=READ_TIMEOUT)
    except (sqlite3.Error, ValueError):
        return None


def read_listing(
    snapshot: CorpusSnapshot, roots: Iterable[Path], limit: int | None = None
) -> Corpus | None:
    """The last listing of ``snapshot``'s corpus, or None (see the module's docstring).

    ``limit``: None too when the listing holds more releases than that.
    """
    connection = _connect(snapshot.file)
    if connection is None:
        return None
    try:
        with contextlib.closing(connection):
            connection.execute("BEGIN")  # one read transaction: rows and listing agree
            meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("format") != str(SNAPSHOT_FORMAT) or meta.get("corpus") != (
                corpus_fingerprint()
            ):
                return None
            if meta.get("analysis") != analysis_fingerprint():
                return None  # the full open drops the stale analyses first
            order = json.loads(str(meta.get("order", "null")))
            warnings = warnings_from(json.loads(str(meta.get("warnings", "null"))))
            if not isinstance(order, list) or warnings is None or not order:
                return None
            if not set(map(type, order)) <= {str}:  # (JSON gives no str subclass)
                return None
            if limit is not None and len(order) > limit:
                return None
            rows = connection.execute(f"SELECT * FROM files WHERE {_TYPED}").fetchall()
    except (sqlite3.Error, ValueError, RecursionError):
        return None
    return _corpus(snapshot, roots, order, warnings, rows, plain=_plain(rows))


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
        by_id = {row[0]: row for row in rows}
    else:
        by_id = {}
        for row in rows:
            usable = _usable_row(row)
            if usable is None:
                return None
            by_id[usable[0]] = usable
    texts = SnapshotTexts(snapshot, _reread_from(by_id))
    new, assign = ListedDocument.__new__, object.__setattr__
    documents = []
    # Not ListedDocument(...): calling the class costs three times this, at 10,000 rows.
    if not by_id.keys() >= set(order):  # a listed id without its row: not this listing
        return None
    for doc_id in order:
        found = by_id[doc_id]
        document = new(ListedDocument)
        assign(document, "_row", found)
        assign(document, "_texts", texts)
        documents.append(document)
    return Corpus(
        documents=tuple(documents), warnings=tuple(warnings), roots=tuple(map(Path, roots))
    )


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
        self.checked = False
        """Whether each listed file was asked for its size and time (quick_check) after the read."""
        self.edited: Corpus | None = None
        """The listing with the files edited since read again and removed ones dropped, if any."""
        self._found: Corpus | None = None
        self._done = threading.Event()
        threading.Thread(target=self._read, args=(limit,), name="listing", daemon=True).start()

    def _read(self, limit: int) -> None:
        try:
            self._found = read_listing(self.snapshot, self.roots, limit)
            if self._found is not None:  # the files a user edited since, found at once
                from interpol_tui.state.quick_check import changed_files

                self.edited = changed_files(self._found, None)
                self.checked = True
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
