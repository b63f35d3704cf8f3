"""Releases whose clean text stays in the corpus snapshot until something reads it.

A :class:`StoredDocument` is a :class:`Document` in every way that matters to
the rest of the program, but its ``text`` is fetched from the snapshot (a
few recent ones kept), so that a 100,000-release corpus lists its titles
without holding every text in memory, and no text is held twice.
"""

from __future__ import annotations

import itertools
import json
import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from interpol_tui.corpus.model import Document
from interpol_tui.state.jsonio import parse_json
from interpol_tui.state.snapshot import CorpusSnapshot, FileRecord

if TYPE_CHECKING:  # imported when facts are made: the listing read at start-up needs none
    from interpol_tui.analysis.fact_columns import FactColumns
    from interpol_tui.analysis.model import DocumentAnalysis
    from interpol_tui.analysis.release_facts import ReleaseFacts

Row = tuple[str, str, bytes]
"""(doc id, file hash, stored form) of an analysis or a digest."""
RECENT_TEXTS = 64
"""Texts kept in memory after being read (the reader asks for its text on every line)."""
RECENT_ANALYSES = 64
"""Analyses kept decoded after being read."""
FACTS_BATCH = 500
"""Facts rows made from stored analyses written per transaction."""
READ_BATCH = 500
"""Releases whose stored rows are read per query: the facts or digests of 100,000 releases
(a few hundred MB compressed) are never all in memory at once."""


def _batches(doc_ids: Sequence[str]) -> Iterator[Sequence[str]]:
    """``doc_ids`` in slices of :data:`READ_BATCH`, in order."""
    for start in range(0, len(doc_ids), READ_BATCH):
        yield doc_ids[start : start + READ_BATCH]


class SnapshotTexts:
    """Clean texts read from a snapshot, the most recent kept; the file itself as a fallback."""

    def __init__(
        self, snapshot: CorpusSnapshot, reread: Callable[[str], str | None] | None = None
    ) -> None:
        self.snapshot = snapshot
        self._reread = reread
        self._recent: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()

    def text(self, doc_id: str) -> str:
        """The clean text of ``doc_id`` (empty if neither the snapshot nor the file has it)."""
        with self._lock:
            found = self._recent.get(doc_id)
            if found is not None:
                self._recent.move_to_end(doc_id)
                return found
        text = self.snapshot.text(doc_id)
        if text is None and self._reread is not None:
            text = self._reread(doc_id)  # the snapshot was removed or damaged meanwhile
        if text is None:
            return ""
        with self._lock:
            self._recent[doc_id] = text
            while len(self._recent) > RECENT_TEXTS:
                self._recent.popitem(last=False)
        return text


class StoredDocument(Document):
    """A release listed from its snapshot record; its text is read when first needed."""

    __slots__ = ("_chars", "_path", "_texts")

    def __init__(self, record: FileRecord, texts: SnapshotTexts, path: Path | None = None) -> None:
        # Not Document.__init__: it would assign ``text``, which is read here instead.
        values = {
            "id": record.doc_id,
            "_path": path if path is not None else record.path,
            "title": record.title,
            "date": record.date,
            "dateline": record.dateline,
            "warnings": record.warnings,
            "title_source": record.title_source,
            "sha256": record.sha256,
            "format": record.format,
            "url": record.url,
            "_chars": record.chars,
            "_texts": texts,
        }
        for name, value in values.items():
            object.__setattr__(self, name, value)

    @property  # type: ignore[override]
    def path(self) -> Path:
        """The release's file (made a Path when first asked: listing 100,000 needs none)."""
        path: Path | str = object.__getattribute__(self, "_path")
        if isinstance(path, str):
            path = Path(path)
            object.__setattr__(self, "_path", path)
        return path

    @property  # type: ignore[override]
    def text(self) -> str:
        """The clean text, from the snapshot."""
        texts: SnapshotTexts = object.__getattribute__(self, "_texts")
        return texts.text(self.id)

    @property
    def chars(self) -> int:
        """Length of the clean text, known without reading it."""
        chars: int = object.__getattribute__(self, "_chars")
        return chars

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Document):
            return NotImplemented
        return (self.id, self.path, self.sha256, self.chars) == (
            other.id,
            other.path,
            other.sha256,
            other.chars,
        )

    def __hash__(self) -> int:
        return hash((self.id, self.sha256))

    def __repr__(self) -> str:
        return f"StoredDocument(id={self.id!r}, title={self.title!r}, chars={self.chars})"


def encode_analysis(analysis: DocumentAnalysis, text: str) -> bytes:
    """The stored form of an analysis: the codec's JSON, compressed."""
    from interpol_tui.state import codec  # (not before the first frame: the listing needs none)

    data = json.dumps(codec.encode(analysis, text), ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(data.encode("utf-8"), 1)


def decode_analysis(doc_id: str, data: bytes, text: str) -> DocumentAnalysis | None:
    """Rebuild a stored analysis, or None when the data cannot be trusted."""
    from interpol_tui.state import codec

    try:
        # Bounded like every state file: deep nesting or huge numbers are damage.
        parsed = parse_json(zlib.decompress(data), check_numbers=False)
        return codec.decode(doc_id, parsed, text)
    except (zlib.error, ValueError, codec.CodecError):
        return None


class StoredAnalyses(Mapping[str, "DocumentAnalysis"]):  # (a name: not imported before it is used)
    """Doc id -> analysis, each decoded from the snapshot when asked for (recent ones kept).

    Analyses that could not be stored (no usable snapshot) are kept compressed
    in memory; one whose stored form is damaged is made again on the spot.
    """

    def __init__(self, documents: Sequence[Document], snapshot: CorpusSnapshot | None) -> None:
        self._documents = {document.id: document for document in documents}
        self._snapshot = snapshot
        self._memory: dict[str, bytes] = {}
        self._memory_facts: dict[str, bytes] = {}
        self._digests: dict[str, tuple[str, bytes]] = {}
        """Digests that could not be stored (no usable snapshot), by doc id."""
        self.failed: set[str] = set()
        """Releases whose analysis raised: they have an empty analysis."""
        self._recent: OrderedDict[str, DocumentAnalysis] = OrderedDict()
        self._lock = threading.Lock()
        self._made_columns: tuple[list[str], FactColumns] | None = None

    def offer_columns(self, doc_ids: list[str], columns: FactColumns | None) -> None:
        """Fact columns of ``doc_ids`` made as they were analysed, for one
        :meth:`fact_columns` call to take instead of reading the rows back."""
        self._made_columns = (doc_ids, columns) if columns is not None else None

    def keep(
        self,
        rows: list[Row],
        digests: list[Row] | None = None,
        facts: list[Row] | None = None,
    ) -> None:
        """Store freshly made (doc id, file hash, stored form) rows, their digests and their
        facts (:mod:`~interpol_tui.state.fact_rows`), then empty the lists."""
        if digests:
            self.keep_digests(digests)
        facts = facts if facts is not None else []
        if not rows and not facts:
            return
        if self._snapshot is None or not self._snapshot.save_analyses(rows, facts):
            self._memory.update((doc_id, data) for doc_id, _, data in rows)
            self._memory_facts.update((doc_id, data) for doc_id, _, data in facts)
        rows.clear()
        facts.clear()

    def release_facts(
        self, doc_ids: Sequence[str], cancelled: Callable[[], bool] | None = None
    ) -> dict[str, ReleaseFacts]:
        """Each release's facts, read from their compact rows; missing ones made and stored.

        A release whose facts were not stored (an older snapshot, a damaged
        row) has them made from its analysis, which reads its text.
        """
        from interpol_tui.analysis.release_facts import release_facts
        from interpol_tui.state.fact_rows import decode_facts, encode_facts

        known = self._documents
        wanted = {doc_id: known[doc_id] for doc_id in doc_ids if doc_id in known}
        found: dict[str, ReleaseFacts] = {}
        stored = self._snapshot.facts() if self._snapshot is not None else iter(())
        rows = [*((d, self._documents[d].sha256, b) for d, b in self._memory_facts.items())]
        for doc_id, sha, data in itertools.chain(rows, stored):
            document = wanted.get(doc_id)
            if document is None or sha != document.sha256 or doc_id in found:
                continue
            facts = decode_facts(doc_id, data)
            if facts is not None:
                found[doc_id] = facts
        made: list[tuple[str, str, bytes]] = []
        for doc_id, document in wanted.items():
            if cancelled is not None and cancelled():
                break
            if doc_id in found or doc_id in self.failed:
                continue
            facts = release_facts(doc_id, document.title, document.text, self[doc_id])
            found[doc_id] = facts
            made.append((doc_id, document.sha256, encode_facts(facts)))
            if len(made) >= FACTS_BATCH:
                self.keep([], facts=made)
        self.keep([], facts=made)
        return {doc_id: found[doc_id] for doc_id in wanted if doc_id in found}

    def fact_columns(
        self, doc_ids: Sequence[str], cancelled: Callable[[], bool] | None = None
    ) -> FactColumns:
        """What :meth:`release_facts` gives, added to columns in the order of ``doc_ids``.

        The stored rows are kept compressed until their release's turn, so
        that the facts of 100,000 releases never exist as objects at once.
        """
        ready, self._made_columns = self._made_columns, None
        if ready is not None and ready[0] == list(doc_ids):
            return ready[1]  # taken once: statistics change them (entity counts dropped)
        # Imported here: the listing read at start-up needs none of this.
        from interpol_tui.analysis.fact_columns import FactColumns
        from interpol_tui.analysis.release_facts import release_facts
        from interpol_tui.state.fact_rows import decode_into, encode_facts

        known = self._documents
        wanted = {doc_id: known[doc_id] for doc_id in doc_ids if doc_id in known}
        columns = FactColumns()
        made: list[tuple[str, str, bytes]] = []
        for batch in _batches(list(wanted)):
            stored_rows = self._stored_rows(batch, wanted)
            for doc_id in batch:
                if any(decode_into(columns, doc_id, data) for data in stored_rows.pop(doc_id, ())):
                    continue
                if (cancelled is not None and cancelled()) or doc_id in self.failed:
                    continue
                document = wanted[doc_id]
                facts = release_facts(doc_id, document.title, document.text, self[doc_id])
                columns.add_release_facts(doc_id, facts.facts, facts.entities)
                made.append((doc_id, document.sha256, encode_facts(facts)))
                if len(made) >= FACTS_BATCH:
                    self.keep([], facts=made)
        self.keep([], facts=made)
        columns.seal()
        return columns

    def _stored_rows(
        self, batch: Sequence[str], wanted: Mapping[str, Document]
    ) -> dict[str, list[bytes]]:
        """The stored facts rows of ``batch`` made from their current files, by doc id."""
        stored = self._snapshot.facts(batch) if self._snapshot is not None else iter(())
        memory = self._memory_facts
        rows = [(d, wanted[d].sha256, memory[d]) for d in batch if d in memory]
        found: dict[str, list[bytes]] = {}
        for doc_id, sha, data in itertools.chain(rows, stored):
            document = wanted.get(doc_id)
            if document is not None and sha == document.sha256:
                found.setdefault(doc_id, []).append(data)
        return found

    def keep_digests(self, rows: list[Row]) -> None:
        """Store (doc id, file hash, encoded digest) rows, then empty ``rows``."""
        if self._snapshot is None or not self._snapshot.save_digests(rows):
            self._digests.update((doc_id, (sha, data)) for doc_id, sha, data in rows)
        rows.clear()

    def stored_digests(self, doc_ids: Sequence[str] = ()) -> dict[str, bytes]:
        """The encoded digest of each release (of ``doc_ids``, else of all) that has one made
        from its current file."""
        found = self._snapshot.digests(doc_ids) if self._snapshot is not None else {}
        kept = self._digests
        found.update({d: kept[d] for d in doc_ids if d in kept} if doc_ids else kept)
        return {
            doc_id: data
            for doc_id, (sha, data) in found.items()
            if (document := self._documents.get(doc_id)) is not None
            and document.sha256
            and sha == document.sha256
            and doc_id not in self.failed
        }

    def __getitem__(self, doc_id: str) -> DocumentAnalysis:
        document = self._documents[doc_id]
        with self._lock:
            found = self._recent.get(doc_id)
            if found is not None:
                self._recent.move_to_end(doc_id)
                return found
        found = self._load(document)
        with self._lock:
            self._recent[doc_id] = found
            while len(self._recent) > RECENT_ANALYSES:
                self._recent.popitem(last=False)
        return found

    def _load(self, document: Document) -> DocumentAnalysis:
        from interpol_tui.analysis.model import DocumentAnalysis

        if document.id in self.failed:
            return DocumentAnalysis(document.id)
        data = self._memory.get(document.id)
        if data is None and self._snapshot is not None:
            data = self._snapshot.analysis_data(document.id, document.sha256)
        found = decode_analysis(document.id, data, document.text) if data else None
        if found is None:  # damaged or lost since it was stored: made again, here
            from interpol_tui.analysis.pipeline import analyse_document

            try:
                found = analyse_document(document)
            except Exception:  # the same bug the worker met: an empty analysis
                self.failed.add(document.id)
                return DocumentAnalysis(document.id)
            # Stored again, so that the next run trusts the row instead of remaking it.
            self.keep([(document.id, document.sha256, encode_analysis(found, document.text))])
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._documents)

    def __contains__(self, doc_id: object) -> bool:
        # Mapping's own would decode the analysis just to say it is there.
        return doc_id in self._documents

    def __len__(self) -> int:
        return len(self._documents)
