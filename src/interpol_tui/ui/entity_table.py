"""How many releases mention each person, organisation, place and operation."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.binding import Binding, BindingType
from textual.widgets import DataTable

from interpol_tui.analysis.frequencies import EntityFrequency
from interpol_tui.analysis.kinds import KINDS, type_label
from interpol_tui.ui.column_fit import fit_table
from interpol_tui.ui.keyed_columns import KeyedColumns
from interpol_tui.ui.legible import LegibleStyles
from interpol_tui.ui.messages import EntityChosen
from interpol_tui.ui.nav_keys import TABLE_KEYS
from interpol_tui.ui.quantity_table import bar, clip

MAX_ENTITY_ROWS = 2000
"""Entities listed at most, most widely mentioned first."""
TYPE_LABELS = {kind.name: type_label(kind.name) for kind in KINDS if kind.entity}
"""The Type column's word for each entity type (from the registry, as the CLI's tables)."""


COLUMNS = ("type", "name", "releases", "mentions", "bar")
NARROW_COLUMNS = ("name", "releases")
"""The columns of a table narrower than :data:`NARROW_BELOW`."""
NARROW_BELOW = 60
COLUMN_LABELS = {
    "type": "Type",
    "name": "Name",
    "releases": "Releases",
    "mentions": "Mentions",
    "bar": "",
}
ROWS_A_TURN = 250
"""Rows added in one slice of the UI thread; the rest follow a turn at a time (``stats_fill``)."""
MINIMUM_WIDTHS = {"type": 8, "name": 12, "releases": 8, "mentions": 8, "bar": 10}
"""The narrowest each column gets (``column_fit``): counts and bars are never cut."""


class EntityTable(LegibleStyles, KeyedColumns):
    """One row per entity; ``enter`` lists the releases that mention it (again: all releases)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "List releases", id="stats.entity.filter"),
        *TABLE_KEYS,
    ]
    COLUMNS = COLUMNS
    COLUMN_LABELS = COLUMN_LABELS

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.entities: list[EntityFrequency] = []
        self.chosen: EntityFrequency | None = None
        """The entity whose releases the list shows, if any."""
        self._releases = 0
        self._fitted_width = 0

    def show(self, entities: list[EntityFrequency], releases: int) -> None:
        """Show the most widely mentioned ``entities``; bars compare with all ``releases``."""
        self.entities = entities[:MAX_ENTITY_ROWS]
        self.chosen = None
        self._releases = releases
        width = self._fitted_width = self.size.width
        keys = COLUMNS if width == 0 or width >= NARROW_BELOW else NARROW_COLUMNS
        self.workers.cancel_group(self, "entity-rows")  # rows of an earlier show
        self._set_columns(keys)
        self.clear()
        rows: list[list[Text]] = []
        for entity in self.entities:
            cells = {
                "type": Text(type_label(entity.type), style="dim"),
                "name": Text(clip(entity.canonical, 32)),
                "releases": Text(str(entity.releases), justify="right"),
                "mentions": Text(str(entity.mentions), justify="right"),
                "bar": Text(bar(entity.releases, releases, 10)),
            }
            rows.append([cells[key] for key in keys])
        fit_table(self, rows, [MINIMUM_WIDTHS[key] for key in keys])
        self._add_rows(rows, 0)
        if len(rows) > ROWS_A_TURN:
            self._add_in_turns(rows)

    def _add_rows(self, rows: list[list[Text]], start: int) -> None:
        for index, row in enumerate(rows[start : start + ROWS_A_TURN], start):
            self.add_row(*row, key=str(index))

    @work(group="entity-rows", exclusive=True)
    async def _add_in_turns(self, rows: list[list[Text]]) -> None:
        from interpol_tui.ui.stats_fill import next_turn

        for start in range(ROWS_A_TURN, len(rows), ROWS_A_TURN):
            await next_turn(self)
            self._add_rows(rows, start)

    def on_resize(self) -> None:
        """Size the columns again for the new width."""
        if self.size.width != self._fitted_width and self.entities:
            chosen = self.chosen
            self.show(self.entities, self._releases)
            self.chosen = chosen

    @property
    def current(self) -> EntityFrequency | None:
        """The entity under the cursor."""
        if 0 <= self.cursor_row < len(self.entities):
            return self.entities[self.cursor_row]
        return None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Filter the release list to this entity's releases, or show all when chosen again."""
        event.stop()
        entity = self.current
        if entity is None:
            return
        if entity is self.chosen:
            self.chosen = None
            self.post_message(EntityChosen(None, None))
        else:
            self.chosen = entity
            self.post_message(EntityChosen(entity.canonical, frozenset(entity.doc_ids)))
