"""Read, clean and analyse each file in one worker job, for a command that analyses anyway.

A cold ``stats`` used to run two pools one after the other: one read and
cleaned every file and sent the documents back, the parent stored their
texts, and a second pool was handed each text again, read back from the
snapshot, to analyse it. Between the two the cores idled (the first pool's
tail, the second's start), and every text crossed between processes three
times. Here the reading job goes on to analyse the release it has just
cleaned (:func:`read_and_analyse_job`: the same two jobs, one after the
other, in one process), and the parent stores the document and its analysis
rows as they arrive. What the analysis would have reused is not made again:
a file whose content matches its stored analysis is only read.

:func:`~interpol_tui.state.reopen.analyse` then finds every release analysed
(or failed) here and analyses only the rest (releases of records files, and
unchanged files reused from the snapshot without an analysis), so the
result is that of the two pools (``tests/test_read_and_analyse.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from interpol_tui.analysis.made_when_read import MadeWhenRead
from interpol_tui.corpus.formats.fields import FieldMap
from interpol_tui.corpus.loader import SourceFile
from interpol_tui.corpus.model import Document

if TYPE_CHECKING:
    from interpol_tui.state.cold_columns import ColumnsInOrder
    from interpol_tui.state.reopen import AnalysisResult
    from interpol_tui.state.snapshot import CorpusSnapshot
    from interpol_tui.state.stored import StoredAnalyses

LoadItem = tuple[SourceFile, int, FieldMap | None]
"""A file to read: its source, the size limit and the records' fields."""
FusedItem = tuple[SourceFile, int, FieldMap | None, str | None, bool]
"""A file to read and analyse: as :data:`LoadItem`, with the file hash its stored analysis
was made from (None: none), and whether the facts are wanted as pickled values too."""
LoadResult = tuple[str, list[Document], list[str], int, int]
FusedResult = tuple[str, list[Document], list[str], int, int, "AnalysisResult | None"]
SAVE_BATCH = 500
"""Analyses stored per transaction, as the analysis pool does."""


def read_and_analyse_job(item: FusedItem) -> FusedResult:
    """Read and clean one file, then analyse its release (in a worker process).

    The file's reading result as the reading job gives it, and the analysis
    job's result, or None where the file is not analysed here: a records
    file, a file that gave no release, or one whose release's stored
    analysis was made from this very content.
    """
    from interpol_tui.state.reopen import _analyse_job, _load_job, _single

    source, max_bytes, fields, known, with_parts = item
    doc_id, documents, notes, size, mtime_ns = _load_job((source, max_bytes, fields))
    analysed = None
    if _single(source) and len(documents) == 1 and documents[0].id == doc_id:
        document = documents[0]
        if document.sha256 != known or not document.sha256:
            from interpol_tui.analysis.headline import headline_of

            headline = headline_of(document)
            job = (doc_id, document.text, headline, document.title, with_parts)
            analysed = _analyse_job(job)
    return doc_id, documents, notes, size, mtime_ns, analysed


class ReadAndAnalyse:
    """The analyses made while a corpus is read (see the module's docstring).

    Given to :func:`~interpol_tui.state.reopen.open_corpus` (``analysing``), then
    to :func:`~interpol_tui.state.reopen.analyse` (``ready``). With ``columns``
    (statistics follow) a corpus read and analysed whole also has its facts'
    columns made as the results arrive, as the analysis pool makes them.
    """

    def __init__(self, snapshot: CorpusSnapshot | None, *, reuse: bool, columns: bool) -> None:
        self._snapshot = snapshot
        self._reuse = reuse
        self._columns = columns
        self._ordered: ColumnsInOrder | None = None
        self.done: set[str] = set()
        """Releases analysed here (failed ones too)."""
        self.failed: dict[str, str] = {}
        """Release id -> why its analysis failed, in the order they came."""
        self._rows: list[tuple[str, str, bytes]] = []
        self._facts: list[tuple[str, str, bytes]] = []
        self._digests: list[tuple[str, str, bytes]] = []
        self._unsaved: tuple[list[tuple[str, str, bytes]], ...] = ([], [], [])
        """Rows the snapshot would not take (read-only cache...): kept for the analyses."""

    def items(self, to_read: Sequence[LoadItem], whole: bool) -> Sequence[FusedItem]:
        """The jobs for ``to_read``; ``whole``: they are every file of the corpus, all single
        releases, so the fact columns can be made as they arrive."""
        snapshot = self._snapshot
        reused = snapshot is not None and self._reuse and bool(to_read)  # none read: none asked
        known = snapshot.analysed() if snapshot is not None and reused else {}
        ids = [source.doc_id for source, _, _ in to_read]
        if self._columns and whole and len(set(ids)) == len(ids):
            from interpol_tui.state.cold_columns import ColumnsInOrder

            self._ordered = ColumnsInOrder(ids)
        with_parts = self._ordered is not None

        def fused(item: LoadItem) -> FusedItem:
            source, max_bytes, fields = item
            return source, max_bytes, fields, known.get(source.doc_id), with_parts

        # Each job made when the pool takes it, as its batch is sliced.
        return MadeWhenRead(to_read, fused)

    def job(self) -> Callable[[FusedItem], FusedResult]:
        """The worker job (module-level, so that it can be sent to a process)."""
        return read_and_analyse_job

    def took(self, results: Iterable[FusedResult]) -> Iterator[LoadResult]:
        """The reading part of each result, its analysis taken and stored on the way."""
        for result in results:
            documents = result[1]
            self._arrived(result, documents[0].sha256 if len(documents) == 1 else "")
            yield result[:5]

    def _arrived(self, result: FusedResult, sha256: str) -> None:
        """A file's result has come (``sha256``: its release's file hash, if one)."""
        doc_id, analysed = result[0], result[5]
        if analysed is None:
            if self._ordered is not None:
                self._ordered.arrived(doc_id, None)  # the order goes on without it
            return
        _, data, digest, facts, error, parts = analysed
        self.done.add(doc_id)
        if self._ordered is not None:
            self._ordered.arrived(doc_id, parts)
        if data is None:
            self.failed[doc_id] = error or ""
            return
        self._rows.append((doc_id, sha256, data))
        self._facts.append((doc_id, sha256, facts))
        if digest is not None:
            self._digests.append((doc_id, sha256, digest))
        if len(self._rows) >= SAVE_BATCH:
            self._save()

    def _save(self) -> None:
        snapshot = self._snapshot
        rows, facts, digests = self._rows, self._facts, self._digests
        stored = snapshot is not None and snapshot.save_analyses(rows, facts)
        if not stored:
            self._unsaved[0].extend(rows)
            self._unsaved[1].extend(facts)
        if digests and not (snapshot is not None and snapshot.save_digests(digests)):
            self._unsaved[2].extend(digests)
        self._rows, self._facts, self._digests = [], [], []

    def finish(self) -> None:
        """Store what is left (once the pool is done)."""
        self._save()

    def hand_over(self, analyses: StoredAnalyses, doc_ids: list[str]) -> None:
        """Give ``analyses`` (of the corpus's releases ``doc_ids``, in corpus order) what was
        made here: failures, rows not stored, and the columns when they cover the corpus."""
        analyses.failed.update(self.failed)
        rows, facts, digests = self._unsaved
        analyses.keep(rows, digests, facts)
        ordered, self._ordered = self._ordered, None
        if ordered is not None and all(doc_id in self.done for doc_id in doc_ids):
            analyses.offer_columns(doc_ids, ordered.finished())
