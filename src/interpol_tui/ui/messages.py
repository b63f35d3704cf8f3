"""Messages that widgets post upward; the main screen decides what happens next."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual.message import Message

from interpol_tui.corpus.model import Corpus

if TYPE_CHECKING:  # the span classes are imported once an analysis is read, after start-up
    from interpol_tui.analysis.model import DocumentAnalysis, EntitySpan


class DocumentHighlighted(Message):
    """The cursor in the document list moved onto a release."""

    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id
        super().__init__()

    def can_replace(self, message: Message) -> bool:
        """A later move of the cursor, still queued, makes this one moot (only it is drawn)."""
        return isinstance(message, DocumentHighlighted)


class DocumentSelected(Message):
    """The user chose a release to read (``enter`` in the list, quick-open, a link)."""

    def __init__(self, doc_id: str, offset: int | None = None) -> None:
        self.doc_id = doc_id
        self.offset = offset
        """Character offset in the clean text to bring into view, if any."""
        super().__init__()


class CorpusLoaded(Message):
    """A loading worker finished reading the corpus."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        super().__init__()


class LoadProgress(Message):
    """A loading worker read ``done`` of ``total`` files."""

    def __init__(self, done: int, total: int) -> None:
        self.done = done
        self.total = total
        super().__init__()

    def can_replace(self, message: Message) -> bool:
        """Only the newest progress report matters."""
        return isinstance(message, LoadProgress)


class AnalysisProgress(Message):
    """The analysis worker analysed ``done`` of ``total`` releases."""

    def __init__(self, done: int, total: int) -> None:
        self.done = done
        self.total = total
        super().__init__()

    def can_replace(self, message: Message) -> bool:
        """Only the newest progress report matters."""
        return isinstance(message, AnalysisProgress)


class AnalysisReady(Message):
    """The analysis worker finished: the spans of every release, by document id."""

    def __init__(self, analyses: Mapping[str, DocumentAnalysis]) -> None:
        self.analyses = analyses
        super().__init__()


class EntityCardRequested(Message):
    """The reader asks for the card of ``entity`` (a mention in release ``doc_id``)."""

    def __init__(self, doc_id: str, entity: EntitySpan) -> None:
        self.doc_id = doc_id
        self.entity = entity
        super().__init__()


class FigureChosen(Message):
    """The user chose a figure in the statistics pane: read it in its release."""

    def __init__(self, doc_id: str, offset: int, start: int, end: int) -> None:
        self.doc_id = doc_id
        self.offset = offset
        """Start of the figure's sentence in the clean text (brought into view)."""
        self.start = start
        self.end = end
        """The figure's own span."""
        super().__init__()


class EntityChosen(Message):
    """The user chose an entity in the statistics pane: list the releases that mention it."""

    def __init__(self, name: str | None, doc_ids: frozenset[str] | None) -> None:
        self.name = name
        """The entity's canonical name, or None to show every release again."""
        self.doc_ids = doc_ids
        super().__init__()
