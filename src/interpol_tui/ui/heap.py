"""Keep what lives for the whole session out of the cyclic garbage collector's full passes.

Python's full collection walks every object alive: with a corpus, its
analyses and the statistics tables loaded (150k-230k objects at 300
releases), one pass stopped the UI for 0.1-0.3 s at random moments, a
``tab`` or a ``j`` among them. Once a corpus's analyses and statistics are
in place they live until a reload, so they are frozen (``gc.freeze``): full
passes then look only at what was made since. Reference counting still frees
a frozen object once nothing uses it; only a frozen reference cycle that
becomes garbage stays, which the corpus's records do not form; and all is handed back to
the collector when the panes go (:func:`release_loaded`: an app started again in the same
process, as the tests do, does not keep the last one's widgets).
"""

from __future__ import annotations

import gc


def keep_loaded() -> None:
    """Move every object alive now out of the collector's passes (see the module's text)."""
    gc.freeze()


def release_loaded() -> None:
    """Give the frozen objects back to the collector (the app's panes are going away)."""
    gc.unfreeze()
