"""Background threads step aside while the user is pressing keys, and stop when the app quits.

Indexing, counting and grouping run in threads of the browser's process, and
each Python thread that wants the GIL takes it from the UI thread every
``sys.getswitchinterval()`` seconds: with one busy thread a key gets about
half of the interpreter, with two a third, and the frame it needs is drawn
two or three times later. So the UI says when it is answering the user
(:func:`hold`, on every key), and long loops in other threads call
:func:`pace` between items: while a hold lasts they sleep, which hands the
GIL to the UI whole. Work resumes when the keys stop; worker *processes*
(``corpus/pool.py``) keep going throughout, they do not share the GIL.

:func:`stop` says the process is leaving: loops that check
:func:`paced_check` see themselves cancelled and :func:`paced` ends, so that
shutting the screen down and saving the user's state have the GIL to
themselves. Nothing here knows about Textual; the UI calls these functions.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

Item = TypeVar("Item")

HOLD = 0.15
"""Seconds background threads rest after a key: handling it and drawing its frame."""
MAX_REST = 0.5
"""Longest single rest, so that a hold renewed by held-down keys is re-checked."""

_hold_until = 0.0
_stopping = threading.Event()


def hold(seconds: float = HOLD) -> None:
    """Ask background threads to rest for ``seconds`` from now (called on the UI thread)."""
    global _hold_until
    _hold_until = max(_hold_until, time.monotonic() + seconds)


def held_for() -> float:
    """Seconds the current hold has left (0 when none): UI work that can wait, waits as long."""
    return max(_hold_until - time.monotonic(), 0.0)


def stop() -> None:
    """The process is leaving: paced loops end at their next item (their work is not needed)."""
    _stopping.set()


def stopping() -> bool:
    """Whether :func:`stop` was called (the work will never be used)."""
    return _stopping.is_set()


def resume() -> None:
    """Undo :func:`stop` and any hold (a new app in the same process: tests)."""
    global _hold_until
    _stopping.clear()
    _hold_until = 0.0


def _leaving() -> bool:
    """Stopped, and this is a background thread (the main thread's own work always finishes)."""
    return _stopping.is_set() and threading.current_thread() is not threading.main_thread()


def pace() -> None:
    """Between two items of a long loop off the UI thread: rest while the UI needs the GIL.

    Returns at once on the main thread, when nothing is held and after
    :func:`stop` (the loop is expected to check :func:`stopping` and end).
    """
    if threading.current_thread() is threading.main_thread():
        return
    while not _stopping.is_set():
        rest = _hold_until - time.monotonic()
        if rest <= 0:
            return
        _stopping.wait(min(rest, MAX_REST))  # sleeps, and wakes at once on stop()


def paced(items: Iterable[Item]) -> Iterator[Item]:
    """``items``, with a :func:`pace` before each; in a background thread, cut short once
    the process is leaving."""
    for item in items:
        pace()
        if _leaving():
            return
        yield item


def paced_check(cancelled: Callable[[], bool] | None) -> Callable[[], bool]:
    """A ``cancelled()`` callback that also paces: loops that check it step aside for keys."""

    def check() -> bool:
        pace()
        return _leaving() or (cancelled is not None and cancelled())

    return check
