"""Bounded reading and parsing of JSON state files, and encoding that any string survives.

A state file is untrusted input: it may be a FIFO or ``/dev/zero`` (a link
can make it one), gigabytes long, nested a hundred thousand levels deep or
hold a number of ten thousand digits. Each of these becomes one
:class:`StateFileError` saying what is wrong, never a hang, a MemoryError or
a RecursionError in the caller.
"""

from __future__ import annotations

import codecs
import json
import math
import os
import stat
from typing import Any

MAX_STATE_BYTES = 16 * 1024 * 1024
"""Largest settings, bookmarks or positions file read (they are a few KB)."""
MAX_CACHE_BYTES = 1024 * 1024 * 1024
"""Largest analysis cache read (a 100k-release corpus caches in well under this)."""
MAX_INT_DIGITS = 30
"""Integers longer than this are damage (offsets and sizes have at most 19 digits)."""


class StateFileError(ValueError):
    """A state file cannot be used; the message says why (it follows the file's name)."""


def read_bounded(path: os.PathLike[str] | str, max_bytes: int) -> bytes:
    """Return the bytes of regular file ``path``; raise StateFileError for anything else.

    Raises FileNotFoundError when there is no file (that is not damage) and
    OSError when it cannot be opened. Opened non-blocking, so a FIFO named
    like a state file cannot hang the app, and checked to be a regular file
    before a byte is read, so a device cannot be read until memory runs out.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise StateFileError("is not a regular file")
        if info.st_size > max_bytes:
            raise StateFileError(f"is over {max_bytes:,} bytes")
        data = handle.read(max_bytes + 1)
    if data is None:  # pragma: no cover - a regular file never answers "would block"
        raise StateFileError("cannot be read (no data)")
    if len(data) > max_bytes:
        raise StateFileError(f"is over {max_bytes:,} bytes")
    return data


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise StateFileError(f"holds an integer of {len(text):,} digits")
    return int(text)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise StateFileError(f"holds a number out of range ({text[:20]})")
    return value


def _no_constant(name: str) -> Any:
    raise StateFileError(f"holds {name}, which is not JSON")


def parse_json(data: bytes, *, check_numbers: bool = True) -> Any:
    """Parse a state file's bytes; None when it is empty (a file just created is not damage).

    A UTF-8 byte-order mark is allowed (editors add one). Raises
    StateFileError for text that is not JSON, nested too deeply, or holding
    numbers no state file has (NaN, infinities, huge integers). Without
    ``check_numbers`` only Python's own limit on integers (4,300 digits)
    applies: checking every number in Python costs a third of the time to
    read a large analysis cache, whose decoder checks each value anyway.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise StateFileError(f"is not UTF-8 (invalid byte at {error.start})") from error
    if not text.strip():
        return None
    try:
        if not check_numbers:
            return json.loads(text)
        return json.loads(
            text,
            parse_int=_bounded_int,
            parse_float=_finite_float,
            parse_constant=_no_constant,
        )
    except RecursionError as error:
        # The C parser counts its depth and stops cleanly at the recursion limit.
        raise StateFileError("is nested too deeply") from error
    except json.JSONDecodeError as error:
        raise StateFileError(f"is not valid JSON ({error.msg} at line {error.lineno})") from error
    except ValueError as error:  # a StateFileError from a hook above, or int()'s own limit
        if isinstance(error, StateFileError):
            raise
        raise StateFileError(f"is not valid JSON ({error})") from error


def dump_json(value: Any, *, compact: bool = False) -> bytes:
    """Encode ``value`` as UTF-8 JSON; strings holding lone surrogates are kept exactly.

    A corpus path with bytes that are not UTF-8 becomes a string with lone
    surrogates (``surrogateescape``); those cannot be UTF-8 encoded, so such a
    document is written with ASCII escapes (``\\udcff``), which read back as the
    same string.
    """
    options: dict[str, Any] = {"separators": (",", ":")} if compact else {"indent": 1}
    text = json.dumps(value, ensure_ascii=False, **options)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value, ensure_ascii=True, **options).encode("ascii")
