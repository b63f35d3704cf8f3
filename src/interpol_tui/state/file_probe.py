"""Ask every file of the last listing for its size and time in a process of its own, at start.

Asking 10,000 files (:mod:`.quick_check`) is about 30 ms, nearly all of it
the system calls; a thread cannot do it beside the start-up (each call gives
up the GIL and waits for it again behind the busy UI thread), and the UI
thread doing it after the first frame kept an edited title off the screen
until then. So the command line starts a small Python of its own (``-I -S``:
the standard library only) the moment it knows the snapshot, before it
imports Textual: it reads each file's path, size and time from the snapshot
in one read transaction, together with the listing blob's checksum, asks
the files, and answers with the paths that differ. The first frame uses
the answer when it is there already: the files it names are read again at
once (so an edited title is in that frame) and the others are not asked
again. Never waited for: a late, failed or doubtful answer leaves the check
to :mod:`.quick_check` after the frame, as before.

The answer stands for the listing drawn only when both come from the same
blob (the checksums agree: the blob is made in the transaction that saves
those rows and dropped by any change to them), and a path stored as hex
(an undecodable name) or of an unexpected shape is always named, so that
the UI thread looks at it the thorough way.
"""

from __future__ import annotations

import marshal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from interpol_tui.state.listing_store import ESCAPED, SEAL

MAX_REREAD = 50
"""More changed files than this are left to the full walk (which reads them in processes);
the probe then names none (the full check and walk see to them)."""
READ_TIMEOUT = 0.5
"""Seconds the probe may wait on a locked snapshot (as the listing read)."""

_CHILD = f"""
import marshal, os, sqlite3, sys
uri, most = sys.argv[1], int(sys.argv[2])
db = sqlite3.connect(uri, uri=True, timeout={READ_TIMEOUT})
db.execute("BEGIN")  # the blob's checksum and the rows as one read sees them
seal = db.execute({SEAL!r}).fetchone()
named = []
for path, size, mtime_ns in db.execute("SELECT path, size, mtime_ns FROM files"):
    if type(path) is not str:
        continue  # (never listed)
    if type(size) is int and type(mtime_ns) is int and not path.startswith({ESCAPED!r}):
        try:
            info = os.stat(path)
        except OSError:
            pass
        else:
            if (info.st_size, info.st_mtime_ns) == (size, mtime_ns):
                continue
    named.append(path)
    if len(named) > most:
        named = None
        break
seal = seal[0] if seal is not None and type(seal[0]) is bytes else None
sys.stdout.buffer.write(marshal.dumps((seal, named)))
"""
"""The probe's program: the standard library only, no import of this package."""


class FileProbe:
    """One probe running (see the module's docstring); :meth:`answer` reads what it found."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self._process: subprocess.Popen[bytes] | None = process
        self._found: tuple[bytes | None, list[str] | None] | None = None

    @classmethod
    def start(cls, snapshot_file: Path) -> FileProbe | None:
        """Start asking the files listed in ``snapshot_file``; None when there is nothing to ask
        or no process can be started (the check is then left to the UI thread)."""
        if not snapshot_file.is_file():
            return None
        uri = f"{snapshot_file.as_uri()}?mode=ro"
        argv = [sys.executable, "-I", "-S", "-c", _CHILD, uri, str(MAX_REREAD)]
        try:
            process = subprocess.Popen(
                argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
            )
        except (OSError, ValueError):
            return None
        return cls(process)

    def answer(self, seal: bytes | None, wait: float = 0.0) -> list[str] | None:
        """The stored paths (as in the snapshot's rows) of the files that differ, if the probe is
        done within ``wait`` seconds and saw the blob sealed with ``seal``; else None.

        An empty list: every file listed is as stored.
        """
        found = self._finish(wait)
        if found is None or seal is None or found[0] != seal:
            return None
        return found[1]

    def _finish(self, wait: float) -> tuple[bytes | None, list[str] | None] | None:
        process = self._process
        if process is None:
            return self._found
        try:
            process.wait(wait)
        except subprocess.TimeoutExpired:
            return None  # still asking: not waited for
        self._process = None
        assert process.stdout is not None
        with process.stdout:
            data = process.stdout.read()
        if process.returncode == 0:
            self._found = _decoded(data)
        return self._found

    def close(self) -> None:
        """Stop the probe if it still runs (its answer is not wanted any more)."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.kill()
        process.wait()
        if process.stdout is not None:
            process.stdout.close()


def _decoded(data: bytes) -> tuple[bytes | None, list[str] | None] | None:
    """The probe's answer, or None when it is not of the shape the probe writes."""
    try:
        value = marshal.loads(data)
    except (ValueError, EOFError, TypeError):
        return None
    if not (isinstance(value, tuple) and len(value) == 2):
        return None
    seal, named = value
    if seal is not None and not isinstance(seal, bytes):
        return None
    if named is not None and not (isinstance(named, list) and _all_text(named)):
        return None
    return seal, named


def _all_text(values: Sequence[object]) -> bool:
    return all(isinstance(value, str) for value in values)
