"""Read a corpus from folders and files into cleaned :class:`Document` objects.

Bad input is normal input: every file that cannot be used becomes one warning
naming it, and the rest of the corpus still loads.
"""

from __future__ import annotations

import hashlib
import os
import stat as stat_module
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from interpol_tui.corpus.decode import BinaryFileError, decode_text
from interpol_tui.corpus.model import Corpus, Document
from interpol_tui.corpus.problems import FileWarning, about
from interpol_tui.corpus.sanitize import has_controls, one_line, strip_controls, visible_controls
from interpol_tui.corpus.walk import link_problem as _link_problem
from interpol_tui.corpus.walk import special_filesystem, walk

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
"""Largest file read: far above any real release (the seeds are 2–5 KB)."""

_GROWTH = 64 * 1024
"""Bytes read past a file's stated size (it may grow; /proc files state 0)."""

Progress = Callable[[int, int], None]
"""Called with (files done, files in all) as loading proceeds."""


class CorpusPathError(Exception):
    """A corpus path given by the user does not exist or cannot be opened."""


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file found under a corpus root, with the id it will get."""

    root: Path
    path: Path
    doc_id: str


def discover(
    paths: Sequence[Path], *, follow_links: bool = False
) -> tuple[list[SourceFile], list[str]]:
    """Find the release files under ``paths``; raise :class:`CorpusPathError` for a bad path.

    Links leaving the corpus roots are followed only with ``follow_links``.
    """
    check_paths(paths)
    warnings: list[str] = []
    sources: list[SourceFile] = []
    for given in paths:
        found = walk(
            given, warnings, suffixes=TEXT_SUFFIXES, roots=paths, follow_links=follow_links
        )
        if given.is_dir():
            sources.extend(
                SourceFile(given, path, visible_controls(path.relative_to(given).as_posix()))
                for path in found
            )
        elif (special := special_filesystem(given)) is not None:
            warnings.append(FileWarning(visible_controls(str(given)), f"on {special}, not read"))
        else:
            sources.append(SourceFile(given.parent, given, visible_controls(given.name)))
    return _unique_ids(sources, len(paths) > 1), warnings


def check_paths(paths: Sequence[Path]) -> None:
    """Raise :class:`CorpusPathError` (one sentence) for a corpus path that cannot be opened."""
    for given in paths:
        shown = visible_controls(str(given))
        if not os.path.lexists(given):
            raise CorpusPathError(f"corpus path does not exist: {shown}")
        if (problem := _link_problem(given)) is not None:
            raise CorpusPathError(f"corpus path is a {problem.removesuffix(', skipped')}: {shown}")
        if given.is_dir() and not os.access(given, os.R_OK | os.X_OK):
            raise CorpusPathError(f"corpus folder cannot be read: {shown}")
        if not given.is_dir() and not os.access(given, os.R_OK):
            raise CorpusPathError(f"corpus file cannot be read: {shown}")


def _unique_ids(sources: list[SourceFile], many_roots: bool) -> list[SourceFile]:
    """Keep ids unique when several roots hold the same relative path."""
    counts: dict[str, int] = {}
    for source in sources:
        counts[source.doc_id] = counts.get(source.doc_id, 0) + 1
    if not many_roots or all(count == 1 for count in counts.values()):
        return sources
    return [
        SourceFile(s.root, s.path, f"{visible_controls(s.root.name)}/{s.doc_id}")
        if counts[s.doc_id] > 1
        else s
        for s in sources
    ]


def _read_limited(path: Path, max_bytes: int) -> bytes | str:
    """Return the bytes of regular file ``path``, or why they were not read."""
    if not stat_module.S_ISREG(os.stat(path).st_mode):
        # A FIFO or device named like a release would block or never end.
        return "not a regular file, skipped"
    # O_NONBLOCK: should it have become a FIFO since the check, opening must not hang.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat_module.S_ISREG(info.st_mode):
            return "not a regular file, skipped"
        if info.st_size > max_bytes:
            return f"{info.st_size:,} bytes is over the {max_bytes:,}-byte limit, skipped"
        # Never more than the file holds (plus room to see it grow): read() allocates
        # what it is asked for, and the limit may be huge.
        data = handle.read(min(max_bytes, info.st_size + _GROWTH) + 1)
    if data is None:  # a non-blocking read with nothing to give (/proc/kmsg and the like)
        return "no data to read (not a plain file), skipped"
    if len(data) > max_bytes:  # grew while we looked
        return f"over the {max_bytes:,}-byte limit, skipped"
    return data


def load_source(source: SourceFile, max_bytes: int = DEFAULT_MAX_BYTES) -> Document | str:
    """Read and clean one file; return the Document, or a warning saying why it was skipped."""
    name = source.doc_id
    if source.path.is_symlink() and (problem := _link_problem(source.path)):
        return f"{name}: {problem}"
    try:
        data = _read_limited(source.path, max_bytes)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return f"{name}: cannot read file ({reason}), skipped"
    if isinstance(data, str):
        return f"{name}: {data}"
    if not data.strip():
        return f"{name}: empty file, skipped"
    try:
        raw, decode_warning = decode_text(data)
    except BinaryFileError:
        return f"{name}: binary file, not text, skipped"
    notes = [decode_warning] if decode_warning else []
    if has_controls(raw):
        notes.append("terminal control characters removed")
    # Imported here: the browser reads files in a worker after its first frame.
    from interpol_tui.corpus.clean import clean_release

    cleaned = clean_release(raw, fallback_title=one_line(strip_controls(source.path.stem)))
    # Tabs would reach the terminal raw in one-line widgets; they mean nothing in a release.
    text = cleaned.text.replace("\t", " ")
    if not text.strip():
        return f"{name}: no article text after cleaning, skipped"
    return Document(
        id=source.doc_id,
        path=source.path,
        title=one_line(cleaned.title) or one_line(strip_controls(source.path.stem)) or name,
        date=cleaned.date,
        dateline=one_line(cleaned.dateline) if cleaned.dateline else None,
        text=text,
        # One warning per file: the notes joined, so the file is named once.
        warnings=(f"{name}: {'; '.join(notes)}",) if notes else (),
        title_source=cleaned.title_source,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def load_corpus(
    paths: Iterable[Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    follow_links: bool = False,
) -> Corpus:
    """Load every release under ``paths`` (folders are read recursively).

    A symbolic link is followed only when its target is inside a root, unless
    ``follow_links`` (see :mod:`interpol_tui.corpus.walk`).
    """
    roots = tuple(Path(p) for p in paths)
    sources, warnings = discover(roots, follow_links=follow_links)
    documents: list[Document] = []
    total = len(sources)
    for done, source in enumerate(sources, start=1):
        if cancelled is not None and cancelled():
            break
        result = load_source(source, max_bytes)
        if isinstance(result, str):
            warnings.append(about(source.doc_id, result))
        else:
            documents.append(result)
            warnings.extend(about(source.doc_id, line) for line in result.warnings)
        if progress is not None:
            progress(done, total)
    return Corpus(documents=tuple(documents), warnings=tuple(warnings), roots=roots)
