"""What the across-release views need of one release, taken from its analysis once.

A :class:`ReleaseDigest` holds a release's quotations (on one line, with
speaker and role) and, for each entity it names, how often, where first, the
roles it states and the figures cited beside it; and the year its text
allows when it states no date. It is made where the release is analysed (a
worker process) and kept beside the analysis, so that the corpus-wide
quotation list and every entity's timeline are gathered from these small
rows without decoding a single analysis.

Plain data: no storage format here (``state/digests.py`` stores them).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from interpol_tui.analysis.chronology import infer_from_text
from interpol_tui.analysis.corpus_quotes import QuoteRow, quote_rows
from interpol_tui.analysis.model import DocumentAnalysis
from interpol_tui.analysis.timeline import MentionRow, mention_rows
from interpol_tui.corpus.model import Document

DIGEST_VERSION = 1
"""Bumped whenever what a digest holds changes; a stored digest of another version is remade."""


@dataclass(frozen=True, slots=True)
class ReleaseDigest:
    """A release's quotation and mention rows, and the year its text allows."""

    quotes: tuple[QuoteRow, ...] = ()
    mentions: tuple[MentionRow, ...] = ()
    text_year: str | None = None
    """The earliest year the text allows (used when the release states no date)."""
    text_year_evidence: str | None = None


def release_digest(doc_id: str, text: str, analysis: DocumentAnalysis) -> ReleaseDigest:
    """The digest of one analysed release (``text`` is its clean text)."""
    year = infer_from_text(
        Document(id=doc_id, path=Path(), title="", date=None, dateline=None, text=text)
    )
    return ReleaseDigest(
        quotes=tuple(quote_rows(analysis)),
        mentions=tuple(mention_rows(text, analysis)),
        text_year=year.iso,
        text_year_evidence=year.evidence,
    )
