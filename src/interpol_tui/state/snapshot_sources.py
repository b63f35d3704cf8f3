"""The records files of a corpus snapshot: each JSON Lines, JSON or CSV file kept whole.

A records file holds many releases; its releases are stored as any other's
(``files``, ``texts``), and the file itself in ``sources``: its size and
modification time, the releases read from it and the warnings reading it
gave, so that an unchanged file is reopened without being parsed again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager

from interpol_tui.state.snapshot_rows import (
    FileRecord,
    SourceRecord,
    source_of_row,
    source_row,
)


class RecordsFiles:
    """The part of :class:`~interpol_tui.state.snapshot.CorpusSnapshot` about records files."""

    usable: bool

    def _connection(self) -> sqlite3.Connection:
        raise NotImplementedError  # the snapshot's

    def _writing(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError  # the snapshot's

    def _guard(self, error: sqlite3.Error) -> None:
        raise NotImplementedError  # the snapshot's

    def _save_rows(self, db: sqlite3.Connection, rows: Sequence[tuple[FileRecord, str]]) -> None:
        raise NotImplementedError  # the snapshot's

    def sources(self) -> dict[str, SourceRecord]:
        """Every records file the snapshot knows, by path (rows it cannot trust skipped)."""
        if not self.usable:
            return {}
        try:
            rows = self._connection().execute("SELECT * FROM sources").fetchall()
        except sqlite3.DatabaseError as error:
            self._guard(error)
            return {}
        return {found.path: found for found in map(source_of_row, rows) if found is not None}

    def save_records_file(
        self, source: SourceRecord, rows: Sequence[tuple[FileRecord, str]]
    ) -> bool:
        """Store a records file's releases and what it was, in one transaction."""
        if not self.usable:
            return False
        try:
            with self._writing() as db:
                self._save_rows(db, rows)
                db.execute(
                    "INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?, ?, ?)", source_row(source)
                )
        except sqlite3.Error as error:
            self._guard(error)
            return False
        return True
