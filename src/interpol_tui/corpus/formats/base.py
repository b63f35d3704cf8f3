"""What every format reader hands back, and how it becomes a cleaned :class:`Document`.

A reader only says what the file holds: the body as plain text and, where the
format states them, a title, a date and a URL. Everything else (furniture,
glued sentences, the dateline, a title or date when the file has none) is the
same cleaner that reads ``.txt`` files, so a release reads the same whatever
it was saved as.
"""

from __future__ import annotations

import hashlib
import os
import stat as stat_module
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from interpol_tui.corpus.model import Document
from interpol_tui.corpus.sanitize import one_line, strip_controls

CONTROLS_REMOVED = "terminal control characters removed"
"""The note of a release that held control characters (raw or as character references)."""


@dataclass(frozen=True, slots=True)
class Extracted:
    """One release as a reader found it, before cleaning."""

    body: str
    """The text, paragraphs separated by blank lines (or as the file had it, for text)."""
    title: str | None = None
    """The title the file states (metadata, front matter, a field), else None."""
    date: str | None = None
    """The ISO date the file states, else None."""
    title_source: str = "metadata"
    """Where the stated title came from (``metadata``, ``front_matter``, ``heading``, ``field``)."""
    url: str | None = None
    notes: tuple[str, ...] = ()
    """Things worth a warning that did not stop the release loading."""


def open_regular(path: Path) -> BinaryIO | str:
    """Open regular file ``path`` for reading; return the handle, or why it was not opened."""
    if not stat_module.S_ISREG(os.stat(path).st_mode):
        # A FIFO or device named like a release would block or never end.
        return "not a regular file, skipped"
    # O_NONBLOCK: should it have become a FIFO since the check, opening must not hang.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    handle = os.fdopen(fd, "rb")
    if not stat_module.S_ISREG(os.fstat(handle.fileno()).st_mode):
        handle.close()
        return "not a regular file, skipped"
    return handle


def _same(a: str, b: str) -> bool:
    return one_line(a).casefold() == one_line(b).casefold()


def build_document(
    extracted: Extracted,
    *,
    doc_id: str,
    path: Path,
    fmt: str,
    fallback_title: str,
    notes: list[str],
    sha256: str | None = None,
) -> Document | str:
    """Clean ``extracted`` into a Document, or return why it was skipped.

    A stated title goes in front of the body as its first line, as a ``.txt``
    release has it, so that the cleaner treats the rest alike (the dateline
    after it, a date line under it); the stated title and date then win over
    what the cleaner inferred. ``sha256`` keys the analysis cache; without it
    the clean text is hashed (what the analysis reads).
    """
    # Imported here: the browser reads files in a worker after its first frame.
    from interpol_tui.corpus.clean import clean_release

    title = one_line(strip_controls(extracted.title or ""))
    body = extracted.body
    if title:
        first, _, rest = body.lstrip().partition("\n")
        if _same(first, title):  # the page repeats its title as a heading
            body = rest
        raw = f"{title}\n\n{body}"
    else:
        raw = body
    cleaned = clean_release(raw, fallback_title=fallback_title)
    text = cleaned.text
    if title and cleaned.title_source != "headline":
        # The stated title did not read as a headline, so the cleaner kept it
        # as the first paragraph: clean the body alone under the stated title.
        cleaned = clean_release(body, fallback_title=fallback_title)
        text = cleaned.text
        if cleaned.title_source == "headline":
            # It took the body's first line as a headline; under a stated
            # title that line is text, so it goes back in.
            text = f"{cleaned.title}\n\n{text}" if text else cleaned.title
    # Tabs would reach the terminal raw in one-line widgets; they mean nothing in a release.
    text = text.replace("\t", " ")
    if not text.strip():
        return f"{doc_id}: no article text after cleaning, skipped"
    all_notes = list(dict.fromkeys([*notes, *extracted.notes]))  # each note once
    return Document(
        id=doc_id,
        path=path,
        title=title or one_line(cleaned.title) or fallback_title or doc_id,
        date=extracted.date or cleaned.date,
        dateline=one_line(cleaned.dateline) if cleaned.dateline else None,
        text=text,
        # One warning per release: the notes joined, so the release is named once.
        warnings=(f"{doc_id}: {'; '.join(all_notes)}",) if all_notes else (),
        title_source=extracted.title_source if title else cleaned.title_source,
        sha256=sha256 or hashlib.sha256(f"{fmt}\n{text}".encode()).hexdigest(),
        format=fmt,
        url=extracted.url,
    )
