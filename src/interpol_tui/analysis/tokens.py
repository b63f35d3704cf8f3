"""Split clean text into word, number and punctuation tokens that keep their offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words keep inner hyphens ("Al-Raisi", "ninety-nine", "I-Familia") and inner
# apostrophes followed by two letters or more ("Da’esh", "O'Brien"), so a
# possessive "’s" stays a token of its own ("INTERPOL" + "’s").
_TOKEN = re.compile(
    r"(?P<number>\d+(?:[.,]\d+)*)"
    r"|(?P<word>[^\W\d_](?:[^\W_]|-(?=[^\W_])|['’](?=[^\W\d_]{2}))*)"
    r"|(?P<punct>\S)"
)


@dataclass(frozen=True, slots=True)
class Token:
    """One token of the text and where it stands."""

    text: str
    start: int
    end: int
    kind: str
    """``word``, ``number`` or ``punct``."""

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
