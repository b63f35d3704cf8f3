"""What entity finding knows about one release: its tokens, name runs, lexicon and people."""

from __future__ import annotations

from interpol_tui.analysis.chunks import Chunk, find_chunks, name_texts
from interpol_tui.analysis.classify import Lexicon, is_name_like
from interpol_tui.analysis.model import EntityType
from interpol_tui.analysis.names import (
    DEPARTMENT_WORDS,
    NAME_PARTICLES,
    OPERATION_HEADS,
    ORG_HEADS,
)
from interpol_tui.analysis.people import PeopleRegistry
from interpol_tui.analysis.places import SUBDIVISION, lookup_place
from interpol_tui.analysis.tokens import Token


def name_words(tokens: list[Token]) -> list[str]:
    """Words of a name, leaving out an acronym in brackets ("United Nations (UN) ...")."""
    texts = [token.text for token in tokens]
    return texts if "(" not in texts else name_texts(texts)


def split_names(words: list[str]) -> list[list[str]]:
    """ "António Guterres and Jürgen Stock" -> two names."""
    names: list[list[str]] = [[]]
    for word in words:
        if word == "and":
            names.append([])
        else:
            names[-1].append(word)
    return [name for name in names if name]


def name_part(words: list[str]) -> list[str]:
    """The name before a lower-case connector: "Jane Achieng of the Kenya Police" -> 2 words."""
    for index, word in enumerate(words):
        if word.islower() and word != "and":
            # "Amado Philip de Andrés": a particle before the last name is part of it.
            last = index + 2 == len(words) and words[-1][:1].isupper()
            if not (word in NAME_PARTICLES and last and index >= 1):
                return words[:index]
    return words


def name_after_department(words: list[str], start: int) -> int | None:
    """Where the name begins after a title's department ("of Police Services Jürgen Nakamura").

    ``words[start]`` is the "of" or "for" after the title. The name is the run of two to
    four words at the end that are not department, body or programme words.
    """
    if start >= len(words) or words[start] not in ("of", "for"):
        return None
    begin = len(words)
    while begin > start + 1 and len(words) - begin < 4:
        word = words[begin - 1]
        if word.islower() or word in DEPARTMENT_WORDS or word in ORG_HEADS or word.isupper():
            break
        if word in OPERATION_HEADS or word.startswith(("Anti-", "Counter-")):
            break
        place = lookup_place(word)
        if place is not None and place[1] != SUBDIVISION:
            break  # "Vice-President for Africa Ingrid Rossi"; not "NCB Goran Ishikawa"
        begin -= 1
    if len(words) - begin < 2 or begin <= start + 1 or not is_name_like(words[begin:]):
        return None
    return begin


class Knowledge:
    """What the first pass learnt from a release: its names, people and coined names.

    Written by :func:`definitions.learn` only; the labelling pass reads it (and
    records where people are mentioned).
    """

    def __init__(self) -> None:
        self.lexicon = Lexicon()
        self.people = PeopleRegistry()
        self.coined: list[tuple[int, int, EntityType, str]] = []
        """Names found outside the capitalised runs, labelled before them."""


class Release:
    """One release as entity finding reads it: text, tokens and name runs (never changed)."""

    __slots__ = ("chunks", "count", "text", "tokens")

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self.tokens = tokens
        self.count = len(tokens)
        """How many tokens (read by :meth:`after`, hundreds of times a release)."""
        self.chunks: list[Chunk] = find_chunks(text, tokens)

    def after(self, chunk: Chunk, offset: int = 0) -> Token | None:
        """The token ``offset`` places after ``chunk`` (0: the next one), or None."""
        index = chunk.stop + offset
        return self.tokens[index] if index < self.count else None

    def before(self, chunk: Chunk, offset: int = 0) -> Token | None:
        """The token ``offset`` places before ``chunk`` (0: the previous one), or None."""
        index = chunk.first - 1 - offset
        return self.tokens[index] if index >= 0 else None

    def words_after(self, chunk: Chunk, skip: int, count: int) -> list[str]:
        """Up to ``count`` words after ``chunk``, skipping ``skip`` tokens and possessive "’s"."""
        start = chunk.stop + skip
        words: list[str] = []
        for token in self.tokens[start:]:
            if len(words) >= count or token.text in (".", ";", "“", "”", '"'):
                break
            if token.kind == "word" and not (token.text == "s" and words):
                words.append(token.text)
        return words
