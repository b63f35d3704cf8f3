"""The registry of highlight kinds: every entity type and the other spans analysis finds.

One entry per kind. The model's type lists, the CLI's help, the reader's
styles, its legend and toggles (keys 1-N), the help screen and the entity
table all read this registry, so adding an entity type is one entry here
(plus the rules that find it).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of span the reader highlights."""

    name: str
    """As in JSON and settings (``person``)."""
    label: str
    """The legend's and help's name (``Person``)."""
    noun: str
    """What the entity table's Type column says (``organisation``)."""
    plural: str
    """For sentences that list kinds (``people``)."""
    style: str
    """Textual CSS declarations for the reader and legend. Only the theme's ``text-*``
    colours: each theme computes them to stay legible on its own background."""
    entity: bool
    """True for an entity type (listed by ``interpol-tui entities``)."""


KINDS: tuple[Kind, ...] = (
    Kind("person", "Person", "person", "people",
         "color: $text-warning; text-style: bold;", entity=True),
    Kind("organization", "Organisation", "organisation", "organisations",
         "color: $text-primary; text-style: bold;", entity=True),
    Kind("location", "Place", "place", "places",
         "color: $text-success; text-style: underline;", entity=True),
    Kind("operation", "Operation", "operation", "operations",
         "color: $text-accent; text-style: bold underline;", entity=True),
    Kind("figure", "Figure", "figure", "figures",
         "color: $text-error; text-style: bold;", entity=False),
    Kind("date", "Date", "date", "dates", "color: $text-secondary;", entity=False),
    # Seven kinds, six colours: the quote is told apart by italics and a faint tint.
    Kind("quote", "Quote", "quotation", "quotations",
         "text-style: italic; background: $primary 10%;", entity=False),
)  # fmt: skip
"""Every kind, in legend order (which is also the order of the toggle keys 1-N)."""

BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}

ENTITY_TYPES: tuple[str, ...] = tuple(kind.name for kind in KINDS if kind.entity)
"""Every entity type, in legend order (``analysis.model.EntityType``)."""
HIGHLIGHT_KINDS: tuple[str, ...] = tuple(kind.name for kind in KINDS)
"""Every kind of span the reader can highlight (the legend's entries), in legend order.

Here, not in ``analysis.model`` (which gives both too): the settings, the legend and the
reader need them before the first frame, the span classes only once a release's
analysis is read."""


def plural_list(entities_only: bool = True) -> str:
    """ "people, organisations, places and operations": the kinds as a phrase."""
    words = [k.plural for k in KINDS if k.entity or not entities_only]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def type_label(name: str) -> str:
    """How a table cell names kind ``name`` ("organisation", "place"): the app's and the
    CLI's plain tables say the same; JSON keeps the ``name`` (DESIGN.md's contract)."""
    kind = BY_NAME.get(name)
    return kind.noun if kind is not None else name
