"""Names read by the construction around them, not by a capitalised head word.

"INTERPOL's Fugitive Investigative Support (FIS) unit" and "its taskforce on
Stolen Motor Vehicles (SMV)" name units whose head is a lower-case noun; "the
terrorist group JNIM" names a group by the noun before it; "call Crime
Stoppers on 0800 555 111" names a service by the number after it; "the
Soubré region" and "the suburb of Drummoyne" name places nobody's gazetteer
holds; "Dar es Salaam" and "Islamic State in Iraq and the Levant" hold
lower-case words that no capitalised run spans.
"""

from __future__ import annotations

import re

from interpol_tui.analysis.chunks import Chunk
from interpol_tui.analysis.lexicons import (
    ARMED_GROUP_ADJECTIVES,
    GROUP_NOUNS,
    PLACE_NOUNS_AFTER,
    ROLE_PLURALS,
    SETTLEMENT_NOUNS,
)
from interpol_tui.analysis.model import EntityType
from interpol_tui.analysis.names import (
    CONNECTORS,
    ORG_HEADS,
    ORG_NOUNS,
    SENTENCE_WORDS,
    WEEKDAYS_MONTHS,
)
from interpol_tui.analysis.organisations import (
    ORGANISATION_ALIASES,
    acronym_matches,
    looks_like_acronym,
)
from interpol_tui.analysis.places import CITIES, CITY_ALIASES, REGIONS, lookup_place
from interpol_tui.analysis.release import Knowledge, Release
from interpol_tui.analysis.tokens import Token

Coined = tuple[int, int, EntityType, str]
"""(start, end, type, canonical) of a name found here."""

_UNIT_PREPOSITIONS = frozenset({"on", "for", "against"})


def learn_defined_unit(release: Release, known: Knowledge, chunk: Chunk) -> bool:
    """Learn a unit defined with its acronym and a lower-case head; True when one was.

    "the Cyber Fraud Response (CFR) unit": the acronym, then the head noun;
    "its working taskforce on Forest Crime (FC)": the head noun and a preposition
    before the long form. The acronym names the unit, not the topic.
    """
    opening = release.after(chunk)
    if opening is None or opening.text != "(":
        return False  # the common case, decided with one look
    short, closing, noun = (release.after(chunk, offset) for offset in (1, 2, 3))
    if short is None or closing is None or closing.text != ")":
        return False
    words = [t.text for t in chunk.tokens]
    if not looks_like_acronym(short.text) or "(" in words:
        return False
    if noun is not None and noun.text in ORG_NOUNS:
        for cut in range(len(words)):
            if words[cut][0].isupper() and acronym_matches(short.text, words[cut:]):
                long_form = " ".join(words[cut:])
                span = (chunk.tokens[cut].start, noun.end)
                return _define(known, short.text, long_form, f"{long_form} {noun.text}", span)
        return False
    _country_before_body(known, chunk, words, short.text)
    head, preposition = release.before(chunk, 1), release.before(chunk)
    if (
        head is None
        or preposition is None
        or head.text not in ORG_NOUNS
        or preposition.text not in _UNIT_PREPOSITIONS
        or not acronym_matches(short.text, words)
    ):
        return False
    long_form = " ".join(words)
    canonical = f"{head.text} {preposition.text} {long_form}"
    return _define(known, short.text, long_form, canonical, (head.start, chunk.end))


def _country_before_body(known: Knowledge, chunk: Chunk, words: list[str], acronym: str) -> None:
    """ "the United States Federal Bureau of Investigation (FBI)": the acronym spells the body's
    name; the country before it is neither part of that name nor a place mentioned."""
    for cut in range(1, min(4, len(words))):
        if acronym_matches(acronym, words[cut:]):
            if lookup_place(" ".join(words[:cut])) is not None:
                body = " ".join(words[cut:])
                known.coined.append((chunk.tokens[cut].start, chunk.end, "organization", body))
            return


def _define(
    known: Knowledge, acronym: str, long_form: str, canonical: str, span: tuple[int, int]
) -> bool:
    known.coined.append((span[0], span[1], "organization", canonical))
    known.lexicon.learn("acronyms", acronym, canonical, replace=True)
    known.lexicon.learn("organisations", canonical, canonical)
    return True


def learn_by_construction(release: Release, known: Knowledge, chunk: Chunk) -> bool:
    """Learn the unit, group or place that the words around ``chunk`` make it; True when
    ``chunk`` is a unit defined with its acronym (its acronym is then learnt)."""
    # One look at the tokens on either side decides the common case: nothing to learn.
    tokens, first = release.tokens, chunk.first
    end = chunk.stop
    before = tokens[first - 1].text if first else ""
    after = tokens[end].text if end < len(tokens) else ""
    if after == "(":
        return learn_defined_unit(release, known, chunk)
    found = None
    if tokens[first].text in (_SPANNING or _spanning()):
        found = spanning_name(release.text, chunk)
    if found is None and before in GROUP_NOUNS:
        found = named_group(release, known, chunk)
    settled = before == "of" and first > 1 and tokens[first - 2].text in SETTLEMENT_NOUNS
    if found is None and (after in PLACE_NOUNS_AFTER or settled):
        found = place_by_noun(release, known, chunk)
    if found is not None:
        known.coined.append(found)
    return False


def named_group(release: Release, known: Knowledge, chunk: Chunk) -> Coined | None:
    """ "the terrorist group JNIM", "the hacking group Lazarus": the name after
    "<adjective> group" (network, organization, cartel) is the group's."""
    noun = release.before(chunk)
    if noun is None or noun.text not in GROUP_NOUNS:
        return None  # the common case, decided with one look
    adjective = release.before(chunk, 1)
    if adjective is None or adjective.text.lower() not in ARMED_GROUP_ADJECTIVES:
        return None
    words = [t.text for t in chunk.tokens]
    if len(words) > 4 or known.lexicon.classify(words) is not None:
        return None
    name = " ".join(words)
    known.lexicon.learn("organisations", name, name)
    return (chunk.start, chunk.end, "organization", name)


def place_by_noun(release: Release, known: Knowledge, chunk: Chunk) -> Coined | None:
    """ "the Soubré region", "Tasman district", "the suburb of Drummoyne": a place by its noun.

    A one- or two-word name before a lower-case region noun, or after a
    settlement noun and "of", is a place when nothing else claims the name.
    """
    if len(chunk.tokens) > 2 or chunk.sentence_initial:
        return None
    after, before, settlement = (
        release.after(chunk),
        release.before(chunk),
        release.before(chunk, 1),
    )
    texts = [token.text if token is not None else "" for token in (after, before, settlement)]
    # "the African region": a people's adjective is no place name.
    by_after = texts[0] in PLACE_NOUNS_AFTER and texts[1] == "the"
    by_after = by_after and not _demonym(chunk.tokens[-1].text)
    by_before = texts[1] == "of" and texts[2] in SETTLEMENT_NOUNS
    if not (by_after or by_before):
        return None
    words = [t.text for t in chunk.tokens]
    if any(not w[:1].isupper() for w in words) or known.lexicon.classify(words) is not None:
        return None
    if known.people.find(" ".join(words)) is not None:
        return None
    return (chunk.start, chunk.end, "location", " ".join(words))


_DEMONYM_ENDINGS = ("ian", "ean", "can", "ese", "ish", "ic")
"""Endings of the adjectives of peoples ("Asian", "European", "African", "Congolese")."""


def _demonym(word: str) -> bool:
    """ "Asian", "Congolese", "Iraqi" (a country and "i"): a people's adjective, no place."""
    return word.endswith(_DEMONYM_ENDINGS) or (
        word.endswith("i") and lookup_place(word[:-1]) is not None
    )


_CONTACT_MARKERS = (re.compile(r" on [+\d]"), re.compile(r": (?:[A-Z]{2,3} )?[+\d]"))
"""Where a telephone number follows a name: "Crime Stoppers on 0800 ...", "Helpline: 0800 ..."."""
_PHONE = re.compile(r"(?:[A-Z]{2,3} )?\+?\d{2,4}(?:[ -]\d{2,4}){2,3}(?!\w|[.,]\d)")
_NAME_BEFORE = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*(?: (?:and |of |& )?[A-Z][\w’'-]*){0,4}\Z")
_CONTACT_WINDOW = 60
_CONTACT_VERBS = frozenset({"Call", "Contact", "Ring", "Phone", "Text", "Dial"})


def contact_services(text: str) -> list[Coined]:
    """Services given with a telephone number to call: "report it to Crime Stoppers on 0800 555
    111", "Gambling Helpline: 0800 654 655" (a lone short code such as 111 is no number)."""
    found: list[Coined] = []
    for marker in _CONTACT_MARKERS:
        for match in marker.finditer(text):
            phone = _PHONE.match(text, match.end() - 1)
            if phone is None or sum(c.isdigit() for c in phone.group()) < 8:
                continue
            window = max(0, match.start() - _CONTACT_WINDOW)
            name = _NAME_BEFORE.search(text, window, match.start())
            if name is None:
                continue
            first, _, rest = name.group().partition(" ")
            start = name.start()
            if first in _CONTACT_VERBS and rest:
                start += len(first) + 1  # "Call Crime Stoppers on ...": the verb is no name
            if text[start : name.end()] not in ORGANISATION_ALIASES:
                found.append((start, name.end(), "organization", text[start : name.end()]))
    return found


_FIRST_WORD = re.compile(r"[\w’'-]+")


_SPANNING: dict[str, tuple[tuple[str, EntityType, str], ...]] = {}
"""First token -> the names of :func:`_spanning`, filled on first use."""


def _spanning() -> dict[str, tuple[tuple[str, EntityType, str], ...]]:
    """Known names that a capitalised run cannot hold, as written and in capitals, by the
    first token of their run ("Dar" of "Dar es Salaam", "ST" of "ST. PETERSBURG")."""
    forms: dict[str, list[tuple[str, EntityType, str]]] = {}
    named: list[tuple[str, EntityType, str]] = [
        *((form, "organization", canonical) for form, canonical in ORGANISATION_ALIASES.items()),
        *((city, "location", CITY_ALIASES.get(city, city)) for city in CITIES),
        *((region, "location", region) for region in REGIONS),
    ]
    for form, kind, canonical in named:
        words = form.split()
        if any(w.islower() and w not in CONNECTORS for w in words):
            spelt = [form]  # in capitals ("DAR ES SALAAM") the run holds it
        elif kind == "location" and any(w.endswith(".") for w in words[:-1]):
            spelt = [form.upper()]  # "ST. PETERSBURG": "ST" and "." are two tokens
        else:
            continue
        for written in spelt:
            first = _FIRST_WORD.match(written)
            if first is not None:
                forms.setdefault(first.group(), []).append((written, kind, canonical))
    _SPANNING.update({first: tuple(group) for first, group in forms.items()})
    return _SPANNING


def spanning_name(text: str, chunk: Chunk) -> Coined | None:
    """A known name with lower-case words ("Dar es Salaam") that starts where ``chunk`` does."""
    group = (_SPANNING or _spanning()).get(chunk.tokens[0].text)
    if group is None:
        return None  # the common case, decided with one look
    start = chunk.start
    for form, kind, canonical in group:
        end = start + len(form)
        if text.startswith(form, start) and not text[end : end + 1].isalnum():
            return (start, end, kind, canonical)
    return None


_AGENT_ENDINGS = ("ers", "ors", "ists", "ants", "ents")


def modifies_next(part: list[Token], following: Token) -> bool:
    """True when a body's head word describes the plural noun after it: "Internet Service
    Providers", "European Police Chiefs", "Customs Officers" name people, not the body."""
    if part[-1].text not in ORG_HEADS or not following.is_capitalised:
        return False
    word = following.text
    if word in ORG_HEADS or word.isupper():
        return False
    return word.lower() in ROLE_PLURALS or word.endswith(_AGENT_ENDINGS)


_LIST_MARKS = frozenset({",", "and"})
BEFORE_LIST_ITEM = _LIST_MARKS | {"the"}
"""Tokens that can stand before an item of a list ("…, Trend Micro", "and the …")."""


def _neighbour_before(release: Release, chunk: Chunk) -> Token | None:
    """The last token of the list item before ``chunk`` (across ", ", "and", "the"), or None."""
    tokens, index = release.tokens, chunk.first - 1
    if index >= 0 and tokens[index].text == "the":
        index -= 1
    if index < 1 or tokens[index].text not in _LIST_MARKS:
        return None
    index -= 2 if tokens[index].text == "and" and tokens[index - 1].text == "," else 1
    if index >= 3 and tokens[index].text == ")" and tokens[index - 2].text == "(":
        index -= 3  # "the World Customs Organization (WCO), ..."
    return tokens[index] if index >= 0 else None


def _neighbour_after(release: Release, index: int) -> Token | None:
    """The first token of the list item after ``tokens[index - 1]`` (across ", ", "and",
    "the"), or None."""
    tokens = release.tokens
    if index + 1 >= len(tokens) or tokens[index].text not in _LIST_MARKS:
        return None
    index += 2 if tokens[index].text == "," and tokens[index + 1].text == "and" else 1
    if index < len(tokens) and tokens[index].text == "the":
        index += 1
    return tokens[index] if index < len(tokens) else None


def listed_with_bodies(release: Release, chunk: Chunk, starts: set[int], ends: set[int]) -> int:
    """The number of tokens of an unknown name listed beside a body, or 0: "worked with
    Microsoft, Kaspersky Lab, Trend Micro and Japan's Cyber Defense Institute" (the run
    "Trend Micro and Japan" holds the item and the next one)."""
    if chunk.sentence_initial:
        return 0
    left = _neighbour_before(release, chunk)  # "the European Union": no list mark, no item
    if left is None:
        return 0
    tokens = list(chunk.tokens)
    texts = [t.text for t in tokens]
    if "and" in texts:
        tokens = tokens[: texts.index("and")]
    if not tokens or len(tokens) > 4:
        return 0
    last = tokens[-1].text
    if last.endswith("s") and not last.endswith("ss") and not last.isupper():
        return 0  # "Member States", "National Members": a group of people or countries
    if not all(t.is_capitalised for t in tokens) or tokens[0].text in SENTENCE_WORDS:
        return 0
    if any(t.text in WEEKDAYS_MONTHS for t in tokens):
        return 0
    right = _neighbour_after(release, chunk.first + len(tokens))
    if right is None or not (left.end in ends or right.start in starts):
        return 0
    return len(tokens)
