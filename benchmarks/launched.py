"""The app's own process behind the thin launcher (``src/interpol_tui/launcher.py``).

A plain browser start in a terminal forks early: the process a benchmark
starts (the launcher, the one the shell waits on) stays small and ends once
the app has restored the terminal, while the app, its child, goes on freeing
its memory. Memory and CPU figures are the app's, so they are read from that
child; ``ctrl+q`` is timed until the launcher ends (what a user waits for),
and the app's own end is timed too (its teardown, in the background).
"""

from __future__ import annotations

import time
from pathlib import Path

GONE_STATES = ("", "Z", "X")
"""A process's state once it runs no more (gone, or a zombie: its memory is freed)."""


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found.extend(int(c) for c in (task / "children").read_text().split())
    except (OSError, ValueError):
        pass
    return found


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def app_pid(pid: int) -> int:
    """The app's process: ``pid``'s child that runs the same command line (the launcher's
    fork), else ``pid`` itself (no launcher, or a minimal app)."""
    own = _cmdline(pid)
    for child in _children(pid):
        if own and _cmdline(child) == own:
            return child
    return pid


def state(pid: int) -> str:
    """The process's state letter (R, S, T, Z …), or "" once it is gone."""
    return state_of(Path(f"/proc/{pid}/stat"))


def running(pid: int) -> bool:
    """Whether any thread of process ``pid`` still runs. Not the process's own state: in a
    process with threads the first thread is a zombie early, while the last to end frees
    the memory (seconds at 2.4 GB)."""
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return False
    return any(state_of(task / "stat") not in GONE_STATES for task in tasks)


def state_of(stat: Path) -> str:
    """The state letter in a ``/proc`` ``stat`` file, or "" once it is gone."""
    try:
        return stat.read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return ""


def wait_gone(pid: int, since: float, limit: float = 20.0) -> float:
    """Seconds from the monotonic ``since`` until ``pid`` runs no more (its memory freed)."""
    while running(pid) and time.perf_counter() - since < limit:
        time.sleep(0.002)
    return time.perf_counter() - since
