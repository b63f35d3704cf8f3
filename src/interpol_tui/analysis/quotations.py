"""A quotation as readers count it: one or more quoted paragraphs that one speaker says.

Analysis finds quoted passages paragraph by paragraph and gives the paragraphs
of one multi-paragraph quotation a shared ``group`` number. The reader, its
quotations panel, ``y`` and the ``quotes`` command all count and show
quotations through :func:`quotations_of`, so they agree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (the reader imports this module before its first frame; no Quote made here)
    from interpol_tui.analysis.model import Quote


@dataclass(frozen=True, slots=True)
class Quotation:
    """One quotation as a reader sees it: one or more quoted paragraphs and their speaker."""

    parts: tuple[Quote, ...]

    @property
    def start(self) -> int:
        """Offset of the first quoted character."""
        return self.parts[0].start

    @property
    def end(self) -> int:
        """Offset just past the last quoted character."""
        return self.parts[-1].end

    @property
    def speaker(self) -> str | None:
        """The canonical speaker, if analysis found one for any paragraph."""
        return next((part.speaker for part in self.parts if part.speaker), None)

    @property
    def text(self) -> str:
        """The quoted words on one line (paragraphs joined by a space)."""
        return " ".join(" ".join(part.text.split()) for part in self.parts)


def quotations_of(quotes: Sequence[Quote]) -> list[Quotation]:
    """Group quoted paragraphs into quotations.

    Consecutive quotes that share a ``group`` number are one quotation that
    runs over several paragraphs (analysis numbers quotations 0, 1, 2… per release).
    """
    result: list[list[Quote]] = []
    for quote in sorted(quotes, key=lambda q: q.start):
        previous = result[-1][-1] if result else None
        if previous is not None and quote.group == previous.group:
            result[-1].append(quote)
        else:
            result.append([quote])
    return [Quotation(tuple(parts)) for parts in result]


_TRAILING_PAUSE = re.compile(r"[\s,;:–—-]+$")


def trim_pause(words: str) -> str:
    """Drop the comma or dash that ended a quote where the sentence went on ("…fatal," said)."""
    return _TRAILING_PAUSE.sub("", words)


def format_citation(words: str, speaker: str | None, title: str, date: str | None) -> str:
    """``“<quote>” — <speaker>, <title> (<date>)``; an unknown speaker or date is left out."""
    source = " ".join(title.split())
    if speaker:
        source = f"{speaker}, {source}"
    if date:
        source = f"{source} ({date})"
    return f"“{trim_pause(words)}” — {source}"
