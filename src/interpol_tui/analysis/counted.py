"""Name what a figure counts: the noun phrase after it, cut to a short canonical form."""

from __future__ import annotations

from functools import lru_cache

from interpol_tui.analysis.lexicons import (
    ATTENDEE_NOUNS,
    EVALUATIVE_ADJECTIVES,
    FUNCTION_WORDS,
    NOT_PLURAL,
    NOUN_SYNONYMS,
    PLURAL_NOUNS,
    SEARCH_NOUNS,
    SEARCH_VERBS,
)
from interpol_tui.analysis.tokens import Token

_MAX_WORDS = 5
_OPENING_MARKS = frozenset("‘“'\"")
_CLOSING_MARKS = frozenset("’”'\"")
_MEETING_WORDS = ("attend", "meeting", "conference", "assembly", "summit", "congress", "forum")
_RATE_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})


@lru_cache(maxsize=65536)
def is_plural(word: str) -> bool:
    """Guess whether an English noun is plural ("victims", "people"; not "access")."""
    lower = word.lower()
    if "-" in lower:
        lower = lower.rsplit("-", 1)[-1]  # "police-officers": its last part
    if lower in PLURAL_NOUNS:
        return True
    if lower in NOT_PLURAL or len(lower) < 3:
        return False
    return lower.endswith("s") and not lower.endswith(("ss", "us", "is", "’s", "'s"))


def _adjective_participle(tokens: list[Token], index: int) -> bool:
    """ "forced labour": an -ed word right before a noun describes it."""
    token = tokens[index]
    if token.kind != "word" or not token.text.endswith("ed") or index + 1 >= len(tokens):
        return False
    nxt = tokens[index + 1]
    return _is_content_word(nxt) and not nxt.text.endswith("ed")


def _is_content_word(token: Token) -> bool:
    if token.kind != "word":
        return False
    lower = token.text.lower()
    if lower in FUNCTION_WORDS:
        return False
    # Past participles end a noun phrase ("individuals provided by"); hyphenated
    # compounds are adjectives ("cyber-enabled").
    participle = lower.endswith("ed") and "-" not in lower and len(lower) > 4
    return not (participle and not token.is_capitalised)


def _compound_goes_on(tokens: list[Token], index: int) -> bool:
    """ "police officials", "people smugglers": a plural-looking modifier before a plural head."""
    if index >= len(tokens) or tokens[index - 1].text.lower() not in PLURAL_NOUNS:
        return False
    nxt = tokens[index]
    return _is_content_word(nxt) and is_plural(nxt.text) and nxt.start - tokens[index - 1].end == 1


def noun_phrase(tokens: list[Token], index: int) -> tuple[list[Token], int]:
    """Return the noun phrase starting at ``tokens[index]`` and the index after it.

    The phrase runs to the first plural noun ("seven key crime priorities") or,
    when there is none, to the last content word before a function word.
    """
    words: list[Token] = []
    j = index
    while j < len(tokens) and tokens[j].text in _OPENING_MARKS:
        j += 1
    while j < len(tokens) and len(words) < _MAX_WORDS:
        token = tokens[j]
        # "two contaminated containers", "two organized crime groups": a participle
        # before a noun describes it.
        if not _is_content_word(token) and not (
            token.text.endswith("ed") and _adjective_participle(tokens, j)
        ):
            break
        if words and token.start - words[-1].end > 1:
            break  # a line break or double space: not one phrase
        words.append(token)
        j += 1
        if is_plural(token.text) and not _compound_goes_on(tokens, j):
            break
    if len(words) > 1 and not is_plural(words[-1].text):
        # No plural: a singular head right after the number ("thousandfold increase").
        j -= len(words) - 1
        words = words[:1]
    while (
        j < len(tokens)
        and tokens[j].text in _CLOSING_MARKS
        and tokens[j].start == tokens[j - 1].end
    ):
        j += 1
    return words, j


def canonical_phrase(words: list[Token], sentence_start: int) -> str:
    """Lower-case common words, keep proper names, drop evaluative adjectives."""
    kept = list(words)
    while len(kept) > 1 and kept[0].text.lower() in EVALUATIVE_ADJECTIVES:
        kept.pop(0)
    parts = []
    for token in kept:
        proper = token.is_capitalised and token.start != sentence_start
        parts.append(token.text if proper or token.is_upper else token.text.lower())
    phrase = " ".join(parts)
    return NOUN_SYNONYMS.get(phrase, phrase)


def rate_suffix(tokens: list[Token], index: int) -> tuple[str, int]:
    """Return " per second" for "every second" / "per second" / "a day" after a phrase."""
    if index + 1 < len(tokens):
        first, second = tokens[index].text.lower(), tokens[index + 1].text.lower()
        if first in ("every", "per", "a", "each") and second in _RATE_UNITS:
            return f" per {second}", index + 2
    return "", index


def refine(phrase: str, sentence: str, before: list[Token], attendee_before: bool) -> str:
    """Apply context rules: "N times" after a search verb, database operations, attendance."""
    head = phrase.split(" ")[-1] if phrase else ""
    if head == "times":
        for token in reversed(before):
            noun = SEARCH_VERBS.get(token.text.lower())
            if noun:
                phrase = noun
                head = noun
                break
    if head in SEARCH_NOUNS and "database" in sentence.lower() and "database" not in phrase:
        phrase = f"database {phrase}"
    if head in ATTENDEE_NOUNS and any(word in sentence.lower() for word in _MEETING_WORDS):
        phrase = "delegates"
    if attendee_before and phrase and " " not in phrase and is_plural(phrase):
        phrase = f"{phrase} attending"  # "delegates from 90 countries", "experts from 12 agencies"
    return phrase


_CHANGE_VERBS = {
    "rose": "increase",
    "risen": "increase",
    "fallen": "decrease",
    "increased": "increase",
    "grew": "increase",
    "jumped": "increase",
    "surged": "increase",
    "climbed": "increase",
    "soared": "increase",
    "fell": "decrease",
    "decreased": "decrease",
    "dropped": "decrease",
    "declined": "decrease",
    "decline": "decrease",
}


CHANGE_WORDS = frozenset(_CHANGE_VERBS) | {"down", "up", "rising", "falling", "reached"}
"""Words before "to"/"from" and a number that the number is a level of ("fell to 31")."""


def _phrase_before(tokens: list[Token], end: int, floor: int) -> list[Token]:
    """Content words just before ``tokens[end]`` (not before offset ``floor``), at most three."""
    words: list[Token] = []
    j = end - 1
    while j >= 0 and tokens[j].start >= floor and len(words) < 3 and _is_content_word(tokens[j]):
        words.insert(0, tokens[j])
        j -= 1
    return words


def sentence_subject(tokens: list[Token], sentence_start: int, stop: int) -> list[Token]:
    """The noun phrase that opens a sentence, with an "of" phrase ("Cases of migrant smuggling")."""
    words: list[Token] = []
    j = stop  # walk back to the sentence's first token: linear in the sentence, not the text
    while j > 0 and tokens[j - 1].start >= sentence_start:
        j -= 1
    while j < stop and len(words) < 7:
        token = tokens[j]
        lower = token.text.lower()
        if lower in ("the", "a", "an") and not words:
            j += 1
            continue
        content = _is_content_word(token) or _adjective_participle(tokens, j)
        if (lower == "of" and words) or (content and lower not in _CHANGE_VERBS):
            words.append(token)
        else:
            break
        j += 1
    while words and words[-1].text == "of":
        words.pop()
    return words


def counts_from_context(
    tokens: list[Token], lead: int, kind: str, sentence_start: int
) -> tuple[list[Token], str]:
    """What an amount or a percentage with no noun after it counts, from the words before it.

    "Assets worth USD 5 million" -> "assets"; "Cases of fraud rose by 45 per
    cent" -> "increase in cases of fraud". ``lead`` is the figure's first token.
    """
    if lead >= 1 and tokens[lead - 1].text.lower() == "worth":
        return _phrase_before(tokens, lead - 1, sentence_start), ""
    if lead >= 2 and tokens[lead - 1].text.lower() == "by":
        change = _CHANGE_VERBS.get(tokens[lead - 2].text.lower())
        if change and kind == "percent":
            # "..., losses rose by": the words before the verb when a clause opens
            # there; else the sentence's subject ("Cases of fraud reported ... rose").
            subject = _phrase_before(tokens, lead - 2, sentence_start)
            opener = lead - 2 - len(subject) - 1
            if not subject or (
                opener >= 0
                and tokens[opener].start >= sentence_start
                and tokens[opener].kind != "punct"
            ):
                subject = sentence_subject(tokens, sentence_start, lead - 2)
            if subject:
                return subject, f"{change} in "
    return [], ""
