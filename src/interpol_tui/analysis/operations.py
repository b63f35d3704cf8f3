"""Operations named in lists: "operations Epervier (Chad, Mali), Libertad (...) and Sawiyan"."""

from __future__ import annotations

from interpol_tui.analysis.names import CODENAME_WORDS
from interpol_tui.analysis.token_search import indexes_of_words
from interpol_tui.analysis.tokens import Token

# A capitalised "Operation X" is a name found with the other names; these open lists.
_LIST_WORDS = frozenset({"operations", "Operations", "operation"}) | CODENAME_WORDS
_QUOTE_MARKS = frozenset("‘’“”'\"")


def _skip_brackets(tokens: list[Token], index: int) -> int:
    if index < len(tokens) and tokens[index].text == "(":
        depth = 0
        while index < len(tokens):
            if tokens[index].text == "(":
                depth += 1
            elif tokens[index].text == ")":
                depth -= 1
                if depth == 0:
                    return index + 1
            index += 1
    return index


def _name_at(tokens: list[Token], index: int) -> int:
    """Return the index after a capitalised name (with a Roman numeral) starting at ``index``."""
    end = index
    while end < len(tokens) and tokens[end].kind == "word" and tokens[end].text[0].isupper():
        if end > index and tokens[end].start - tokens[end - 1].end > 1:
            break
        end += 1
    return end


def operation_lists(tokens: list[Token], text: str | None = None) -> list[tuple[int, int, str]]:
    """Return (start, end, canonical) for each name in a list after "operations".

    ``text``, when given, is the text the tokens are of: the list words are then
    found with its own search rather than by visiting every token.
    """
    found: list[tuple[int, int, str]] = []
    if text is None:
        openers = [i for i, t in enumerate(tokens) if t.text in _LIST_WORDS]
    else:
        openers = indexes_of_words(text, tokens, _LIST_WORDS)
    for index in openers:
        token = tokens[index]
        position = index + 1
        plural = token.text.lower() == "operations"
        while position < len(tokens) and tokens[position].text in _QUOTE_MARKS:
            position += 1  # codenamed ‘Thunder’
        while position < len(tokens):
            end = _name_at(tokens, position)
            if end == position:
                break
            name = " ".join(t.text for t in tokens[position:end])
            canonical = name if name.startswith("Operation ") else f"Operation {name}"
            found.append((tokens[position].start, tokens[end - 1].end, canonical))
            position = _skip_brackets(tokens, end)
            if not plural or position >= len(tokens):
                break
            if tokens[position].text == ",":
                position += 1
            if position < len(tokens) and tokens[position].text in ("and", "or"):
                position += 1
            elif position < len(tokens) and tokens[position - 1].text != ",":
                break
    return found
