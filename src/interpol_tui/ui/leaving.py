"""Run the browser and leave at once when it quits, whatever work is still under way.

Textual runs thread workers in asyncio's default executor, and both
``asyncio.run`` and the interpreter's exit wait for every one of its threads
to finish: a worker in the middle of indexing 100,000 releases would keep
the terminal for seconds after ``ctrl+q``. Here the app runs on a loop of
our own; once it has returned (the terminal restored, the reading state
saved by the screens' unmount handlers), worker processes are killed and
the process ends without waiting for busy threads or freeing its objects
(see :func:`run_and_leave`).
That is safe because nothing they write can be left half-done: JSON files
are replaced atomically and the snapshot is written in SQLite transactions.

:func:`save_and_stop` runs the moment the app is asked to exit (``ctrl+q``,
``q``): the reading state is saved first (each file replaced atomically),
then background threads are cancelled and their paced loops end
(``corpus.pacing``) and the worker pools are stopped in a thread of their
own, so that restoring the terminal does not share the GIL with indexing or
counting. Run from here, the app then skips unmounting its widgets
(``InterpolApp.leave_at_once``): nothing is left to do in them.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import threading
from types import ModuleType
from typing import Any

from textual.app import App

from interpol_tui import launcher
from interpol_tui.corpus import pacing
from interpol_tui.ui.session import ReadingSession

POOLS_TIMEOUT = 2.0
"""Seconds leaving waits, at most, for the worker pools to be stopped (none is left behind)."""


def _pool() -> ModuleType | None:
    """The worker pools' module, if imported: not before the first frame (multiprocessing is
    heavy), and a pool runs only once something imported it."""
    return sys.modules.get("interpol_tui.corpus.pool")


def save_and_stop(app: App[Any]) -> None:
    """The app is leaving: save the state, cancel workers, end paced loops, stop the pools."""
    for screen in app.screen_stack:
        session = getattr(screen, "session", None)
        if isinstance(session, ReadingSession):
            session.save_now()
    pacing.stop()
    app.workers.cancel_all()
    if (pool := _pool()) is not None:
        pool.terminate_all_soon()


def _kill_workers() -> None:
    """End every worker process now, without waiting for any (the process ends next).

    ``Pool.terminate`` joins them: a worker still starting, or one that the
    machine's other work keeps off the cores (they run only on idle ones,
    ``corpus/priority.py``), kept ``ctrl+q`` waiting 0.5 s. A killed worker
    leaves nothing half-written: results reach the snapshot only through
    this process.
    """
    if "interpol_tui.corpus.pool" not in sys.modules:
        return  # no pool was ever started (multiprocessing not even imported)
    # Not `import multiprocessing`: while a thread is still importing the pool at the first
    # frame, the import statement waits for it (100 ms of ctrl+q at 10,000 releases).
    multiprocessing = sys.modules.get("multiprocessing")
    with contextlib.suppress(AttributeError):  # half imported: no worker started yet
        for child in multiprocessing.active_children() if multiprocessing else ():
            with contextlib.suppress(OSError):
                child.kill()


def run_and_leave(app: App[Any]) -> int:
    """Run ``app`` until it quits; end the process at once with its exit status.

    An app that leaves at once (``leave_at_once``: it skips unmounting too)
    always ends the process here: the interpreter's own exit would wait for
    busy threads, and would first free every object one by one (most of the
    0.7 s ``ctrl+q`` took at 100,000 releases, 2.2 GB, once idle), and kills
    the worker processes rather than waiting for them. Any other app stops the
    pools, ends the process only while threads are busy, and otherwise
    returns its status.
    """
    loop = asyncio.new_event_loop()
    leaves_at_once = hasattr(app, "leave_at_once")
    if leaves_at_once:
        setattr(app, "leave_at_once", True)  # noqa: B010 (an attribute of our app only)
    try:
        app.run(loop=loop)
    finally:
        if leaves_at_once:
            _kill_workers()
        elif (pool := _pool()) is not None:
            pool.terminate_all(POOLS_TIMEOUT)
    status = app.return_code or 0
    busy = [t for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon]
    if busy or leaves_at_once:
        sys.stdout.flush()
        sys.stderr.flush()
        launcher.report(status)  # the shell has its prompt while the memory is freed
        os._exit(status)
    loop.close()
    return status
