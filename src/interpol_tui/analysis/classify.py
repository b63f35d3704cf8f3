"""Decide what a run of name words is: organisation, operation, place, person or a document."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from interpol_tui.analysis.dates import NUMBER_LABELS
from interpol_tui.analysis.lexicons import CURRENCY_WORDS, ROLE_PLURALS, ROMAN_NUMERALS
from interpol_tui.analysis.model import ENTITY_TYPES, EntityType
from interpol_tui.analysis.names import (
    BODY_WORDS,
    DOCUMENT_HEADS,
    EVENT_HEADS,
    LEADING_PLACE_WORDS,
    NAME_PARTICLES,
    NAME_PREPOSITIONS,
    OPERATION_HEADS,
    ORG_HEADS,
    ORG_LEADING_HEADS,
    TITLE_FIRST_WORDS,
    TITLED_PREPOSITIONS,
    TOPIC_WORDS,
    VENUE_WORDS,
    WEEKDAYS_MONTHS,
)
from interpol_tui.analysis.organisations import ORGANISATION_ALIASES, expand_canonical
from interpol_tui.analysis.places import lookup_place
from interpol_tui.analysis.quick_init import quick_init

_AGENCY_PROGRAMMES = frozenset({"Programme", "Program"})
_ENTITY_TYPES: dict[str, EntityType] = {kind: kind for kind in ENTITY_TYPES}
Table = Literal["acronyms", "operations", "organisations"]
"""The tables of names a release teaches its :class:`Lexicon`."""
DOCUMENT = "document"
"""Not an entity: the name of a resolution or declaration ("Vienna Declaration")."""
CURRENCY = "currency"
"""Not an entity: a currency named by its country ("US Dollar"), which is no place mention."""
NO_PLACE_INSIDE = frozenset({DOCUMENT, CURRENCY})
_CURRENCY_NAMES = frozenset(word.title() for word in CURRENCY_WORDS)
_CENTRES = frozenset({"Centre", "Center"})
"""Labels of names whose places are not mentioned as places."""


@quick_init
@dataclass(frozen=True, slots=True)
class Label:
    """What a name is and the canonical name every mention of it shares."""

    type: EntityType | str
    canonical: str

    @property
    def entity(self) -> EntityType | None:
        """The entity type, or None for a name that is no entity (a document's)."""
        return _ENTITY_TYPES.get(self.type)


def head_word(words: list[str]) -> str:
    """The head of a name: the last word before its first connector ("Agenda for ...")."""
    for index, word in enumerate(words):
        if index and (word in NAME_PREPOSITIONS or word in TITLED_PREPOSITIONS):
            return words[index - 1]
    return words[-1]


def names_no_body(words: list[str]) -> bool:
    """True for a long form that names a crime area or an event, not a body: "Trafficking in
    Human Beings", "Joint Action Day" (what an acronym defined for it stands for)."""
    return bool(TOPIC_WORDS.intersection(words)) or words[-1] in EVENT_HEADS


def is_name_like(words: list[str]) -> bool:
    """True when ``words`` can be a person's name (no organisation, programme or title words)."""
    if not words or len(words) > 5:
        return False
    for word in words:
        if word.islower() and word not in NAME_PARTICLES:
            return False
        if (
            word in ORG_HEADS
            or word in OPERATION_HEADS
            or word in DOCUMENT_HEADS
            or word in WEEKDAYS_MONTHS
            or word in ORGANISATION_ALIASES
            or (word.isupper() and len(word) > 2 and word not in ROMAN_NUMERALS)
        ):
            return False
    if words[0].lower() in NUMBER_LABELS:
        return False  # "Chapter VII", "Phase II": a label and its number
    if words[-1].lower() in ROLE_PLURALS:
        return False  # "Enforcement Officers", "National Members": a group, not a name
    return not (len(words) == 1 and words[0] in TITLE_FIRST_WORDS)


class Lexicon:
    """The names a release has taught so far: acronyms, operations, organisations."""

    def __init__(self) -> None:
        self.acronyms: dict[str, str] = {}
        """Acronym -> the long form the text defines ("NCBs" -> "National Central Bureaus")."""
        self.organisations: dict[str, str] = {}
        """Folded name -> canonical, for organisations seen in this release."""
        self.operations: dict[str, str] = {}
        """Folded name (or alias) -> canonical, for operations and programmes."""
        # Answers by name, one table for names read in capitals and one for the rest
        # (a key of the name alone: no tuple to make and hash for each of ~200 look-ups).
        self._cache: dict[str, Label | None] = {}
        self._cache_caps: dict[str, Label | None] = {}
        self._tables: dict[Table, dict[str, str]] = {
            "acronyms": self.acronyms,
            "operations": self.operations,
            "organisations": self.organisations,
        }

    def learn(self, table: Table, name: str, canonical: str, replace: bool = False) -> None:
        """Remember ``name`` in ``table`` (``acronyms``, ``operations``, ``organisations``).

        Acronyms are kept as written; other names are folded. The first
        definition wins unless ``replace``.
        """
        entries = self._tables[table]
        key = name if table == "acronyms" else name.casefold()
        if (replace or key not in entries) and entries.get(key) != canonical:
            entries[key] = canonical
            self._cache.clear()  # answers may change with what was learnt
            self._cache_caps.clear()

    def classify(self, words: list[str], all_caps: bool = False) -> Label | None:
        """Return the label of ``words`` as one name, or None (answers are cached)."""
        return self.classify_name(" ".join(words), words, all_caps)

    def classify_name(self, name: str, words: list[str], all_caps: bool) -> Label | None:
        """:meth:`classify` for a caller that has joined ``words`` into ``name`` already."""
        cache = self._cache_caps if all_caps else self._cache
        label = cache.get(name, _UNKNOWN)
        if label is _UNKNOWN:
            # Names the release taught first, then what the words themselves say.
            label = cache[name] = self._known(name) or _by_words(tuple(words), all_caps)
        return label

    def _known(self, name: str) -> Label | None:
        """A name every release knows, or one this release has defined or used."""
        folded = name.casefold()
        if name in ORGANISATION_ALIASES:
            return Label("organization", ORGANISATION_ALIASES[name])
        if name in self.acronyms:
            long_form = self.acronyms[name]
            label = self.classify(long_form.split(" "))
            return label or Label("organization", long_form)
        if folded in self.operations:
            return Label("operation", self.operations[folded])
        if folded in self.organisations:
            return Label("organization", self.organisations[folded])
        return None


_UNKNOWN = Label("", "")
"""Marks a name not classified yet (None is an answer: "no entity")."""


@lru_cache(maxsize=65536)
def _by_words(words: tuple[str, ...], all_caps: bool) -> Label | None:
    """What the words of a name say by themselves: the same in every release, so cached."""
    listed, name = list(words), " ".join(words)
    return (
        _by_leading_word(listed, name)
        or _by_head(listed, name)
        or _as_place(name, len(words), all_caps)
    )


_OPERATION_LEADS = frozenset({"Operation", "Operations"})
_PROGRAMME_LEADS = frozenset({"Project", "Programme", "Program", "Initiative"})


def _by_leading_word(words: list[str], name: str) -> Label | None:
    """ "Operation Pangea", "Project Stadia": a name its first word makes an operation."""
    if len(words) < 2:
        return None
    if words[0] in _OPERATION_LEADS:
        return Label("operation", "Operation " + " ".join(words[1:]))
    if words[0] in _PROGRAMME_LEADS:
        return Label("operation", name)
    return None


def _by_head(words: list[str], name: str) -> Label | None:
    """A document, programme or body by its head word ("Vienna Declaration", "... Unit")."""
    if len(words) < 2:
        return None
    head = head_word(words)
    if head in DOCUMENT_HEADS:
        return Label(DOCUMENT, name)
    if words[0] in LEADING_PLACE_WORDS or head in _CENTRES or words[-1] in _CURRENCY_NAMES:
        place = _by_construction(words, name, head)
        if place is not None:
            return place
    if len(words) > 2 and head in _AGENCY_PROGRAMMES and words[0] in ("United", "UN"):
        # "United Nations Environment Programme": a UN programme is an agency.
        return Label("organization", expand_canonical(name))
    if head in OPERATION_HEADS:
        return Label("operation", name)
    body = (
        head in ORG_HEADS
        or (words[0] in ORG_LEADING_HEADS and words[1] == "of")
        or words[0] in BODY_WORDS  # "Guardia Civil": the head noun comes first
    )
    # "Chief Police" is no body: a title before the head.
    titled = len(words) == 2 and words[0] in TITLE_FIRST_WORDS and head == "Police"
    if body and not titled:
        return Label("organization", expand_canonical(name))
    return None


def _by_construction(words: list[str], name: str, head: str) -> Label | None:
    """ "Port of Callao", "the Press Centre": places; "US Dollar": a currency."""
    if words[0] in LEADING_PLACE_WORDS and words[1] == "of" and words[-1] not in ORG_HEADS:
        return Label("location", name)
    if head in _CENTRES and words[-2] in VENUE_WORDS:
        return Label("location", name)
    if words[-1] in _CURRENCY_NAMES and lookup_place(" ".join(words[:-1])) is not None:
        return Label(CURRENCY, name)
    return None


def _as_place(name: str, length: int, all_caps: bool) -> Label | None:
    """A country, city or region the gazetteer knows (an all-capitals word only in capitals;
    a name of three letters only in capitals too: "Us" and "Uk" are no "US" and "UK")."""
    if length == 1 and len(name) <= 3 and not name.isupper():
        return None
    if length <= 6 and (all_caps or not name.isupper() or len(name) <= 4):
        place = lookup_place(name)
        if place is not None:
            return Label("location", place[0])
    return None
