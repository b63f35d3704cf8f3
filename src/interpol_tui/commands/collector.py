"""The cyclic garbage collector off while a command builds what it keeps until it ends.

``stats`` on 100,000 releases spent 17 of its 73 CPU-s after the analysis
in the collector's passes (39 full ones, each walking every object alive:
the listing, the fact columns, millions of groups and rows), and found
almost nothing to free (fewer than 500 objects in reference cycles): what a
command makes lives until it prints and ends, and reference counting frees
the rest as it goes. So ``stats`` runs with the collector off
(:func:`collector_off`); the browser, which runs for hours, keeps it (with
its own pacing, ``ui/heap.py`` and ``ui/collector_pacing.py``).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_off() -> Iterator[None]:
    """Run the body with the cyclic collector off; as it was afterwards."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
