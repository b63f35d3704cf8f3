"""The corpus data model: one immutable :class:`Document` per release."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Document:
    """One cleaned press release.

    ``text`` is the cleaned body; every annotation span elsewhere in the
    program points into it by character offsets.
    """

    id: str
    """Stable id: the path relative to the corpus root, with ``/`` separators; a
    record of a JSON Lines, JSON or CSV file adds ``#N`` (its number, or its id)."""
    path: Path
    title: str
    date: str | None
    """ISO ``YYYY-MM-DD`` (or ``YYYY-MM``/``YYYY`` when the text is that vague), or None."""
    dateline: str | None
    text: str
    warnings: tuple[str, ...] = ()
    title_source: str = "headline"
    """Where the title came from: ``headline``, ``caption``, ``first_sentence`` or
    ``filename``; or, where the file stated it, ``metadata`` (HTML), ``front_matter``
    or ``heading`` (Markdown), ``field`` (a record)."""
    sha256: str = ""
    """Hash of the raw file bytes (or, for formats read through a parser, of the
    clean text), used to key caches."""
    format: str = "text"
    """The format it was read from: ``text``, ``markdown``, ``html``, ``jsonl``, ``json``
    or ``csv`` (:data:`interpol_tui.corpus.formats.FORMATS`)."""
    url: str | None = None
    """The release's web address, where the file states one."""

    @property
    def chars(self) -> int:
        """Length of the clean text in characters."""
        return len(self.text)


@dataclass(frozen=True)
class Corpus:
    """The loaded releases of one or more corpus roots, plus what went wrong loading them."""

    documents: tuple[Document, ...]
    warnings: tuple[str, ...] = ()
    roots: tuple[Path, ...] = field(default_factory=tuple)
    _index: dict[str, Document] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # A dict built once: the UI looks documents up by id on every selection.
        object.__setattr__(self, "_index", {doc.id: doc for doc in self.documents})

    def __repr__(self) -> str:
        # Short: Textual's @work describes each worker by the repr of its
        # arguments, on the UI thread; the full form of 10,000 releases took seconds.
        return f"Corpus({len(self.documents):,} documents, {len(self.warnings):,} warnings)"

    def by_id(self, doc_id: str) -> Document | None:
        """Return the document with ``doc_id``, or None."""
        return self._index.get(doc_id)
