"""Decide which figures of different releases count the same thing.

Two figures count the same thing when their counted noun phrases are near
equal (rapidfuzz on lemmatised words) and the words around them agree; a
closer value helps a little. Figures are first merged within a release when
they state one fact twice ("195 countries" in a quotation and "195 member
countries" later). Then facts of different releases are joined greedily,
best pair first, with average linkage, never putting two facts of one
release in the same group. Nothing here knows any particular phrase.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from interpol_tui.analysis.lexicons import FUNCTION_WORDS, QUALIFIERS
from interpol_tui.analysis.model import Figure
from interpol_tui.analysis.numbers import SCALES, TENS, UNITS
from interpol_tui.analysis.phrase_links import CONTAINED, linked
from interpol_tui.analysis.series_context import (
    figure_complement,
    figure_event,
    figure_subject,
    like_complements,
    like_events,
    like_subjects,
)

if TYPE_CHECKING:
    from interpol_tui.analysis.fact_columns import FactColumns, FactGroups

MAX_RATIO = 10.0
"""Values further apart than this factor are never the same quantity."""
THRESHOLD = 0.6
"""Lowest average score at which two groups of facts are joined."""
CONTEXT_WORDS = 10
"""Words either side of a figure, within its sentence, that make its context."""
PHRASE_WEIGHT, CONTEXT_WEIGHT, VALUE_WEIGHT = 0.6, 0.25, 0.15
UNGROUPED_KINDS = frozenset({"duration"})
"""Spans of time ("past 10 months") frame other figures; they are not tracked across releases."""
PAIRWISE_LIMIT = 150
"""More facts than this in one group of near phrases: grouped by exact phrase (large corpora)."""
KEY_LINK = 0.5
"""Phrases at least this similar have their facts compared one by one."""
WORD_FANOUT = 400
"""A word in more distinct phrases than this is too common to suggest a match."""
AMBIGUOUS_DISCOUNT = 0.6
"""Phrase evidence kept when one release uses the phrase for two different figures."""

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_STOPWORDS = (
    FUNCTION_WORDS
    | {word for qualifier in QUALIFIERS for word in qualifier.split(" ")}
    | {"any", "cent", "other", "very"}
)
"""Words that carry no meaning in a counted phrase or its context."""
_NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES)


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """Fold a word to a crude singular lower-case stem ("countries" -> "country")."""
    word = word.lower().replace("’", "'")
    word = word.removesuffix("'s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_words(text: str) -> list[str]:
    """The lemmatised words of ``text`` that carry meaning (no stop or number words)."""
    words = (lemma(w) for w in _WORD.findall(text))
    return [w for w in words if w not in _STOPWORDS and w not in _NUMBER_WORDS and len(w) > 1]


@lru_cache(maxsize=65536)
def phrase_key(counts: str) -> str:
    """The normalised form of a counted noun phrase ("member countries" -> "member country")."""
    return " ".join(content_words(counts))


def phrase_similarity(a: str, b: str) -> float:
    """How near two normalised phrases are, 0..1 (rapidfuzz, with credit for contained phrases)."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    score = fuzz.token_sort_ratio(a, b) / 100
    words_a, words_b = a.split(), b.split()
    if set(words_a) <= set(words_b) or set(words_b) <= set(words_a):
        # "members" within "member countries": one phrase names the same thing more fully.
        same_head = words_a[-1] == words_b[-1]
        score = max(score, 0.85 if same_head else CONTAINED)
    return score


@dataclass(frozen=True, slots=True)
class Fact:
    """One figure of one release, with any repeats of the same fact in that release."""

    doc_id: str
    figure: Figure
    repeats: tuple[Figure, ...] = ()
    event: str | None = None
    """The operation or meeting the figure is tied to (series_context), None when standing."""
    subject: str | None = None
    """Whose counted things they are, when the text says ("the EU's"), else None."""
    complement: str | None = None
    """What the counted noun is of ("cases of fraud" -> "fraud"), else None."""

    @property
    def key(self) -> str:
        """Normalised counted phrase."""
        return phrase_key(self.figure.counts)

    @property
    def figures(self) -> tuple[Figure, ...]:
        """The figure and its repeats, in text order."""
        return tuple(sorted((self.figure, *self.repeats), key=lambda f: f.start))


def context_of(figure: Figure) -> list[str]:
    """Content words within :data:`CONTEXT_WORDS` words of ``figure`` in its sentence."""
    at = figure.start - figure.sentence_start
    if not 0 <= at <= len(figure.sentence):
        at = max(figure.sentence.find(figure.text), 0)
    before = content_words(figure.sentence[:at])[-CONTEXT_WORDS:]
    after = content_words(figure.sentence[at + len(figure.text) :])[:CONTEXT_WORDS]
    return before + after


def _same_fact(a: Figure, b: Figure) -> bool:
    if a.value != b.value or a.unit != b.unit or a.kind != b.kind:
        return False
    return phrase_similarity(phrase_key(a.counts), phrase_key(b.counts)) >= 0.7


def facts_of(doc_id: str, figures: Sequence[Figure], release: str | None = None) -> list[Fact]:
    """Merge the figures of one release that state the same fact twice.

    ``release`` is the event the release is about (:func:`release_event`): the
    event of figures that count its attendance or refer to "the operation".
    """
    clusters: list[list[Figure]] = []
    # Only figures of one value, unit and kind can state one fact: comparing each
    # with every cluster made a release of thousands of distinct figures quadratic.
    by_value: dict[tuple[float, str | None, str], list[list[Figure]]] = defaultdict(list)
    for figure in sorted(figures, key=lambda f: f.start):
        candidates = by_value[(figure.value, figure.unit, figure.kind)]
        for cluster in candidates:
            if _same_fact(cluster[0], figure):
                cluster.append(figure)
                break
        else:
            clusters.append([figure])
            candidates.append(clusters[-1])
    facts = []
    for cluster in clusters:
        # The fullest phrase speaks for the fact ("195 member countries" over "195 countries").
        primary = max(
            cluster, key=lambda f: (len(phrase_key(f.counts).split()), len(f.text), -f.start)
        )
        repeats = tuple(f for f in cluster if f is not primary)
        facts.append(Fact(doc_id, primary, repeats, *_context_of(primary, release, doc_id)))
    return facts


def _context_of(
    figure: Figure, release: str | None, doc_id: str
) -> tuple[str | None, str | None, str | None]:
    """The figure's event, subject and complement (series_context)."""
    at = figure.start - figure.sentence_start
    if not 0 <= at <= len(figure.sentence):
        at = max(figure.sentence.find(figure.text), 0)
    length = len(figure.text)
    return (
        figure_event(figure, at, release, doc_id),
        figure_subject(figure.sentence, at, length),
        figure_complement(figure.sentence, at, length),
    )


def _ambiguous_uses(docs: Sequence[int], keys: Sequence[str]) -> set[tuple[int, str]]:
    """The (release, phrase) pairs where the phrase alone does not say what is counted.

    A phrase is ambiguous in a release that uses it for two different figures,
    or when it is a bare noun that the same release also uses with a modifier
    ("34 countries" next to "136 countries attending" and "196 member countries").
    """
    by_doc: dict[int, list[str]] = defaultdict(list)
    for doc, key in zip(docs, keys, strict=True):
        by_doc[doc].append(key)
    ambiguous: set[tuple[int, str]] = set()
    for doc, doc_keys in by_doc.items():
        counts = Counter(doc_keys)
        words = Counter(word for key in counts for word in set(key.split()))
        for key, count in counts.items():
            bare = len(key.split()) == 1
            if count > 1 or (bare and words[key] > 1):
                ambiguous.add((doc, key))
    return ambiguous


class _Scorer:
    """Pairwise evidence that two facts of different releases count the same thing."""

    def __init__(
        self, facts: FactColumns, keys: Sequence[str], ambiguous: set[str], members: list[int]
    ) -> None:
        self.docs = facts.doc
        self.keys = keys
        self.ambiguous = ambiguous
        self.values = {i: facts.figure_value(facts.first[i]) for i in members}
        self.situations = {i: facts.context(i) for i in members}
        self.contexts = {
            i: set(context_of(facts.figure(facts.first[i], facts.block[i]))) for i in members
        }
        docs_words: dict[int, set[str]] = defaultdict(set)
        for i, words in self.contexts.items():
            docs_words[self.docs[i]] |= words
        doc_freq: Counter[str] = Counter()
        for words in docs_words.values():
            doc_freq.update(words)
        n_docs = max(len(docs_words), 1)
        # Words found around these figures in every release say nothing (IDF weight 0).
        self.weight = {w: math.log((n_docs + 1) / (df + 0.5)) for w, df in doc_freq.items()}

    def comparable(self, i: int, j: int) -> bool:
        a, b = self.values[i], self.values[j]
        if self.docs[i] == self.docs[j] or a <= 0 or b <= 0:
            return False
        if not self.like_context(i, j):
            return False  # the same noun counted at different events is no series
        return max(a, b) / min(a, b) <= MAX_RATIO

    def like_context(self, i: int, j: int) -> bool:
        """Like events and compatible subjects (series_context)."""
        (event_a, subject_a, of_a), (event_b, subject_b, of_b) = (
            self.situations[i],
            self.situations[j],
        )
        return (
            like_events(event_a, event_b)
            and like_subjects(subject_a, subject_b)
            and like_complements(of_a, of_b)
        )

    def context(self, i: int, j: int) -> float:
        a, b = self.contexts[i], self.contexts[j]
        if not a or not b:
            return 0.0
        shared = sum(self.weight[w] for w in a & b)
        smaller = min(sum(self.weight[w] for w in a), sum(self.weight[w] for w in b))
        return min(shared / smaller, 1.0) if smaller > 0 else 0.0

    def score(self, i: int, j: int) -> float:
        if not self.comparable(i, j):
            return 0.0
        phrase = phrase_similarity(self.keys[i], self.keys[j])
        if self.keys[i] in self.ambiguous or self.keys[j] in self.ambiguous:
            phrase *= AMBIGUOUS_DISCOUNT
        a, b = self.values[i], self.values[j]
        closeness = 1 - abs(math.log(a / b)) / math.log(MAX_RATIO)
        return (
            PHRASE_WEIGHT * phrase + CONTEXT_WEIGHT * self.context(i, j) + VALUE_WEIGHT * closeness
        )


def _root(parent: dict[str, str], key: str) -> str:
    """Union-find: the phrase that stands for ``key``'s set (halving the path as it goes)."""
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def _components(facts: FactColumns, keys: Sequence[str]) -> list[list[int]]:
    """Facts whose phrases are near enough to be compared one by one, in groups.

    Phrases of one kind and unit are linked when :func:`phrase_similarity`
    reaches :data:`KEY_LINK`; only phrases sharing a word are compared, so a
    large corpus costs about its number of distinct phrases, not its figures.
    """
    blocks: dict[tuple[int, int], dict[str, list[int]]] = defaultdict(dict)
    alone: list[list[int]] = []
    strings, first, kinds, units = facts.pool.strings, facts.first, facts.kind, facts.unit
    ungrouped = {at for at, kind in enumerate(strings) if kind in UNGROUPED_KINDS}
    for index, key in enumerate(keys):
        kind = kinds[first[index]]
        if kind in ungrouped or not key:
            alone.append([index])
        else:
            blocks[(kind, units[first[index]])].setdefault(key, []).append(index)
    components = alone
    for by_key in blocks.values():
        parent = {key: key for key in by_key}
        by_word: dict[str, list[str]] = defaultdict(list)
        words = {key: frozenset(key.split()) for key in by_key}
        for key, word in ((key, word) for key, found in words.items() for word in found):
            by_word[word].append(key)
        for shared in by_word.values():
            if len(shared) > WORD_FANOUT:
                continue  # too common a word to suggest that two phrases match
            for a, b in combinations(shared, 2):
                ra, rb = _root(parent, a), _root(parent, b)
                if ra != rb and linked(a, b, words[a], words[b], KEY_LINK):
                    parent[rb] = ra
        merged: dict[str, list[int]] = defaultdict(list)
        for key, members in by_key.items():
            merged[_root(parent, key)].extend(members)
        components.extend(merged.values())
    return components


def _cluster(members: list[int], scorer: _Scorer) -> list[list[int]]:
    """Join facts best pair first (average linkage), never two facts of one release."""
    docs = scorer.docs
    scores: dict[tuple[int, int], float] = {}
    for i, j in combinations(sorted(members), 2):
        value = scorer.score(i, j)
        if value > 0:
            scores[(i, j)] = value
    groups: dict[int, list[int]] = {i: [i] for i in members}
    releases = {i: {docs[i]} for i in members}  # each group's releases, kept as groups join
    # Each fact's scores by the other fact, both ways: the average below, without a tuple
    # and a min and max for each of the pairs of every candidate join.
    near: dict[int, dict[int, float]] = {i: {} for i in members}
    for (i, j), value in scores.items():
        near[i][j] = near[j][i] = value
    owner = {i: i for i in members}
    for (i, j), _ in sorted(scores.items(), key=lambda item: -item[1]):
        gi, gj = owner[i], owner[j]
        if gi == gj:
            continue
        left, right = groups[gi], groups[gj]
        if not releases[gi].isdisjoint(releases[gj]):
            continue
        # Summed in the order pairs were listed before (a float sum depends on its order).
        total = sum(
            itertools.chain.from_iterable([near[a].get(b, 0.0) for b in right] for a in left)
        )
        if total / (len(left) * len(right)) < THRESHOLD:
            continue
        left.extend(right)
        releases[gi] |= releases.pop(gj)
        for k in right:
            owner[k] = gi
        del groups[gj]
    return list(groups.values())


def _by_exact_phrase(
    members: list[int],
    facts: FactColumns,
    keys: Sequence[str],
    ambiguous: set[tuple[int, str]],
) -> list[list[int]]:
    """Large groups: one quantity per phrase and order of magnitude.

    A figure whose release uses its phrase ambiguously stands alone.
    """
    by_key: dict[tuple[str, int, int, int], list[int]] = defaultdict(list)
    groups: list[list[int]] = []
    docs, events, subjects, of = facts.doc, facts.event, facts.subject, facts.complement
    for member in members:  # a block of 100,000 facts at 50,000 releases: locals only
        key = keys[member]
        if (docs[member], key) in ambiguous:
            groups.append([member])
        else:
            # One series per phrase, event and subject (editions of one event share a key).
            by_key[(key, events[member], subjects[member], of[member])].append(member)
    first = facts.first  # each fact's value, for a block of 100,000 in a few calls
    value = dict(zip(members, facts.figure_values([first[i] for i in members]), strict=True))
    for indexes in by_key.values():
        indexes.sort(key=value.__getitem__)
        current: list[int] = []
        lowest = 0.0  # the value of current[0]
        for i in indexes:
            if current and (lowest <= 0 or value[i] > lowest * MAX_RATIO):
                groups.append(current)
                current = []
            if not current:
                lowest = value[i]
            current.append(i)
        groups.append(current)
    return groups


def group_indexes(facts: FactColumns, cancelled: Callable[[], bool] | None = None) -> FactGroups:
    """Group facts that count the same thing: groups of fact numbers, each in order.

    Each group holds at most one fact per release.
    """
    from interpol_tui.analysis.fact_columns import FactGroups

    strings = facts.pool.strings
    keys = [strings[key] for key in facts.key]
    ambiguous_uses = _ambiguous_uses(facts.doc, keys)
    # Compared one by one, a phrase used ambiguously anywhere counts for less everywhere.
    ambiguous = {key for _, key in ambiguous_uses}
    groups = FactGroups()
    components = _components(facts, keys)
    for at, members in enumerate(components):
        components[at] = []  # each component's list freed once grouped
        if cancelled is not None and cancelled():
            break
        if len(members) == 1:
            groups.append(members)
            continue
        if len(members) <= PAIRWISE_LIMIT:
            found = _cluster(members, _Scorer(facts, keys, ambiguous, members))
        else:
            found = _by_exact_phrase(members, facts, keys, ambiguous_uses)
        for group in found:
            groups.append(sorted(group))
    return groups


def group_facts(
    facts: Sequence[Fact], cancelled: Callable[[], bool] | None = None
) -> list[list[Fact]]:
    """Group facts that count the same thing; each group holds at most one fact per release."""
    from interpol_tui.analysis.fact_columns import FactColumns

    columns = FactColumns()
    for fact in facts:
        columns.add_release_facts(fact.doc_id, [fact], ())
    return [[facts[k] for k in group] for group in group_indexes(columns, cancelled)]


def label_of(facts: Sequence[Fact]) -> str:
    """The counted phrase that names a group: the most used, then the fullest."""
    if len(facts) == 1 and not facts[0].repeats:
        return facts[0].figure.counts  # most groups of a large corpus: one figure
    phrases = Counter(f.counts for fact in facts for f in fact.figures)
    return max(phrases, key=lambda p: (phrases[p], len(phrase_key(p).split()), -len(p)))
