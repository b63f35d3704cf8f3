"""Small synthetic corpora of numbered notes, written by the tests that need many releases."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def write_notes(folder: Path, count: int, text: Callable[[int], str]) -> Path:
    """``folder`` made and filled with ``count`` files ``NNN_note.txt`` holding ``text(N)``."""
    folder.mkdir()
    for index in range(count):
        (folder / f"{index:03d}_note.txt").write_text(text(index), encoding="utf-8")
    return folder
