"""Analyse documents: one tokenised release through an ordered list of registered components.

Each component reads the release (its text, tokens and sentences) and what the
components before it found, and adds its spans or facts. Their order is their
priority: a number that a date or a period phrase has claimed is no figure
(the one overlap policy, :mod:`interpol_tui.analysis.overlap`). A new kind of
finding is one function and one line in :data:`COMPONENTS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from interpol_tui.analysis.dates import find_dates
from interpol_tui.analysis.entities import EntityResult, find_entities
from interpol_tui.analysis.figures import find_figures
from interpol_tui.analysis.model import DateSpan, DocumentAnalysis, Figure, Quote
from interpol_tui.analysis.overlap import Claims
from interpol_tui.analysis.periods import Period, find_periods
from interpol_tui.analysis.proportions import fill_factor_counts, find_proportions
from interpol_tui.analysis.quotes import find_quotes
from interpol_tui.analysis.sentences import SentenceIndex
from interpol_tui.analysis.tokens import Token, tokenize
from interpol_tui.corpus.model import Corpus, Document


@dataclass(frozen=True, slots=True)
class ReleaseText:
    """A tokenised release: what every component reads."""

    text: str
    tokens: list[Token]
    sentences: SentenceIndex


@dataclass
class Found:
    """What the components have found in one release so far."""

    claims: Claims
    """Spans that later numeric components must not overlap (dates, period phrases, figures)."""
    dates: list[DateSpan] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    entities: EntityResult | None = None
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


def _dates(release: ReleaseText, found: Found) -> None:
    found.dates = find_dates(release.text)
    for date in found.dates:
        found.claims.claim(date.start, date.end)


def _periods(release: ReleaseText, found: Found) -> None:
    found.periods = find_periods(release.text)
    for period in found.periods:
        if period.counted:  # "the past 10 months": its number is no figure
            found.claims.claim(period.start, period.end)


def _entities(release: ReleaseText, found: Found) -> None:
    found.entities = find_entities(release.text, release.tokens)


def _figures(release: ReleaseText, found: Found) -> None:
    figures = find_figures(
        release.text, release.tokens, release.sentences, found.claims, found.periods
    )
    for figure in figures:
        found.claims.claim(figure.start, figure.end)
    found.figures = figures


def _proportions(release: ReleaseText, found: Found) -> None:
    proportions = find_proportions(release.text, release.tokens, release.sentences, found.claims)
    if proportions:
        found.figures = sorted(found.figures + proportions, key=lambda f: f.start)


def _factor_counts(release: ReleaseText, found: Found) -> None:
    found.figures = fill_factor_counts(found.figures, release.tokens)


def _quotes(release: ReleaseText, found: Found) -> None:
    assert found.entities is not None, "quotes come after entities"
    found.quotes = find_quotes(
        release.text, found.entities.spans, found.entities.people, release.sentences
    )


@dataclass(frozen=True, slots=True)
class Component:
    """One registered step of the pipeline."""

    name: str
    run: Callable[[ReleaseText, Found], None]


COMPONENTS: tuple[Component, ...] = (
    Component("dates", _dates),
    Component("periods", _periods),
    Component("entities", _entities),
    Component("figures", _figures),
    Component("proportions", _proportions),
    Component("factor counts", _factor_counts),
    Component("quotes", _quotes),
)
"""The components in the order they run, which is also their overlap priority."""


def analyse_text(doc_id: str, text: str) -> DocumentAnalysis:
    """Analyse clean ``text``; every span points into it."""
    release = ReleaseText(text, tokenize(text), SentenceIndex(text))
    found = Found(Claims(len(text)))
    for component in COMPONENTS:
        component.run(release, found)
    return DocumentAnalysis(
        doc_id=doc_id,
        entities=found.entities.spans if found.entities is not None else (),
        figures=tuple(found.figures),
        quotes=tuple(found.quotes),
        dates=tuple(found.dates),
    )


def analyse_document(doc: Document) -> DocumentAnalysis:
    """Analyse one document."""
    return analyse_text(doc.id, doc.text)


def analyse_corpus(
    corpus: Corpus,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, DocumentAnalysis]:
    """Analyse every document of ``corpus``; return doc id -> analysis.

    ``progress(done, total)`` is called after each document; when ``cancelled()``
    turns true the loop stops and returns what it has.
    """
    results: dict[str, DocumentAnalysis] = {}
    total = len(corpus.documents)
    for done, doc in enumerate(corpus.documents, start=1):
        if cancelled is not None and cancelled():
            break
        results[doc.id] = analyse_document(doc)
        if progress is not None:
            progress(done, total)
    return results
