"""The names a release's analysis found, as plain text for the full-text index.

``search/`` takes these strings and never imports analysis (DESIGN.md layers).
"""

from __future__ import annotations

from collections.abc import Iterable

from interpol_tui.analysis.model import DocumentAnalysis


def names_text(analysis: DocumentAnalysis) -> str:
    """The names a release mentions or quotes, canonical and as written, one per line."""
    names: dict[str, None] = {}
    for entity in analysis.entities:
        names[entity.canonical] = None
        names[entity.text] = None
        if entity.role:
            names[entity.role] = None
    for quote in analysis.quotes:
        if quote.speaker:
            names[quote.speaker] = None
    return "\n".join(name for name in names if name)


def names_by_doc(analyses: Iterable[DocumentAnalysis]) -> dict[str, str]:
    """Map each analysed doc id to its :func:`names_text`."""
    return {analysis.doc_id: names_text(analysis) for analysis in analyses}
