"""A small hand-written release and its analysis, for the reader's tests (no analysis engine)."""

from __future__ import annotations

from pathlib import Path

from interpol_tui.analysis.model import DateSpan, DocumentAnalysis, EntitySpan, Figure, Quote
from interpol_tui.corpus.model import Document

TEXT = (
    "LYON, France – Director Ana Ruiz of the Harbour Agency opened Operation Lantern "
    "on 3 May with 40 officers.\n\n"
    "“We will keep every port open to honest trade,” said Director Ruiz.\n\n"
    "“Smugglers adapt quickly.\n\n"
    "“So must we, and the Harbour Agency will,” she added in Lyon.\n\n"
    "A note in the file read [bold]x[/] and nothing more, and Ruiz left."
)
TITLE = "Harbour Agency opens Operation Lantern [red]now[/]"


def _span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return start, start + len(needle)


def entity(
    needle: str, type_: str, canonical: str, nth: int = 0, role: str | None = None
) -> EntitySpan:
    """An entity span over the ``nth`` occurrence of ``needle`` in :data:`TEXT`."""
    start, end = _span(TEXT, needle, nth)
    return EntitySpan(start, end, needle, type_, canonical, role)  # type: ignore[arg-type]


def quote(needle: str, speaker: str | None, group: int) -> Quote:
    """A quote span over ``needle``."""
    start, end = _span(TEXT, needle)
    return Quote(start, end, needle, speaker, group)


def document(date: str | None = "2024-05-03", doc_id: str = "harbour.txt") -> Document:
    """The hand-written release."""
    return Document(
        id=doc_id,
        path=Path(doc_id),
        title=TITLE,
        date=date,
        dateline="LYON, France",
        text=TEXT,
    )


def analysis(doc_id: str = "harbour.txt") -> DocumentAnalysis:
    """Entities, a figure, a date and three quotations (one over two paragraphs)."""
    entities = (
        entity("LYON", "location", "Lyon"),
        entity("France", "location", "France"),
        entity("Ana Ruiz", "person", "Ana Ruiz", role="Director"),
        entity("Harbour Agency", "organization", "Harbour Agency"),
        entity("Operation Lantern", "operation", "Operation Lantern"),
        entity("Ruiz", "person", "Ana Ruiz", nth=1),
        entity("Harbour Agency", "organization", "Harbour Agency", nth=1),
        entity("Lyon", "location", "Lyon"),
        entity("Ruiz", "person", "Ana Ruiz", nth=2),
    )
    start, end = _span(TEXT, "40 officers")
    figure = Figure(start, end, "40 officers", 40, None, None, "officers", TEXT[:105], 0)
    day_start, day_end = _span(TEXT, "3 May")
    return DocumentAnalysis(
        doc_id=doc_id,
        entities=tuple(sorted(entities, key=lambda e: e.start)),
        figures=(figure,),
        quotes=(
            quote("We will keep every port open to honest trade,", "Ana Ruiz", 1),
            quote("Smugglers adapt quickly.", "Ana Ruiz", 2),
            quote("So must we, and the Harbour Agency will,", "Ana Ruiz", 2),
        ),
        dates=(DateSpan(day_start, day_end, "3 May", None),),
    )
