"""Build a corpus folder holding the five seeds plus every kind of bad input (for tests)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

HOSTILE = (
    "Hostile \x1b]52;c;aGVsbG8gZnJvbSBPU0M1Mg==\x07release \x1b]0;pwned\x07title\x1b[31m red\n\n"
    "Body with \u202eoverride\u202c and a C1 \x9b31m CSI, an 8-bit \x9d52;c;eA==\x9c OSC, "
    "a bell\x07 and [bold]markup[/] that must stay literal.\n"
)

BAD_FILES = {
    "binary.txt": "binary file",
    "empty.txt": "empty file",
    "blank.md": "empty file",
    "huge.txt": "over the",
    "dangling.txt": "broken symbolic link",
    "loop.txt": "symbolic link loop",
    "nested/back": "symbolic link loop",
    "pipe.txt": "not a regular file",
    "latin1.txt": "decoded as Windows-1252",
    "utf16.txt": "decoded as UTF-16",
    "broken-utf8.txt": "invalid UTF-8",
    "hostile.txt": "terminal control characters removed",
    "photo.png": "not read",
}
"""File -> a phrase its one warning must hold."""

LOADED_BAD = ("latin1.txt", "utf16.txt", "broken-utf8.txt", "hostile.txt")
"""Bad files that still load (with a warning)."""

SIZE_LIMIT = 64 * 1024
"""The size limit tests pass to the loader; ``huge.txt`` is over it."""


def build_bad_corpus(seeds: Path, folder: Path) -> Path:
    """Copy the seeds into ``folder`` and add one file for each entry of BAD_FILES."""
    shutil.copytree(seeds, folder)
    for path in folder.iterdir():
        path.chmod(0o644)
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_text("  \n\n\t\n")
    (folder / "huge.txt").write_text("INTERPOL met.\n" * (SIZE_LIMIT // 10))
    (folder / "dangling.txt").symlink_to(folder / "missing.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "nested").mkdir()
    (folder / "nested" / "back").symlink_to("..")
    (folder / "nested" / "inner.txt").write_text("Inner release\n\nIt was found in a folder.\n")
    os.mkfifo(folder / "pipe.txt")
    (folder / "latin1.txt").write_bytes(b"Caf\xe9 talks in Lyon\n\nPolice met at the caf\xe9.\n")
    (folder / "utf16.txt").write_bytes("UTF-16 release\n\nIt said “hello”.\n".encode("utf-16"))
    (folder / "broken-utf8.txt").write_bytes(
        "Broken UTF-8 in Zürich\n\nThe café in Zürich hosted it. ".encode() + b"\xff\xfe here.\n"
    )
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG")
    return folder
