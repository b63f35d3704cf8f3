"""Names capitalised runs miss: long forms with lower-case words, codenames with years.

"Illicit Arms Records and tracing Management System (iARMS)" spells its
acronym across a lower-case word; "First Light 2024" is an operation whose
first word also opens ordinary sentences; "I-24/7" is written with a slash.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from interpol_tui.analysis.chunks import Chunk
from interpol_tui.analysis.classify import Table
from interpol_tui.analysis.model import EntityType
from interpol_tui.analysis.names import (
    OPERATION_HEADS,
    OPERATION_NOUNS,
    ORG_HEADS,
    SENTENCE_WORDS,
    WEEKDAYS_MONTHS,
)
from interpol_tui.analysis.places import lookup_place
from interpol_tui.analysis.release import Knowledge, Release
from interpol_tui.analysis.tokens import Token

Coined = tuple[int, int, EntityType, str]
"""(start, end, type, canonical) of a name found here."""

_LOOSE_ACRONYM = re.compile(r"[a-z]?[A-Z][A-Za-z0-9]*[A-Z0-9]s?")
_MAX_LEAD = 8
"""Lower-case and capitalised words tried before a run that does not spell its acronym."""
# Systems written with digits and a slash that no capitalised run can hold: capitals, a
# hyphen and a ratio ("I-24/7", "K-9/11").
_SYSTEMS = re.compile(r"[A-Z](?<![\w-][A-Z])[A-Z]{0,2}-\d{1,2}/\d{1,2}(?![\w/])")
# "iARMS", "eCRIS", "mSTAR": one lower-case letter before four capitals or more names a
# system or tool (three are a common word: "mRNA"). The match starts at the first capital
# (the lower-case letter is looked behind at), so the scan skips from capital to capital.
_PREFIXED = re.compile(r"[A-Z](?<=[a-z][A-Z])[A-Z]{3,}(?![\w-])")
_YEAR_IN_TEXT = re.compile(r"(?:19[89]\d|20[0-4]\d)\b")


def _spells(acronym: str, words: list[str]) -> bool:
    """True when the initials of ``words`` spell ``acronym``; lower-case words may be skipped."""
    letters = acronym.lower()
    if acronym.endswith("s") and acronym[:-1].upper() == acronym[:-1]:
        letters = letters[:-1]
    position = 0
    for word in words:
        initial = word[0].lower()
        if position < len(letters) and initial == letters[position]:
            position += 1
        elif word[0].isupper():
            return False  # every capitalised word of the name is in its acronym
    return position == len(letters) and len(letters) >= 2


def loose_definition(release: Release, known: Knowledge, chunk: Chunk) -> Coined | None:
    """Learn "Long name with lower-case words (ACR)" when the run alone does not spell ACR."""
    tokens = release.tokens
    opening = release.after(chunk)
    if opening is None or opening.text != "(":
        return None  # the common case, decided with one look
    short, closing = release.after(chunk, 1), release.after(chunk, 2)
    if not (short and closing and closing.text == ")"):
        return None
    acronym = short.text
    if acronym in known.lexicon.acronyms:
        return None
    if acronym.istitle() and len(acronym) > 3 and len(chunk.tokens) >= 3:
        # "Norwegian Agency for Development Cooperation (Norad)": a short name, not initials.
        label = known.lexicon.classify([t.text for t in chunk.tokens])
        if label is not None and label.type == "organization":
            known.lexicon.learn("acronyms", acronym, label.canonical)
        return None
    if not _LOOSE_ACRONYM.fullmatch(acronym):
        return None
    last = chunk.first + len(chunk.tokens)
    lead = chunk.first
    while (
        lead > max(0, chunk.first - _MAX_LEAD)
        and tokens[lead - 1].kind == "word"
        and tokens[lead].start - tokens[lead - 1].end == 1
    ):
        lead -= 1
    for begin in range(lead, chunk.first):
        run = tokens[begin:last]
        if not run[0].is_capitalised or not _spells(acronym, [t.text for t in run]):
            continue
        return _define(release, known, run, acronym, release.after(chunk, 3))
    return None


def _define(
    release: Release, known: Knowledge, run: list[Token], acronym: str, noun: Token | None
) -> Coined:
    words = [t.text for t in run]
    long_form = " ".join(words)
    head = words[-1]
    kind: EntityType = "organization"
    canonical = long_form
    if noun is not None and noun.text in OPERATION_NOUNS and head not in ORG_HEADS:
        kind, canonical = "operation", f"{long_form} {noun.text}"
    elif head in OPERATION_HEADS:
        kind = "operation"
    table: Table = "operations" if kind == "operation" else "organisations"
    known.lexicon.learn(table, long_form, canonical)
    known.lexicon.learn(table, canonical, canonical)
    known.lexicon.learn("acronyms", acronym, canonical, replace=True)
    return (run[0].start, run[-1].end, kind, canonical)


def _codename_start(tokens: list[Token], year: int) -> int | None:
    """Where the capitalised name before the year at ``tokens[year]`` begins, if one does."""
    begin = year
    while (
        begin > 0
        and year - begin < 3
        and tokens[begin - 1].is_capitalised
        and tokens[begin].start - tokens[begin - 1].end == 1
    ):
        begin -= 1
    if begin == year:
        return None
    words = [t.text for t in tokens[begin:year]]
    if (
        words[-1] in SENTENCE_WORDS
        or any(w in WEEKDAYS_MONTHS or w.isupper() for w in words)
        or lookup_place(" ".join(words)) is not None
    ):
        return None  # "In 2024", "May 2024", "INTERPOL 2024", "Paris 2024"
    if begin > 0 and tokens[begin - 1].text == "Operation":
        return begin - 1  # "Operation Safe Harbour Seas 2025": a long codename keeps its word
    return begin


def _start(token: Token) -> int:
    return token.start


def codenames(text: str, tokens: list[Token]) -> list[Coined]:
    """Operations named with a year ("First Light 2024") in a release about operations."""
    if "peration" not in text:
        return []
    found: list[Coined] = []
    for match in _YEAR_IN_TEXT.finditer(text):
        at = match.start()
        word = text.rfind(" ", 0, at - 1) + 1
        if at < 2 or text[at - 1] != " " or not text[word].isupper():
            continue  # "in 2023": only a capitalised word can end a codename
        index = bisect_left(tokens, at, key=_start)
        if index == 0 or index >= len(tokens) or tokens[index].start != match.start():
            continue
        token = tokens[index]
        nxt = tokens[index + 1] if index + 1 < len(tokens) else None
        if nxt is not None and (nxt.is_capitalised or nxt.kind == "number"):
            continue  # "UN 2030 Agenda": the year is inside a longer name
        begin = _codename_start(tokens, index)
        if begin is not None:
            name = text[tokens[begin].start : token.end]
            found.append((tokens[begin].start, token.end, "operation", name))
    return found


def systems(text: str) -> list[Coined]:
    """Systems named with digits and slashes ("I-24/7") or a lower-case prefix ("iARMS")."""
    found: list[Coined] = []
    for match in _PREFIXED.finditer(text):
        start = match.start() - 1  # the lower-case prefix
        if not start or not (text[start - 1].isalnum() or text[start - 1] in "-_"):
            found.append((start, match.end(), "operation", text[start : match.end()]))
    if "/" in text:
        found += [(m.start(), m.end(), "operation", m.group()) for m in _SYSTEMS.finditer(text)]
    return found


_NUMBERED_BODY = re.compile(
    r"\d(?<![\w/.,]\d)\d{2,3}\s+(?:Sanctions\s+)?(?:Committee|Monitoring\s+Team|Working\s+Group"
    r"|Group\s+of\s+Experts)\b"
)


def numbered_bodies(text: str) -> list[Coined]:
    """Bodies named by a resolution's number ("the 1267 Committee", "the 1540 Group of Experts")."""
    if "Committee" not in text and "Group" not in text and "Team" not in text:
        return []
    return [(m.start(), m.end(), "organization", m.group()) for m in _NUMBERED_BODY.finditer(text)]


_MEDIA_HEADS = frozenset(
    """
News Review Times Post Journal Herald Daily Tribune Gazette Press Wire Today Magazine
Executive Observer Chronicle Telegraph Express Monitor Insider
    """.split()  # noqa: SIM905
)
"""Last words of a news outlet's name ("Eurasia Review", "The Maritime Executive")."""
_NAME = r"(?:The\s+)?[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*){0,3}"
# "By" at a line's start or after white space; the look-behind comes after the first
# letter so that the scan skips from one "b" to the next.
_BYLINE = re.compile(rf"(?m)[Bb](?<!\S[Bb])y[ \t]+(?P<name>{_NAME})[ \t]*$")
_CREDIT = re.compile(rf"\((?P<first>{_NAME})[ \t]*/[ \t]*(?P<second>{_NAME})[ \t]*[-–,]")


def news_outlets(text: str) -> list[Coined]:
    """Outlets credited in a byline ("By Baltic Review") or a wire credit ("(Daily News / AP -")."""
    found: list[Coined] = []
    if "by " in text or "By " in text:
        for match in _BYLINE.finditer(text):
            if match["name"].split()[-1] in _MEDIA_HEADS:
                name = match["name"]
                found.append((match.start("name"), match.end("name"), "organization", name))
    if " / " not in text and "/" not in text:
        return found
    for match in _CREDIT.finditer(text):
        for group in ("first", "second"):
            found.append((match.start(group), match.end(group), "organization", match[group]))
    return found


_WORD = r"[A-Z](?:[\w&’'-]|\.(?=\w))*"  # "U.S.", "Qubit": a full stop only inside
_COMPANY = rf"{_WORD}(?:[ \t]{_WORD}){{0,2}}"
_COMPANY_LIST = re.compile(
    rf"\b(?:companies|firms|businesses|platforms|providers)[ \t]+(?:including|such[ \t]+as|like)"
    rf"[ \t]+(?P<list>{_COMPANY}(?:,[ \t]*{_COMPANY})*(?:,?[ \t]+and[ \t]+{_COMPANY})?)"
)
_FIRM_NAMED = re.compile(
    rf"\bthe[ \t]+(?:[a-z-]+[ \t]+){{0,2}}(?:firm|company|start-up|startup)[ \t]+"
    rf"(?P<name>{_COMPANY})"
)
_LIST_ITEM = re.compile(_COMPANY)


def companies(text: str) -> list[Coined]:
    """Companies named as such: "companies including A, B and C", "the security firm X"."""
    if "compan" not in text and "firm" not in text and "platforms" not in text:
        return []
    found: list[Coined] = []
    for match in _COMPANY_LIST.finditer(text):
        base = match.start("list")
        for item in _LIST_ITEM.finditer(match["list"]):
            found.append((base + item.start(), base + item.end(), "organization", item.group()))
    for match in _FIRM_NAMED.finditer(text):
        found.append((match.start("name"), match.end("name"), "organization", match["name"]))
    return found
