"""Group capitalised words into candidate names ("Office of the Special Representative")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from interpol_tui.analysis.names import CONNECTORS, SENTENCE_WORDS, WEEKDAYS_MONTHS
from interpol_tui.analysis.places import lookup_place
from interpol_tui.analysis.quick_init import quick_init
from interpol_tui.analysis.tokens import Token

_ARTICLES = frozenset({"The", "A", "An"})
_MAX_GAP = 1  # tokens of a name are separated by one space at most
_MAX_RUN_TOKENS = 24
"""A run is cut here: the longest names hold about 15 tokens, and the passes over a
run try each of its cuts, so an unbounded one ("United Nations (UN)" repeated) was quadratic."""


@quick_init
@dataclass(frozen=True, slots=True)
class Chunk:
    """A run of name tokens, plus where the run starts a sentence."""

    tokens: tuple[Token, ...]
    sentence_initial: bool
    first: int
    """Index of the first token in the release's token list."""
    stop: int
    """Index just after the last token (``first + len(tokens)``)."""
    texts: tuple[str, ...]
    """The tokens' texts, read by every rule that looks at the run (made once)."""
    names: tuple[str, ...]
    """The name's words: ``texts`` less an acronym in brackets (:func:`name_texts`)."""
    name: str
    """``names`` joined by spaces: the key of every look-up of the whole run."""
    start: int
    """Offset of the first token."""
    end: int
    """Offset just after the last token (fields, not properties: read by every rule)."""


def name_texts(texts: Sequence[str]) -> list[str]:
    """Words of a name, leaving out an acronym in brackets ("United Nations (UN) ...")."""
    if "(" not in texts:
        return list(texts)  # most names: no bracket to leave out
    words: list[str] = []
    skip = 0
    for index, text in enumerate(texts):
        if skip:
            skip -= 1
            continue
        if text == "(" and index + 2 < len(texts) and texts[index + 2] == ")":
            skip = 2
            continue
        words.append(text)
    return words


def _is_name_token(token: Token) -> bool:
    """A capitalised word, or an elided particle before a capital ("d’Ivoire", "l'Est")."""
    text = token.text
    return token.kind == "word" and (
        text[0].isupper()
        or (len(text) > 2 and text[0] in "dl" and text[1] in "'’" and text[2].isupper())
    )


def _adjacent(left: Token, right: Token) -> bool:
    return 0 <= right.start - left.end <= _MAX_GAP


_OPENERS = ("“", '"', "‘", "'", "(", "–", "—", ":")
"""Tokens that can stand between a sentence start and its first word."""
_MAX_DATELINE_CHARS = 80


def _starts_sentence(tokens: list[Token], index: int, text: str) -> bool:
    # A loop, not recursion: a thousand quote marks or dashes in a row must not
    # raise RecursionError. Each step looks one opener further back.
    while index > 0:
        previous = tokens[index - 1]
        between = text[previous.end : tokens[index].start]
        if "\n" in between:
            return True
        if previous.text in ("–", "—") and _after_dateline(text, previous.start):
            return True
        if previous.text not in _OPENERS:
            return previous.text in (".", "!", "?", "”", ";")
        if index < 2 or previous.text == ":":
            return True
        index -= 1
    return True


def _after_dateline(text: str, dash: int) -> bool:
    """True for the dash of a dateline ("VIENNA, Austria – New ..."): the lede starts after it."""
    # Look back no further than a dateline's length: a line of many dashes
    # would otherwise be rescanned to its start for each one.
    lowest = max(dash - _MAX_DATELINE_CHARS, 0)
    line_start = text.rfind("\n", lowest, dash) + 1
    if line_start == 0 and lowest > 0:
        return False
    head = text[line_start:dash]
    return (
        len(head) < _MAX_DATELINE_CHARS
        and "." not in head
        and any(len(word) > 2 and word.isupper() for word in head.replace(",", " ").split())
    )


def _is_common_opener(token: Token, alone: bool) -> bool:
    """A capitalised sentence opener that is an ordinary word ("Addressing", "Additionally")."""
    word = token.text
    if word in SENTENCE_WORDS:
        return True
    if word.isupper() or len(word) <= 5:
        return False
    if word.endswith(("ing", "ly")) or (alone and word.endswith("ed")):
        # "Beijing" and "Italy" are places, not gerunds or adverbs.
        return lookup_place(word) is None
    return False


def _place_with_article(run: list[Token]) -> bool:
    """ "The Hague", "New Zealand": the first word belongs to a place name."""
    return len(run) > 1 and lookup_place(f"{run[0].text} {run[1].text}") is not None


def find_chunks(text: str, tokens: list[Token]) -> list[Chunk]:
    """Return runs of capitalised tokens joined by connectors, acronyms in brackets and numbers.

    "United Nations (UN) General Assembly" and "UN 2030 Agenda for Sustainable
    Development" are single runs; ordinary words that open a sentence are dropped.
    """
    chunks: list[Chunk] = []
    # Only capitalised words can open a run: find them in one pass, then grow runs.
    starts = [i for i, t in enumerate(tokens) if t.kind == "word" and t.text[0].isupper()]
    done = 0
    for i in starts:
        if i < done:
            continue
        initial = _starts_sentence(tokens, i, text)
        done = _grow(tokens, i)
        run = _trim_openers(tokens[i:done], initial)
        if run:
            first = done - len(run)
            texts = tuple([t.text for t in run])
            names = tuple(name_texts(texts)) if "(" in texts else texts
            chunks.append(
                Chunk(
                    tuple(run),
                    initial and run[0] is tokens[i],
                    first,
                    done,
                    texts,
                    names,
                    " ".join(names),
                    run[0].start,
                    run[-1].end,
                )
            )
    return chunks


def _grow(tokens: list[Token], i: int) -> int:
    """The index just after the run of name tokens that starts at ``tokens[i]``."""
    j = i + 1
    limit = min(len(tokens), i + _MAX_RUN_TOKENS)
    while j < limit:
        token = tokens[j]
        if not 0 <= token.start - tokens[j - 1].end <= _MAX_GAP:  # _adjacent, inlined (hot)
            break
        # A capitalised word, or an elided particle before one (_is_name_token, inlined).
        word = token.text
        if token.kind == "word" and (
            word[0].isupper()
            or (len(word) > 2 and word[0] in "dl" and word[1] in "'’" and word[2].isupper())
        ):
            j += 1
            continue
        if word != "(" and token.kind != "number" and word not in CONNECTORS:
            break  # the common end of a run: neither "(UN)" nor a connector or number can follow
        step = _bracketed_acronym(tokens, j) or _bridge(tokens, j)
        if not step:
            break
        j += step
    return j


def _capital_follows(tokens: list[Token], index: int) -> bool:
    """True when ``tokens[index]`` is a capitalised name token right after the one before."""
    return (
        index < len(tokens)
        and _adjacent(tokens[index - 1], tokens[index])
        and _is_name_token(tokens[index])
        and tokens[index].text[0].isupper()
    )


def _bracketed_acronym(tokens: list[Token], j: int) -> int:
    """ "(UN)" inside a name that goes on: "United Nations (UN) General Assembly" (4 tokens)."""
    if (
        tokens[j].text == "("
        and j + 3 < len(tokens)
        and tokens[j + 1].is_upper
        and tokens[j + 2].text == ")"
        and _capital_follows(tokens, j + 3)
    ):
        return 4
    return 0


def _bridge(tokens: list[Token], j: int) -> int:
    """Connectors and numbers inside a name ("Agenda for Sustainable", "UN 2030 Agenda")."""
    lookahead = j
    while lookahead < len(tokens) and (
        (tokens[lookahead].text in CONNECTORS and tokens[lookahead].text.islower())
        or tokens[lookahead].kind == "number"
    ):
        if not _adjacent(tokens[lookahead - 1], tokens[lookahead]):
            break
        lookahead += 1
    if lookahead == j:
        return 0  # the common case: no connector or number follows
    bridge = tokens[j:lookahead]
    connectors = [t.text for t in bridge]
    numbered = any(t.kind == "number" for t in bridge)
    if (
        bridge
        # "Red Notice and 47 Purple Notices": a number joins only names ("UN 2030 Agenda").
        and not (numbered and len(connectors) > 1)
        and connectors != ["and", "the"]  # two names: "the Thai Police and the Federal Police"
        and len(bridge) <= 2
        and _capital_follows(tokens, lookahead)
        # "the District Court on Monday 12 May": a date after a connector ends the name.
        and tokens[lookahead].text not in WEEKDAYS_MONTHS
    ):
        return len(bridge)
    return 0


def _trim_openers(run: list[Token], initial: bool) -> list[Token]:
    """Drop ordinary words that open a sentence ("The", "Additionally"): they name nothing."""
    while run and run[0].text in _ARTICLES and not _place_with_article(run):
        run.pop(0)
    if initial:
        while run and _is_common_opener(run[0], len(run) == 1) and not _place_with_article(run):
            run.pop(0)
            while run and (run[0].text in CONNECTORS or run[0].kind != "word"):
                run.pop(0)
    return run
