"""Read a corpus from folders and files into cleaned :class:`Document` objects.

Bad input is normal input: every file that cannot be used becomes one warning
naming it, and the rest of the corpus still loads.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from interpol_tui.corpus.clean import clean_release
from interpol_tui.corpus.decode import BinaryFileError, decode_text
from interpol_tui.corpus.model import Corpus, Document
from interpol_tui.corpus.sanitize import has_controls

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
"""Largest file read: far above any real release (the seeds are 2–5 KB)."""

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


def _walk(root: Path, warnings: list[str]) -> Iterator[Path]:
    """Yield text files under ``root`` in a stable order, following links but never looping."""
    seen: set[tuple[int, int]] = set()

    def on_error(error: OSError) -> None:
        warnings.append(f"{error.filename}: cannot read folder ({error.strerror})")

    for folder, dirs, files in os.walk(root, onerror=on_error, followlinks=True):
        try:
            stat = os.stat(folder)
        except OSError:
            continue
        key = (stat.st_dev, stat.st_ino)
        if key in seen:
            warnings.append(f"{folder}: symbolic link loop, skipped")
            dirs[:] = []
            continue
        seen.add(key)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(folder) / name
            if path.suffix.lower() in TEXT_SUFFIXES:
                yield path


def discover(paths: Sequence[Path]) -> tuple[list[SourceFile], list[str]]:
    """Find the release files under ``paths``; raise :class:`CorpusPathError` for a bad path."""
    warnings: list[str] = []
    sources: list[SourceFile] = []
    for given in paths:
        if not os.path.lexists(given):
            raise CorpusPathError(f"corpus path does not exist: {given}")
        if not given.exists():
            raise CorpusPathError(f"corpus path is a broken symbolic link: {given}")
        if given.is_dir():
            if not os.access(given, os.R_OK | os.X_OK):
                raise CorpusPathError(f"corpus folder cannot be read: {given}")
            sources.extend(
                SourceFile(given, path, path.relative_to(given).as_posix())
                for path in _walk(given, warnings)
            )
        else:
            sources.append(SourceFile(given.parent, given, given.name))
    return _unique_ids(sources, len(paths) > 1), warnings


def _unique_ids(sources: list[SourceFile], many_roots: bool) -> list[SourceFile]:
    """Keep ids unique when several roots hold the same relative path."""
    counts: dict[str, int] = {}
    for source in sources:
        counts[source.doc_id] = counts.get(source.doc_id, 0) + 1
    if not many_roots or all(count == 1 for count in counts.values()):
        return sources
    return [
        SourceFile(s.root, s.path, f"{s.root.name}/{s.doc_id}") if counts[s.doc_id] > 1 else s
        for s in sources
    ]


def load_source(source: SourceFile, max_bytes: int = DEFAULT_MAX_BYTES) -> Document | str:
    """Read and clean one file; return the Document, or a warning saying why it was skipped."""
    name = source.doc_id
    try:
        if source.path.is_symlink() and not source.path.exists():
            return f"{name}: broken symbolic link, skipped"
        size = source.path.stat().st_size
        if size > max_bytes:
            return f"{name}: {size:,} bytes is over the {max_bytes:,}-byte limit, skipped"
        data = source.path.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return f"{name}: cannot read file ({reason}), skipped"
    if not data.strip():
        return f"{name}: empty file, skipped"
    try:
        raw, decode_warning = decode_text(data)
    except BinaryFileError:
        return f"{name}: binary file, not text, skipped"
    warnings = [f"{name}: {decode_warning}"] if decode_warning else []
    if has_controls(raw):
        warnings.append(f"{name}: terminal control characters removed")
    cleaned = clean_release(raw, fallback_title=source.path.stem)
    if not cleaned.text.strip():
        return f"{name}: no article text after cleaning, skipped"
    return Document(
        id=source.doc_id,
        path=source.path,
        title=cleaned.title,
        date=cleaned.date,
        dateline=cleaned.dateline,
        text=cleaned.text,
        warnings=tuple(warnings),
        title_source=cleaned.title_source,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def load_corpus(
    paths: Iterable[Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Corpus:
    """Load every release under ``paths`` (folders are read recursively)."""
    roots = tuple(Path(p) for p in paths)
    sources, warnings = discover(roots)
    documents: list[Document] = []
    total = len(sources)
    for done, source in enumerate(sources, start=1):
        if cancelled is not None and cancelled():
            break
        result = load_source(source, max_bytes)
        if isinstance(result, str):
            warnings.append(result)
        else:
            documents.append(result)
            warnings.extend(result.warnings)
        if progress is not None:
            progress(done, total)
    return Corpus(documents=tuple(documents), warnings=tuple(warnings), roots=roots)
