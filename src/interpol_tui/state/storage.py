"""JSON files that survive crashes, corruption and two copies of the app saving at once.

Writes go to a temporary file in the same folder, are fsynced, then renamed
over the old file, so a reader sees the old or the new file, never half of
one; temporary files that a killed write left behind are removed by a later
write. Read-modify-write updates hold an advisory lock so that two running
apps merge their changes instead of losing one. Reading is bounded
(:mod:`interpol_tui.state.jsonio`) and every document goes through a
type-checked decoder: a file that cannot be used is moved aside (never
deleted) and defaults are used; a file with some damaged parts is copied
aside and the rest is used. Either way, one one-line warning.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from interpol_tui.state.jsonio import (
    MAX_STATE_BYTES,
    StateFileError,
    dump_json,
    parse_json,
    read_bounded,
)

try:  # POSIX advisory locks; elsewhere the in-process lock is all we have.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

Warn = Callable[[str], None]
"""Receives one-line warnings meant for the user."""

STALE_TEMP_AGE = 15 * 60
"""Seconds after which a temporary file of ours is from a write that was killed, not running."""
_PROCESS_LOCK = threading.Lock()


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (temp file in the same folder, fsync, rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(path)
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_folder(path.parent)


def remove_stale_temps(path: Path, *, older_than: float = STALE_TEMP_AGE) -> list[Path]:
    """Delete the temporary files of killed writes of ``path``; return those removed.

    Only names :func:`atomic_write_bytes` makes (``.<name>.<random>.tmp``) and
    only old ones: a fresh one may belong to a write still running elsewhere.
    """
    pattern = re.compile(rf"\.{re.escape(path.name)}\.[A-Za-z0-9_]{{8}}\.tmp")
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return removed
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if entry.is_file(follow_symlinks=False) and now - info.st_mtime > older_than:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not possible on every platform.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def set_aside(path: Path) -> Path:
    """Rename ``path`` to a free ``<name>.corrupt-<time>[-n]`` beside it and return the new path."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    os.replace(path, target)
    return target


def copy_aside(path: Path, data: bytes) -> Path:
    """Keep ``data`` (what ``path`` held) in a ``<name>.corrupt-<time>`` file beside it.

    An earlier copy with the same bytes is reused, so reading the same damaged
    file at every start does not pile up copies.
    """
    with contextlib.suppress(OSError):
        for earlier in sorted(path.parent.glob(f"{glob.escape(path.name)}.corrupt-*")):
            if earlier.stat().st_size == len(data) and earlier.read_bytes() == data:
                return earlier
    stamp = time.strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    atomic_write_bytes(target, data)
    return target


def glob_escape(name: str) -> str:
    """``name`` with glob's special characters made literal."""
    return re.sub(r"([*?\[])", r"[\1]", name)


@dataclass
class Decoded:
    """What a decoder made of a parsed document: the usable value and what it had to drop."""

    value: Any
    problems: list[str] = field(default_factory=list)
    """One short phrase per damaged part (``'offsets' of one corpus is not an object``)."""


class Unusable(ValueError):
    """Raised by a decoder when nothing of the document can be used."""


Decoder = Callable[[Any], Decoded]
"""Checks a parsed document's every part against its schema (see :class:`JsonFile`)."""


def _whole(value: Any) -> Decoded:
    return Decoded(value)


class JsonFile:
    """One JSON document on disk, read and written safely; problems become warnings.

    ``decode`` checks every part of what was read (see :data:`Decoder`); it
    must accept None (no file, or an empty one) and return the defaults.
    """

    def __init__(
        self,
        path: Path,
        warn: Warn,
        decode: Decoder = _whole,
        *,
        max_bytes: int = MAX_STATE_BYTES,
        check_numbers: bool = True,
    ) -> None:
        self.path = path
        self._warn = warn
        self._decode = decode
        self._max_bytes = max_bytes
        self._check_numbers = check_numbers
        """False when ``decode`` checks every number itself (see ``jsonio.parse_json``)."""
        self.writable = True
        """False after a file could be neither read nor kept aside: saving would destroy it."""

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold this file's lock (across threads and processes) for a read-modify-write."""
        with _PROCESS_LOCK:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                # Non-blocking: a FIFO in the lock file's place must not hang the app.
                flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NONBLOCK", 0)
                fd = os.open(self.path.with_name(f".{self.path.name}.lock"), flags, 0o644)
                lock = os.fdopen(fd, "a")
            except OSError:
                # Cannot create the lock file (read-only folder): the write will fail
                # too and say so; do not fail the read.
                yield
                return
            with lock:
                if fcntl is not None:
                    fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
                try:
                    yield
                finally:
                    if fcntl is not None:
                        fcntl.flock(lock.fileno(), fcntl.LOCK_UN)

    def read(self) -> Any:
        """Return the decoded document: the defaults when missing, unreadable or damaged."""
        try:
            data = read_bounded(self.path, self._max_bytes)
        except FileNotFoundError:
            return self._decode(None).value
        except StateFileError as error:
            return self._discard(str(error))
        except OSError as error:
            return self._discard(f"cannot be read ({error.strerror or type(error).__name__})")
        try:
            decoded = self._decode(parse_json(data, check_numbers=self._check_numbers))
        except (StateFileError, Unusable) as error:
            return self._discard(str(error))
        if decoded.problems and self._keep_aside(data, decoded.problems):
            # Repaired at once: the damage is kept aside, so it warns once, not every run.
            self.write(decoded.value)
        return decoded.value

    def write(self, value: Any) -> bool:
        """Save ``value`` atomically; on failure warn and return False."""
        if not self.writable:
            return False
        try:
            atomic_write_bytes(self.path, dump_json(value) + b"\n")
        except (OSError, ValueError, RecursionError) as error:
            reason = getattr(error, "strerror", None) or type(error).__name__
            self._warn(f"{self.path}: not saved ({reason})")
            return False
        return True

    def update(self, change: Callable[[Any], Any]) -> Any:
        """Read, apply ``change`` to the decoded value, write back; return the result.

        The lock makes concurrent updates from other threads and processes
        apply one after another, so none is lost.
        """
        with self.locked():
            value = change(self.read())
            self.write(value)
            return value

    def _discard(self, problem: str) -> Any:
        try:
            moved = set_aside(self.path)
        except OSError:
            self.writable = False
            self._warn(f"{self.path} {problem}; using defaults, and not saving over it")
        else:
            self._warn(f"{self.path} {problem}; moved aside to {moved.name}, using defaults")
        return self._decode(None).value

    def _keep_aside(self, data: bytes, problems: list[str]) -> bool:
        """Copy the file as it was aside (then it may be saved without its damaged parts)."""
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        try:
            copy = copy_aside(self.path, data)
        except OSError:
            self.writable = False  # the damaged parts would be lost: never save over them
            self._warn(f"{self.path}: {problems[0]}{more}; those parts ignored, not saving over it")
            return False
        self._warn(
            f"{self.path}: {problems[0]}{more}; those parts ignored "
            f"(the file as it was is kept as {copy.name})"
        )
        return True
