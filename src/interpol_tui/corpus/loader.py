"""Read a corpus from folders and files into cleaned :class:`Document` objects.

Bad input is normal input: every file that cannot be used becomes one warning
naming it, and the rest of the corpus still loads.
"""

from __future__ import annotations

import errno
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
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
from interpol_tui.corpus.sanitize import has_controls, one_line, strip_controls, visible_controls

TEXT_SUFFIXES = SUFFIXES
"""The suffixes of every format read (corpus.formats), not only text."""
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


def _relative(path: Path | str, root: Path) -> str:
    """``path`` relative to ``root`` (as shown in warnings), control characters made visible."""
    try:
        shown = Path(path).relative_to(root).as_posix()
    except ValueError:
        shown = str(path)
    return visible_controls(shown or ".")


def _is_loop(folder: Path, root: Path) -> bool:
    """True when ``folder`` is a link back to itself, an ancestor, or the corpus root."""
    try:
        target = folder.resolve(strict=True)
    except (OSError, RuntimeError):
        return True
    parent = folder.parent.resolve()
    return target == parent or target in parent.parents or target == root.resolve()


def _link_problem(path: Path) -> str | None:
    """Describe a symbolic link that leads nowhere (broken, looping), else None."""
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolic link loop, skipped"
        if error.errno == errno.ENOENT:
            return "broken symbolic link, skipped"
        return f"cannot follow symbolic link ({error.strerror}), skipped"
    return None


def _walk(root: Path, warnings: list[str]) -> Iterator[Path]:
    """Yield text files under ``root`` in a stable order, following links but never looping."""
    seen: set[tuple[int, int]] = set()
    ignored: list[str] = []

    def on_error(error: OSError) -> None:
        name = _relative(error.filename or root, root)
        warnings.append(f"{name}/: cannot read folder ({error.strerror}), skipped")

    for folder, dirs, files in os.walk(root, onerror=on_error, followlinks=True):
        try:
            stat = os.stat(folder)
        except OSError:
            continue
        key = (stat.st_dev, stat.st_ino)
        if key in seen:
            warnings.append(f"{_relative(folder, root)}/: folder already read (linked twice)")
            dirs[:] = []
            continue
        seen.add(key)
        kept = []
        for name in sorted(dirs):
            path = Path(folder) / name
            if name.startswith(".") or is_saved_page_assets(Path(folder), name):
                continue
            if path.is_symlink() and _is_loop(path, root):
                warnings.append(f"{_relative(path, root)}: symbolic link loop, skipped")
                continue
            kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(folder) / name
            if path.is_symlink() and (problem := _link_problem(path)):
                # Said here, whatever the suffix: the link may have been meant as a folder.
                warnings.append(f"{_relative(path, root)}: {problem}")
            elif path.suffix.lower() in TEXT_SUFFIXES:
                yield path
            else:
                ignored.append(_relative(path, root))
    if ignored:
        suffixes = "/".join(sorted(TEXT_SUFFIXES))
        examples = ", ".join(ignored[:3]) + (", …" if len(ignored) > 3 else "")
        warnings.append(
            f"{visible_controls(root.name) or root}: {len(ignored)} file(s) not read, "
            f"not {suffixes}: {examples}"
        )


def discover(paths: Sequence[Path]) -> tuple[list[SourceFile], list[str]]:
    """Find the release files under ``paths``; raise :class:`CorpusPathError` for a bad path."""
    check_paths(paths)
    warnings: list[str] = []
    sources: list[SourceFile] = []
    for given in paths:
        if given.is_dir():
            sources.extend(
                SourceFile(given, path, visible_controls(path.relative_to(given).as_posix()))
                for path in _walk(given, warnings)
            )
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
    opened = open_regular(path)
    if isinstance(opened, str):
        return opened
    with opened as handle:
        info = os.fstat(handle.fileno())
        if info.st_size > max_bytes:
            return f"{info.st_size:,} bytes is over the {max_bytes:,}-byte limit, skipped"
        data = handle.read(max_bytes + 1)
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
    fields: FieldMap | None = None,
) -> Corpus:
    """Load every release under ``paths`` (folders are read recursively).

    ``fields`` names the fields of records files (JSON Lines, JSON, CSV).
    """
    roots = tuple(Path(p) for p in paths)
    sources, warnings = discover(roots)
    documents: list[Document] = []
    total = len(sources)
    for done, source in enumerate(sources, start=1):
        if cancelled is not None and cancelled():
            break
        found, notes = load_file(source, max_bytes, fields, cancelled)
        documents.extend(found)
        warnings.extend(notes)
        if progress is not None:
            progress(done, total)
    return Corpus(documents=tuple(documents), warnings=tuple(warnings), roots=roots)
