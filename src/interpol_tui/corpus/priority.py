"""How much of the machine the worker processes may take from the process that started them.

Measured in the browser on 10,000 and 50,000 releases while the cold
analysis runs: a key waited for a core far longer than for the GIL (the
parent's own threads used a few milliseconds of CPU over 50 letters typed
into quick-open, while the UI thread waited on the run queue about twice as
long as it ran). Two worker processes at a niceness of 5 on two cores still
take a quarter of the core the UI thread is woken on. So in the browser
(:func:`workers_in_background`, called once by the app) the workers run
under ``SCHED_IDLE``: the kernel runs them only on a core nothing else
wants, and a woken UI thread takes its core at once; where that policy is
missing, they get the lowest niceness. A command such as ``stats`` keeps
:data:`NICENESS`: its user is waiting for the workers themselves.

Nothing here imports multiprocessing: the app marks this before its first
frame, and ``corpus/pool.py`` reads it when it starts a pool.
"""

from __future__ import annotations

import contextlib
import os

NICENESS = 5
"""How much lower than the caller a command's worker processes run."""
BACKGROUND_NICENESS = 19
"""The niceness of a browser's workers where ``SCHED_IDLE`` is not available."""

_background = False


def workers_in_background() -> None:
    """From now on, worker processes started by this process run only on otherwise idle cores."""
    global _background
    _background = True


def in_background() -> bool:
    """Whether :func:`workers_in_background` was called in this process."""
    return _background


def lower(background: bool) -> None:
    """Lower the calling process's priority (run in each worker process as it starts).

    ``background``: ``SCHED_IDLE`` (or niceness :data:`BACKGROUND_NICENESS`);
    otherwise a niceness :data:`NICENESS` lower than the parent's.
    """
    if background and hasattr(os, "sched_setscheduler") and hasattr(os, "SCHED_IDLE"):
        try:
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
            return
        except OSError:  # not allowed here: the niceness below still helps
            pass
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            current = os.nice(0)
            wanted = BACKGROUND_NICENESS if background else current + NICENESS
            os.nice(max(min(wanted, 19) - current, 0))
