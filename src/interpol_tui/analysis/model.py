"""Annotation spans produced by analysis; each points into ``Document.text`` by offsets.

Every span satisfies ``document.text[span.start:span.end] == span.text``. The
UI renders these spans and never re-parses text.
"""

from __future__ import annotations

from dataclasses import dataclass

from interpol_tui.analysis.kinds import ENTITY_TYPES as ENTITY_TYPES
from interpol_tui.analysis.kinds import HIGHLIGHT_KINDS as HIGHLIGHT_KINDS
from interpol_tui.analysis.quick_init import quick_init

EntityType = str
"""One of :data:`ENTITY_TYPES` (declared in the registry, ``analysis/kinds.py``)."""

HighlightKind = str
"""One of :data:`HIGHLIGHT_KINDS` (declared in the registry, ``analysis/kinds.py``)."""


@quick_init
@dataclass(frozen=True, slots=True)
class EntitySpan:
    """A mention of a person, organisation, place or operation."""

    start: int
    end: int
    text: str
    type: EntityType
    canonical: str
    """The name every mention of the same thing shares ("Jürgen Stock", "United Nations")."""
    role: str | None = None
    """For people: the title folded out of the name ("Secretary General")."""


@quick_init
@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date or year used as a date ("22 March", "July 2015", "In 2017")."""

    start: int
    end: int
    text: str
    iso: str | None
    """Normalised form where one can be given: ``2015-07``, ``2017``."""


FIGURE_ZONES: tuple[str, ...] = ("body", "headline", "caption")
"""Where a figure is printed: the running text, the headline, or a photo caption."""


@quick_init
@dataclass(frozen=True, slots=True)
class Figure:
    """A numeric figure cited in the text ("nearly eight billion times")."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None
    """Currency or unit ("USD", "%"), or None for plain counts."""
    qualifier: str | None
    """"nearly", "more than", "over", "some", "about", "up to"… or None."""
    counts: str
    """What is counted, as a short canonical noun phrase ("member countries")."""
    sentence: str
    sentence_start: int
    """Offset of ``sentence`` in the clean text (to scroll the reader to it)."""
    period: str | None = None
    """The period the text gives ("2023", "past 10 months"), or None."""
    kind: str = "count"
    """``count``, ``money``, ``percent``, ``factor``, ``duration``…"""
    low: float | None = None
    """A range's lower end ("between EUR 3,000 and EUR 6,000": 3000; ``value`` is 6000)."""
    zone: str = "body"
    """Where it is printed: one of :data:`FIGURE_ZONES`. A ``headline`` figure's
    offsets point into ``Document.title`` (and its sentence is the title); the
    others point into ``Document.text``."""


@quick_init
@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted passage (without its quote marks) and who said it."""

    start: int
    end: int
    text: str
    speaker: str | None
    """Canonical name of the speaker, or None when the text does not say."""
    group: int = 0
    """Paragraphs of one multi-paragraph quotation share a group number."""


@dataclass(frozen=True, slots=True)
class DocumentAnalysis:
    """Everything analysis found in one document, each list sorted by ``start``."""

    doc_id: str
    entities: tuple[EntitySpan, ...] = ()
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateSpan, ...] = ()
    headline_figures: tuple[Figure, ...] = ()
    """Figures of the headline (``zone == "headline"``); offsets into ``Document.title``."""
