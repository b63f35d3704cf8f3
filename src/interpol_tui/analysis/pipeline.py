"""Analyse documents: entities, dates, figures and quotations for each release."""

from __future__ import annotations

from collections.abc import Callable

from interpol_tui.analysis.dates import find_dates
from interpol_tui.analysis.entities import find_entities
from interpol_tui.analysis.figures import find_figures
from interpol_tui.analysis.model import DocumentAnalysis
from interpol_tui.analysis.periods import find_periods
from interpol_tui.analysis.proportions import fill_factor_counts, find_proportions
from interpol_tui.analysis.quotes import find_quotes
from interpol_tui.analysis.sentences import SentenceIndex
from interpol_tui.analysis.tokens import tokenize
from interpol_tui.corpus.model import Corpus, Document


def analyse_text(doc_id: str, text: str) -> DocumentAnalysis:
    """Analyse clean ``text``; every span points into it."""
    tokens = tokenize(text)
    sentences = SentenceIndex(text)
    dates = find_dates(text)
    entities = find_entities(text, tokens)
    periods = find_periods(text)
    # Numbers inside dates and period phrases ("the past 10 months") are not figures.
    excluded = [(d.start, d.end) for d in dates]
    excluded += [(p.start, p.end) for p in periods if p.counted]
    figures = find_figures(text, tokens, sentences, excluded, periods)
    taken = excluded + [(f.start, f.end) for f in figures]
    proportions = find_proportions(text, tokens, sentences, taken)
    if proportions:
        figures = sorted(figures + proportions, key=lambda f: f.start)
    figures = fill_factor_counts(figures, tokens)
    quotes = find_quotes(text, entities.spans, entities.people, sentences)
    return DocumentAnalysis(
        doc_id=doc_id,
        entities=entities.spans,
        figures=tuple(figures),
        quotes=tuple(quotes),
        dates=tuple(dates),
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
