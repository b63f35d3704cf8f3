"""Turn what a user types into a safe SQLite FTS5 query, or say clearly why not.

Users type words, "quoted phrases", prefixes (``glob*``), ``AND``/``OR``/``NOT``
(upper case, as FTS5 spells them) and parentheses. Every word and phrase is
passed to FTS5 as a double-quoted string, so no character a user types can
reach FTS5's own syntax (``:``, ``^``, ``NEAR``, column filters); only the
operators and parentheses we recognised are passed through, after checking
that each has a term on both sides. An unclosed quote is closed for the user
(they are usually still typing), with a note saying so. What FTS5 would pay
for more than linearly is bounded, again with a note: the query's length, its
number of terms (a repeated one is searched once) and its nesting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from interpol_tui.corpus.sanitize import strip_controls

OPERATORS = frozenset({"AND", "OR", "NOT"})
MAX_QUERY_CHARS = 1_000
"""Longer queries are cut (a pasted page is not a query)."""
MAX_TERMS = 12
"""Words and phrases searched at most: FTS5's snippets cost more than linearly in them."""
MAX_DEPTH = 8
"""Deepest nesting of parentheses accepted."""
_QUOTES = '"“”„«»'
_HAS_WORD = re.compile(r"[^\W_]")


class QueryError(ValueError):
    """A query that cannot be searched; ``str(error)`` is a sentence for the user."""


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A checked query: the FTS5 expression and the plain terms it looks for."""

    text: str
    """What the user typed."""
    match: str
    """The FTS5 ``MATCH`` expression."""
    terms: tuple[str, ...]
    """Words and phrases searched for (not those after ``NOT``), without ``*``."""
    notes: tuple[str, ...] = ()
    """Things we changed about the query, to tell the user."""
    prefixed: frozenset[str] = frozenset()
    """Those of ``terms`` searched as prefixes (``traffick*``)."""


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    """``term``, ``op``, ``open`` or ``close``."""
    value: str
    prefix: bool = False


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _tokens(text: str, notes: list[str]) -> list[_Token]:
    tokens: list[_Token] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace():
            i += 1
        elif char in _QUOTES:
            end = next((j for j in range(i + 1, len(text)) if text[j] in _QUOTES), -1)
            unclosed = end < 0
            if unclosed:
                notes.append("closed the open quotation mark (its last word as a prefix)")
                end = len(text)
            phrase = text[i + 1 : end].strip()
            # An unclosed phrase is usually still being typed: "global coal" -> coalition.
            prefix = phrase.endswith("*") or unclosed
            tokens.append(_Token("term", phrase.rstrip("*").strip(), prefix))
            i = end + 1
        elif char in "()":
            tokens.append(_Token("open" if char == "(" else "close", char))
            i += 1
        else:
            j = i
            while j < len(text) and not text[j].isspace() and text[j] not in _QUOTES + "()":
                j += 1
            word = text[i:j]
            i = j
            if word in OPERATORS:
                tokens.append(_Token("op", word))
            else:
                tokens.append(_Token("term", word.rstrip("*"), word.endswith("*")))
    return tokens


def _drop_empty_terms(tokens: list[_Token], notes: list[str]) -> list[_Token]:
    kept: list[_Token] = []
    for token in tokens:
        if token.kind == "term" and not _HAS_WORD.search(token.value):
            shown = token.value + ("*" if token.prefix else "") or '""'
            notes.append(f"ignored “{shown}”: it has no letters or digits")
            continue
        kept.append(token)
    return kept


def _drop_repeats(tokens: list[_Token], notes: list[str]) -> list[_Token]:
    """Drop a term that repeats one earlier in the same run of ANDs ("t* u* t*" -> "t* u*").

    Everything a run of ANDs matches holds each of its terms, so a second copy
    adds nothing (FTS5 would still pay for it). Runs end at OR and at a group's
    edge, and a term that a NOT excludes neither counts nor goes.
    """
    kept: list[_Token] = []
    seen: list[set[tuple[str, bool]]] = [set()]
    repeated: dict[str, None] = {}
    negated = False
    for token in tokens:
        if token.kind == "term" and not negated:
            key = (token.value.casefold(), token.prefix)
            joined = bool(kept) and (kept[-1].kind in ("term", "close") or kept[-1].value == "AND")
            if key in seen[-1] and joined:
                if kept[-1].kind == "op":
                    kept.pop()  # its AND
                repeated[token.value + ("*" if token.prefix else "")] = None
                continue
            seen[-1].add(key)
        elif token.kind == "open":
            seen.append(set())
        elif token.kind == "close" and len(seen) > 1:
            seen.pop()
        elif token.kind == "op" and token.value == "OR":
            seen[-1] = set()
        negated = token.kind == "op" and token.value == "NOT"
        kept.append(token)
    notes.extend(f"ignored the repeated “{term}”" for term in repeated)
    return kept


def _shorten(tokens: list[_Token], notes: list[str]) -> list[_Token]:
    """Keep the first MAX_TERMS terms; drop what dangles after them and close open groups."""
    terms = [index for index, token in enumerate(tokens) if token.kind == "term"]
    if len(terms) <= MAX_TERMS:
        return tokens
    kept = tokens[: terms[MAX_TERMS]]
    while kept and kept[-1].kind in ("op", "open"):
        kept.pop()
    depth = 0
    for token in kept:
        depth += {"open": 1, "close": -1}.get(token.kind, 0)
    kept.extend(_Token("close", ")") for _ in range(max(depth, 0)))
    notes.append(f"query shortened to its first {MAX_TERMS} terms")
    return kept


def _check(tokens: list[_Token]) -> None:
    depth = 0
    previous: _Token | None = None
    for token in tokens:
        if token.kind == "op" and (previous is None or previous.kind in ("op", "open")):
            raise QueryError(
                f"“{token.value}” needs a search term before it, e.g. fraud {token.value} phishing"
            )
        if token.kind == "open":
            depth += 1
            if depth > MAX_DEPTH:
                raise QueryError(
                    f"Parentheses nest more than {MAX_DEPTH} deep: "
                    f"group with at most {MAX_DEPTH} levels."
                )
        elif token.kind == "close":
            if previous is not None and previous.kind == "open":
                raise QueryError("Empty parentheses: put search terms inside them.")
            if previous is not None and previous.kind == "op":
                raise QueryError(f"“{previous.value}” needs a search term after it.")
            depth -= 1
            if depth < 0:
                raise QueryError("A closing parenthesis has no opening one.")
        previous = token
    if previous is not None and previous.kind == "op":
        raise QueryError(f"“{previous.value}” needs a search term after it.")
    if depth > 0:
        raise QueryError("An opening parenthesis is never closed.")


def parse_query(text: str) -> ParsedQuery | None:
    """Check ``text`` and build its FTS5 query; None when there is nothing to search for.

    Raises :class:`QueryError` with a readable message for a malformed query.
    """
    typed = text
    text = strip_controls(text)  # a NUL would end the query early inside SQLite
    if not text.strip(" \t\n" + _QUOTES):
        return None  # nothing, or a quote just opened: the user is still typing
    notes: list[str] = []
    if len(text) > MAX_QUERY_CHARS:
        space = text.rfind(" ", 0, MAX_QUERY_CHARS + 1)  # not inside a word
        text = text[: space if space > 0 else MAX_QUERY_CHARS]
        notes.append(f"query shortened to its first {MAX_QUERY_CHARS:,} characters")
    tokens = _drop_empty_terms(_tokens(text, notes), notes)
    if not any(token.kind == "term" for token in tokens):
        if tokens or notes:
            raise QueryError("Nothing to search for: type a word, a “phrase” or a prefix*.")
        return None
    tokens = _shorten(_drop_repeats(tokens, notes), notes)
    _check(tokens)
    parts: list[str] = []
    terms: list[str] = []
    prefixed: set[str] = set()
    negate_next = False
    depth = 0
    negated_from: int | None = None  # depth of a ``NOT ( ... )`` group we are inside
    previous: _Token | None = None
    for token in tokens:
        if token.kind == "term":
            if previous is not None and previous.kind in ("term", "close"):
                parts.append("AND")  # explicit, so NOT's reach is clear
            parts.append(_quote(token.value) + (" *" if token.prefix else ""))
            if not negate_next and negated_from is None:
                terms.append(token.value)
                if token.prefix:
                    prefixed.add(token.value)
            negate_next = False
        elif token.kind == "op":
            parts.append(token.value)
            negate_next = token.value == "NOT"
        elif token.kind == "open":
            if previous is not None and previous.kind in ("term", "close"):
                parts.append("AND")
            parts.append("(")
            if negate_next and negated_from is None:
                negated_from = depth
            negate_next = False
            depth += 1
        else:
            parts.append(")")
            depth -= 1
            if negated_from == depth:
                negated_from = None
        previous = token
    return ParsedQuery(
        typed, " ".join(parts), tuple(dict.fromkeys(terms)), tuple(notes), frozenset(prefixed)
    )
