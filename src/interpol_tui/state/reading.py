"""Bookmarks, read marks and reading positions, kept by release content under the state dir.

Each is a file of records keyed by a release's content hash (see
:mod:`interpol_tui.state.release_keys`), so moving a corpus folder keeps them.
Bookmarks, read marks and positions live in separate files: positions are
saved often, bookmarks are precious, and a problem with one must not touch
the others. Changes are recorded in memory at once and saved by
:meth:`save`, a locked read-modify-write of only what changed, so two running
copies of the app merge their changes.
"""

from __future__ import annotations

import copy
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

from interpol_tui.state.migrate import (
    FORMAT_VERSION,
    back_up,
    is_legacy,
    migrate_marks,
    migrate_positions,
    releases_of,
)
from interpol_tui.state.paths import StatePaths
from interpol_tui.state.release_keys import ReleaseIndex, corpus_key
from interpol_tui.state.release_shape import decode_release_state
from interpol_tui.state.storage import JsonFile, Warn

__all__ = ["Bookmarks", "ReadMarks", "ReadingPositions", "ReleaseMarks", "corpus_key"]

MAX_POSITIONS = 5000
"""Positions kept; the least recently read are dropped first."""


def _fresh(data: Any) -> dict[str, Any]:
    return data if isinstance(data, dict) else {"version": FORMAT_VERSION, "releases": {}}


Migration = Callable[[dict[str, Any], ReleaseIndex], dict[str, Any]]
"""Converts a file's version-1 records for the corpus of an index."""


Change = TypeVar("Change")
"""What one release's unsaved change is: a mark (bool) or a position record."""


class _StateFile(Generic[Change]):
    """One file of release records, converted from version 1 the first time it is read,
    with the changes recorded since the last save."""

    def __init__(self, path: Path, warn: Warn, migration: Migration) -> None:
        self._file = JsonFile(path, warn, decode_release_state)
        self._migration = migration
        self._converting = False
        self.index = ReleaseIndex((), ())
        """The corpus the records are resolved against (set by ``load``)."""
        self._pending: dict[str, Change] = {}
        self._lock = threading.Lock()  # the UI records while a worker thread saves

    @property
    def dirty(self) -> bool:
        """True when a change has not been saved yet."""
        return bool(self._pending)

    def _take_pending(self) -> dict[str, Change]:
        """The changes to save now (empty when there are none); new ones collect anew."""
        with self._lock:
            changed, self._pending = self._pending, {}
        return changed

    def _migrate(self, data: dict[str, Any]) -> dict[str, Any]:
        return self._migration(data, self.index)

    def read(self) -> dict[str, Any]:
        """The parsed file, converted (and saved so) when it holds version-1 records."""
        with self._file.locked():
            data = self._file.read()
        if not is_legacy(data):
            return _fresh(data)
        if self._migrate(copy.deepcopy(data)).get("corpora") == data["corpora"]:
            return _fresh(data)  # nothing of it belongs to this corpus: leave the file be
        back_up(self._file.path)
        self._converting = True
        try:
            return _fresh(self.update(lambda data: data))
        finally:
            self._converting = False

    def update(self, change: Any) -> Any:
        """Locked read-modify-write (converting version-1 records when :meth:`read` asks).

        Records that could not be converted stay as they are; they are tried
        again on the next :meth:`read`, not on every save (which can be every
        second).
        """

        def convert(saved: Any) -> dict[str, Any]:
            data = _fresh(saved)
            if self._converting and is_legacy(data):
                data = self._migrate(data)
            data["version"] = FORMAT_VERSION
            result: dict[str, Any] = change(data)
            return result

        return self._file.update(convert)


class ReleaseMarks(_StateFile[bool]):
    """A set of releases of one corpus (bookmarked, or read), kept across runs and moves."""

    def __init__(self, path: Path, warn: Warn, legacy_field: str | None = None) -> None:
        """Marks kept in ``path``; ``legacy_field`` names the version-1 list it held, if any."""

        def migration(data: dict[str, Any], index: ReleaseIndex) -> dict[str, Any]:
            return migrate_marks(data, index, legacy_field) if legacy_field else data

        super().__init__(path, warn, migration)
        self.ids: frozenset[str] = frozenset()
        """Ids of the marked releases: what was read from disk, with the changes since."""

    def load(self, index: ReleaseIndex) -> frozenset[str]:
        """Read the marks of the releases in ``index`` (changes not yet saved are kept)."""
        self.index = index
        saved = frozenset(index.resolve(releases_of(self.read())))
        with self._lock:
            self.ids = self._with_pending(saved)
        return self.ids

    def _with_pending(self, saved: frozenset[str]) -> frozenset[str]:
        marked = {i for i, on in self._pending.items() if on}
        unmarked = {i for i, on in self._pending.items() if not on}
        return frozenset((saved | marked) - unmarked)

    def mark(self, doc_id: str, marked: bool) -> frozenset[str]:
        """Mark (or unmark) ``doc_id`` and its copies in memory; :meth:`save` writes it."""
        with self._lock:
            for same in self.index.same_release(doc_id):
                self._pending[same] = marked
            self.ids = self._with_pending(self.ids)
            return self.ids

    def toggle(self, doc_id: str) -> bool:
        """Flip the mark on ``doc_id`` and save; return True when it is now marked."""
        return doc_id in self.set(doc_id, doc_id not in self.ids)

    def set(self, doc_id: str, marked: bool) -> frozenset[str]:
        """Mark or unmark ``doc_id`` and save at once; return the marks after the change."""
        self.mark(doc_id, marked)
        self.save()
        return self.ids

    def save(self) -> None:
        """Write the changes since the last save, merged with what is on disk."""
        changed = self._take_pending()
        if not changed:
            return
        index = self.index

        def change(data: dict[str, Any]) -> dict[str, Any]:
            releases = releases_of(data)
            found = index.resolve(releases)
            for doc_id, marked in changed.items():
                stale = found.get(doc_id)
                if stale is not None and (not marked or stale != index.key(doc_id)):
                    releases.pop(stale, None)  # unmarked, or found by its hint: re-key
                key = index.key(doc_id)
                if marked and key is not None:
                    releases[key] = index.hint(doc_id)
            return data

        saved = frozenset(index.resolve(releases_of(self.update(change))))
        with self._lock:
            self.ids = self._with_pending(saved)


class Bookmarks(ReleaseMarks):
    """The bookmarked releases."""

    def __init__(self, paths: StatePaths, warn: Warn) -> None:
        super().__init__(paths.bookmarks_file, warn, "bookmarks")


class ReadMarks(ReleaseMarks):
    """The releases the user has read (opened), unless marked unread again."""

    def __init__(self, paths: StatePaths, warn: Warn) -> None:
        super().__init__(paths.read_marks_file, warn)


def _drop_stale_tops(releases: dict[str, Any]) -> None:
    """Keep a release read at its top (offset 0) only while it is its corpus's last one.

    A release opens at the top anyway; the record is needed only to say which
    release was read last. Without this, moving through a long list would
    fill the file with a record per release passed.
    """
    newest: dict[object, tuple[float, str]] = {}
    tops: list[str] = []
    for key, record in releases.items():
        if isinstance(record, dict) and record.get("offset") == 0:
            tops.append(key)
            at = record.get("at")
            when = float(at) if isinstance(at, int | float) else 0.0
            root = record.get("root")
            if root not in newest or when >= newest[root][0]:
                newest[root] = (when, key)
    keep = {key for _, key in newest.values()}
    for key in tops:
        if key not in keep:
            del releases[key]


class ReadingPositions(_StateFile[dict[str, Any]]):
    """Where the user was in each release, and which release of a corpus was read last."""

    def __init__(self, paths: StatePaths, warn: Warn) -> None:
        super().__init__(paths.positions_file, warn, migrate_positions)
        self.last: str | None = None
        """Id of the release of this corpus read most recently."""
        self._offsets: dict[str, int] = {}

    def load(self, index: ReleaseIndex) -> None:
        """Read the positions of the releases in ``index``."""
        self.index = index
        releases = releases_of(self.read())
        offsets: dict[str, int] = {}
        latest: tuple[float, str] | None = None
        for doc_id, key in index.resolve(releases).items():
            record = releases[key]
            if not isinstance(record, dict):
                continue
            offset, at = record.get("offset"), record.get("at")
            if isinstance(offset, int) and not isinstance(offset, bool) and offset >= 0:
                offsets[doc_id] = offset
            if isinstance(at, int | float) and (latest is None or at > latest[0]):
                latest = (at, doc_id)
        with self._lock:
            for record in self._pending.values():  # recorded, not saved yet
                offsets[record["id"]] = record["offset"]
            self._offsets = offsets
            if self._pending:
                self.last = max(self._pending.values(), key=lambda record: record["at"])["id"]
            else:
                self.last = latest[1] if latest else None

    def offset(self, doc_id: str) -> int | None:
        """The saved reading position in ``doc_id`` (a character offset), or None."""
        return self._offsets.get(doc_id)

    def record(self, doc_id: str, offset: int) -> None:
        """Remember ``offset`` as the position in ``doc_id``, and it as the release read last."""
        key = self.index.key(doc_id)
        if key is None:
            return
        with self._lock:
            if self._offsets.get(doc_id) == offset and self.last == doc_id:
                return
            self._offsets[doc_id] = offset
            self.last = doc_id
            # Keyed now: a reload may change the index before the save.
            record = {**self.index.hint(doc_id), "offset": offset, "at": time.time()}
            self._pending[key] = record

    def save(self) -> None:
        """Write what changed since the last save, merged with what is on disk."""
        changed = self._take_pending()
        if not changed:
            return
        index = self.index

        def change(data: dict[str, Any]) -> dict[str, Any]:
            releases = releases_of(data)
            found = index.resolve(releases)
            for key, record in changed.items():
                stale = found.get(record["id"])
                if stale is not None and stale != key:
                    releases.pop(stale, None)  # found by its hint: now under its new key
                releases.pop(key, None)  # re-insert: dict order is recency
                releases[key] = record
            _drop_stale_tops(releases)
            excess = len(releases) - MAX_POSITIONS
            for key in list(releases)[: max(excess, 0)]:
                del releases[key]
            return data

        self.update(change)
