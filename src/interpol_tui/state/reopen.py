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
import pickle
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import overload

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
from interpol_tui.state.listing import ListedDocument
from interpol_tui.state.read_and_analyse import LoadResult, ReadAndAnalyse
from interpol_tui.state.snapshot import CorpusSnapshot, FileRecord
from interpol_tui.state.snapshot_rows import SourceRecord
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


def _load_job(job: tuple[SourceFile, int, FieldMap | None]) -> LoadResult:
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
    listed: Corpus | None = None,
    analysing: ReadAndAnalyse | None = None,
) -> Opened:
    """Load every release under ``roots``, reusing the snapshot's unchanged records.

    Without a usable snapshot this is :func:`~interpol_tui.corpus.loader.load_corpus`
    run in worker processes. With ``reuse`` False every file is read, and the
    snapshot rewritten. ``fields`` names the fields of records files (a records
    file is reused whole when it and ``fields`` are unchanged); ``follow_links``
    as for the loader. ``listed``: the corpus already shown from the snapshot's
    listing (:mod:`~interpol_tui.state.listing`), whose releases are then kept
    as they are, the very objects, where their files are unchanged. Raises the
    loader's ``CorpusPathError`` for a bad root. ``analysing``: each file read is
    analysed in the same job (:mod:`~interpol_tui.state.read_and_analyse`).
    """
    roots = tuple(Path(p) for p in roots)
    sources, warnings = discover(roots, follow_links=follow_links)
    usable = snapshot is not None and snapshot.open()
    texts = SnapshotTexts(snapshot, _reader(sources, max_bytes)) if snapshot is not None else None
    known = _Known(snapshot, texts, listed) if snapshot is not None and usable else _Known()
    fields_key = repr(fields or FieldMap())
    found: dict[str, list[Document]] = {}
    notes_of: dict[str, list[str]] = {}
    to_read: list[tuple[SourceFile, int, FieldMap | None]] = []
    for source in sources:
        kept = known.reusable(source, fields_key) if reuse else None
        if kept is None:
            to_read.append((source, max_bytes, fields))
        else:
            found[source.doc_id], notes_of[source.doc_id] = kept
    opened = Opened(Corpus(()), reused=len(found), sources={s.doc_id: s for s in sources})
    pending: list[tuple[FileRecord, str]] = []
    if analysing is None:
        came: Iterable[LoadResult] = run_pooled(
            _load_job, to_read, progress=progress, cancelled=cancelled
        )
    else:  # each file analysed in the job that reads it; its analysis stored as it comes
        whole = len(to_read) == len(sources) > 0 and all(_single(s) for s in sources)
        items = analysing.items(to_read, whole)
        came = analysing.took(
            run_pooled(analysing.job(), items, cancelled=cancelled, progress=progress)
        )
    for doc_id, results, notes, size, mtime_ns in came:
        opened.read += 1
        found[doc_id], notes_of[doc_id] = results, notes
        if snapshot is None or texts is None:
            continue
        source = opened.sources[doc_id]
        if not _single(source):  # stored whole, with its own warnings
            rows = [(_record_of(one, size, mtime_ns), one.text) for one in results]
            ids = tuple(one.id for one in results)
            record = SourceRecord(str(source.path), size, mtime_ns, ids, tuple(notes), fields_key)
            if snapshot.save_records_file(record, rows):
                found[doc_id] = [StoredDocument(row, texts) for row, _ in rows]
        elif len(results) == 1 and results[0].id == doc_id:
            pending.append((_record_of(results[0], size, mtime_ns), results[0].text))
            if len(pending) >= SAVE_BATCH:
                _flush(snapshot, pending, texts, found)
    documents: list[Document] = []
    for source in sources:  # in the order found on disk, whatever order the pool answered in
        documents.extend(found.get(source.doc_id, ()))
        warnings.extend(notes_of.get(source.doc_id, ()))
    if analysing is not None:
        analysing.finish()
    if snapshot is not None and texts is not None:
        _flush(snapshot, pending, texts, found)
        records_files = {str(source.path) for source in sources if not _single(source)}
        snapshot.remove(known.ids - {d.id for d in documents}, known.files - records_files)
    opened.corpus = Corpus(documents=tuple(documents), warnings=tuple(warnings), roots=roots)
    if snapshot is not None and not (cancelled is not None and cancelled()):
        snapshot.save_listing([d.id for d in documents], warnings)
    return opened


class _Known:
    """What the snapshot holds of each file, to reuse where the file is unchanged."""

    def __init__(
        self,
        snapshot: CorpusSnapshot | None = None,
        texts: SnapshotTexts | None = None,
        listed: Corpus | None = None,
    ) -> None:
        self.documents: dict[str, Document] = {}
        self.stats: dict[str, tuple[str, int, int]] = {}
        self.sources: dict[str, SourceRecord] = {}
        if snapshot is None or texts is None:
            return
        if listed is not None and _still_listed(snapshot, listed):  # no need to read the rows
            for document in listed.documents:
                if isinstance(document, ListedDocument):
                    self.documents[document.id] = document
                    self.stats[document.id] = document.stat_key
        else:
            for record in snapshot.records().values():
                self.documents[record.doc_id] = StoredDocument(record, texts)
                self.stats[record.doc_id] = (record.path, record.size, record.mtime_ns)
        self.sources = snapshot.sources()

    @property
    def ids(self) -> set[str]:
        """Every release the snapshot holds."""
        return set(self.documents)

    @property
    def files(self) -> set[str]:
        """Every records file the snapshot holds."""
        return set(self.sources)

    def reusable(
        self, source: SourceFile, fields_key: str
    ) -> tuple[list[Document], list[str]] | None:
        """The releases and warnings of an unchanged file, or None: it must be read."""
        seen = _stat(source.path)
        if seen is None:
            return None
        if _single(source):
            document = self.documents.get(source.doc_id)
            if document is None or self.stats[source.doc_id] != (str(source.path), *seen):
                return None
            return [document], list(document.warnings)
        record = self.sources.get(str(source.path))
        if record is None or (record.size, record.mtime_ns) != seen or record.fields != fields_key:
            return None
        documents = [self.documents.get(doc_id) for doc_id in record.doc_ids]
        if any(document is None for document in documents):
            return None
        return [d for d in documents if d is not None], list(record.notes)


def _still_listed(snapshot: CorpusSnapshot, listed: Corpus) -> bool:
    """Whether the snapshot still holds the listing ``listed`` was read from (not rebuilt)."""
    listing = snapshot.listing()
    return listing is not None and listing[0] == [d.id for d in listed.documents]


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


AnalysisResult = tuple[str, bytes | None, bytes | None, bytes, str | None, bytes | None]
"""(id, stored form, digest, facts, why it failed, the facts as pickled values or None)."""


def _analyse_job(job: tuple[str, str, str, str, bool]) -> AnalysisResult:
    """Analyse one release (in a worker process): (id, stored form, digest, facts, or why it
    failed, and when asked the facts as pickled values for :mod:`~interpol_tui.state.cold_columns`).

    The digest (the release's quotation and mention rows) and the facts that
    statistics group (:mod:`~interpol_tui.analysis.release_facts`) are made
    here too, while the text and analysis are at hand, so neither the
    across-release views nor the statistics decode an analysis to gather them.
    """
    from interpol_tui.analysis.digest import release_digest
    from interpol_tui.analysis.pipeline import analyse_text
    from interpol_tui.analysis.release_facts import release_facts
    from interpol_tui.state.digests import encode_digest
    from interpol_tui.state.fact_rows import encode_parts, facts_parts

    doc_id, text, headline, title, with_parts = job
    try:
        analysis = analyse_text(doc_id, text, headline)
        data = encode_analysis(analysis, text)
        parts = facts_parts(release_facts(doc_id, title, text, analysis))
        facts = encode_parts(parts)
    except Exception as error:  # a bug on one release must not stop the corpus
        return doc_id, None, None, b"", f"{type(error).__name__}: {error}", None
    try:
        digest = encode_digest(release_digest(doc_id, text, analysis))
    except Exception:  # made again from the analysis when the views need it
        digest = None
    values = pickle.dumps(parts, pickle.HIGHEST_PROTOCOL) if with_parts else None
    return doc_id, data, digest, facts, None, values


class _Jobs(Sequence[tuple[str, str, str, str, bool]]):
    """The analysis jobs of ``documents``, each made (its text read) when the pool takes it."""

    def __init__(self, documents: Sequence[Document], with_parts: bool = False) -> None:
        self._documents = documents
        self._with_parts = with_parts

    def __len__(self) -> int:
        return len(self._documents)

    def _job(self, document: Document) -> tuple[str, str, str, str, bool]:
        return document.id, document.text, headline_of(document), document.title, self._with_parts

    @overload
    def __getitem__(self, index: int) -> tuple[str, str, str, str, bool]: ...
    @overload
    def __getitem__(self, index: slice) -> list[tuple[str, str, str, str, bool]]: ...
    def __getitem__(
        self, index: int | slice
    ) -> tuple[str, str, str, str, bool] | list[tuple[str, str, str, str, bool]]:
        if isinstance(index, slice):
            return [self._job(document) for document in self._documents[index]]
        return self._job(self._documents[index])


def analyse(
    corpus: Corpus,
    snapshot: CorpusSnapshot | None,
    *,
    reuse: bool = True,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    warn: Callable[[str], None] | None = None,
    columns: bool = False,
    ready: ReadAndAnalyse | None = None,
) -> StoredAnalyses:
    """The analyses of ``corpus``: stored ones reused, the others made in worker processes.

    Nothing is decoded here: the result reads each analysis when asked for it,
    so that a cold run costs the UI process only the writes. With ``columns``
    (statistics follow), a corpus analysed whole has its facts' columns made
    as the results arrive (:mod:`~interpol_tui.state.cold_columns`). ``ready``: the
    analyses made as the corpus was read, handed over and not made again.
    """
    usable = snapshot is not None and snapshot.open()
    stored = snapshot.analysed() if snapshot is not None and usable and reuse else {}
    missing = [d for d in corpus.documents if stored.get(d.id) != d.sha256 or not d.sha256]
    analyses = StoredAnalyses(corpus.documents, snapshot if usable else None)
    if ready is not None:
        missing = [d for d in missing if d.id not in ready.done]
        ready.hand_over(analyses, [d.id for d in corpus.documents])
        for doc_id, why in ready.failed.items():
            if warn is not None:
                warn(f"{doc_id}: analysis failed ({why})")
    ids = [document.id for document in missing]
    ordered = None
    if columns and len(missing) == len(corpus.documents) and len(set(ids)) == len(ids):
        from interpol_tui.state.cold_columns import ColumnsInOrder

        ordered = ColumnsInOrder(ids)
    jobs = _Jobs(missing, with_parts=ordered is not None)
    hashes = {document.id: document.sha256 for document in missing}
    pending: list[tuple[str, str, bytes]] = []
    pending_facts: list[tuple[str, str, bytes]] = []
    digests: list[tuple[str, str, bytes]] = []
    for doc_id, data, digest, facts, error, parts in run_pooled(
        _analyse_job, jobs, progress=progress, cancelled=cancelled
    ):
        if ordered is not None:
            ordered.arrived(doc_id, parts)
        if data is None:  # each one said: the warnings view lists them
            if warn is not None:
                warn(f"{doc_id}: analysis failed ({error})")
            analyses.failed.add(doc_id)
            continue
        pending.append((doc_id, hashes[doc_id], data))
        pending_facts.append((doc_id, hashes[doc_id], facts))
        if digest is not None:
            digests.append((doc_id, hashes[doc_id], digest))
        if len(pending) >= SAVE_BATCH:
            analyses.keep(pending, digests, pending_facts)
    analyses.keep(pending, digests, pending_facts)
    if ordered is not None:
        analyses.offer_columns(ids, ordered.finished())
    return analyses
