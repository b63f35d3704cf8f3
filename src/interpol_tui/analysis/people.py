"""People: titles folded out of names into roles, and who "the Head of INTERPOL" is."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from interpol_tui.analysis.names import LEADER_TITLES, TITLE_FIRST_WORDS, TITLES

_MAX_TITLE_WORDS = max(len(title) for title in TITLES)
_PLURAL_TITLE_WORDS = {
    "Secretaries": "Secretary",
    "Secretaries-General": "Secretary-General",
    "Ministers": "Minister",
    "Presidents": "President",
    "Directors": "Director",
    "Heads": "Head",
    "Commissioners": "Commissioner",
    "Ambassadors": "Ambassador",
}


@dataclass
class Person:
    """A person named in one release, with the forms that refer to them."""

    canonical: str
    role: str | None = None
    forms: set[str] = field(default_factory=set)
    mentions: list[int] = field(default_factory=list)
    """Offsets of every mention, to find who was named most recently."""

    @property
    def surname(self) -> str:
        """The last word of the name ("Stock", "Al-Raisi")."""
        return self.canonical.split(" ")[-1]


def match_title(words: list[str], index: int) -> int:
    """Return the end index of the longest title starting at ``words[index]``, or ``index``.

    Titles in a row are one ("Police Chief Lt-Gen Win Zaw Moe": a post, then a rank).
    """
    end = _one_title(words, index)
    while end > index and end < len(words) - 1:
        more = _one_title(words, end)
        if more == end:
            break
        end = more
    return end


def _one_title(words: list[str], index: int) -> int:
    if words[index] not in TITLE_FIRST_WORDS:
        return index
    for length in range(min(_MAX_TITLE_WORDS, len(words) - index), 0, -1):
        if tuple(words[index : index + length]) in TITLES:
            return index + length
    return index


def singular_role(role: str) -> str:
    """ "Secretaries General" -> "Secretary General" (a plural title shared by several names)."""
    return " ".join(_PLURAL_TITLE_WORDS.get(word, word) for word in role.split(" "))


class PeopleRegistry:
    """The people of one release, looked up by full name, surname or role."""

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self._by_surname: dict[str, str] = {}
        self._by_first_word: dict[str, list[str]] = {}

    def add(self, name: str, role: str | None) -> Person:
        """Register ``name`` (a full name or a surname) and return its person."""
        found = self.find(name)
        if found is None:
            found = Person(name, role)
            self.people[name] = found
            if " " in name:
                self._by_first_word.setdefault(name.split(" ")[0], []).append(name)
                known = self._by_surname.setdefault(found.surname, name)
                if known != name:
                    self._by_surname[found.surname] = ""  # two people share it: ambiguous
        elif role and (found.role is None or len(role) > len(found.role)):
            found.role = role
        return found

    def find(self, name: str) -> Person | None:
        """Return the person called ``name`` in full or by surname, or None."""
        if name in self.people:
            return self.people[name]
        canonical = self._by_surname.get(name)
        if canonical:
            return self.people[canonical]
        if " " not in name:
            # Family name first ("Tan" for "Tan Wei Ming"), when only one person fits.
            fits = [n for n in self._by_first_word.get(name, []) if n in self.people]
            if len(fits) == 1 and len(fits[0].split(" ")) >= 3:
                return self.people[fits[0]]
        return None

    def merge_surnames(self) -> None:
        """Fold people registered by surname alone into the full name that ends with it."""
        for name in [n for n in self.people if " " not in n]:
            full = self._by_surname.get(name)
            if full and full != name and full in self.people:
                single = self.people.pop(name)
                person = self.people[full]
                if person.role is None:
                    person.role = single.role
                person.forms |= single.forms
                person.mentions.extend(single.mentions)

    def by_role(self, phrase: str, offset: int) -> Person | None:
        """Resolve a nominal mention ("the Head of INTERPOL", "The Secretary General").

        The title must fit the person's role ("head" and "chief" fit any leader's
        title); an organisation named in the phrase narrows the choice; among
        what is left, the person named most recently before ``offset`` wins.
        """
        lowered = phrase.replace("’s", "").lower()
        title = _title_in(lowered)
        orgs = [
            w.lower() for w in re.findall(r"[A-Z][\w-]+", phrase) if w.lower() not in _NOMINAL_WORDS
        ]
        fitting = []
        for person in self.people.values():
            role = (person.role or "").lower()
            if not role:
                continue
            if title in _GENERIC_TITLES or not title:
                if not any(leader in role for leader in LEADER_TITLES):
                    continue
            elif title not in role.replace("-", " ") and title not in role:
                continue
            fitting.append(person)
        if orgs:
            # A role naming the organisation fits; so does a bare title ("Secretary General").
            named = [
                p
                for p in fitting
                if all(org in (p.role or "").lower() for org in orgs)
                or (p.role or "").lower().replace("-", " ") in _BARE_TITLES
            ]
            fitting = named or fitting
        if not fitting:
            return None

        def rank(person: Person) -> tuple[int, int, int]:
            # "The head of" an organisation is its chief executive before its president.
            role = (person.role or "").lower().replace("-", " ")
            seniority = next(
                (len(LEADER_TITLES) - i for i, t in enumerate(LEADER_TITLES) if t in role), 0
            )
            generic = title in _GENERIC_TITLES or not title
            before = [m for m in person.mentions if m <= offset]
            recent = max(before) if before else -min(person.mentions, default=0)
            return (seniority if generic else 0, 1 if before else 0, recent)

        return max(fitting, key=rank)


_GENERIC_TITLES = frozenset({"head", "chief", "leader", "boss"})
_BARE_TITLES = frozenset(t.replace("-", " ") for t in LEADER_TITLES)


_NOMINAL_WORDS = frozenset(
    """
the of head chief leader boss secretary general president director executive commissioner
chair minister prime deputy organization organisation police world
    """.split()  # noqa: SIM905
)


_SPECIFIC_TITLES = (
    *(t for t in LEADER_TITLES if t not in _GENERIC_TITLES and "-" not in t),
    "director",
    "minister",
)
"""Titles a nominal mention may name, most specific first ("director general" before
"director")."""
_GENERIC_TITLE = re.compile(r"\b(?:" + "|".join(sorted(_GENERIC_TITLES)) + r")\b")


def _title_in(words: str) -> str:
    words = words.replace("-", " ")
    for title in _SPECIFIC_TITLES:
        if title in words:
            return title
    generic = _GENERIC_TITLE.search(words)
    return generic.group() if generic else ""


NOMINAL = re.compile(
    r"\b(?:[Tt]he|[Oo]ur|[Ii]ts)\s+"
    r"(?P<phrase>(?:[A-Z][\w’'-]*\s+){0,3}?"
    r"(?:[Hh]ead|[Cc]hief|[Ll]eader|Secretary[ -]General|Director[ -]General|Executive Director|"
    r"President|Prime Minister|Commissioner|Chair(?:man|woman|person)?|Minister)"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})?)"
)
"""A person named by role alone: "the Head of INTERPOL", "The INTERPOL Chief"."""
