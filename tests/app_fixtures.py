"""Helpers the Pilot tests of the whole app share: a writable corpus, and waiting for work."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.app import App
from textual.pilot import Pilot


def writable_copy(source: Path, folder: Path) -> Path:
    """Copy the corpus ``source`` to ``folder`` with files the tests may change or move."""
    shutil.copytree(source, folder)
    for path in folder.iterdir():
        path.chmod(0o644)
    return folder


async def settle(app: App[None], pilot: Pilot[None]) -> None:
    """Wait for loading, analysis and saving workers, then the screen (twice)."""
    for _ in range(2):
        await app.workers.wait_for_complete()
        await pilot.pause()
