"""What is settled before a corpus is read: the size limit and the paths the user gave.

Kept apart from :mod:`.loader` (which re-exports them) so that the browser's
start, which checks the paths and shows the size limit's setting before its
first frame, does not import the readers of every format with it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from interpol_tui.corpus.sanitize import visible_controls
from interpol_tui.corpus.walk import link_problem

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
"""Largest file read: far above any real release (the seeds are 2–5 KB)."""


class CorpusPathError(Exception):
    """A corpus path given by the user does not exist or cannot be opened."""


def check_paths(paths: Sequence[Path]) -> None:
    """Raise :class:`CorpusPathError` (one sentence) for a corpus path that cannot be opened."""
    for given in paths:
        shown = visible_controls(str(given))
        if not os.path.lexists(given):
            raise CorpusPathError(f"corpus path does not exist: {shown}")
        if (problem := link_problem(given)) is not None:
            raise CorpusPathError(f"corpus path is a {problem.removesuffix(', skipped')}: {shown}")
        if given.is_dir() and not os.access(given, os.R_OK | os.X_OK):
            raise CorpusPathError(f"corpus folder cannot be read: {shown}")
        if not given.is_dir() and not os.access(given, os.R_OK):
            raise CorpusPathError(f"corpus file cannot be read: {shown}")
