"""CSV with a header row: one release a row (a quoted field may span lines)."""

from __future__ import annotations

import csv
import io
from collections.abc import Generator, Iterator
from typing import BinaryIO

from interpol_tui.corpus.formats.records import Record, text_stream

_SNIFF_CHARS = 64 * 1024


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    """The file's delimiter and quoting: comma unless the header shows ``;``, tab or ``|``."""
    header = sample.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(header, delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def _field_limit(limit: int) -> None:
    # Process-wide in the csv module: raise it to the record limit, never lower it
    # under another reader's feet.
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)


def records(handle: BinaryIO, limit: int) -> Generator[Record, None, None]:
    """Every row after the header of the CSV in ``handle``, as a record keyed by the header."""
    with text_stream(handle, newline="") as stream:
        yield from _rows(stream, limit)


def _rows(stream: io.TextIOWrapper, limit: int) -> Iterator[Record]:
    """The rows after the header, as records."""
    sample = stream.read(_SNIFF_CHARS)
    stream.seek(0)
    _field_limit(limit)
    reader = csv.reader(stream, _dialect(sample))
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration:
        return
    except csv.Error as error:
        yield Record(1, problem=f"the header row cannot be read ({error})")
        return
    previous = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield Record(previous + 1, problem=f"not valid CSV ({error})")
            previous = reader.line_num
            continue
        line, previous = previous + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if sum(map(len, row)) > limit:
            yield Record(line, problem=f"record over the {limit:,}-byte limit")
        elif len(row) != len(header):
            yield Record(line, problem=f"{len(row)} fields where the header has {len(header)}")
        else:
            values = dict(zip(header, row, strict=True))
            yield Record(line, values=values, bad_bytes=any("\ufffd" in cell for cell in row))
