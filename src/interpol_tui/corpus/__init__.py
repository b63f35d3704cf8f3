"""Files to cleaned :class:`Document` objects: model, loader, cleaner (no Textual here)."""

from interpol_tui.corpus.model import Corpus, Document

__all__ = ["Corpus", "Document"]
