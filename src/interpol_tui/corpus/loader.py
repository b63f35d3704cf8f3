"""Read a corpus from folders and files into cleaned :class:`Document` objects.

Bad input is normal input: every file that cannot be used becomes one warning
naming it, and the rest of the corpus still loads.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from interpol_tui.corpus.decode import BinaryFileError, decode_text
from interpol_tui.corpus.formats import (
    FORMATS,
    SUFFIXES,
    format_for,
    is_saved_page_assets,
    reader,
)
from interpol_tui.corpus.formats.base import CONTROLS_REMOVED, build_document, open_regular
from interpol_tui.corpus.formats.fields import FieldMap
from interpol_tui.corpus.model import Corpus, Document
from interpol_tui.corpus.opening import DEFAULT_MAX_BYTES as DEFAULT_MAX_BYTES
from interpol_tui.corpus.opening import CorpusPathError as CorpusPathError
from interpol_tui.corpus.opening import check_paths as check_paths
from interpol_tui.corpus.problems import FileWarning, about
from interpol_tui.corpus.sanitize import has_controls, one_line, strip_controls, visible_controls
from interpol_tui.corpus.walk import link_problem as _link_problem
from interpol_tui.corpus.walk import special_filesystem, walk

TEXT_SUFFIXES = SUFFIXES
"""The suffixes of every format read (corpus.formats), not only text."""

_GROWTH = 64 * 1024
"""Bytes read past a file's stated size (it may grow; /proc files state 0)."""

Progress = Callable[[int, int], None]
"""Called with (files done, files in all) as loading proceeds."""


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
            given,
            warnings,
            suffixes=TEXT_SUFFIXES,
            roots=paths,
            follow_links=follow_links,
            skip_folder=is_saved_page_assets,
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
    opened = open_regular(path)
    if isinstance(opened, str):
        return opened
    with opened as handle:
        info = os.fstat(handle.fileno())
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
    fmt = format_for(source.path) or FORMATS[0]  # a file given by name is read as text
    try:
        data = _read_limited(source.path, max_bytes * fmt.size_factor)
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
        notes.append(CONTROLS_REMOVED)
    extracted = reader(fmt).extract(raw)
    if isinstance(extracted, str):
        return f"{name}: {extracted}"
    if fmt.size_factor > 1 and len(extracted.body) > max_bytes:
        # The page may be larger than a release; its article may not.
        return f"{name}: article text over the {max_bytes:,}-byte limit, skipped"
    return build_document(
        extracted,
        doc_id=name,
        path=source.path,
        fmt=fmt.name,
        fallback_title=one_line(strip_controls(source.path.stem)),
        notes=notes,
        # Text is analysed as read, so its bytes key the cache; other formats by their text.
        sha256=hashlib.sha256(data).hexdigest() if fmt.name == "text" else None,
    )


def load_file(
    source: SourceFile,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fields: FieldMap | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[Document], list[str]]:
    """Every release in one file (a records file holds many), and the warnings about them."""
    fmt = format_for(source.path)
    if fmt is not None and fmt.records:
        from interpol_tui.corpus.formats.records import read_records

        if source.path.is_symlink() and (problem := _link_problem(source.path)):
            return [], [f"{source.doc_id}: {problem}"]
        # Each record is held to the limit of a text release; the file is streamed.
        read = reader(fmt).records
        return read_records(
            source.path, source.doc_id, read, fmt.name, max_bytes, fields or FieldMap(), cancelled
        )
    result = load_source(source, max_bytes)
    return ([], [result]) if isinstance(result, str) else ([result], list(result.warnings))


def load_corpus(
    paths: Iterable[Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    follow_links: bool = False,
    fields: FieldMap | None = None,
) -> Corpus:
    """Load every release under ``paths`` (folders are read recursively).

    A symbolic link is followed only when its target is inside a root, unless
    ``follow_links`` (see :mod:`interpol_tui.corpus.walk`). ``fields`` names the
    fields of records files (JSON Lines, JSON, CSV).
    """
    roots = tuple(Path(p) for p in paths)
    sources, warnings = discover(roots, follow_links=follow_links)
    documents: list[Document] = []
    total = len(sources)
    for done, source in enumerate(sources, start=1):
        if cancelled is not None and cancelled():
            break
        found, notes = load_file(source, max_bytes, fields, cancelled)
        documents.extend(found)
        warnings.extend(about(source.doc_id, note) for note in notes)
        if progress is not None:
            progress(done, total)
    return Corpus(documents=tuple(documents), warnings=tuple(warnings), roots=roots)
