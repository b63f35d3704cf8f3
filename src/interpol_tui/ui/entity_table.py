"""How many releases mention each person, organisation, place and operation."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import DataTable

from interpol_tui.analysis.frequencies import EntityFrequency
from interpol_tui.analysis.kinds import KINDS, type_label
from interpol_tui.ui.legible import LegibleStyles
from interpol_tui.ui.messages import EntityChosen
from interpol_tui.ui.nav_keys import TABLE_KEYS
from interpol_tui.ui.quantity_table import bar, clip

MAX_ENTITY_ROWS = 2000
"""Entities listed at most, most widely mentioned first."""
TYPE_LABELS = {kind.name: type_label(kind.name) for kind in KINDS if kind.entity}
"""The Type column's word for each entity type (from the registry, as the CLI's tables)."""


class EntityTable(LegibleStyles, DataTable[Text]):
    """One row per entity; ``enter`` lists the releases that mention it (again: all releases)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "List releases", id="stats.entity.filter"),
        *TABLE_KEYS,
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.entities: list[EntityFrequency] = []
        self.chosen: EntityFrequency | None = None
        """The entity whose releases the list shows, if any."""

    def on_mount(self) -> None:
        """Add the columns."""
        self.add_columns("Type", "Name", "Releases", "Mentions", "")

    def show(self, entities: list[EntityFrequency], releases: int) -> None:
        """Show the most widely mentioned ``entities``; bars compare with all ``releases``."""
        self.entities = entities[:MAX_ENTITY_ROWS]
        self.chosen = None
        self.clear()
        for index, entity in enumerate(entities[:MAX_ENTITY_ROWS]):
            self.add_row(
                Text(type_label(entity.type), style="dim"),
                Text(clip(entity.canonical, 32)),
                Text(str(entity.releases), justify="right"),
                Text(str(entity.mentions), justify="right"),
                Text(bar(entity.releases, releases, 10)),
                key=str(index),
            )

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
