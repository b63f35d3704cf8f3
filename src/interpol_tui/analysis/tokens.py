"""Split clean text into word, number and punctuation tokens that keep their offsets."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from interpol_tui.analysis.names import ABBREVIATED_HONORIFICS

# Numbers are ASCII digits (an English release's figures); groups of three digits after a
# space, a no-break or a thin space are one number ("1 533 cases", "30 000 parcels").
# Initialisms written with points are one word ("U.S. Marshals Service", "U.N.").
# Words keep inner hyphens ("Al-Raisi", "ninety-nine", "I-Familia") and inner
# apostrophes followed by two letters or more ("Da’esh", "O'Brien"), so a
# possessive "’s" stays a token of its own ("INTERPOL" + "’s"). The word
# pattern consumes whole runs of letters at a time: it is the hottest loop.
_NUMBER = r"[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?![0-9.,])|[0-9]+(?:[.,][0-9]+)*"
# The runs of letters and of white space are possessive: what follows each can never
# start with what it gave back, so the engine need not try.
_WORD = r"[A-Z]\.(?:[A-Z]\.)+|[^\W\d_]\w*+(?:-\w+|['’][^\W\d_]{2}\w*)*"
# Each token after the white space before it, read with ``findall``: every character
# of the text is white space or in a token, so the lengths alone give the offsets, and
# no match object is made for each of a release's thousand tokens (those made half the
# cost of tokenising). Words come first: most tokens are, and a word never starts with
# a digit as a number always does.
_SPACED_TOKEN = re.compile(rf"(\s*+)(?:({_WORD})|({_NUMBER})|(\S))")


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
    """Return the tokens of ``text[start:end]`` with offsets into ``text``.

    The text is cut at its spaces and line breaks (no token holds one; ``str.split``, in C):
    a piece of letters is a word, with a closing mark after it ("Germany,") or an opening one
    before ("“We"); digits no digits stand beside are a number (:func:`_lone_number`). Only
    the other pieces go through the token pattern (``tests/test_analysis_fast_paths.py``).
    """
    stop = len(text) if end is None else end
    tokens: list[Token] = []
    append = tokens.append
    new = object.__new__
    position = start
    run = -1  # where the pending run of other pieces starts (-1: none)
    source = text if start == 0 and stop == len(text) else text[start:stop]
    for piece in source.replace("\n", " ").split(" "):
        size = len(piece)
        if piece.isalpha():
            # The commonest piece, one word, made without the general case's tests.
            if run >= 0:
                _read_run(text, run, position - 1, tokens)
                run = -1
            token = new(Token)
            token.text = piece
            token.kind = "word"
            token.start = position
            position += size
            token.end = position
            append(token)
            position += 1
            continue
        if size > 1 and piece[-1] in _CLOSING and piece[:-1].isalpha():
            lead, cut = 0, size - 1  # "Germany,": the word, then its closing mark
        elif size > 1 and piece[0] in _OPENING and piece[1:].isalpha():
            lead, cut = 1, size  # "“We": the opening mark, then the word
        elif _lone_number(text, piece, position, start, stop):
            lead, cut = 0, size if piece[-1] in _DIGITS else size - 1  # "2023", "40,"
        else:
            if size and run < 0:
                run = position
            position += size + 1
            continue
        if run >= 0:
            _read_run(text, run, position - 1, tokens)
            run = -1
        if lead:
            append(_made(new, piece[0], "punct", position, position + 1))
        token = new(Token)
        token.text = piece[lead:cut]
        token.kind = "number" if piece[0] in _DIGITS else "word"
        token.start = position + lead
        token.end = position + cut
        append(token)
        if cut < size:
            append(_made(new, piece[cut], "punct", position + cut, position + size))
        position += size + 1
    if run >= 0:
        _read_run(text, run, stop, tokens)
    _fold_abbreviations(text, start, stop, tokens)
    return tokens


def _made(new: Callable[[type[Token]], Token], text: str, kind: str, start: int, end: int) -> Token:
    token = new(Token)
    token.text = text
    token.kind = kind
    token.start = start
    token.end = end
    return token


_CLOSING = frozenset(".,;:!?”)")
_DIGITS = frozenset("0123456789")


def _lone_number(text: str, piece: str, position: int, start: int, stop: int) -> bool:
    """True for a piece of ASCII digits, with a closing mark after them or none, that is one
    number token: no digit stands before its space or after the space that follows it,
    so it groups with no other piece ("30 000"), and a mark ends it ("2023," "40.")."""
    marked = piece[-1:] in _CLOSING
    digits = piece[:-1] if marked else piece
    if not (digits.isdigit() and digits.isascii()):
        return False
    if position - 2 >= start and text[position - 2] in _DIGITS:
        return False  # "30 000": the digits before may take these into their number
    after = position + len(piece) + 1
    return marked or not (after < stop and text[after] in _DIGITS)


_OPENING = frozenset('“‘("')


def tokenize_plain(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """:func:`tokenize` with every piece read by the token pattern (the reference)."""
    stop = len(text) if end is None else end
    tokens: list[Token] = []
    _read_run(text, start, stop, tokens)
    _fold_abbreviations(text, start, stop, tokens)
    return tokens


def _read_run(text: str, start: int, stop: int, tokens: list[Token]) -> None:
    """Add the tokens of ``text[start:stop]`` read by the token pattern."""
    append = tokens.append
    new = object.__new__
    position = start
    for space, word, number, punct in _SPACED_TOKEN.findall(text, start, stop):
        token = new(Token)
        token.start = begin = position + len(space)
        if word:
            token.text, token.kind = word, "word"
            position = begin + len(word)
        elif number:
            token.text, token.kind = number, "number"
            position = begin + len(number)
        else:
            token.text, token.kind = punct, "punct"
            position = begin + 1
        token.end = position
        append(token)


def _fold_abbreviations(text: str, start: int, stop: int, tokens: list[Token]) -> None:
    """Fold the point of "Dr." and of initials into its word: "Dr." + "Andreas"."""
    points = _abbreviation_points(text, start, stop)
    for point in reversed(points):
        index = bisect_left(tokens, point, key=lambda t: t.start)
        if 0 < index < len(tokens) and tokens[index].start == point:
            word = tokens[index - 1]
            tokens[index - 1 : index + 1] = [Token(word.text + ".", word.start, point + 1, "word")]


_ABBREVIATED = ABBREVIATED_HONORIFICS | {"St"}
_LONGEST_ABBREVIATION = max(map(len, _ABBREVIATED))
# Single capitals that take a point in names ("K. Shanmugam"); not I, V or X, which end
# sentences as numerals ("Operation Haechi V. Officers ...").
_INITIALS = frozenset("ABCDEFGHJKLMNOPQRSTUWYZ")


def _abbreviation_points(text: str, start: int, stop: int) -> list[int]:
    """Offsets of the points of "Dr." and initials that stand before a capitalised name."""
    points: list[int] = []
    point = text.find(". ", start, stop)
    while point != -1:
        if point + 2 < stop and text[point + 2].isupper():
            begin = point
            # The word before the point, read back no further than the longest
            # abbreviation and one letter more: a longer word is none of them.
            floor = max(start, point - _LONGEST_ABBREVIATION - 1)
            while begin > floor and text[begin - 1].isalpha():
                begin -= 1
            word = text[begin:point]
            boundary = begin == start or not (text[begin - 1].isalnum() or text[begin - 1] in ".-")
            if boundary and (word in _ABBREVIATED or (len(word) == 1 and word in _INITIALS)):
                points.append(point)
        point = text.find(". ", point + 2, stop)
    return points
