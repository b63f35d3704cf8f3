"""The rows of a corpus snapshot as Python values, and back (see :mod:`.snapshot`).

Every value read from SQLite is checked against the types this code writes
(SQLite stores anything), names that are not UTF-8 are stored reversibly, and
warnings keep their file's name apart from their message.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from interpol_tui.corpus.problems import FileWarning
from interpol_tui.state.jsonio import parse_json


@dataclass(frozen=True, slots=True)
class FileRecord:
    """What the snapshot knows about one release file (everything but its text)."""

    doc_id: str
    path: str
    size: int
    mtime_ns: int
    sha256: str
    title: str
    date: str | None
    dateline: str | None
    title_source: str
    warnings: tuple[str, ...]
    chars: int
    format: str
    """The format the file was read as (``text``, ``markdown``, ``html``)."""
    url: str | None
    """The address a saved page gives for itself, if any."""


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """What the snapshot knows about one records file: its releases and its own warnings."""

    path: str
    size: int
    mtime_ns: int
    doc_ids: tuple[str, ...]
    """The releases read from it, in file order."""
    notes: tuple[str, ...]
    """The warnings reading it gave (about the file and its records)."""
    fields: str
    """The field names it was read with (``--fields``), as their ``repr``."""


def source_row(source: SourceRecord) -> tuple[str, int, int, str, str, str]:
    """A :class:`SourceRecord` as a row of ``sources``."""
    ids = json.dumps([to_db(doc_id) for doc_id in source.doc_ids])
    return (
        to_db(source.path),
        source.size,
        source.mtime_ns,
        ids,
        json.dumps(warnings_to(source.notes)),
        source.fields,
    )


def source_of_row(row: Sequence[object]) -> SourceRecord | None:
    """A row of ``sources`` as a record, or None when it is not what this code wrote."""
    if tuple(map(type, row)) != (str, int, int, str, str, str):
        return None
    ids, notes = json_list(row[3]), warnings_from(json_list(row[4]))
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids) or notes is None:
        return None
    path, size, mtime_ns = from_db(str(row[0])), int(str(row[1])), int(str(row[2]))
    ids_found = tuple(map(from_db, ids))
    return SourceRecord(path, size, mtime_ns, ids_found, tuple(notes), str(row[5]))


COLUMNS = ", ".join("?" * 13)
"""Placeholders for one row of ``files``."""
_NONE = type(None)
_SIGNATURES = frozenset(
    (str, str, int, int, str, str, date, dateline, str, str, int, str, url)
    for date in (str, _NONE)
    for dateline in (str, _NONE)
    for url in (str, _NONE)
)
"""The types a row of ``files`` may hold, column by column (SQLite would store anything)."""


_ESCAPED = "\ue000"
"""Starts a stored name that is written as hex (see :func:`to_db`)."""


def to_db(name: str) -> str:
    """A doc id or path as SQLite can store it.

    A file name that is not UTF-8 reaches us with lone surrogates
    (surrogateescape), which SQLite cannot take: such a name, and any that
    starts with the escape mark itself, is stored as the mark and the hex of
    its bytes, and read back exactly by :func:`from_db`.
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        if not name.startswith(_ESCAPED):
            return name
    return _ESCAPED + name.encode("utf-8", "surrogateescape").hex()


def from_db(name: str) -> str:
    """The name :func:`to_db` stored."""
    if not name.startswith(_ESCAPED):
        return name
    try:
        return bytes.fromhex(name[1:]).decode("utf-8", "surrogateescape")
    except ValueError:
        return name


def record_of_row(row: Sequence[object]) -> FileRecord | None:
    """A row of ``files`` as a record, or None when it is not what this code wrote."""
    if tuple(map(type, row)) not in _SIGNATURES:
        return None
    fields = list(row)
    fields[0], fields[1] = from_db(str(fields[0])), from_db(str(fields[1]))
    if fields[9] == "[]":
        fields[9] = ()
    else:
        notes = warnings_from(json_list(fields[9]))
        if notes is None:
            return None
        fields[9] = tuple(notes)
    return FileRecord(*fields)  # type: ignore[arg-type]


def warnings_to(warnings: Sequence[str]) -> list[object]:
    """Warnings as JSON: a file's warning as ``[file, message]`` (its name may hold ": ")."""
    return [
        [warning.file, warning.message] if isinstance(warning, FileWarning) else str(warning)
        for warning in warnings
    ]


def warnings_from(value: object) -> list[str] | None:
    """The warnings :func:`warnings_to` wrote, or None when ``value`` is not that shape."""
    if not isinstance(value, list):
        return None
    warnings: list[str] = []
    for item in value:
        if isinstance(item, str):
            warnings.append(item)
        elif isinstance(item, list) and len(item) == 2 and all(isinstance(p, str) for p in item):
            warnings.append(FileWarning(item[0], item[1]))
        else:
            return None
    return warnings


def json_list(text: object) -> object:
    try:
        return parse_json(str(text).encode("utf-8", "surrogatepass"))
    except ValueError:
        return None


def among(doc_ids: Sequence[str]) -> str:
    """The ``WHERE`` clause that keeps the rows of ``doc_ids`` (one ``?`` each); none if empty."""
    return f" WHERE doc_id IN ({','.join('?' * len(doc_ids))})" if doc_ids else ""
