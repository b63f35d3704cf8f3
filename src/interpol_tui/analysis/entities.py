"""Find people, organisations, places and operations, each linked to one canonical name."""

from __future__ import annotations

from dataclasses import dataclass

from interpol_tui.analysis.chunks import Chunk
from interpol_tui.analysis.classify import NO_PLACE_INSIDE, Label, is_name_like
from interpol_tui.analysis.constructions import (
    BEFORE_LIST_ITEM,
    listed_with_bodies,
    modifies_next,
)
from interpol_tui.analysis.definitions import learn, role_of
from interpol_tui.analysis.model import EntitySpan, EntityType
from interpol_tui.analysis.names import (
    DEPARTMENT_WORDS,
    DOCUMENT_HEADS,
    HONORIFICS,
    ORG_HEADS,
    TITLE_FIRST_WORDS,
)
from interpol_tui.analysis.operations import operation_lists
from interpol_tui.analysis.organisations import ORGANISATION_ALIASES
from interpol_tui.analysis.overlap import Claims
from interpol_tui.analysis.people import PeopleRegistry, match_title
from interpol_tui.analysis.places import (
    COMPASS_WORDS,
    REGION_HEADS,
    SUBDIVISION,
    lookup_place,
)
from interpol_tui.analysis.release import (
    Knowledge,
    Release,
    name_after_department,
    name_part,
    name_words,
    split_names,
)
from interpol_tui.analysis.short_forms import short_forms
from interpol_tui.analysis.suffix_forms import link_suffixes
from interpol_tui.analysis.token_search import tokens_holding
from interpol_tui.analysis.tokens import Token

_LONGEST_NAME = 12
_JOINABLE = frozenset({"organization", "operation"})
"""Tokens in the longest name tried inside a run (runs can join several names)."""


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    type: EntityType
    canonical: str
    role: str | None = None


@dataclass(frozen=True, slots=True)
class EntityResult:
    """The entity spans of a release and its people (for quotation speakers)."""

    spans: tuple[EntitySpan, ...]
    people: PeopleRegistry


class _Labeller:
    """Second pass: label every name run of a release and link short forms to long ones."""

    def __init__(self, release: Release, known: Knowledge) -> None:
        self.release = release
        self.known = known
        self.text = release.text
        self.tokens = release.tokens
        self.chunks = release.chunks
        self.lexicon = known.lexicon
        self.people = known.people
        self.found: list[_Found] = []
        self._spans: set[tuple[int, int]] = set()
        self._claims = Claims(len(release.text))
        self._short_forms: tuple[dict[str, str], dict[str, str]] | None = None
        """Built on first use: the lexicon is complete once the first pass has run."""

    # -- pass 2: labelling ----------------------------------------------------

    def label(self) -> None:
        """Label every chunk, then link short forms to the long forms of this release."""
        for start, end, canonical in operation_lists(self.tokens, self.text):
            self._add(start, end, "operation", canonical)
        for start, end, kind, canonical in self.known.coined:
            if not self._taken(start, end):
                # "iARMS" defined earlier in the release shares its long form's name.
                self._add(start, end, kind, self.lexicon.acronyms.get(canonical, canonical))
        for chunk in self.chunks:
            self._label_chunk(chunk)
        self._listed_bodies()
        self._hyphen_prefixes()

    def _add(
        self, start: int, end: int, kind: EntityType, canonical: str, role: str | None = None
    ) -> None:
        if (start, end) in self._spans:
            return
        self._spans.add((start, end))
        self._claims.claim(start, end)
        self.found.append(_Found(start, end, kind, canonical, role))

    def _taken(self, start: int, end: int) -> bool:
        return self._claims.overlaps(start, end)

    def _label_chunk(self, chunk: Chunk) -> None:
        if self._taken(chunk.start, chunk.end):
            return
        tokens = list(chunk.tokens)
        words = list(chunk.names)
        after = self.release.after(chunk)
        joined = chunk.name
        if after is not None and after.start - chunk.end == 1 and after.text.islower():
            key = (joined + " " + after.text).casefold()
            tables: tuple[tuple[EntityType, dict[str, str]], ...] = (
                ("operation", self.lexicon.operations),
                ("organization", self.lexicon.organisations),
            )
            for head_kind, table in tables:
                if key in table:
                    self._add(chunk.start, after.end, head_kind, table[key])
                    return
        label = self.lexicon.classify_name(joined, words, joined.isupper())
        if label is not None and label.type in _JOINABLE and self._two_names(tokens, label.type):
            return
        kind = label.entity if label is not None else None
        if label is not None and kind in ("organization", "operation"):
            if kind == "organization" and self._body_of_body(tokens):
                return
            self._add(chunk.start, chunk.end, kind, label.canonical)
            self._nested_bodies(tokens, label)
            return
        texts = list(chunk.texts)
        if self._label_person(tokens, texts):
            return
        self._segment(
            tokens,
            texts,
            no_places=(label is not None and label.type in NO_PLACE_INSIDE)
            or words[-1] in DOCUMENT_HEADS,
        )

    def _two_names(self, tokens: list[Token], kind: str) -> bool:
        """ "Royal Thai Police and Brazilian Federal Police", "Project Wisdom and Project Leaf":
        two names of one kind joined by "and", labelled apart."""
        for index, token in enumerate(tokens):
            if token.text != "and" or not 0 < index < len(tokens) - 1:
                continue
            left, right = tokens[:index], tokens[index + 1 :]
            sides = [self.lexicon.classify(name_words(side)) for side in (left, right)]
            if all(side is not None and side.type == kind for side in sides):
                for side, part in zip(sides, (left, right), strict=True):
                    assert side is not None and side.entity is not None
                    self._add(part[0].start, part[-1].end, side.entity, side.canonical)
                return True
        return False

    def _body_of_body(self, tokens: list[Token]) -> bool:
        """ "the Cyber Unit of the Federal Police": two bodies, each labelled on its own.

        The left side is a name of two words or more ending in a body's head; the
        right side names a body by itself. "Office of the ..." (one word) is one name.
        """
        for index, token in enumerate(tokens):
            if token.text != "of" or not 2 <= index < len(tokens) - 1:
                continue
            if tokens[index - 1].text not in ORG_HEADS:
                continue
            right = tokens[index + 2 :] if tokens[index + 1].text == "the" else tokens[index + 1 :]
            if not right or _plural_head(right[-1].text):
                continue  # "Egmont Group of Financial Intelligence Units": a body of members
            left_label = self.lexicon.classify(name_words(tokens[:index]))
            right_label = self.lexicon.classify(name_words(right))
            if all(x is not None and x.type == "organization" for x in (left_label, right_label)):
                for side, part in ((left_label, tokens[:index]), (right_label, right)):
                    assert side is not None
                    self._add(part[0].start, part[-1].end, "organization", side.canonical)
                return True
        return False

    def _nested_bodies(self, tokens: list[Token], label: Label) -> None:
        """ "UN Security Council Sanctions Committees" also mentions the UN Security Council."""
        if label.type != "organization":
            return
        # "Korean National Police Agency": one trailing head word belongs to the name,
        # so only cuts that leave two words or more name a body inside a body.
        for cut in range(len(tokens) - 2, 1, -1):
            part = tokens[:cut]
            follows = tokens[cut]
            if not part[-1].is_capitalised or not (follows.is_capitalised or follows.text == "("):
                continue
            sub = self.lexicon.classify(name_words(part))
            body = part[-1].text in ORG_HEADS or part[-1].text in ORGANISATION_ALIASES
            if (
                body
                and sub is not None
                and sub.type == "organization"
                and sub.canonical != label.canonical
            ):
                self._add(part[0].start, part[-1].end, "organization", sub.canonical)
                return

    def _label_person(self, tokens: list[Token], words: list[str]) -> bool:
        """Label a titled or untitled person; ``words``: the tokens' texts."""
        if TITLE_FIRST_WORDS.isdisjoint(words):
            return self._person(tokens, None, " ".join(words))  # no title can start here
        for index in range(len(words)):
            end = match_title(words, index)
            if end == index:
                continue
            if index:
                self._segment(tokens[:index], no_places=False)
            begin = name_after_department(words, end)
            if begin is not None:
                if not _department(words[end:begin]):
                    self._segment(tokens[end:begin], no_places=False)
                self._person(tokens[begin:], None)
                return True
            rest_tokens = tokens[end:]
            rest = words[end:]
            if rest and is_name_like(rest[:1]):
                honorific = words[end - 1] in HONORIFICS
                role = None if honorific else role_of(self.release, self.known, words, index, end)
                position = end
                for name in split_names(rest):
                    name_tokens = tokens[position : position + len(name)]
                    position += len(name) + 1
                    cut = len(name_part(name))
                    if cut < len(name):
                        # "Jane Achieng of the Kenya Police Service": the body after the name.
                        self._segment(name_tokens[cut:], no_places=False)
                    person = self.people.find(" ".join(name[:cut]))
                    if person is None or cut == 0:
                        continue
                    person.mentions.append(name_tokens[0].start)
                    self._add(
                        name_tokens[0].start,
                        name_tokens[cut - 1].end,
                        "person",
                        person.canonical,
                        role or person.role,
                    )
            elif rest_tokens and not _department(rest):
                self._segment(rest_tokens, no_places=False)
            return True
        return self._person(tokens, None)

    def _person(self, tokens: list[Token], role: str | None, name: str | None = None) -> bool:
        """Label ``tokens`` as the person they name (``name``: their texts joined), if known."""
        person = self.people.find(" ".join([t.text for t in tokens]) if name is None else name)
        if person is None:
            return False
        person.mentions.append(tokens[0].start)
        self._add(tokens[0].start, tokens[-1].end, "person", person.canonical, role or person.role)
        return True

    def _segment(
        self, tokens: list[Token], texts: list[str] | None = None, *, no_places: bool
    ) -> None:
        """Label the longest known names inside a run, left to right (``texts``: its texts)."""
        if texts is None:
            texts = [t.text for t in tokens]
        bracketed = "(" in texts  # else a part's name words are its texts (name_words)
        i = 0
        while i < len(tokens):
            if tokens[i].kind != "word" or texts[i][0].islower():
                i += 1
                continue
            if i + 3 < len(tokens) and self._coordinated_region(tokens, i):
                i += 1  # (the test before the call: a region needs the three words after)
                continue
            end = self._longest_name(tokens, texts, i, bracketed, no_places)
            if end is None:
                self._link_short_form(tokens[i])
                i += 1
            else:
                i = end

    def _longest_name(
        self, tokens: list[Token], texts: list[str], i: int, bracketed: bool, no_places: bool
    ) -> int | None:
        """Label the longest known name that starts at ``tokens[i]``; the index after it."""
        classify = self.lexicon.classify_name
        for j in range(min(len(tokens), i + _LONGEST_NAME), i, -1):
            if tokens[j - 1].kind != "word":  # a word is never "(" or ")"
                continue
            words = name_words(tokens[i:j]) if bracketed else texts[i:j]
            name = " ".join(words)
            label = classify(name, words, name.isupper())
            if label is None:
                person = self.people.find(name)
                if person is None:
                    continue  # most parts: neither a name nor a person this release knows
            elif label.type == "location" and _subdivision(words):
                person = self.people.find(name)  # a surname that is also a province
            else:
                person = None
            part = tokens[i:j]
            if person is not None:
                person.mentions.append(part[0].start)
                self._add(part[0].start, part[-1].end, "person", person.canonical, person.role)
                return j
            found = label.entity if label is not None else None
            if label is None or found is None or (no_places and found == "location"):
                continue
            if found == "organization" and j < len(tokens) and modifies_next(part, tokens[j]):
                continue  # "Internet Service Providers": the head describes the providers
            if (
                label.type == "organization"
                and len(part) == 1
                and part[0].text not in ORGANISATION_ALIASES
            ) and part[0].text not in self.lexicon.acronyms:
                continue
            if not (found == "organization" and self._body_of_body(part)):
                self._add(part[0].start, part[-1].end, found, label.canonical)
            return j
        return None

    def _coordinated_region(self, tokens: list[Token], i: int) -> bool:
        """ "Central and South America": "Central" stands for Central America."""
        if i + 3 >= len(tokens) + 0 or i + 3 > len(tokens) - 1:
            return False
        first, conj, second, head = (t.text for t in tokens[i : i + 4])
        if (
            first in COMPASS_WORDS
            and conj == "and"
            and second in COMPASS_WORDS
            and head in REGION_HEADS
        ):
            place = lookup_place(f"{first} {head}")
            if place is not None:
                self._add(tokens[i].start, tokens[i].end, "location", place[0])
                return True
        return False

    def _link_short_form(self, token: Token) -> None:
        """ "Coalition" -> "Global Coalition"; "GA" -> "United Nations General Assembly"."""
        word = token.text
        if self._short_forms is None:
            self._short_forms = short_forms(self.lexicon.organisations)
        by_last_word, by_initials = self._short_forms
        canonical = None
        if word[0].isupper() and not word.isupper():
            canonical = by_last_word.get(word)
        elif word.isupper() and 2 <= len(word) <= 5:
            canonical = by_initials.get(word)
        if canonical is not None:
            self._add(token.start, token.end, "organization", canonical)

    def _listed_bodies(self) -> None:
        """ "Microsoft, Kaspersky Lab, Trend Micro and ...": a name listed beside bodies."""
        starts = {f.start for f in self.found if f.type == "organization"}
        ends = {f.end for f in self.found if f.type == "organization"}
        tokens = self.tokens
        for chunk in self.chunks:
            if not chunk.first or tokens[chunk.first - 1].text not in BEFORE_LIST_ITEM:
                continue  # the common case, decided with one look
            size = listed_with_bodies(self.release, chunk, starts, ends)
            if not size:
                continue
            item = chunk.tokens[:size]
            name = " ".join(t.text for t in item)
            if not self._taken(item[0].start, item[-1].end) and self.people.find(name) is None:
                self._add(item[0].start, item[-1].end, "organization", name)
                starts.add(item[0].start)
                ends.add(item[-1].end)

    def _hyphen_prefixes(self) -> None:
        """ "INTERPOL-led": the organisation named inside a hyphenated word."""
        for token in tokens_holding(self.text, self.tokens, "-"):
            if token.kind != "word" or self._taken(token.start, token.end):
                continue
            prefix, _, rest = token.text.partition("-")
            if prefix in ORGANISATION_ALIASES and rest.islower():
                self._add(
                    token.start,
                    token.start + len(prefix),
                    "organization",
                    ORGANISATION_ALIASES[prefix],
                )

    def spans(self) -> tuple[EntitySpan, ...]:
        """Return the labelled spans, sorted, with suffix forms linked to long forms."""
        link_suffixes(self.found, self.text)
        ordered = sorted(
            (f for f in self.found if not self._bare_head(f)), key=lambda f: (f.start, -f.end)
        )
        return tuple(
            EntitySpan(f.start, f.end, self.text[f.start : f.end], f.type, f.canonical, f.role)
            for f in ordered
        )

    def _bare_head(self, found: _Found) -> bool:
        """ "the Police", "the Council": a head noun alone names no one body for certain."""
        return found.type == "organization" and self.text[found.start : found.end] in ORG_HEADS


def _plural_head(word: str) -> bool:
    """ "Units", "Agencies": the plural of a body's head word."""
    return word.endswith("s") and (word[:-1] in ORG_HEADS or f"{word[:-3]}y" in ORG_HEADS)


def _subdivision(words: list[str]) -> bool:
    place = lookup_place(" ".join(words))
    return place is not None and place[1] == SUBDIVISION


def _department(words: list[str]) -> bool:
    """ "(Director) of Police Services": a department of the title, not a body of its own."""
    if not words or words[0] not in ("of", "for"):
        return False
    names = [w for w in words[1:] if w[:1].isupper()]
    return bool(names) and all(w in DEPARTMENT_WORDS for w in names)


def find_entities(text: str, tokens: list[Token]) -> EntityResult:
    """Return the entity spans of ``text`` (tokens from :func:`tokenize`) and its people."""
    release = Release(text, tokens)
    known = learn(release)
    labeller = _Labeller(release, known)
    labeller.label()
    return EntityResult(labeller.spans(), known.people)
