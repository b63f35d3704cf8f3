"""Run the browser and leave at once when it quits, whatever work is still under way.

Textual runs thread workers in asyncio's default executor, and both
``asyncio.run`` and the interpreter's exit wait for every one of its threads
to finish: a worker in the middle of indexing 100,000 releases would keep
the terminal for seconds after ``ctrl+q``. Here the app runs on a loop of
our own; once it has returned (the terminal restored, the reading state
saved by the screens' unmount handlers), worker processes are stopped and,
if threads are still busy, the process ends without waiting for them.
That is safe because nothing they write can be left half-done: JSON files
are replaced atomically and the snapshot is written in SQLite transactions.
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
from typing import Any

from textual.app import App

from interpol_tui.corpus.pool import terminate_all


def run_and_leave(app: App[Any]) -> int:
    """Run ``app`` until it quits; return its exit status (or end the process at once)."""
    loop = asyncio.new_event_loop()
    try:
        app.run(loop=loop)
    finally:
        terminate_all()
    status = app.return_code or 0
    busy = [t for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon]
    if busy:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    loop.close()
    return status
