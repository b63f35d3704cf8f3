"""Progress reports from worker threads, thinned out so they do not flood the UI thread."""

from __future__ import annotations

import time
from collections.abc import Callable

REPORT_EVERY = 0.05
"""Seconds between two progress reports (20 a second is smooth enough for a bar)."""


class ThrottledProgress:
    """A ``progress(done, total)`` callback that passes on at most one report per interval.

    The first report and the last one (``done >= total``) always go through, so
    a bar starts at once and ends full. One message per file kept the UI thread
    busy for longer than reading 10,000 files took.
    """

    def __init__(self, report: Callable[[int, int], None], interval: float = REPORT_EVERY) -> None:
        self._report = report
        self._interval = interval
        self._last: float | None = None

    def __call__(self, done: int, total: int) -> None:
        """Pass the report on if the last one is old enough or this one is the end."""
        now = time.monotonic()
        if self._last is None or done >= total or now - self._last >= self._interval:
            self._last = now
            self._report(done, total)
