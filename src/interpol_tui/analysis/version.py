"""The declared version of what analysis produces, part of the analysis cache key."""

from __future__ import annotations

ANALYSIS_VERSION = 4
"""Bump this whenever a change to ``corpus/`` cleaning or to ``analysis/`` can change a
release's clean text or its spans: cached analyses of an older version are then dropped.
(The cache key is this number and the package version, not the bytes of the source.)"""

FACTS_VERSION = 1
"""Bump this whenever a change to ``analysis/grouping.py`` (``facts_of``) or to
``analysis/series_context.py`` can change a release's facts (``analysis/release_facts.py``):
stored facts of an older version are then made again from the stored analyses."""
