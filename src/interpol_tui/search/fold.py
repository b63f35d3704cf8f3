"""Folding text for matching: case and accents removed, punctuation turned into spaces.

"Jürgen Stock's" and "jurgen stocks" must meet, so both the index and the
query go through the same fold. :func:`fold_with_map` also says where each
folded character came from, so matches can be highlighted in the original.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+")
"""A run of letters and digits (any script); everything else separates words."""


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    # NFKD splits "ü" into "u" + combining diaeresis, which is then dropped;
    # casefold turns "ß" into "ss" (a character may fold into several).
    decomposed = unicodedata.normalize("NFKD", char.casefold())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return kept if kept.isalnum() else " " * len(kept or " ")


def fold(text: str) -> str:
    """Return ``text`` case- and accent-folded, with non-word characters as spaces."""
    if text.isascii():
        # The common case, ten times faster than going character by character.
        return "".join(c if c.isalnum() else " " for c in text.lower())
    return "".join(_fold_char(c) for c in text)


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` and return, for each folded character, its index in ``text``."""
    if text.isascii():
        return fold(text), list(range(len(text)))  # one character each: the map is trivial
    parts: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = _fold_char(char)
        parts.append(folded)
        origin.extend([index] * len(folded))
    return "".join(parts), origin


def words(folded: str) -> list[str]:
    """Split folded text into its words."""
    return _WORD.findall(folded)


def word_spans(folded: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each word of folded text."""
    return [match.span() for match in _WORD.finditer(folded)]
