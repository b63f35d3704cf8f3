"""JSON files that survive crashes, corruption and two copies of the app saving at once.

Writes go to a temporary file in the same folder, are fsynced, then renamed
over the old file, so a reader sees the old or the new file, never half of
one. Read-modify-write updates hold an advisory lock so that two running apps
merge their changes instead of losing one. A file that cannot be parsed is
moved aside (never deleted) with a one-line warning, and defaults are used.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

try:  # POSIX advisory locks; elsewhere the in-process lock is all we have.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

Warn = Callable[[str], None]
"""Receives one-line warnings meant for the user."""

_PROCESS_LOCK = threading.Lock()


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (temp file in the same folder, fsync, rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
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


class JsonFile:
    """One JSON document on disk, read and written safely; problems become warnings."""

    def __init__(self, path: Path, warn: Warn) -> None:
        self.path = path
        self._warn = warn
        self.writable = True
        """False after a file could be neither read nor moved aside: saving would destroy it."""

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold this file's lock (across threads and processes) for a read-modify-write."""
        with _PROCESS_LOCK:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                lock = open(self.path.with_name(f".{self.path.name}.lock"), "a")  # noqa: SIM115
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

    def read(self, expect: type = dict) -> Any:
        """Return the parsed document, or None when missing, unreadable or corrupt."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            self._discard(f"cannot be read ({error.strerror or type(error).__name__})")
            return None
        try:
            value = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            self._discard("is not valid JSON")
            return None
        if not isinstance(value, expect):
            self._discard(f"does not hold a JSON {'object' if expect is dict else 'array'}")
            return None
        return value

    def write(self, value: Any) -> bool:
        """Save ``value`` atomically; on failure warn and return False."""
        if not self.writable:
            return False
        data = json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8")
        try:
            atomic_write_bytes(self.path, data + b"\n")
        except OSError as error:
            self._warn(f"{self.path}: not saved ({error.strerror or type(error).__name__})")
            return False
        return True

    def update(self, change: Callable[[Any], Any]) -> Any:
        """Read, apply ``change`` to the value (None when missing), write back; return the result.

        The lock makes concurrent updates from other threads and processes
        apply one after another, so none is lost.
        """
        with self.locked():
            value = change(self.read())
            self.write(value)
            return value

    def _discard(self, problem: str) -> None:
        try:
            moved = set_aside(self.path)
        except OSError:
            self.writable = False
            self._warn(f"{self.path} {problem}; using defaults, and not saving over it")
            return
        self._warn(f"{self.path} {problem}; moved aside to {moved.name}, using defaults")
