"""First pass over a release: learn its acronyms, programmes and people before labelling.

Order does not matter to the second pass: "Stock said" is a person even when
"Secretary General Jürgen Stock" comes later in the text.
"""

from __future__ import annotations

import re

from interpol_tui.analysis.chunks import Chunk
from interpol_tui.analysis.classify import Label, is_name_like, names_no_body
from interpol_tui.analysis.coined import (
    codenames,
    companies,
    loose_definition,
    news_outlets,
    numbered_bodies,
    systems,
)
from interpol_tui.analysis.constructions import (
    contact_services,
    learn_by_construction,
)
from interpol_tui.analysis.described import learn_described_system
from interpol_tui.analysis.lexicons import CRIME_ADJECTIVES, GROUP_NOUNS
from interpol_tui.analysis.names import (
    CODENAME_WORDS,
    DEPARTMENT_WORDS,
    HONORIFICS,
    OPERATION_NOUNS,
    ORG_HEADS,
    ORG_NOUNS,
    SPEECH_VERBS,
    TITLE_FIRST_WORDS,
)
from interpol_tui.analysis.organisations import (
    ORGANISATION_ALIASES,
    acronym_matches,
    looks_like_acronym,
)
from interpol_tui.analysis.people import match_title, singular_role
from interpol_tui.analysis.places import lookup_place
from interpol_tui.analysis.release import (
    Knowledge,
    Release,
    name_after_department,
    name_part,
    split_names,
)
from interpol_tui.analysis.tokens import Token

_ROMAN = re.compile(r"[IVXL]+")


def learn(release: Release) -> Knowledge:
    """Learn acronyms, operations, organisations and people from every name run."""
    known = Knowledge()
    previous: Chunk | None = None
    known.coined += contact_services(release.text)
    known.coined += systems(release.text) + codenames(release.text, release.tokens)
    known.coined += numbered_bodies(release.text) + news_outlets(release.text)
    known.coined += companies(release.text)
    for chunk in release.chunks:
        if not learn_by_construction(release, known, chunk):
            _learn_acronym(release, known, chunk)
        _learn_codename(release, known, chunk)
        loose = loose_definition(release, known, chunk)
        if loose is not None:
            known.coined.append(loose)
        _learn_person(release, known, chunk)
        _learn_named_thing(release, known, chunk)
        learn_described_system(release, known, chunk)
        if previous is not None:
            _learn_title_then_name(release, known, previous, chunk)
            _learn_apposed_long_form(release, known, previous, chunk)
        previous = chunk
    known.people.merge_surnames()
    return known


def role_of(
    release: Release, known: Knowledge, words: list[str], title_start: int, title_end: int
) -> str:
    """The role a title gives, with the body or country before it ("INTERPOL Secretary General")."""
    start = title_start
    while start > 0 and known.lexicon.classify(words[start - 1 : start]) is not None:
        start -= 1
    return singular_role(" ".join(words[start:title_end]))


def is_thing(release: Release, known: Knowledge, words: list[str]) -> bool:
    """True when ``words`` name an organisation, place or programme rather than a person."""
    label = known.lexicon.classify(words)
    return label is not None and label.type != "person"


def _learn_acronym(release: Release, known: Knowledge, chunk: Chunk) -> None:
    # "National Central Bureaus (NCBs)": the acronym right after the name, or
    # inside it ("United Nations (UN) General Assembly").
    opening = release.after(chunk)
    if "(" not in chunk.texts and (opening is None or opening.text != "("):
        return  # the common case: no bracket inside the run or after it
    words = list(chunk.texts)
    candidates = [(words[:i], words[i + 1]) for i, t in enumerate(chunk.tokens) if t.text == "("]
    short, closing = release.after(chunk, 1), release.after(chunk, 2)
    if opening and short and closing and opening.text == "(" and closing.text == ")":
        long_words = list(chunk.names)
        if short.text in ORGANISATION_ALIASES and len(long_words) > 1:
            # "the European Union Agency for Law Enforcement Cooperation (Europol)".
            alias = ORGANISATION_ALIASES[short.text]
            known.lexicon.learn("organisations", " ".join(long_words), alias)
            return
        if looks_like_acronym(short.text):
            candidates.append((long_words, short.text))
    for long_words, acronym in candidates:
        for cut in range(len(long_words)):
            if acronym_matches(acronym, long_words[cut:]):
                long_form = " ".join(long_words[cut:])
                label = known.lexicon.classify(long_words[cut:])
                if label is None and names_no_body(long_words[cut:]):
                    break  # "Trafficking in Human Beings (THB)": a crime area, no body
                canonical = label.canonical if label else long_form
                noun = release.after(chunk, 3)
                if label is None and noun is not None and noun.text in OPERATION_NOUNS:
                    # "Stolen and Lost Travel Documents (SLTD) database": a programme.
                    canonical = f"{long_form} {noun.text}"
                    known.lexicon.learn("operations", long_form, canonical)
                    known.lexicon.learn("operations", canonical, canonical)
                    label = Label("operation", canonical)
                known.lexicon.learn("acronyms", acronym, canonical, replace=True)
                if acronym.endswith("s") and acronym[:-1].isupper():
                    known.lexicon.learn("acronyms", acronym[:-1], canonical)
                if label is None or label.type == "organization":
                    known.lexicon.learn("organisations", long_form, canonical)
                break


def _learn_person(release: Release, known: Knowledge, chunk: Chunk) -> None:
    words = list(chunk.texts)
    if TITLE_FIRST_WORDS.isdisjoint(words):
        _learn_untitled(release, known, chunk, words)  # no title can start here
        return
    for index in range(len(words)):
        end = match_title(words, index)
        if end != index:
            _learn_titled(release, known, chunk, words, index, end)
            return
    _learn_untitled(release, known, chunk, words)


def _learn_titled(
    release: Release, known: Knowledge, chunk: Chunk, words: list[str], index: int, end: int
) -> None:
    """ "Secretary General Jürgen Stock", "Dr Maria Lopez": the title at ``words[index:end]``."""
    rest = words[end:]
    begin = name_after_department(words, end)
    if begin is not None:
        # "Director of Organized and Emerging Crime Leila Achterberg".
        department = " ".join(words[end:begin])
        known.people.add(
            " ".join(words[begin:]), f"{role_of(release, known, words, index, end)} {department}"
        )
        return
    if not rest or not is_name_like(rest[:1]):
        return
    role: str | None = role_of(release, known, words, index, end)
    if words[end - 1] in HONORIFICS:
        # "Dr Maria Lopez, Head of ...": an honorific is no role; a title may follow.
        after = release.after(chunk)
        role = _apposed_role(release, known, chunk) if after and after.text == "," else None
    for name in split_names(rest):
        name = name_part(name)
        if is_name_like(name) and not is_thing(release, known, name):
            known.people.add(" ".join(name), role)


def _learn_untitled(release: Release, known: Knowledge, chunk: Chunk, words: list[str]) -> None:
    """Untitled names: "said Jane Doe", "Jane Doe said", "Jane Doe, INTERPOL Director, said"."""
    before = release.before(chunk)
    name = name_part(words) if before is not None and before.text.lower() in SPEECH_VERBS else words
    if (
        len(name) < len(words)
        and 2 <= len(name) <= 4
        and is_name_like(name)
        and not is_thing(release, known, name)
    ):
        # "said Nguyen Thi Lan of Viet Nam’s Ministry of Public Security".
        known.people.add(" ".join(name), None)
        return
    if _name_of_body(release, known, words):
        return
    if not (2 <= len(words) <= 4 and is_name_like(words)) or is_thing(release, known, words):
        return
    after = release.after(chunk)
    skip = 1
    if _bracket_then_comma(release, chunk):
        skip, after = 4, release.after(chunk, 3)  # "Vanessa Frazier (Malta), Chair of ..."
    if after is not None and after.text == ",":
        apposed = _apposed_role(release, known, chunk, skip)
        if apposed is not None:
            known.people.add(" ".join(words), apposed)
            return
        after = release.after(chunk, skip)
    if _country_in_brackets(release, chunk):
        known.people.add(" ".join(words), None)  # "Lana Zaki Nusseibeh (United Arab Emirates)"
        return
    verbs = {t.text.lower() for t in (after, before) if t is not None}
    if verbs & SPEECH_VERBS or _described_person(release, chunk, before, after):
        known.people.add(" ".join(words), None)


_PERSON_PREDICATES = frozenset({"who", "aged", "wanted", "based", "whose"})
"""Words that open what is said of a person set off by commas ("…, Ana Ruiz, aged 41,")."""


def _described_person(
    release: Release, chunk: Chunk, before: Token | None, after: Token | None
) -> bool:
    """ "One of them, Ana Ruiz, was based in Peru", "the arrest of Li Wei, wanted for fraud".

    A name set off by commas whose next words describe a person (an age, a
    wanted notice, where they live, a relative clause) names a person.
    """
    comma = release.after(chunk)
    if after is None or before is None or comma is None or comma.text != ",":
        return False
    if before.text not in (",", "of"):
        return False
    word = after.text.lower()
    return word in _PERSON_PREDICATES or (before.text == "," and word in ("was", "is"))


def _learn_title_then_name(release: Release, known: Knowledge, title: Chunk, name: Chunk) -> None:
    """ "INTERPOL’s Executive Director of Police Services, Stephen Kavanagh, presented ..."."""
    comma = release.before(name)
    if comma is None or comma.text != "," or release.before(name, 1) is not title.tokens[-1]:
        return
    words = list(name.texts)
    if not (2 <= len(words) <= 4 and is_name_like(words)) or is_thing(release, known, words):
        return
    after = release.after(name)
    # "..., Stephen Kavanagh, presented", "said WCO Secretary General, Kunio Mikuriya."
    if after is None or (after.text not in (",", ".", ";") and after.text not in SPEECH_VERBS):
        return
    title_words = list(title.texts)
    for index in range(len(title_words)):
        end = match_title(title_words, index)
        if end > index:
            tail = title_words[end:]
            if tail and tail[0] not in ("of", "for"):
                return  # the title is followed by a name of its own
            role = role_of(release, known, title_words, index, end)
            known.people.add(" ".join(words), " ".join([role, *tail]))
            return


def _learn_apposed_long_form(release: Release, known: Knowledge, short: Chunk, long: Chunk) -> None:
    """ "Frontex, the European Border and Coast Guard Agency": the long form of a short name."""
    if len(short.tokens) != 1 or len(long.tokens) < 3:
        return
    the, comma = release.before(long), release.before(long, 1)
    if the is None or comma is None or the.text != "the" or comma.text != ",":
        return
    if release.before(long, 2) is not short.tokens[0]:
        return
    lexicon = known.lexicon
    label, long_label = (
        lexicon.classify([short.tokens[0].text]),
        lexicon.classify_name(long.name, list(long.names), False),
    )
    if (
        label is not None
        and long_label is not None
        and label.type == long_label.type == "organization"
        and label.canonical != long_label.canonical
        and long.tokens[-1].text in ORG_HEADS
    ):
        long_form = long.name
        lexicon.learn("organisations", long_form, label.canonical, replace=True)


def _name_of_body(release: Release, known: Knowledge, words: list[str]) -> bool:
    """ "Marie-Claire Dubois of INTERPOL’s Training Directorate": a name, then "of" a body."""
    if "of" not in words:
        return False  # the common case: no "of" to follow the name
    name = name_part(words)
    if not (2 <= len(name) <= 4 and len(name) + 1 < len(words) and words[len(name)] == "of"):
        return False
    if not is_name_like(name) or is_thing(release, known, name):
        return False
    body = [w for w in words[len(name) + 1 :] if w != "the"]
    labels = (known.lexicon.classify(body[:end]) for end in range(len(body), 0, -1))
    if not any(label is not None and label.type == "organization" for label in labels):
        return False
    known.people.add(" ".join(name), None)
    return True


def _country_in_brackets(release: Release, chunk: Chunk) -> bool:
    """ "Name (Country)": a person introduced with the country they speak for."""
    opening = release.after(chunk)
    if opening is None or opening.text != "(":
        return False
    words: list[str] = []
    for offset in range(1, 6):
        token = release.after(chunk, offset)
        if token is None:
            return False
        if token.text == ")":
            place = lookup_place(" ".join(words)) if words else None
            return place is not None and place[1] == "country"
        words.append(token.text)
    return False


def _bracket_then_comma(release: Release, chunk: Chunk) -> bool:
    """ "Name (Country), ...": one bracketed word, then a comma."""
    marks = [release.after(chunk, offset) for offset in range(4)]
    texts = [mark.text if mark is not None else "" for mark in marks]
    return texts[0] == "(" and texts[2] == ")" and texts[3] == ","


def _apposed_role(release: Release, known: Knowledge, chunk: Chunk, skip: int = 1) -> str | None:
    """The title after a name and a comma: "Valdecy Urquiza, INTERPOL Secretary General"."""
    words = release.words_after(chunk, skip, 8)
    if words[:1] == ["the"]:
        words = words[1:]
    for index in range(min(3, len(words))):
        end = match_title(words, index)
        # Only names may stand before the title ("Chile's Minister of Interior").
        if end > index and all(w[:1].isupper() for w in words[:index]):
            role = role_of(release, known, words, index, end)
            # "Head of INTERPOL's Environmental Security Programme": keep the "of" part.
            tail: list[str] = []
            if end < len(words) and words[end] in ("of", "for"):
                for word in words[end:]:
                    if word not in ("of", "the") and not word[:1].isupper():
                        break
                    tail.append(word)
            while tail and tail[-1] in ("of", "the"):
                tail.pop()  # "Chair of the": the body's name ended the words read
            return " ".join([role, *tail])
    return None


def _learn_codename(release: Release, known: Knowledge, chunk: Chunk) -> None:
    """ "codenamed Pandora VII", "Code-named Blue Amber, the operation ...": an operation."""
    before = release.before(chunk)
    opening = chunk.tokens[0].text.lower() in CODENAME_WORDS  # sentence-initial "Codenamed"
    if not opening and (before is None or before.text.lower() not in CODENAME_WORDS):
        return  # the common case, decided with one look
    words = list(chunk.names[1 if opening else 0 :])
    if not words or known.lexicon.classify(words) is not None:
        return
    name = " ".join(words)
    canonical = name if words[0] == "Operation" else f"Operation {name}"
    known.lexicon.learn("operations", name, canonical)


def _hyphen_adjective(words: list[str]) -> bool:
    """ "INTERPOL-led", "Europol-coordinated": a name turned adjective names no programme."""
    return len(words) == 1 and "-" in words[0] and words[0].rsplit("-", 1)[1].islower()


def _learn_named_thing(release: Release, known: Knowledge, chunk: Chunk) -> None:
    words = list(chunk.names)
    after = release.after(chunk)
    lexicon = known.lexicon
    if (
        after is not None
        and after.text in OPERATION_NOUNS
        and after.start - chunk.end == 1
        and not _hyphen_adjective(words)
        and lexicon.classify(words) is None
        and not chunk.sentence_initial
        and known.people.find(" ".join(words)) is None
    ):
        # A coined one-word name is the name ("I-Familia"); a descriptive one
        # needs its noun ("International Child Sexual Exploitation database").
        canonical = words[0] if len(words) == 1 else " ".join(words) + " " + after.text
        lexicon.learn("operations", f"{' '.join(words)} {after.text}", canonical)
        lexicon.learn("operations", " ".join(words), canonical)
        return
    if (
        after is not None
        and after.text in ORG_NOUNS
        and after.start - chunk.end == 1
        # "its Anti-Corruption unit": one word names a unit when it names a field of work.
        and (len(words) > 1 or words[0] in DEPARTMENT_WORDS)
        and lexicon.classify(words) is None
        and not chunk.sentence_initial
        and known.people.find(" ".join(words)) is None
    ):
        # "INTERPOL’s Vulnerable Communities unit": a named unit with a lower-case head.
        canonical = f"{' '.join(words)} {after.text}"
        lexicon.learn("organisations", canonical, canonical)
        return
    if after is not None and after.text in CRIME_ADJECTIVES:
        head = release.after(chunk, 1)
        if (
            head is not None
            and head.text in GROUP_NOUNS
            and lexicon.classify(words) is None
            and known.people.find(" ".join(words)) is None
        ):
            # "the Black Axe criminal organization": the name before a description.
            lexicon.learn("organisations", " ".join(words), " ".join(words))
    label = lexicon.classify_name(chunk.name, words, False)
    if label is not None and label.type == "operation":
        lexicon.learn("operations", " ".join(words), label.canonical)
        if len(words) > 1 and words[0] == "Operation":
            # Later mentions drop the word: "Trigger IX shows", "Pangea remains".
            codename = words[1:]
            lexicon.learn("operations", " ".join(codename), label.canonical)
            if len(codename) == 2 and _ROMAN.fullmatch(codename[1]):
                lexicon.learn("operations", codename[0], label.canonical)
    elif label is not None and label.type == "organization" and len(words) > 1:
        lexicon.learn("organisations", " ".join(words), label.canonical)
