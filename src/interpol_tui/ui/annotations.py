"""What the reader draws and steps through, derived from a release's analysis.

Plain Python (no Textual) so that the rules for highlights, quotation groups,
citations and in-release find are tested without a terminal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final, NamedTuple

from interpol_tui.analysis.kinds import HIGHLIGHT_KINDS, KINDS
from interpol_tui.corpus.model import Document
from interpol_tui.corpus.sanitize import strip_controls

if TYPE_CHECKING:  # (the span classes: imported once an analysis is read, after start-up)
    from interpol_tui.analysis.model import DocumentAnalysis, EntitySpan, HighlightKind
    from interpol_tui.analysis.quotations import Quotation

KIND_LABELS: Final[dict[HighlightKind, str]] = {kind.name: kind.label for kind in KINDS}
"""How the legend and the help name each highlight kind (from the registry)."""

KIND_CSS: Final[dict[HighlightKind, str]] = {kind.name: kind.style for kind in KINDS}
"""The style rules of every kind, shared by the reader and its legend (from the registry)."""

UNDATED: Final = "undated"

__all__ = [
    "KIND_LABELS",
    "Highlight",
    "citation",
    "highlights_of",
    "release_text",
]


class Highlight(NamedTuple):
    """A span of the clean text drawn in the style of component class ``reader--<kind>``.

    A named tuple, not a dataclass: made before the first frame, a class costs a fifth
    of a dataclass's making (its methods are not compiled at import)."""

    start: int
    end: int
    kind: str


def highlights_of(analysis: DocumentAnalysis) -> list[Highlight]:
    """Every span of ``analysis`` as a highlight, sorted by start."""
    spans: list[Highlight] = [Highlight(e.start, e.end, e.type) for e in analysis.entities]
    spans += [Highlight(f.start, f.end, "figure") for f in analysis.figures]
    spans += [Highlight(d.start, d.end, "date") for d in analysis.dates]
    spans += [Highlight(q.start, q.end, "quote") for q in analysis.quotes]
    spans.sort(key=lambda h: (h.start, h.end))
    return spans


def kind_priority(kind: str) -> int:
    """Order in which overlapping kinds are painted: quotes first, so entities show on top."""
    try:
        return len(HIGHLIGHT_KINDS) - HIGHLIGHT_KINDS.index(kind)  # type: ignore[arg-type]
    except ValueError:
        return len(HIGHLIGHT_KINDS) + 1


def citation(quotation: Quotation, document: Document) -> str:
    """Format ``quotation`` for the clipboard: ``“<quote>” — <speaker>, <title> (<date>)``.

    Nothing is invented: an unknown speaker is left out (``“…” — <title> (<date>)``)
    and an unknown date drops the parentheses. A comma or other pause that ended
    the quote where the sentence went on ("…could prove fatal," said…) is dropped.
    """
    # (imported when a release's quotations are: not before the first frame)
    from interpol_tui.analysis.quotations import format_citation

    return strip_controls(
        format_citation(quotation.text, quotation.speaker, document.title, document.date)
    )


def release_text(document: Document) -> str:
    """The whole release as plain text: title, date and dateline, then the body."""
    meta = " · ".join(x for x in (document.date or UNDATED, document.dateline) if x)
    return strip_controls(f"{document.title}\n{meta}\n\n{document.text}\n")


def find_matches(text: str, query: str) -> list[tuple[int, int]]:
    """Offsets of every case-insensitive occurrence of ``query`` in ``text``.

    Whitespace in the query matches any run of whitespace, so a phrase is found
    across a line break; the query is never treated as a pattern.
    """
    words = query.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words), re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(text) if m.end() > m.start()]


def mentions_of(entity: EntitySpan, analysis: DocumentAnalysis) -> list[EntitySpan]:
    """Every mention in ``analysis`` of the same thing as ``entity`` (same type and canonical)."""
    return [
        e
        for e in analysis.entities
        if e.type == entity.type and e.canonical.casefold() == entity.canonical.casefold()
    ]


def releases_mentioning(
    entity: EntitySpan, analyses: Iterable[DocumentAnalysis]
) -> list[tuple[str, list[EntitySpan]]]:
    """Each release (doc id) that mentions ``entity``, with its mentions, in the given order."""
    found: list[tuple[str, list[EntitySpan]]] = []
    for analysis in analyses:
        mentions = mentions_of(entity, analysis)
        if mentions:
            found.append((analysis.doc_id, mentions))
    return found
