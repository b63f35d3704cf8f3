"""The file formats a corpus may hold, by suffix, and the module that reads each.

Nothing heavy is imported here: a format's module (and its library, such as
trafilatura for HTML) is imported when the first file of that format is read.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType


@dataclass(frozen=True, slots=True)
class Format:
    """One file format: its name, suffixes, reading module and how its size is bounded."""

    name: str
    """What ``docs --json`` and the release list call it."""
    suffixes: tuple[str, ...]
    module: str
    """The module of this package that reads it."""
    records: bool = False
    """One file holds many releases (read record by record, streamed)."""
    size_factor: int = 1
    """A whole file may be this many times the size limit of a text release: markup
    (a web page's scripts, styles and attributes) takes room that text does not."""


FORMATS = (
    Format("text", (".txt", ".text"), "text"),
    Format("markdown", (".md", ".markdown"), "markdown"),
    Format("html", (".html", ".htm"), "html", size_factor=4),
    Format("jsonl", (".jsonl", ".ndjson"), "jsonl", records=True),
    Format("json", (".json",), "jsonarray", records=True),
    Format("csv", (".csv",), "csvfile", records=True),
)
"""Every format read, in the order the README lists them."""

_BY_SUFFIX = {suffix: fmt for fmt in FORMATS for suffix in fmt.suffixes}
SUFFIXES = frozenset(_BY_SUFFIX)
"""Every suffix of a file that is read; other files are counted in one warning."""


def format_for(path: Path) -> Format | None:
    """The format of ``path`` by its suffix (any case), or None when it is not read."""
    return _BY_SUFFIX.get(path.suffix.lower())


def reader(fmt: Format) -> ModuleType:
    """The module that reads ``fmt`` (imported on first use)."""
    return importlib.import_module(f"{__name__}.{fmt.module}")


def is_saved_page_assets(folder: Path, name: str) -> bool:
    """True for ``X_files/`` beside ``X.html``: where a browser saves a page's images and scripts.

    It may hold ``.html`` files of its own (frames, adverts), which are no releases.
    """
    stem = name.removesuffix("_files")
    if stem == name or not stem:
        return False
    return any((folder / f"{stem}{suffix}").is_file() for suffix in (".html", ".htm"))
