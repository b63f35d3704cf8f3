"""Split clean text into word, number and punctuation tokens that keep their offsets."""

from __future__ import annotations

import re

# Words keep inner hyphens ("Al-Raisi", "ninety-nine", "I-Familia") and inner
# apostrophes followed by two letters or more ("Da’esh", "O'Brien"), so a
# possessive "’s" stays a token of its own ("INTERPOL" + "’s"). The word
# pattern consumes whole runs of letters at a time: it is the hottest loop.
_TOKEN = re.compile(
    r"(?P<number>\d+(?:[.,]\d+)*)"
    r"|(?P<word>[^\W\d_]\w*(?:-\w+|['’][^\W\d_]{2}\w*)*"
    # "Dr." and the initial of "K. Shanmugam" keep their point before a capitalised name
    # (not I, V or X: "Operation Haechi V. Officers" ends a sentence with a numeral).
    r"(?:(?:(?<=\b[A-HJ-UWYZ])|(?<=\bDr|\bMr|\bMs|\bSt)|(?<=\bMrs)|(?<=\bProf))\.(?= [A-Z]))?)"
    r"|(?P<punct>\S)"
)


class Token:
    """One token of the text and where it stands (a slotted class: thousands per release)."""

    __slots__ = ("end", "kind", "start", "text")

    def __init__(self, text: str, start: int, end: int, kind: str) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        """``word``, ``number`` or ``punct``."""

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end}, {self.kind!r})"

    @property
    def is_capitalised(self) -> bool:
        """True for a word whose first letter is upper case."""
        return self.kind == "word" and self.text[0].isupper()

    @property
    def is_upper(self) -> bool:
        """True for an all-capitals word of two letters or more ("INTERPOL", "UN")."""
        return self.kind == "word" and len(self.text) > 1 and self.text.isupper()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Return the tokens of ``text[start:end]`` with offsets into ``text``."""
    stop = len(text) if end is None else end
    return [
        Token(m.group(), m.start(), m.end(), m.lastgroup or "punct")
        for m in _TOKEN.finditer(text, start, stop)
    ]
