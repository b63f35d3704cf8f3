"""A name that ends a longer name of its release stands for it: "General Assembly" after
"INTERPOL General Assembly"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from interpol_tui.analysis.names import NAME_PREPOSITIONS


class Named(Protocol):
    """A labelled span whose canonical name may be linked to a longer one."""

    canonical: str

    @property
    def type(self) -> str:
        """The entity type."""

    @property
    def start(self) -> int:
        """Where the span starts in the text."""


def _tail(name: str) -> str:
    """What follows the last space: a name that ends another shares it with it."""
    return name.rsplit(" ", 1)[-1]


def link_suffixes(found: Sequence[Named], text: str) -> None:
    """Give each organisation or operation the one longer name of its kind it ends, if one.

    A longer form ends with " " and the name, so it ends with the name's last word:
    only the names of that last word are tried (the same answers as trying every name).
    """
    for kind in ("organization", "operation"):
        names = {f.canonical for f in found if f.type == kind}
        by_tail: dict[str, list[str]] = {}
        for name in names:
            by_tail.setdefault(_tail(name), []).append(name)
        for span in found:
            if span.type != kind:
                continue
            canonical = span.canonical
            longer = [
                n
                for n in by_tail.get(_tail(canonical), ())
                if n != canonical
                and n.endswith(" " + canonical)
                # "Directorate of INTERPOL" is no longer form of INTERPOL.
                and n[: -len(canonical) - 1].removesuffix(" the").rsplit(" ", 1)[-1]
                not in NAME_PREPOSITIONS
            ]
            # "Brazil’s Federal Police" is not the Australian Federal Police.
            owned = text[max(0, span.start - 3) : span.start] in ("’s ", "'s ")
            if len(longer) == 1 and not owned:
                span.canonical = longer[0]
