"""Keep what lives for the whole session out of the cyclic garbage collector's full passes.

Python's full collection walks every object alive: with a corpus, its
analyses and the statistics tables loaded (150k-230k objects at 300
releases), one pass stopped the UI for 0.1-0.3 s at random moments, a
``tab`` or a ``j`` among them. Once a corpus's listing is drawn, and again
once its analyses and statistics are in place, they live until a reload, so
they are frozen (``gc.freeze``; the listing at once, since a cold analysis
takes minutes and its full passes, 0.1-0.3 s at 10,000 releases, held keys): full
passes then look only at what was made since. Reference counting still frees
a frozen object once nothing uses it; only a frozen reference cycle that
becomes garbage stays, which the corpus's records do not form; and all is handed back to
the collector when the panes go (:func:`release_loaded`: an app started again in the same
process, as the tests do, does not keep the last one's widgets).
"""

from __future__ import annotations

import gc

_paused = False
"""Whether :func:`pause_for_start` turned the collector off (and it is not on again)."""


def pause_for_start() -> None:
    """Turn the collector off until :func:`resume_after_start` (the first frame is drawn).

    Start-up makes tens of thousands of objects (modules, classes, styles,
    widgets, the listing) that nearly all live on: collections on the way
    to the first frame found little and cost about 5% of its instructions.
    """
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def paused_for_start() -> bool:
    """Whether :func:`pause_for_start` has the collector off (until the first frame)."""
    return _paused


def resume_after_start() -> None:
    """Turn the collector back on, if :func:`pause_for_start` turned it off."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()


def keep_loaded() -> None:
    """Move every object alive now out of the collector's passes (see the module's text)."""
    gc.freeze()


def release_loaded() -> None:
    """Give the frozen objects back to the collector (the app's panes are going away)."""
    gc.unfreeze()
