"""Find people, organisations, places and operations, each linked to one canonical name."""

from __future__ import annotations

from dataclasses import dataclass

from interpol_tui.analysis.chunks import Chunk, find_chunks
from interpol_tui.analysis.classify import DOCUMENT, Label, Lexicon, is_name_like
from interpol_tui.analysis.model import EntitySpan, EntityType
from interpol_tui.analysis.names import (
    DOCUMENT_HEADS,
    HONORIFICS,
    OPERATION_NOUNS,
    ORG_HEADS,
    SPEECH_VERBS,
)
from interpol_tui.analysis.operations import operation_lists
from interpol_tui.analysis.organisations import (
    ORGANISATION_ALIASES,
    acronym_matches,
    initials,
    looks_like_acronym,
)
from interpol_tui.analysis.people import PeopleRegistry, match_title, singular_role
from interpol_tui.analysis.places import COMPASS_WORDS, REGION_HEADS, lookup_place
from interpol_tui.analysis.tokens import Token


@dataclass
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


def _words(tokens: list[Token]) -> list[str]:
    """Words of a name, leaving out an acronym in brackets ("United Nations (UN) ...")."""
    words: list[str] = []
    skip = 0
    for index, token in enumerate(tokens):
        if skip:
            skip -= 1
            continue
        if token.text == "(" and index + 2 < len(tokens) and tokens[index + 2].text == ")":
            skip = 2
            continue
        words.append(token.text)
    return words


class _Release:
    """Entity finding state for one release."""

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self.tokens = tokens
        self.chunks = find_chunks(text, tokens)
        self.lexicon = Lexicon()
        self.people = PeopleRegistry()
        self.found: list[_Found] = []
        self._index_of = {token.start: i for i, token in enumerate(tokens)}

    # -- pass 1: definitions --------------------------------------------------

    def learn(self) -> None:
        """Learn acronyms, operations, organisations and people before labelling."""
        for chunk in self.chunks:
            self._learn_acronym(chunk)
            self._learn_person(chunk)
            self._learn_named_thing(chunk)
        self.people.merge_surnames()

    def _next_token(self, chunk: Chunk, offset: int = 0) -> Token | None:
        index = self._index_of[chunk.tokens[-1].start] + 1 + offset
        return self.tokens[index] if index < len(self.tokens) else None

    def _prev_token(self, chunk: Chunk, offset: int = 0) -> Token | None:
        index = self._index_of[chunk.tokens[0].start] - 1 - offset
        return self.tokens[index] if index >= 0 else None

    def _learn_acronym(self, chunk: Chunk) -> None:
        # "National Central Bureaus (NCBs)": the acronym right after the name.
        words = [t.text for t in chunk.tokens]
        inner = [i for i, t in enumerate(chunk.tokens) if t.text == "("]
        candidates: list[tuple[list[str], str]] = []
        for i in inner:
            candidates.append((words[:i], words[i + 1]))
        opening, acronym, closing = (
            self._next_token(chunk),
            self._next_token(chunk, 1),
            self._next_token(chunk, 2),
        )
        if (
            opening
            and acronym
            and closing
            and opening.text == "("
            and closing.text == ")"
            and looks_like_acronym(acronym.text)
        ):
            candidates.append((_words(list(chunk.tokens)), acronym.text))
        for long_words, short in candidates:
            for cut in range(len(long_words)):
                if acronym_matches(short, long_words[cut:]):
                    long_form = " ".join(long_words[cut:])
                    label = self.lexicon.classify(long_words[cut:])
                    canonical = label.canonical if label else long_form
                    self.lexicon.acronyms[short] = canonical
                    if short.endswith("s") and short[:-1].isupper():
                        self.lexicon.acronyms.setdefault(short[:-1], canonical)
                    if label is None or label.type == "organization":
                        self.lexicon.organisations.setdefault(long_form.casefold(), canonical)
                    break

    def _learn_person(self, chunk: Chunk) -> None:
        words = [t.text for t in chunk.tokens]
        for index in range(len(words)):
            end = match_title(words, index)
            if end == index:
                continue
            rest = words[end:]
            if not rest or not is_name_like(rest[:1]):
                return
            role = self._role(words, index, end)
            for name in _split_names(rest):
                if is_name_like(name) and not self._is_thing(name):
                    honorific = words[end - 1] in HONORIFICS and len(name) == 1
                    self.people.add(" ".join(name), None if honorific else role)
            return
        # Untitled names next to a speech verb: "said Jane Doe", "Jane Doe said".
        if 2 <= len(words) <= 4 and is_name_like(words) and not self._is_thing(words):
            after = self._next_token(chunk)
            if after and after.text == ",":
                after = self._next_token(chunk, 1)
            before = self._prev_token(chunk)
            verbs = {t.text.lower() for t in (after, before) if t is not None}
            if verbs & SPEECH_VERBS or (
                after is not None and after.text == "," and self._title_follows(chunk)
            ):
                self.people.add(" ".join(words), None)

    def _title_follows(self, chunk: Chunk) -> bool:
        index = self._index_of[chunk.tokens[-1].start] + 2
        words = [t.text for t in self.tokens[index : index + 6] if t.kind == "word"]
        if words and words[0] == "the":
            words = words[1:]
        return any(match_title(words, i) > i for i in range(min(2, len(words))))

    def _is_thing(self, words: list[str]) -> bool:
        label = self.lexicon.classify(words)
        return label is not None and label.type != "person"

    def _role(self, words: list[str], title_start: int, title_end: int) -> str:
        start = title_start
        # "INTERPOL Secretary General", "US Secretary of State": a body or country first.
        while start > 0 and self.lexicon.classify(words[start - 1 : start]) is not None:
            start -= 1
        return singular_role(" ".join(words[start:title_end]))

    def _learn_named_thing(self, chunk: Chunk) -> None:
        words = _words(list(chunk.tokens))
        after = self._next_token(chunk)
        if (
            after is not None
            and after.text in OPERATION_NOUNS
            and after.start - chunk.end == 1
            and self.lexicon.classify(words) is None
            and not chunk.sentence_initial
        ):
            # A coined one-word name is the name ("I-Familia"); a descriptive one
            # needs its noun ("International Child Sexual Exploitation database").
            canonical = words[0] if len(words) == 1 else " ".join(words) + " " + after.text
            self.lexicon.operations.setdefault(
                f"{' '.join(words)} {after.text}".casefold(), canonical
            )
            self.lexicon.operations.setdefault(" ".join(words).casefold(), canonical)
            return
        label = self.lexicon.classify(words)
        if label is not None and label.type == "operation":
            self.lexicon.operations.setdefault(" ".join(words).casefold(), label.canonical)
        elif label is not None and label.type == "organization" and len(words) > 1:
            self.lexicon.organisations.setdefault(" ".join(words).casefold(), label.canonical)

    # -- pass 2: labelling ----------------------------------------------------

    def label(self) -> None:
        """Label every chunk, then link short forms to the long forms of this release."""
        for start, end, canonical in operation_lists(self.tokens):
            self._add(start, end, "operation", canonical)
        for chunk in self.chunks:
            self._label_chunk(chunk)
        self._hyphen_prefixes()

    def _add(
        self, start: int, end: int, kind: EntityType, canonical: str, role: str | None = None
    ) -> None:
        for other in self.found:
            if other.start == start and other.end == end:
                return
        self.found.append(_Found(start, end, kind, canonical, role))

    def _taken(self, start: int, end: int) -> bool:
        return any(f.start < end and start < f.end for f in self.found)

    def _label_chunk(self, chunk: Chunk) -> None:
        tokens = list(chunk.tokens)
        if self._taken(chunk.start, chunk.end):
            return
        words = _words(tokens)
        after = self._next_token(chunk)
        joined = " ".join(words)
        if (
            after is not None
            and after.start - chunk.end == 1
            and (joined + " " + after.text).casefold() in self.lexicon.operations
        ):
            self._add(
                chunk.start,
                after.end,
                "operation",
                self.lexicon.operations[(joined + " " + after.text).casefold()],
            )
            return
        label = self.lexicon.classify(words, all_caps=joined.isupper())
        if label is not None and label.type in ("organization", "operation"):
            self._add(chunk.start, chunk.end, label.type, label.canonical)  # type: ignore[arg-type]
            self._nested_bodies(tokens, label)
            return
        if self._label_person(tokens):
            return
        self._segment(
            tokens,
            no_places=(label is not None and label.type == DOCUMENT) or words[-1] in DOCUMENT_HEADS,
        )

    def _nested_bodies(self, tokens: list[Token], label: Label) -> None:
        """ "UN Security Council Sanctions Committees" also mentions the UN Security Council."""
        if label.type != "organization":
            return
        for cut in range(len(tokens) - 1, 1, -1):
            part = tokens[:cut]
            follows = tokens[cut]
            if not part[-1].is_capitalised or not (follows.is_capitalised or follows.text == "("):
                continue
            sub = self.lexicon.classify(_words(part))
            body = part[-1].text in ORG_HEADS or part[-1].text in ORGANISATION_ALIASES
            if (
                body
                and sub is not None
                and sub.type == "organization"
                and sub.canonical != label.canonical
            ):
                self._add(part[0].start, part[-1].end, "organization", sub.canonical)
                return

    def _label_person(self, tokens: list[Token]) -> bool:
        words = [t.text for t in tokens]
        for index in range(len(words)):
            end = match_title(words, index)
            if end == index:
                continue
            if index:
                self._segment(tokens[:index], no_places=False)
            rest_tokens = tokens[end:]
            rest = words[end:]
            if rest and is_name_like(rest[:1]):
                honorific = words[end - 1] in HONORIFICS
                role = None if honorific else self._role(words, index, end)
                position = end
                for name in _split_names(rest):
                    name_tokens = tokens[position : position + len(name)]
                    position += len(name) + 1
                    person = self.people.find(" ".join(name))
                    if person is None:
                        continue
                    person.mentions.append(name_tokens[0].start)
                    self._add(
                        name_tokens[0].start,
                        name_tokens[-1].end,
                        "person",
                        person.canonical,
                        role or person.role,
                    )
            elif rest_tokens:
                self._segment(rest_tokens, no_places=False)
            return True
        person = self.people.find(" ".join(words))
        if person is not None:
            person.mentions.append(tokens[0].start)
            self._add(tokens[0].start, tokens[-1].end, "person", person.canonical, person.role)
            return True
        return False

    def _segment(self, tokens: list[Token], no_places: bool) -> None:
        """Label the longest known names inside a run, left to right."""
        i = 0
        while i < len(tokens):
            if tokens[i].kind != "word" or tokens[i].text[0].islower():
                i += 1
                continue
            if self._coordinated_region(tokens, i):
                i += 1
                continue
            for j in range(len(tokens), i, -1):
                part = tokens[i:j]
                if part[-1].kind != "word" or part[-1].text in ("(", ")"):
                    continue
                words = _words(part)
                label = self.lexicon.classify(words, all_caps=" ".join(words).isupper())
                person = self.people.find(" ".join(words)) if label is None else None
                if person is not None:
                    person.mentions.append(part[0].start)
                    self._add(part[0].start, part[-1].end, "person", person.canonical, person.role)
                    i = j
                    break
                if (
                    label is None
                    or label.type == DOCUMENT
                    or (no_places and label.type == "location")
                ):
                    continue
                if (
                    label.type == "organization"
                    and len(part) == 1
                    and part[0].text not in ORGANISATION_ALIASES
                ) and part[0].text not in self.lexicon.acronyms:
                    continue
                self._add(part[0].start, part[-1].end, label.type, label.canonical)  # type: ignore[arg-type]
                i = j
                break
            else:
                self._link_short_form(tokens[i])
                i += 1

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
        for canonical in dict.fromkeys(self.lexicon.organisations.values()):
            parts = canonical.split(" ")
            if len(parts) > 1 and parts[-1] == word and word[0].isupper() and not word.isupper():
                self._add(token.start, token.end, "organization", canonical)
                return
            if (
                word.isupper()
                and 2 <= len(word) <= 5
                and (
                    initials(parts) == word
                    or initials(parts[2:]) == word
                    or initials(parts[1:]) == word
                )
            ):
                self._add(token.start, token.end, "organization", canonical)
                return

    def _hyphen_prefixes(self) -> None:
        """ "INTERPOL-led": the organisation named inside a hyphenated word."""
        for token in self.tokens:
            if token.kind != "word" or "-" not in token.text or self._taken(token.start, token.end):
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
        self._link_suffixes()
        ordered = sorted(self.found, key=lambda f: (f.start, -f.end))
        return tuple(
            EntitySpan(f.start, f.end, self.text[f.start : f.end], f.type, f.canonical, f.role)
            for f in ordered
        )

    def _link_suffixes(self) -> None:
        """ "General Assembly" after "INTERPOL General Assembly" is the same body."""
        for kind in ("organization", "operation"):
            names = {f.canonical for f in self.found if f.type == kind}
            for found in self.found:
                if found.type != kind:
                    continue
                longer = [
                    n for n in names if n != found.canonical and n.endswith(" " + found.canonical)
                ]
                if len(longer) == 1:
                    found.canonical = longer[0]


def _split_names(words: list[str]) -> list[list[str]]:
    """ "António Guterres and Jürgen Stock" -> two names."""
    names: list[list[str]] = [[]]
    for word in words:
        if word == "and":
            names.append([])
        else:
            names[-1].append(word)
    return [name for name in names if name]


def find_entities(text: str, tokens: list[Token]) -> EntityResult:
    """Return the entity spans of ``text`` (tokens from :func:`tokenize`) and its people."""
    release = _Release(text, tokens)
    release.learn()
    release.label()
    return EntityResult(release.spans(), release.people)
