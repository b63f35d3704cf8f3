"""What the release list's typed filter means: words to find, words to exclude, a date range.

Plain Python (no Textual). As in fzf's extended search, the query is split on
spaces and a release must satisfy every term:

- ``fraud`` — the title, date or dateline contain it (case and accents ignored);
- ``!fraud`` — they do not;
- ``2017``, ``2017-03``, ``2016..2018``, ``2019..``, ``..2017-06`` — the
  release is dated within that range (an undated release never is).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from interpol_tui.corpus.model import Document

_DAY = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
_RANGE = re.compile(rf"^(?P<low>{_DAY})?(?P<dots>\.\.)?(?P<high>{_DAY})?$")


def fold(text: str) -> str:
    """Lower case without accents, so that ``jurgen`` finds "Jürgen"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def date_range(term: str) -> tuple[str, str] | None:
    """The inclusive ISO bounds a date term stands for, or None when it is no date term.

    A bound may be a year, a month or a day; the upper bound covers all of it
    (``..2017`` reaches 2017-12-31), so bounds compare as strings.
    """
    found = _RANGE.match(term)
    if found is None or not (found["low"] or found["high"]):
        return None
    low, high = found["low"], found["high"]
    if not found["dots"]:
        low = high = low or high
    return (low or "0000"), (high or "9999") + "\uffff"


@dataclass(frozen=True, slots=True)
class ListQuery:
    """A parsed filter: terms that must appear, terms that must not, date ranges."""

    words: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    dates: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, text: str) -> ListQuery:
        """Split ``text`` into terms (see the module's docstring)."""
        words: list[str] = []
        excluded: list[str] = []
        dates: list[tuple[str, str]] = []
        for term in text.split():
            bounds = date_range(term)
            if bounds is not None:
                dates.append(bounds)
            elif term.startswith("!") and len(term) > 1:
                excluded.append(fold(term[1:]))
            elif term != "!":
                words.append(fold(term))
        return cls(tuple(words), tuple(excluded), tuple(dates))

    @property
    def empty(self) -> bool:
        """True when the query filters nothing."""
        return not (self.words or self.excluded or self.dates)

    def matcher(self) -> Callable[[Document], bool]:
        """A predicate for the releases that satisfy every term."""
        cache: dict[str, str] = {}

        def haystack(document: Document) -> str:
            found = cache.get(document.id)
            if found is None:
                parts = (document.title, document.date or "", document.dateline or "")
                found = cache[document.id] = fold(" ".join(parts))
            return found

        def matches(document: Document) -> bool:
            text = haystack(document)
            if any(word not in text for word in self.words):
                return False
            if any(word in text for word in self.excluded):
                return False
            date = document.date
            return all(date is not None and low <= date <= high for low, high in self.dates)

        return matches
