"""JSON Lines (``.jsonl``, ``.ndjson``): one JSON object a line, read line by line."""

from __future__ import annotations

import json
from collections.abc import Generator
from typing import BinaryIO

from interpol_tui.corpus.formats.records import Record

_CHUNK = 1 << 20


def _skip_rest_of_line(handle: BinaryIO) -> None:
    """Read past the end of an over-long line without holding it."""
    while chunk := handle.readline(_CHUNK):
        if chunk.endswith(b"\n"):
            return


def parse_object(data: bytes, line: int) -> Record:
    """The record of one JSON text (one line, or one element of an array)."""
    try:
        text = data.decode("utf-8")
        bad_bytes = False
    except UnicodeDecodeError:
        text, bad_bytes = data.decode("utf-8", errors="replace"), True
    try:
        value = json.loads(text.strip())  # the newline is no part of a string cut short
    except json.JSONDecodeError as error:
        where = f"{error.msg.removesuffix(' at')} at column {error.colno}"
        return Record(line, problem=f"not valid JSON ({where})")
    except RecursionError:
        return Record(line, problem="JSON nested too deeply")
    if not isinstance(value, dict):
        return Record(line, problem=f"a JSON {type(value).__name__}, not an object")
    return Record(line, values=value, bad_bytes=bad_bytes)


def records(handle: BinaryIO, limit: int) -> Generator[Record, None, None]:
    """Every non-blank line of ``handle`` as a record; a line over ``limit`` bytes is a problem."""
    line_number = 0
    while True:
        data = handle.readline(limit + 1)
        if not data:
            return
        line_number += 1
        if len(data) > limit and not data.endswith(b"\n"):
            _skip_rest_of_line(handle)
            yield Record(line_number, problem=f"record over the {limit:,}-byte limit")
            continue
        if line_number == 1:
            data = data.removeprefix(b"\xef\xbb\xbf")
        if data.strip():
            yield parse_object(data, line_number)
