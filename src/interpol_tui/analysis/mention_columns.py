"""Every entity's releases, from the release digests, kept as columns for the timelines.

A corpus of 100,000 releases has some three million (entity, release) rows,
each with the roles the release states and the figures cited beside the
entity. Held as a tuple, a :class:`~interpol_tui.analysis.timeline.MentionRow`
and its figure notes each, they were most of the app's memory; here they are
typed arrays with ids into one pool of strings, in each entity's date order
once :meth:`MentionColumns.finish`\\ ed, and a row becomes a
:data:`~interpol_tui.analysis.timeline.Found` only when a timeline's entry
is read.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence

from interpol_tui.analysis.chronology import ReleaseDate
from interpol_tui.analysis.made_when_read import MadeWhenRead
from interpol_tui.analysis.model import EntityType
from interpol_tui.analysis.timeline import FigureNote, Found, MentionRow
from interpol_tui.corpus.model import Document

_NO_UNIT = -1


class MentionColumns:
    """The mention rows of every release added, by entity (type and case-folded name)."""

    def __init__(self) -> None:
        self.documents: list[Document] = []
        """The releases added (those naming an entity), in corpus order."""
        self.dates: list[ReleaseDate] = []
        self.pool: list[str] = []
        """Names, roles, figure wordings, units and what they count, each once."""
        self._ids: dict[str, int] = {}
        self.keys: dict[tuple[str, str], int] = {}
        """(type, case-folded canonical name) -> entity number, in the order first named."""
        self.types: list[EntityType] = []
        self._by_entity: list[array[int]] | None = []
        # One value a row (an entity named in a release):
        self.entity, self.release, self.canonical = array("i"), array("i"), array("i")
        # 32-bit offsets: a file over 5 MB is not read (``corpus/loader.py``).
        self.mentions, self.first = array("i"), array("i")
        self.role_at, self.roles = array("i", [0]), array("i")
        self.figure_at = array("i", [0])
        # One value a figure cited beside an entity:
        self.figure_text, self.unit, self.counts = array("i"), array("i"), array("i")
        self.value = array("d")
        # Made by finish: every entity's rows, oldest release first, one entity after another.
        self.order = array("i")
        self.entity_at = array("i", [0])

    def _id(self, value: str) -> int:
        found = self._ids.get(value)
        if found is None:
            found = self._ids[value] = len(self.pool)
            self.pool.append(value)
        return found

    def add(self, document: Document, date: ReleaseDate, rows: Iterable[MentionRow]) -> None:
        """Add one release's mention rows (releases in corpus order, each once)."""
        by_entity = self._by_entity
        assert by_entity is not None, "added after finish"
        release = len(self.documents)
        self.documents.append(document)
        self.dates.append(date)
        intern = self._id
        for row in rows:
            key = (row.type, row.canonical.casefold())
            entity = self.keys.get(key)
            if entity is None:
                entity = self.keys[key] = len(self.types)
                self.types.append(row.type)
                by_entity.append(array("i"))
            by_entity[entity].append(len(self.entity))
            self.entity.append(entity)
            self.release.append(release)
            self.canonical.append(intern(row.canonical))
            self.mentions.append(row.mentions)
            self.first.append(row.first)
            self.roles.extend(map(intern, row.roles))
            self.role_at.append(len(self.roles))
            for note in row.figures:
                self.figure_text.append(intern(note.text))
                self.value.append(note.value)
                self.unit.append(_NO_UNIT if note.unit is None else intern(note.unit))
                self.counts.append(intern(note.counts))
            self.figure_at.append(len(self.value))

    def finish(self) -> None:
        """Order each entity's rows by release date (stable: corpus order among equals)."""
        by_entity, self._by_entity = self._by_entity, None
        if by_entity is None:
            return
        self._ids = {}  # only adding looks strings up: 2 MB a 10,000 releases
        keys = [date.sort_key for date in self.dates]
        place = {key: rank for rank, key in enumerate(sorted(set(keys)))}
        ranks = array("i", map(place.__getitem__, keys))
        row_rank = array("i", map(ranks.__getitem__, self.release))
        for rows in by_entity:
            self.order.extend(sorted(rows, key=row_rank.__getitem__) if len(rows) > 1 else rows)
            self.entity_at.append(len(self.order))

    def rows_of(self, entity: int) -> array[int]:
        """The entity's row numbers, oldest release first (once finished)."""
        return self.order[self.entity_at[entity] : self.entity_at[entity + 1]]

    def found(self, row: int) -> Found:
        """Row ``row`` as a timeline reads it: (doc id, title, date, the entity's row)."""
        release = self.release[row]
        document, pool = self.documents[release], self.pool
        figures = tuple(
            FigureNote(
                pool[self.figure_text[at]],
                self.value[at],
                None if self.unit[at] == _NO_UNIT else pool[self.unit[at]],
                pool[self.counts[at]],
            )
            for at in range(self.figure_at[row], self.figure_at[row + 1])
        )
        roles = self.roles[self.role_at[row] : self.role_at[row + 1]]
        mention = MentionRow(
            type=self.types[self.entity[row]],
            canonical=pool[self.canonical[row]],
            mentions=self.mentions[row],
            first=self.first[row],
            roles=tuple(map(pool.__getitem__, roles)),
            figures=figures,
        )
        return document.id, document.title, self.dates[release], mention

    def dated(self, rows: Sequence[int]) -> list[tuple[ReleaseDate, str | None]]:
        """Each row's release date and the first role it states (what a timeline charts)."""
        dates, release, role_at, roles, pool = (
            self.dates,
            self.release,
            self.role_at,
            self.roles,
            self.pool,
        )
        return [
            (dates[release[r]], pool[roles[role_at[r]]] if role_at[r + 1] > role_at[r] else None)
            for r in rows
        ]


class FoundRows(MadeWhenRead[Found]):
    """Some rows of :class:`MentionColumns`, each made a :data:`Found` when read."""

    def __init__(self, columns: MentionColumns, rows: Sequence[int]) -> None:
        super().__init__(rows, columns.found)
