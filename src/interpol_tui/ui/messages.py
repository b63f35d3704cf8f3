"""Messages that widgets post upward; the main screen decides what happens next."""

from __future__ import annotations

from textual.message import Message

from interpol_tui.corpus.model import Corpus


class DocumentHighlighted(Message):
    """The cursor in the document list moved onto a release."""

    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id
        super().__init__()


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
