"""Files of records (JSON Lines, a JSON array, CSV): one release per record, streamed.

A record's fields are found by their usual names or the ones given with
``--fields`` (:mod:`.fields`); its id is ``file#N``, N its 1-based record
number, or ``file#ID`` when it has an id field. A bad record is one warning
naming the file and its line, and the rest of the file loads. Each record is
held to the size limit of a text release; the file as a whole has none, since
it is never read whole.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Generator, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol

from interpol_tui.corpus.dates import parse_date
from interpol_tui.corpus.decode import looks_binary
from interpol_tui.corpus.formats.base import (
    CONTROLS_REMOVED,
    Extracted,
    build_document,
    open_regular,
)
from interpol_tui.corpus.formats.fields import FieldMap
from interpol_tui.corpus.formats.markup import fragment_text, holds_markup
from interpol_tui.corpus.formats.references import strip_control_references
from interpol_tui.corpus.sanitize import has_controls, one_line, strip_controls

if TYPE_CHECKING:
    from interpol_tui.corpus.model import Document

MAX_RECORD_WARNINGS = 20
"""Bad records of one file warned about one by one; the rest are counted in one more warning,
so that a file of garbage cannot bury every other warning."""
BAD_BYTES = "invalid UTF-8; bad bytes shown as \ufffd"
CHECK_EVERY = 100
"""Records read between two looks at whether the load was cancelled."""


@dataclass(frozen=True, slots=True)
class Record:
    """One record as a file reader found it: its values, or why it cannot be used."""

    line: int
    """The line of the file the record starts on (1-based)."""
    values: Mapping[str, object] | None = None
    problem: str | None = None
    bad_bytes: bool = False
    """Some of its bytes were not UTF-8 (shown as U+FFFD)."""


@contextlib.contextmanager
def text_stream(handle: BinaryIO, newline: str | None = None) -> Iterator[io.TextIOWrapper]:
    """``handle`` read as UTF-8 text (bad bytes as U+FFFD), handed back undecorated after.

    Detached on the way out, so the wrapper never closes (or, collected
    later, warns about) the file its caller owns.
    """
    stream = io.TextIOWrapper(handle, encoding="utf-8-sig", errors="replace", newline=newline)
    try:
        yield stream
    finally:
        with contextlib.suppress(ValueError):  # the file may be closed already
            stream.detach()


class RecordReader(Protocol):
    """What a records module provides: its records, one by one, from an open file."""

    def __call__(self, handle: BinaryIO, limit: int) -> Generator[Record, None, None]: ...


def _binary(sample: bytes) -> bool:
    """True when the file's first bytes are no text at all.

    One NUL makes a text release binary; a records file with one garbled
    record is still records, so here it is the share of bytes text never
    holds (controls, NULs, bytes that are not UTF-8) that decides.
    """
    text = sample.decode("utf-8", errors="replace")
    return looks_binary(sample.replace(b"\x00", b"\x01")) or text.count("\ufffd") > 0.3 * len(text)


def _text(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def to_extracted(
    values: Mapping[str, object], fields: FieldMap
) -> tuple[Extracted | str, str | None]:
    """The release a record holds (or why it holds none), and its id field as text."""
    text = fields.pick(values, "text")
    if not isinstance(text, str) or not text.strip():
        return f"no text in field {fields.describe('text')}", None
    notes: list[str] = []
    if holds_markup(text):
        # Scrapers often export the article's HTML: read it as a page's text would be.
        text, controls = strip_control_references(text)
        text = fragment_text(text)
        notes += [CONTROLS_REMOVED] if controls else []
    date: str | None = None
    stated = _text(fields.pick(values, "date"))
    if stated and stated.strip():
        date = parse_date(stated)
        if date is None:
            notes.append(f"date {one_line(strip_controls(stated))[:40]!r} is not a date")
    title = _text(fields.pick(values, "title"))
    if (has_controls(text) or (title and has_controls(title))) and CONTROLS_REMOVED not in notes:
        notes.append(CONTROLS_REMOVED)
    url = _text(fields.pick(values, "url"))
    record_id = _text(fields.pick(values, "id"))
    extracted = Extracted(
        body=text,
        title=title,
        date=date,
        url=one_line(strip_controls(url)) if url else None,
        title_source="field",
        notes=tuple(notes),
    )
    return extracted, one_line(strip_controls(record_id)) if record_id else None


def _unique(name: str, record_id: str | None, number: int, taken: set[str]) -> str:
    """``name#id`` when the id is new in the file, else ``name#N``, never one already given."""
    for suffix in (record_id, str(number)):
        if suffix and f"{name}#{suffix}" not in taken:
            return f"{name}#{suffix}"
    suffix = str(number)
    while f"{name}#{suffix}" in taken:
        suffix += "'"
    return f"{name}#{suffix}"


def read_records(
    path: Path,
    name: str,
    read: RecordReader,
    fmt: str,
    limit: int,
    fields: FieldMap,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[Document], list[str]]:
    """Every release of records file ``path`` (shown as ``name``), and the warnings.

    ``cancelled`` is asked every :data:`CHECK_EVERY` records: a large file
    must not keep a cancelled load running for a minute.
    """
    try:
        opened = open_regular(path)
    except OSError as error:
        return [], [f"{name}: cannot read file ({error.strerror or type(error).__name__}), skipped"]
    if isinstance(opened, str):
        return [], [f"{name}: {opened}"]
    documents: list[Document] = []
    warnings: list[str] = []
    bad_lines: list[int] = []
    taken: set[str] = set()
    with opened as handle:
        sample = handle.read(8192)
        if not sample.strip():
            return [], [f"{name}: empty file, skipped"]
        if _binary(sample):
            return [], [f"{name}: binary file, not text, skipped"]
        handle.seek(0)
        try:
            records = contextlib.closing(read(handle, limit))  # closed before the file
            with records as found:
                for number, record in enumerate(found, start=1):
                    if number % CHECK_EVERY == 0 and cancelled is not None and cancelled():
                        break
                    result = _release(record, number, name, fmt, fields, taken, path)
                    if isinstance(result, str):
                        bad_lines.append(record.line)
                        if len(bad_lines) <= MAX_RECORD_WARNINGS:
                            warnings.append(f"{name}: line {record.line}: {result}, skipped")
                    else:
                        taken.add(result.id)
                        documents.append(result)
                        warnings.extend(result.warnings)
        except OSError as error:
            reason = error.strerror or type(error).__name__
            warnings.append(f"{name}: reading stopped ({reason}); {len(documents)} record(s) read")
    if len(bad_lines) > MAX_RECORD_WARNINGS:
        rest = bad_lines[MAX_RECORD_WARNINGS:]
        shown = ", ".join(map(str, rest[:5])) + (", …" if len(rest) > 5 else "")
        warnings.append(f"{name}: {len(rest)} more bad record(s) skipped, on lines {shown}")
    return documents, warnings


def _release(
    record: Record,
    number: int,
    name: str,
    fmt: str,
    fields: FieldMap,
    taken: set[str],
    path: Path,
) -> Document | str:
    """The release of one record, or why it has none (a phrase)."""
    if record.problem is not None or record.values is None:
        return record.problem or "not a record"
    extracted, record_id = to_extracted(record.values, fields)
    if isinstance(extracted, str):
        return extracted
    doc_id = _unique(name, record_id, number, taken)
    notes = [BAD_BYTES] if record.bad_bytes else []
    notes += extracted.notes
    if notes:
        notes[0] = f"line {record.line}: {notes[0]}"
    result = build_document(
        replace(extracted, notes=()),
        doc_id=doc_id,
        path=path,
        fmt=fmt,
        fallback_title=doc_id,
        notes=notes,
    )
    if isinstance(result, str):
        return "no article text after cleaning"
    return result
