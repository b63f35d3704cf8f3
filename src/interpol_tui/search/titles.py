"""Quick-open: find a release by a few, possibly misspelt, words of its title.

Scoring every title with rapidfuzz costs ~3 µs a title (330 ms at 100k), so
the index narrows first and scores only a few hundred candidates:

1. each query word is matched against the *vocabulary* of title words (a few
   thousand to tens of thousands, not 100k titles): exact and prefix matches
   by binary search in the sorted vocabulary, typos by rapidfuzz's
   optimal-string-alignment distance against words and word prefixes of
   similar length (so "glbal" finds "global" and "coaliti" "coalition");
2. each vocabulary word has a posting list of the titles that contain it; a
   query word's titles are the union of its words' postings (cached, so the
   next keystroke recomputes only the word being typed);
3. the query words' title sets are intersected, smallest first; then the
   best few hundred by a static prior (shorter titles first) are scored with
   rapidfuzz WRatio, with exact titles before title prefixes before titles
   whose every word matched exactly or as a prefix before fuzzy matches.
"""

from __future__ import annotations

import heapq
import threading
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Indel

from interpol_tui.corpus.model import Document
from interpol_tui.search import bitset
from interpol_tui.search.fold import fold, fold_with_map, word_spans, words

POOL = 300
"""Most candidates scored per query after narrowing."""
SCORED = 100
"""Candidates, best by match quality, that rapidfuzz WRatio scores to settle the order."""
TITLE_PREFIX_POOL = 40
"""Titles starting with the query that always join the candidates."""
CACHE_SIZE = 64
"""Query words whose matches are kept for the next keystrokes."""
SHORT = 2
"""Query words this short (prefixes of very many words) have precomputed title sets."""
MAX_PREFIX = 13
"""Longest word prefix compared with a query word that may still be being typed."""
_END = "\U0010ffff"


def allowed_edits(length: int) -> int:
    """How many typos a query word of ``length`` letters may carry."""
    if length < 4:
        return 0
    return 1 if length < 7 else 2


@dataclass(frozen=True, slots=True)
class TitleMatch:
    """One quick-open result."""

    doc_id: str
    title: str
    date: str | None
    score: float
    """Higher is better; results come sorted by it."""
    kind: str
    """``exact`` title, title ``prefix``, every query ``word`` matched exactly or as a
    prefix, or ``fuzzy`` (some word matched only with typos, or not at all)."""
    positions: tuple[int, ...]
    """Indexes of the characters of ``title`` that matched the query (for highlighting)."""


@dataclass(frozen=True, slots=True)
class _WordMatch:
    """What one query word matches, as bitsets of title ids, and its typo'd words."""

    strong: int
    """Titles with a word equal to, or starting with, the query word."""
    whole: int
    """``strong`` plus titles with a word within the allowed typos of the query word."""
    every: int
    """``whole`` plus titles with a word that starts within the typos (still being typed)."""
    fuzzy_words: frozenset[str]


class TitleIndex:
    """A typo-tolerant title index that answers in milliseconds at 100k titles."""

    def __init__(self, entries: Iterable[tuple[str, str, str | None]]) -> None:
        """Index ``(doc_id, title, date)`` entries."""
        rows = []
        for doc_id, title, date in entries:
            folded = " ".join(words(fold(title)))
            rows.append((len(folded), folded, doc_id, title, date))
        # Internal ids follow the prior: shorter titles first, as they tend to be
        # what a few typed words mean; the lowest ids of a set are its best.
        rows.sort(key=lambda row: (row[0], row[1], row[2]))
        self._size = len(rows)
        self._folded = [row[1] for row in rows]
        self._doc_ids = [row[2] for row in rows]
        self._titles = [row[3] for row in rows]
        self._dates = [row[4] for row in rows]
        by_title = sorted((folded, i) for i, folded in enumerate(self._folded))
        self._sorted_titles = [pair[0] for pair in by_title]
        self._sorted_title_ids = [pair[1] for pair in by_title]
        postings: dict[str, list[int]] = {}
        for i, folded in enumerate(self._folded):
            for word in set(folded.split()):
                postings.setdefault(word, []).append(i)
        self._vocabulary = sorted(postings)
        # Frequent words keep a bitset (unions in microseconds), rare ones a tuple
        # (a bitset each would cost 12.5 KB per word at 100k titles).
        dense_from = max(64, self._size // 128)
        self._dense = {w: bitset.from_ids(ids, self._size) for w, ids in postings.items()
                       if len(ids) >= dense_from}  # fmt: skip
        self._rare = {w: tuple(ids) for w, ids in postings.items() if len(ids) < dense_from}
        short: dict[str, list[str]] = {}
        for word in self._vocabulary:
            for length in range(1, SHORT + 1):
                if len(word) >= length:
                    short.setdefault(word[:length], []).append(word)
        self._short = {prefix: self._union(group) for prefix, group in short.items()}
        # Words by length and by each of their first two letters: a typo'd word
        # is compared only with words of about its length that share one of its
        # first two letters (one typo there, even a swap, still leaves one).
        self._by_shape: dict[tuple[int, str], list[str]] = {}
        for word in self._vocabulary:
            for letter in dict.fromkeys(word[:2]):
                self._by_shape.setdefault((len(word), letter), []).append(word)
        self._prefixes: dict[int, list[str]] = {}
        for length in range(3, MAX_PREFIX + 1):
            self._prefix_keys(length)  # built here, in the indexing worker, not on a keystroke
        self._cache: OrderedDict[str, _WordMatch] = OrderedDict()
        self._lock = threading.Lock()

    @classmethod
    def from_documents(cls, documents: Iterable[Document]) -> TitleIndex:
        """Index the titles of ``documents``."""
        return cls((d.id, d.title, d.date) for d in documents)

    def __len__(self) -> int:
        """Number of titles indexed."""
        return self._size

    @property
    def vocabulary_size(self) -> int:
        """Number of distinct title words."""
        return len(self._vocabulary)

    # -- matching one query word ------------------------------------------
    def _union(self, group: Iterable[str]) -> int:
        """The bitset of titles containing any word of ``group``."""
        bits = 0
        rare: list[tuple[int, ...]] = []
        for word in group:
            dense = self._dense.get(word)
            if dense is not None:
                bits |= dense
            else:
                rare.append(self._rare[word])
        if rare:
            bits |= bitset.from_ids(chain.from_iterable(rare), self._size)
        return bits

    def _prefix_keys(self, length: int) -> list[str]:
        """The distinct word prefixes of ``length`` letters (of longer words), sorted."""
        keys = self._prefixes.get(length)
        if keys is None:
            keys = sorted({w[:length] for w in self._vocabulary if len(w) > length})
            self._prefixes[length] = keys
        return keys

    def _words_starting(self, prefix: str) -> list[str]:
        start = bisect_left(self._vocabulary, prefix)
        end = bisect_left(self._vocabulary, prefix + _END, start)
        return self._vocabulary[start:end]

    def _typo_words(self, token: str, edits: int) -> tuple[set[str], set[str]]:
        """Words within ``edits`` typos of ``token``, and words that only start so."""
        whole: set[str] = set()
        found: set[str] = set()
        length = len(token)
        for size in range(length - edits, length + edits + 1):
            for letter in dict.fromkeys(token[:2]):
                for word, _score, _i in process.extract(
                    token, self._by_shape.get((size, letter), ()), scorer=OSA.distance,
                    score_cutoff=edits, limit=None,
                ):  # fmt: skip
                    whole.add(word)
        # A word still being typed: compare with prefixes of about its length that
        # start with its first or second letter (typos rarely hit the first letter
        # but for a swap of the first two), a twentieth of all prefixes.
        for size in range(max(length - 1, 3), min(length + 2, MAX_PREFIX + 1)):
            keys = self._prefix_keys(size)
            for first in dict.fromkeys(token[:2]):
                start = bisect_left(keys, first)
                end = bisect_left(keys, first + _END, start)
                for prefix, _score, _i in process.extract(
                    token, keys[start:end], scorer=OSA.distance,
                    score_cutoff=edits, limit=None,
                ):  # fmt: skip
                    found.update(self._words_starting(prefix))
        return whole, found - whole

    def _match_word(self, token: str) -> _WordMatch:
        cached = self._cache.get(token)
        if cached is not None:
            self._cache.move_to_end(token)
            return cached
        strong_words = self._words_starting(token)
        short = len(token) <= SHORT
        strong = self._short.get(token, 0) if short else self._union(strong_words)
        edits = allowed_edits(len(token))
        if not strong_words and len(token) == 3:
            edits = 1  # three letters that start no word ("glb"): allow one typo, not none
        whole_words, typed_words = self._typo_words(token, edits) if edits else (set(), set())
        whole_words -= set(strong_words)
        typed_words -= set(strong_words)
        whole = strong | self._union(whole_words)
        every = whole | self._union(typed_words)
        match = _WordMatch(strong, whole, every, frozenset(whole_words | typed_words))
        self._cache[token] = match
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return match

    # -- choosing candidates ----------------------------------------------
    @staticmethod
    def _intersect(sets: Sequence[int]) -> int:
        """Intersect, skipping a set that would empty the result (a word that fits nothing)."""
        result = 0
        for bits in sorted(sets, key=int.bit_count):
            if not bits:
                continue
            narrowed = bits if not result else result & bits
            if narrowed:
                result = narrowed
        return result

    def _title_prefix_ids(self, folded_query: str) -> list[int]:
        start = bisect_left(self._sorted_titles, folded_query)
        end = bisect_left(self._sorted_titles, folded_query + _END, start)
        return self._sorted_title_ids[start : min(end, start + TITLE_PREFIX_POOL)]

    # -- searching ----------------------------------------------------------
    def search(self, query: str, limit: int = 20) -> list[TitleMatch]:
        """Return the best ``limit`` titles for ``query``, best first."""
        tokens = list(dict.fromkeys(words(fold(query))))
        if not tokens or limit <= 0:
            return []
        folded_query = " ".join(words(fold(query)))
        with self._lock:  # the word cache is shared by the UI thread and workers
            matches = [self._match_word(token) for token in tokens]
        candidates = dict.fromkeys(self._title_prefix_ids(folded_query))
        strong_all = -1
        for match in matches:
            strong_all &= match.strong
        if strong_all > 0:
            candidates.update(dict.fromkeys(bitset.lowest(strong_all, POOL, self._size)))
        # Then whole words with typos, then words that only start like the query word.
        for level in ([m.whole for m in matches], [m.every for m in matches]):
            if len(candidates) < POOL:
                found = self._intersect(level)
                candidates.update(dict.fromkeys(bitset.lowest(found, POOL, self._size)))
        strong_sets = [bitset.Members(m.strong, self._size) for m in matches]
        whole_sets = [bitset.Members(m.whole, self._size) for m in matches]
        every_sets = [bitset.Members(m.every, self._size) for m in matches]
        ranked = []
        for i in candidates:
            title = self._folded[i]
            matched = sum(i in members for members in every_sets)
            whole_count = sum(i in members for members in whole_sets)
            strong_count = sum(i in members for members in strong_sets)
            if title == folded_query:
                kind, base = "exact", 300.0
            elif title.startswith(folded_query):
                kind, base = "prefix", 200.0
            elif strong_count == len(matches):
                kind, base = "word", 100.0
            else:
                kind, base = "fuzzy", 0.0
            coverage = 50.0 * (matched + whole_count + strong_count) / (3 * len(matches))
            ranked.append((base + coverage, -i, kind))
        # WRatio (a few µs a title) only refines the order of the best by match
        # quality; among many equal matches, the prior has already chosen well.
        scored = []
        for score, neg, kind in heapq.nlargest(SCORED, ranked):
            ratio = fuzz.WRatio(folded_query, self._folded[-neg], processor=None)
            scored.append((score + ratio / 2, neg, kind))
        best = heapq.nlargest(limit, scored)
        return [self._result(-neg, score, kind, tokens, matches) for score, neg, kind in best]

    def _result(
        self, i: int, score: float, kind: str, tokens: list[str], matches: list[_WordMatch]
    ) -> TitleMatch:
        title = self._titles[i]
        fuzzy = {token: m.fuzzy_words for token, m in zip(tokens, matches, strict=True)}
        return TitleMatch(
            doc_id=self._doc_ids[i],
            title=title,
            date=self._dates[i],
            score=round(score, 1),
            kind=kind,
            positions=matched_positions(title, tokens, fuzzy),
        )


def matched_positions(
    title: str, tokens: Sequence[str], fuzzy: dict[str, frozenset[str]] | None = None
) -> tuple[int, ...]:
    """Return the indexes of the characters of ``title`` that ``tokens`` matched."""
    folded, origin = fold_with_map(title)
    spans = word_spans(folded)
    hit: set[int] = set()
    for token in tokens:
        typo_words = (fuzzy or {}).get(token, frozenset())
        for start, end in spans:
            word = folded[start:end]
            if word.startswith(token):
                hit.update(range(start, start + len(token)))
                break
        else:
            for start, end in spans:
                word = folded[start:end]
                if word in typo_words:
                    for block in Indel.opcodes(token, word):
                        if block.tag == "equal":
                            hit.update(range(start + block.dest_start, start + block.dest_end))
                    break
    return tuple(sorted({origin[p] for p in hit}))
