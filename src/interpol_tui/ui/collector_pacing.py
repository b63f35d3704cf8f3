"""The cyclic garbage collector waits while the user is pressing keys, and runs in the pauses.

The collector runs inside whatever allocates when its counters fill up: on
the UI thread, that is in the middle of a key's frame. Typing into
quick-open at 10,000 releases while the cold analysis ran (measured with
``benchmarks/ui_slices.py``), its passes cost the UI thread 3-4 ms of CPU a
letter at the median and made every slice of the UI thread over 50 ms: a
full pass walked 38,000 objects not frozen (the screens' line caches, what
the workers' results made), 35-60 ms each, and at 50,000 releases one took
186 ms. With the collector off while the keys came, no slice passed 50 ms.

So each key or click (:func:`defer`, called from Textual's input thread as
it reads the key) turns the collector off until :data:`REST` seconds after
the last one, and a thread of its own turns it on again then: the passes run
while the user reads, not while a key waits. It is never kept off for more
than :data:`LONGEST` seconds at a stretch (a held key), so that reference
cycles are still freed. A collector that was off already (until the first
frame, ``ui/heap.py``) is left as it is. Reference counting, which frees
nearly everything, goes on throughout.
"""

from __future__ import annotations

import gc
import threading
import time

from interpol_tui.ui import heap

REST = 1.0
"""Seconds after the last key before the collector runs again (typing has paused)."""
LONGEST = 5.0
"""The longest stretch the collector stays off, however long the keys keep coming."""

_lock = threading.Lock()
_since: float | None = None
"""When the current stretch began (None: the collector is not held off by keys)."""
_until = 0.0
"""When the collector goes back on."""


def defer() -> None:
    """A key or click arrived: keep the collector off until the keys pause (any thread)."""
    global _since, _until
    now = time.monotonic()
    with _lock:
        if _since is None:
            if not gc.isenabled():
                return  # off for a reason of its own (start-up): not ours to turn on later
            gc.disable()
            _since = now
            threading.Thread(target=_resume_later, name="collector-pacing", daemon=True).start()
        _until = min(now + REST, _since + LONGEST)


def deferred() -> bool:
    """Whether keys are holding the collector off now."""
    return _since is not None


def _resume_later() -> None:
    """Sleep until the keys pause (or the longest stretch is over); then turn the collector on."""
    global _since
    while True:
        with _lock:
            wait = _until - time.monotonic()
            if wait <= 0:
                _since = None
                if not heap.paused_for_start():  # start-up turns it on itself
                    gc.enable()
                return
        time.sleep(wait)
