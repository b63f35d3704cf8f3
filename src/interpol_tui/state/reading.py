"""Bookmarks and reading positions, kept per corpus under the user state dir.

Bookmarks and positions live in separate files: positions are saved often,
bookmarks are precious, and a problem with one must not touch the other.
Every change is a locked read-modify-write of only what changed, so two
running copies of the app merge their changes.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from interpol_tui.state.paths import StatePaths
from interpol_tui.state.reading_shape import FORMAT_VERSION, decode_reading_state
from interpol_tui.state.storage import JsonFile, Warn

MAX_POSITIONS = 5000
"""Positions kept per corpus; the least recently read are dropped first."""


def corpus_key(roots: Iterable[Path]) -> str:
    """A stable name for the corpus made of ``roots`` (their absolute paths).

    A path whose bytes are not UTF-8 holds lone surrogates here; the state
    files and cache names keep them exactly (see ``jsonio.dump_json``).
    """
    return os.pathsep.join(sorted(str(Path(root).resolve()) for root in roots))


def _corpus_entry(data: dict[str, Any], key: str) -> dict[str, Any]:
    """The (mutable) record of corpus ``key`` inside a parsed state file, created if needed."""
    corpora = data.get("corpora")
    if not isinstance(corpora, dict):
        corpora = data["corpora"] = {}
    entry = corpora.get(key)
    if not isinstance(entry, dict):
        entry = corpora[key] = {}
    result: dict[str, Any] = entry
    return result


def _fresh(data: Any) -> dict[str, Any]:
    return data if isinstance(data, dict) else {"version": FORMAT_VERSION, "corpora": {}}


class Bookmarks:
    """The bookmarked releases of one corpus."""

    def __init__(self, paths: StatePaths, roots: Iterable[Path], warn: Warn) -> None:
        self._file = JsonFile(paths.bookmarks_file, warn, decode_reading_state)
        self.key = corpus_key(roots)
        self.ids: frozenset[str] = frozenset()
        """Ids of the bookmarked releases (as last read from or written to disk)."""

    def load(self) -> frozenset[str]:
        """Read this corpus's bookmarks from disk."""
        with self._file.locked():
            data = _fresh(self._file.read())
        self.ids = self._ids_in(data)
        return self.ids

    def _ids_in(self, data: dict[str, Any]) -> frozenset[str]:
        saved = _corpus_entry(data, self.key).get("bookmarks", [])
        return (
            frozenset(i for i in saved if isinstance(i, str))
            if isinstance(saved, list)
            else (frozenset())
        )

    def set(self, doc_id: str, marked: bool) -> frozenset[str]:
        """Bookmark (or un-bookmark) ``doc_id``; return the corpus's bookmarks after the change."""

        def change(saved: Any) -> dict[str, Any]:
            data = _fresh(saved)
            data["version"] = FORMAT_VERSION
            ids = set(self._ids_in(data))
            if marked:
                ids.add(doc_id)
            else:
                ids.discard(doc_id)
            _corpus_entry(data, self.key)["bookmarks"] = sorted(ids)
            return data

        self.ids = self._ids_in(self._file.update(change))
        return self.ids

    def toggle(self, doc_id: str) -> bool:
        """Flip the bookmark on ``doc_id``; return True when it is now bookmarked."""
        return doc_id in self.set(doc_id, doc_id not in self.ids)


class ReadingPositions:
    """Where the user was in each release of one corpus, and which release was open last."""

    def __init__(self, paths: StatePaths, roots: Iterable[Path], warn: Warn) -> None:
        self._file = JsonFile(paths.positions_file, warn, decode_reading_state)
        self.key = corpus_key(roots)
        self.last: str | None = None
        """Id of the release open when the app last saved."""
        self._offsets: dict[str, int] = {}
        self._dirty: dict[str, int] = {}
        self._last_dirty = False
        self._lock = threading.Lock()  # the UI records while a worker thread saves

    def load(self) -> None:
        """Read this corpus's positions from disk."""
        with self._file.locked():
            entry = _corpus_entry(_fresh(self._file.read()), self.key)
        last = entry.get("last")
        self.last = last if isinstance(last, str) else None
        offsets = entry.get("offsets", {})
        self._offsets = (
            {k: v for k, v in offsets.items() if isinstance(v, int) and v >= 0}
            if isinstance(offsets, dict)
            else {}
        )

    def offset(self, doc_id: str) -> int | None:
        """The saved reading position in ``doc_id`` (a character offset), or None."""
        return self._offsets.get(doc_id)

    def record(self, doc_id: str, offset: int) -> None:
        """Remember ``offset`` as the position in ``doc_id`` and it as the open release."""
        with self._lock:
            if self._offsets.get(doc_id) != offset:
                self._offsets[doc_id] = offset
                self._dirty[doc_id] = offset
            if self.last != doc_id:
                self.last = doc_id
                self._last_dirty = True

    @property
    def dirty(self) -> bool:
        """True when something recorded has not been saved yet."""
        return bool(self._dirty) or self._last_dirty

    def save(self) -> None:
        """Write what changed since the last save, merged with what is on disk."""
        with self._lock:
            if not self.dirty:
                return
            changed, self._dirty = self._dirty, {}
            last_changed, self._last_dirty = self._last_dirty, False
            last = self.last

        def change(saved: Any) -> dict[str, Any]:
            data = _fresh(saved)
            data["version"] = FORMAT_VERSION
            entry = _corpus_entry(data, self.key)
            offsets = entry.get("offsets")
            if not isinstance(offsets, dict):
                offsets = {}
            for doc_id, offset in changed.items():
                offsets.pop(doc_id, None)  # re-insert: dict order is recency
                if offset > 0:  # the top is where a release opens anyway
                    offsets[doc_id] = offset
            excess = len(offsets) - MAX_POSITIONS
            if excess > 0:
                for doc_id in list(offsets)[:excess]:
                    del offsets[doc_id]
            entry["offsets"] = offsets
            if last_changed and last is not None:
                entry["last"] = last
            return data

        self._file.update(change)
