"""A hang guard: fail a test that runs for minutes, instead of hanging the suite.

It catches the freezes of issue 12 (seconds grew into hours); it times nothing.
SIGALRM fails the test with a clear message while Python code runs; should it
be stuck inside C (a regex, SQLite), faulthandler dumps every thread's stack
and ends the run a little later, so CI still stops with a trace.
"""

from __future__ import annotations

import faulthandler
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

HANG_SECONDS = 30


@contextmanager
def guard(seconds: int = HANG_SECONDS) -> Iterator[None]:
    """Fail what runs inside for longer than ``seconds`` (POSIX main thread; else no guard)."""
    if sys.platform == "win32" or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: object) -> None:
        pytest.fail(f"hang guard: still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    faulthandler.dump_traceback_later(seconds * 2, exit=True)
    try:
        yield
    finally:
        signal.alarm(0)
        faulthandler.cancel_dump_traceback_later()
        signal.signal(signal.SIGALRM, previous)
