"""Plain text: the file is the release, exactly as scraped."""

from __future__ import annotations

from interpol_tui.corpus.formats.base import Extracted


def extract(raw: str) -> Extracted | str:
    """The release in ``raw``: all of it is body; the cleaner finds title, date and dateline."""
    return Extracted(body=raw)
