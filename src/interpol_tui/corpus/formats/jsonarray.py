"""A ``.json`` file: an array of objects (one release each), or one object (one release).

The array is read element by element from a sliding window of the file, so a
large export is never held whole. After a broken element, reading picks up
at the next line that opens an object, as exports write one element a line
or indent each one.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Generator, Iterator
from typing import BinaryIO

from interpol_tui.corpus.formats.records import Record, text_stream

_CHUNK = 1 << 20
_SPACE = re.compile(r"[\s,]*")
_NEXT_OBJECT = re.compile(r"\n[ \t]*\{")
_DECODER = json.JSONDecoder()


class _Window:
    """The part of a text stream read so far and not yet used, with the line it starts on."""

    def __init__(self, stream: io.TextIOBase) -> None:
        self.stream = stream
        self.text = ""
        self.pos = 0
        """Where the unused part starts (slicing the text at every element would copy it)."""
        self.line = 1
        self.eof = False

    @property
    def left(self) -> int:
        """Characters read and not yet used."""
        return len(self.text) - self.pos

    def starts_with(self, prefix: str) -> bool:
        """True when the unused part starts with ``prefix``."""
        return self.text.startswith(prefix, self.pos)

    def more(self) -> bool:
        """Read another chunk; False at the end of the file."""
        if self.eof:
            return False
        chunk = self.stream.read(_CHUNK)
        if not chunk:
            self.eof = True
            return False
        self.text = self.text[self.pos :] + chunk
        self.pos = 0
        return True

    def consume(self, count: int) -> None:
        """Use up ``count`` characters, counting their lines."""
        self.line += self.text.count("\n", self.pos, self.pos + count)
        self.pos += count

    def skip_space(self) -> None:
        """Use up whitespace and commas (between elements), reading on as needed."""
        while True:
            match = _SPACE.match(self.text, self.pos)
            self.consume(match.end() - self.pos if match else 0)
            if self.left or not self.more():
                return


def _element(window: _Window, limit: int) -> tuple[object, int] | str:
    """Decode the element the unused part starts with: (value, its length), or why not."""
    while True:
        try:
            value, end = _DECODER.raw_decode(window.text, window.pos)
            return value, end - window.pos
        except json.JSONDecodeError as error:
            # Maybe only cut off by the window's end: read on, up to one record's limit.
            if window.left <= limit and window.more():
                continue
            if window.left > limit and error.pos - window.pos >= limit - 1:
                return f"record over the {limit:,}-byte limit"
            return f"not valid JSON ({error.msg.removesuffix(' at')})"
        except RecursionError:
            return "JSON nested too deeply"


def _resync(window: _Window) -> bool:
    """Move to the next line that opens an object; False when there is none."""
    while True:
        found = _NEXT_OBJECT.search(window.text, window.pos + 1)
        if found is not None:
            window.consume(found.start() + 1 - window.pos)
            window.skip_space()
            return True
        # Keep the last line: the next one's opening may be cut by the window's end.
        last = window.text.rfind("\n", window.pos)
        window.consume((last if last >= 0 else len(window.text)) - window.pos)
        if not window.more():
            return False


def records(handle: BinaryIO, limit: int) -> Generator[Record, None, None]:
    """The records of a JSON array (or of a single object) in ``handle``."""
    with text_stream(handle) as stream:
        yield from _array(_Window(stream), limit)


def _array(window: _Window, limit: int) -> Iterator[Record]:
    """The records of the array (or single object) the window starts with."""
    window.skip_space()
    if window.starts_with("{"):
        found = _element(window, limit)
        if isinstance(found, str):
            yield Record(window.line, problem=found)
        else:
            yield _record(found[0], window.line, window.text[window.pos : window.pos + found[1]])
        return
    if not window.starts_with("["):
        yield Record(window.line, problem="not a JSON array of objects")
        return
    window.consume(1)
    while True:
        window.skip_space()
        if not window.left or window.starts_with("]"):
            return
        line = window.line
        found = _element(window, limit)
        if isinstance(found, str):
            yield Record(line, problem=found)
            if not _resync(window):
                return
            continue
        value, length = found
        yield _record(value, line, window.text[window.pos : window.pos + length])
        window.consume(length)


def _record(value: object, line: int, source: str) -> Record:
    if not isinstance(value, dict):
        return Record(line, problem=f"a JSON {type(value).__name__}, not an object")
    return Record(line, values=value, bad_bytes="\ufffd" in source)
