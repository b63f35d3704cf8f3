"""Find a release's tokens by what they hold, with ``str.find`` instead of a loop over tokens.

A release has about a thousand tokens; a rule that wants the few that are
"operations" or hold a hyphen would visit each of them in Python. The text's
own search finds where such a token can start (or what it holds), and a
bisection over the tokens' offsets turns each place into its token. The tokens
must be those of ``text`` (``token.text == text[token.start:token.end]``, in order).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from operator import attrgetter

from interpol_tui.analysis.tokens import Token

_START = attrgetter("start")


def _places(text: str, needle: str) -> Iterable[int]:
    """Every offset where ``needle`` starts in ``text``, overlapping ones included."""
    at = text.find(needle)
    while at != -1:
        yield at
        at = text.find(needle, at + 1)


def indexes_of_words(text: str, tokens: list[Token], words: frozenset[str]) -> list[int]:
    """Indexes of the tokens that are one of ``words``, in order.

    The same as ``[i for i, t in enumerate(tokens) if t.text in words]``.
    """
    found: list[int] = []
    for at in sorted({at for word in words for at in _places(text, word)}):
        index = bisect_left(tokens, at, key=_START)
        if index < len(tokens) and tokens[index].start == at and tokens[index].text in words:
            found.append(index)
    return found


def indexes_holding(text: str, tokens: list[Token], part: str) -> list[int]:
    """Indexes of the tokens whose text holds ``part``, in order.

    The same as ``[i for i, t in enumerate(tokens) if part in t.text]``: a token
    holds ``part`` when one of its places in the text starts inside the token and
    ends inside it too.
    """
    found: list[int] = []
    for at in _places(text, part):
        index = bisect_right(tokens, at, key=_START) - 1
        if index >= 0 and at + len(part) <= tokens[index].end and (not found or found[-1] != index):
            found.append(index)
    return found


def tokens_holding(text: str, tokens: list[Token], part: str) -> list[Token]:
    """``[t for t in tokens if part in t.text]``: the tokens whose text holds ``part``."""
    return [tokens[index] for index in indexes_holding(text, tokens, part)]
