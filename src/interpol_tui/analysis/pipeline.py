"""Analyse documents: one tokenised release through an ordered list of registered components.

Each component reads the release (its text, tokens and sentences) and what the
components before it found, and adds its spans or facts. Their order is their
priority: a number that a date or a period phrase has claimed is no figure
(the one overlap policy, :mod:`interpol_tui.analysis.overlap`). A new kind of
finding is one function and one line in :data:`COMPONENTS`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from interpol_tui.analysis.captions import caption_spans
from interpol_tui.analysis.dates import find_dates
from interpol_tui.analysis.entities import EntityResult, find_entities
from interpol_tui.analysis.figures import find_figures
from interpol_tui.analysis.headline import headline_of
from interpol_tui.analysis.model import DateSpan, DocumentAnalysis, Figure, Quote
from interpol_tui.analysis.names import OPERATION_HEADS
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


_NAMES_THAT_HOLD_NUMBERS = frozenset({"operation", "organization"})
"""Entity types whose names may hold a number that is no figure ("Operation 30 Days at Sea")."""


def _entities(release: ReleaseText, found: Found) -> None:
    found.entities = find_entities(release.text, release.tokens)
    for span in found.entities.spans:
        if span.type in _NAMES_THAT_HOLD_NUMBERS:
            found.claims.claim(span.start, span.end)


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


HEADLINE_COMPONENTS: tuple[Component, ...] = tuple(
    component
    for component in COMPONENTS
    if component.name in ("dates", "periods", "figures", "proportions", "factor counts")
)
"""What runs on a headline: its figures (and the dates and periods that are no figures)."""


def _run(text: str, components: tuple[Component, ...]) -> Found:
    release = ReleaseText(text, tokenize(text), SentenceIndex(text))
    found = Found(Claims(len(text)))
    for component in components:
        component.run(release, found)
    return found


def _zoned(figures: list[Figure], text: str) -> tuple[Figure, ...]:
    """Mark the figures printed in a photo caption (``zone == "caption"``)."""
    captions = caption_spans(text)
    if not captions:
        return tuple(figures)
    # Captions are paragraphs, in order and apart: the one that can hold a figure is
    # the last that starts at or before it.
    starts = [start for start, _end in captions]
    zoned = []
    for f in figures:
        index = bisect_right(starts, f.start) - 1
        in_caption = index >= 0 and f.start < captions[index][1]
        zoned.append(replace(f, zone="caption") if in_caption else f)
    return tuple(zoned)


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+")
_NAME_OPENERS = frozenset({"Operation", "Operations", *OPERATION_HEADS})
"""A word that opens a name: the capitalised word after it keeps its capital."""


def _sentence_case(title: str) -> str:
    """ "Police Seize 40 kg, Arrest 9 Suspects" read as "police seize 40 kg, arrest 9 suspects".

    A Title Case headline capitalises every word, which the body's rules read as
    a name ("Phase 2", "Storm Makers 2"); lower-casing the capitalised words (not
    acronyms such as USD) keeps every offset, since the length does not change.
    """
    words = re.findall(r"[A-Za-z]{4,}", title)
    capitalised = sum(word[0].isupper() and not word.isupper() for word in words)
    if len(words) < 3 or capitalised * 10 < len(words) * 6:
        return title
    folded = _CAPITALISED.sub(lambda m: _fold(title, m), title)
    return folded if len(folded) == len(title) else title


def _fold(title: str, match: re.Match[str]) -> str:
    """Lower-case a capitalised word, except a name's first word ("Operation Lionfish 4")."""
    before = title[: match.start()].split()
    if before and before[-1] in _NAME_OPENERS:
        return match.group()
    return match.group().lower()


def headline_figures(title: str) -> tuple[Figure, ...]:
    """The figures of a headline, ``zone == "headline"``; offsets point into ``title``."""
    if not title.strip():
        return ()
    found = _run(_sentence_case(title), HEADLINE_COMPONENTS)
    return tuple(
        replace(figure, zone="headline", text=title[figure.start : figure.end], sentence=title)
        for figure in found.figures
    )


def analyse_text(doc_id: str, text: str, title: str = "") -> DocumentAnalysis:
    """Analyse clean ``text`` (and its headline ``title``); spans point into them."""
    found = _run(text, COMPONENTS)
    return DocumentAnalysis(
        doc_id=doc_id,
        entities=found.entities.spans if found.entities is not None else (),
        figures=_zoned(found.figures, text),
        quotes=tuple(found.quotes),
        dates=tuple(found.dates),
        headline_figures=headline_figures(title) if title else (),
    )


def analyse_document(doc: Document) -> DocumentAnalysis:
    """Analyse one document: its body, and its headline as a zone of its own."""
    return analyse_text(doc.id, doc.text, headline_of(doc))


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
