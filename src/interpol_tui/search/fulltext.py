"""Full-text search over titles, bodies and entity names with SQLite FTS5 (standard library).

FTS5 gives BM25 ranking, phrase and prefix queries and snippets in C: a
ranked top 20 with snippets over 10k releases takes milliseconds, and the
index builds in about a second, so it lives in memory and is rebuilt in a
worker on each start (no cache file to invalidate when releases change).
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from interpol_tui.corpus.model import Document
from interpol_tui.search.hits import hit_spans, snippet_window, term_pattern
from interpol_tui.search.query import ParsedQuery, QueryError, parse_query

_OPEN, _CLOSE = "\x02", "\x03"
"""Hit markers in snippets: control characters, which clean text never holds."""
_MARKER = re.compile("([\x02\x03])")
_SCHEMA = """
CREATE VIRTUAL TABLE releases USING fts5(
    title, body, names,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO releases(releases, rank) VALUES ('rank', 'bm25(8.0, 1.0, 4.0)');
"""
# Weights per column (title, body, names): a word in the title or among the
# names of the people and bodies quoted says more than one in the body. Doc
# ids live in Python, not in a column: bm25 visits every column of every hit.
BATCH = 500
"""Documents inserted between cancellation checks."""
SNIPPET_TOKENS = 24
SNIPPET_CHARS = 300
"""Longest snippet shown (24 words are about 160 characters of prose)."""
LONG_BODY = 16_000
"""Bodies longer than this get their snippet and hits from search.hits: FTS5's snippet()
and highlight() are quadratic in a row's hits (a 512 KB release of one word: 1 s)."""
_AROUND = 6
"""Words before the first hit in our own snippets."""
_BODY = "SELECT body FROM releases WHERE rowid = ?"
_HIGHLIGHT = (
    "SELECT highlight(releases, 1, ?, ?) FROM releases WHERE releases MATCH ? AND rowid = ?"
)
"""One release's body with every hit marked."""


@dataclass(frozen=True, slots=True)
class Snippet:
    """A passage of a release around its hits; ``marks`` are (start, end) of hit terms."""

    text: str
    marks: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One release that matches a full-text query."""

    doc_id: str
    title: str
    score: float
    """BM25 relevance (higher is better)."""
    snippet: Snippet


@dataclass(frozen=True, slots=True)
class SearchResults:
    """The answer to one query: hits, or an error message, plus notes about the query."""

    query: ParsedQuery | None
    hits: tuple[SearchHit, ...] = ()
    error: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class HitLocation:
    """Where a query first matches inside a release's clean text."""

    offset: int
    text: str
    """The first hit as written in the release (to find it again in the reader)."""
    spans: tuple[tuple[int, int], ...]
    """Every hit in the release, (start, end) in the clean text; neighbours joined."""


def parse_marked(marked: str) -> Snippet:
    """Turn text with hit markers into a :class:`Snippet`."""
    plain: list[str] = []
    marks: list[tuple[int, int]] = []
    position = 0
    start = -1
    for part in _split_markers(marked):
        if part == _OPEN:
            start = position
        elif part == _CLOSE:
            if start >= 0 and position > start:
                marks.append((start, position))
            start = -1
        else:
            plain.append(part)
            position += len(part)
    return Snippet("".join(plain), tuple(marks))


def bounded(snippet: Snippet, limit: int = SNIPPET_CHARS) -> Snippet:
    """``snippet`` cut to ``limit`` characters around its first hit.

    FTS5 counts words, not characters: 24 words apart can be 40,000 dots.
    """
    if len(snippet.text) <= limit:
        return snippet
    first = snippet.marks[0][0] if snippet.marks else 0
    start = max(min(first - limit // 4, len(snippet.text) - limit), 0)
    end = start + limit
    head, tail = ("…" if start else ""), ("…" if end < len(snippet.text) else "")
    shift = len(head) - start
    marks = tuple(
        (max(a, start) + shift, min(b, end) + shift)
        for a, b in snippet.marks
        if a < end and b > start
    )
    return Snippet(head + snippet.text[start:end] + tail, marks)


def _split_markers(marked: str) -> list[str]:
    return [part for part in _MARKER.split(marked) if part]


def merge_adjacent(text: str, marks: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join hits separated only by spaces ("Jürgen" + "Stock" -> "Jürgen Stock")."""
    merged: list[tuple[int, int]] = []
    for start, end in marks:
        if merged and not text[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


class FullTextIndex:
    """An in-memory FTS5 index of releases; safe to query from any thread."""

    def __init__(self) -> None:
        """Create an empty index."""
        # One connection shared between the indexing worker and the UI, so
        # access is serialised by our own lock rather than by thread.
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.executescript(_SCHEMA)
        self._lock = threading.Lock()
        self._rows: dict[str, int] = {}
        self._docs: list[tuple[str, str]] = [("", "")]  # (doc id, title) by rowid; 0 unused

    def __len__(self) -> int:
        """Number of releases indexed."""
        return len(self._rows)

    def add(
        self,
        documents: Iterable[Document],
        names: Mapping[str, str] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> bool:
        """Index ``documents`` (``names``: extra searchable text per doc id); False if cancelled."""
        batch: list[tuple[int, str, str, str]] = []
        for document in documents:
            if document.id in self._rows:
                continue
            row = len(self._docs)
            self._rows[document.id] = row
            self._docs.append((document.id, document.title))
            extra = names.get(document.id, "") if names else ""
            batch.append((row, document.title, document.text, extra))
            if len(batch) >= BATCH:
                self._insert(batch)
                batch = []
                if cancelled is not None and cancelled():
                    return False
        self._insert(batch)
        return True

    def _insert(self, batch: list[tuple[int, str, str, str]]) -> None:
        with self._lock, self._db:
            self._db.executemany(
                "INSERT INTO releases(rowid, title, body, names) VALUES (?, ?, ?, ?)", batch
            )

    def optimize(self) -> None:
        """Merge the index's segments into one (queries then read one list per term)."""
        with self._lock, self._db:
            self._db.execute("INSERT INTO releases(releases) VALUES ('optimize')")

    def set_names(self, names: Mapping[str, str]) -> None:
        """Replace the searchable entity names of the releases named in ``names``."""
        updates = [(text, self._rows[doc]) for doc, text in names.items() if doc in self._rows]
        for start in range(0, len(updates), BATCH):
            # In batches, so searches from the UI can run in between.
            with self._lock, self._db:
                self._db.executemany(
                    "UPDATE releases SET names = ? WHERE rowid = ?", updates[start : start + BATCH]
                )

    def search(self, text: str, limit: int = 20) -> SearchResults:
        """Rank releases for ``text``; a malformed query gives ``error``, never an exception."""
        try:
            query = parse_query(text)
        except QueryError as error:
            return SearchResults(None, error=str(error))
        if query is None:
            return SearchResults(None)
        sql = (
            "SELECT rowid, -rank, CASE WHEN length(body) <= ? "
            "THEN snippet(releases, 1, ?, ?, '…', ?) END "
            "FROM releases WHERE releases MATCH ? ORDER BY rank LIMIT ?"
        )
        try:
            with self._lock:
                rows = self._db.execute(
                    sql, (LONG_BODY, _OPEN, _CLOSE, SNIPPET_TOKENS, query.match, limit)
                ).fetchall()
                hits = tuple(
                    SearchHit(self._docs[row][0], self._docs[row][1], score, snippet)
                    for row, score, marked in rows
                    if (snippet := self._snippet(query, row, marked)) is not None
                )
        except sqlite3.Error as error:
            # Our parser should leave nothing FTS5 rejects; if it does, say so plainly.
            return SearchResults(
                query, error=f"The search engine could not run this query ({error})."
            )
        return SearchResults(query, hits, notes=query.notes)

    def _snippet(self, query: ParsedQuery, row: int, marked: str | None) -> Snippet | None:
        """FTS5's snippet, or for a long body one of our own (the lock is held)."""
        if marked is not None:
            return bounded(parse_marked(marked))
        body, spans = self._long_hits(query, row)
        text, marks = snippet_window(body, spans, _AROUND, SNIPPET_TOKENS)
        return bounded(Snippet(text, marks))

    def _long_hits(self, query: ParsedQuery, row: int) -> tuple[str, list[tuple[int, int]]]:
        """The body of ``row`` and its hits, found in linear time (the lock is held)."""
        found = self._db.execute(_BODY, (row,)).fetchone()
        body = found[0] if found is not None else ""
        pattern = term_pattern(query.terms, query.prefixed)
        return body, hit_spans(body, pattern) if pattern is not None else []

    def locate(self, query: ParsedQuery, doc_id: str) -> HitLocation | None:
        """Where ``query`` first matches in the body of ``doc_id`` (None: only title or names)."""
        row = self._rows.get(doc_id)
        if row is None:
            return None
        try:
            with self._lock:
                long = self._db.execute(
                    "SELECT length(body) > ? FROM releases WHERE rowid = ?", (LONG_BODY, row)
                ).fetchone()
                if long is not None and long[0]:
                    text, hits = self._long_hits(query, row)
                    if not hits:
                        return None
                    return HitLocation(hits[0][0], text[slice(*hits[0])], tuple(hits))
                found = self._db.execute(_HIGHLIGHT, (_OPEN, _CLOSE, query.match, row)).fetchone()
        except sqlite3.Error:
            return None
        if found is None:
            return None
        body = parse_marked(found[0])
        spans = merge_adjacent(body.text, body.marks)
        if not spans:
            return None
        start, end = spans[0]
        return HitLocation(start, body.text[start:end], tuple(spans))

    def close(self) -> None:
        """Free the index's memory."""
        with self._lock:
            self._db.close()
