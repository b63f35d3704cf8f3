"""Open a corpus through its snapshot: unchanged files come from it, the rest are read anew.

A file whose path, size and modification time match its snapshot record is
listed from that record (its text stays in the snapshot until needed); a new
or changed file is read and cleaned (in worker processes when there are many)
and stored; a removed file is forgotten. :func:`confirm` then checks, after
the list is on screen, that the reused files still hash as recorded.
Analysis works the same way (:func:`analyse`): only releases without a stored
analysis of their current content are analysed, in worker processes.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from interpol_tui.analysis.headline import headline_of
from interpol_tui.corpus.formats import format_for
from interpol_tui.corpus.formats.fields import FieldMap
from interpol_tui.corpus.loader import (
    DEFAULT_MAX_BYTES,
    SourceFile,
    discover,
    load_file,
    load_source,
)
from interpol_tui.corpus.model import Corpus, Document
from interpol_tui.corpus.pool import run_pooled
from interpol_tui.corpus.problems import about
from interpol_tui.state.snapshot import CorpusSnapshot, FileRecord
from interpol_tui.state.stored import (
    SnapshotTexts,
    StoredAnalyses,
    StoredDocument,
    encode_analysis,
)

Progress = Callable[[int, int], None]
SAVE_BATCH = 500
"""Rows written per transaction (a cancelled load keeps what was saved)."""


@dataclass
class Opened:
    """A corpus as opened, and what it took."""

    corpus: Corpus
    reused: int = 0
    """Releases listed from the snapshot."""
    read: int = 0
    """Files read (new, changed, or everything without a snapshot)."""
    sources: dict[str, SourceFile] = field(default_factory=dict)
    """Each document's file, by document id."""


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def _load_job(
    job: tuple[SourceFile, int, FieldMap | None],
) -> tuple[str, list[Document], list[str], int, int]:
    """Read and clean one file (in a worker process): its releases, warnings, size, mtime.

    A records file (JSON Lines, JSON, CSV) holds many releases; others one.
    """
    source, max_bytes, fields = job
    seen = _stat(source.path) or (-1, -1)
    documents, notes = load_file(source, max_bytes, fields)
    # As load_corpus does: a warning keeps its file's name apart from its message.
    notes = [about(source.doc_id, note) for note in notes]
    return source.doc_id, documents, notes, seen[0], seen[1]


def _single(source: SourceFile) -> bool:
    """Whether the file is one release (so its snapshot record stands for the whole file)."""
    fmt = format_for(source.path)
    return fmt is None or not fmt.records


def _record_of(document: Document, size: int, mtime_ns: int) -> FileRecord:
    return FileRecord(
        document.id, str(document.path), size, mtime_ns, document.sha256, document.title,
        document.date, document.dateline, document.title_source, document.warnings,
        len(document.text), document.format, document.url,
    )  # fmt: skip


def open_corpus(
    roots: Iterable[Path],
    snapshot: CorpusSnapshot | None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    reuse: bool = True,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    fields: FieldMap | None = None,
    follow_links: bool = False,
) -> Opened:
    """Load every release under ``roots``, reusing the snapshot's unchanged records.

    Without a usable snapshot this is :func:`~interpol_tui.corpus.loader.load_corpus`
    run in worker processes. With ``reuse`` False every file is read, and the
    snapshot rewritten. ``fields`` names the fields of records files (which are
    always read again: one file, many releases); ``follow_links`` as for the
    loader. Raises the loader's
    ``CorpusPathError`` for a bad root.
    """
    roots = tuple(Path(p) for p in roots)
    sources, warnings = discover(roots, follow_links=follow_links)
    usable = snapshot is not None and snapshot.open()
    known = snapshot.records() if snapshot is not None and usable else {}
    records = known if reuse else {}
    texts = SnapshotTexts(snapshot, _reader(sources, max_bytes)) if snapshot is not None else None
    found: dict[str, list[Document]] = {}
    notes_of: dict[str, list[str]] = {}
    to_read: list[tuple[SourceFile, int, FieldMap | None]] = []
    for source in sources:
        record = records.get(source.doc_id)
        if (
            texts is not None
            and record is not None
            and _single(source)
            and _stat(source.path) == (record.size, record.mtime_ns)
            and record.path == str(source.path)
        ):
            document = StoredDocument(record, texts, source.path)
            found[source.doc_id] = [document]
            notes_of[source.doc_id] = list(document.warnings)
        else:
            to_read.append((source, max_bytes, fields))
    opened = Opened(Corpus(()), reused=len(found), sources={s.doc_id: s for s in sources})
    single = {source.doc_id for source in sources if _single(source)}
    pending: list[tuple[FileRecord, str]] = []
    for doc_id, results, notes, size, mtime_ns in run_pooled(
        _load_job, to_read, progress=progress, cancelled=cancelled
    ):
        opened.read += 1
        found[doc_id], notes_of[doc_id] = results, notes
        one = results[0] if len(results) == 1 and doc_id in single else None
        if one is not None and one.id == doc_id and snapshot is not None and texts is not None:
            pending.append((_record_of(one, size, mtime_ns), one.text))
            if len(pending) >= SAVE_BATCH:
                _flush(snapshot, pending, texts, found)
    if snapshot is not None and texts is not None:
        _flush(snapshot, pending, texts, found)
        gone = set(known) - single
        snapshot.remove(gone)
    documents: list[Document] = []
    for source in sources:  # in the order found on disk, whatever order the pool answered in
        documents.extend(found.get(source.doc_id, ()))
        warnings.extend(notes_of.get(source.doc_id, ()))
    opened.corpus = Corpus(documents=tuple(documents), warnings=tuple(warnings), roots=roots)
    if snapshot is not None and not (cancelled is not None and cancelled()):
        snapshot.save_listing([d.id for d in documents], warnings)
    return opened


def last_listing(
    roots: Iterable[Path], snapshot: CorpusSnapshot, limit: int | None = None
) -> Corpus | None:
    """The corpus as the snapshot last listed it, without looking at the files (None: none).

    Shown at once while :func:`open_corpus` checks the files; a file changed
    since is then corrected by that, which :func:`same_listing` tells.
    """
    if not snapshot.open():
        return None
    listing = snapshot.listing()
    if listing is None:
        return None
    order, warnings = listing
    if limit is not None and len(order) > limit:
        return None
    records = snapshot.records()
    if not order or any(doc_id not in records for doc_id in order):
        return None

    def reread(doc_id: str) -> str | None:  # only should the snapshot lose a text
        path = Path(records[doc_id].path)
        return _reader([SourceFile(path.parent, path, doc_id)], DEFAULT_MAX_BYTES)(doc_id)

    texts = SnapshotTexts(snapshot, reread)
    documents = tuple(StoredDocument(records[doc_id], texts) for doc_id in order)
    return Corpus(documents=documents, warnings=tuple(warnings), roots=tuple(map(Path, roots)))


def same_listing(shown: Corpus, current: Corpus) -> bool:
    """Whether two loads of a corpus list the same releases, identically, with the same warnings."""

    def key(corpus: Corpus) -> list[tuple[object, ...]]:
        return [
            (d.id, d.sha256, d.title, d.date, d.dateline, d.warnings, d.title_source)
            for d in corpus.documents
        ]

    return shown.warnings == current.warnings and key(shown) == key(current)


def _flush(
    snapshot: CorpusSnapshot,
    pending: list[tuple[FileRecord, str]],
    texts: SnapshotTexts,
    found: dict[str, list[Document]],
) -> None:
    """Store read documents; once stored, their texts live in the snapshot only."""
    if snapshot.save_documents(pending):
        for record, _ in pending:
            found[record.doc_id] = [StoredDocument(record, texts)]
    pending.clear()  # not stored (read-only cache...): the texts stay in memory


def _reader(sources: Sequence[SourceFile], max_bytes: int) -> Callable[[str], str | None]:
    """Read one release's text from its file (when the snapshot cannot give it)."""
    by_id = {source.doc_id: source for source in sources}

    def reread(doc_id: str) -> str | None:
        source = by_id.get(doc_id)
        result = load_source(source, max_bytes) if source is not None else None
        return result.text if isinstance(result, Document) else None

    return reread


def confirm(
    opened: Opened, snapshot: CorpusSnapshot, cancelled: Callable[[], bool] | None = None
) -> list[str]:
    """Ids of releases listed from the snapshot whose file no longer hashes as recorded.

    Their records are dropped, so opening again reads them. Hashing releases
    the GIL, so this can run in a thread beside the UI.
    """
    changed = []
    for document in opened.corpus.documents:
        if cancelled is not None and cancelled():
            break
        source = opened.sources.get(document.id)
        if not isinstance(document, StoredDocument) or source is None:
            continue
        if document.format != "text":  # other formats are keyed by their text, not bytes
            continue
        try:
            data = source.path.read_bytes()
        except OSError:
            data = b""
        if hashlib.sha256(data).hexdigest() != document.sha256:
            changed.append(document.id)
    snapshot.remove(changed)
    return changed


# -- analysis -------------------------------------------------------------------


def _analyse_job(job: tuple[str, str, str]) -> tuple[str, bytes | None, bytes | None, str | None]:
    """Analyse one release (in a worker process): (id, stored form, digest, or why it failed).

    The digest (the release's quotation and mention rows) is made here too,
    while the text and analysis are at hand, so the across-release views
    never decode an analysis to gather them.
    """
    from interpol_tui.analysis.digest import release_digest
    from interpol_tui.analysis.pipeline import analyse_text
    from interpol_tui.state.digests import encode_digest

    doc_id, text, headline = job
    try:
        analysis = analyse_text(doc_id, text, headline)
        data = encode_analysis(analysis, text)
    except Exception as error:  # a bug on one release must not stop the corpus
        return doc_id, None, None, f"{type(error).__name__}: {error}"
    try:
        digest = encode_digest(release_digest(doc_id, text, analysis))
    except Exception:  # made again from the analysis when the views need it
        digest = None
    return doc_id, data, digest, None


def analyse(
    corpus: Corpus,
    snapshot: CorpusSnapshot | None,
    *,
    reuse: bool = True,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    warn: Callable[[str], None] | None = None,
) -> StoredAnalyses:
    """The analyses of ``corpus``: stored ones reused, the others made in worker processes.

    Nothing is decoded here: the result reads each analysis when asked for it,
    so that a cold run costs the UI process only the writes.
    """
    usable = snapshot is not None and snapshot.open()
    stored = snapshot.analysed() if snapshot is not None and usable and reuse else {}
    missing = [d for d in corpus.documents if stored.get(d.id) != d.sha256 or not d.sha256]
    analyses = StoredAnalyses(corpus.documents, snapshot if usable else None)
    jobs = [(document.id, document.text, headline_of(document)) for document in missing]
    hashes = {document.id: document.sha256 for document in missing}
    pending: list[tuple[str, str, bytes]] = []
    digests: list[tuple[str, str, bytes]] = []
    for doc_id, data, digest, error in run_pooled(
        _analyse_job, jobs, progress=progress, cancelled=cancelled
    ):
        if data is None:  # each one said: the warnings view lists them
            if warn is not None:
                warn(f"{doc_id}: analysis failed ({error})")
            analyses.failed.add(doc_id)
            continue
        pending.append((doc_id, hashes[doc_id], data))
        if digest is not None:
            digests.append((doc_id, hashes[doc_id], digest))
        if len(pending) >= SAVE_BATCH:
            analyses.keep(pending, digests)
    analyses.keep(pending, digests)
    return analyses
