"""A data table whose columns are named by key, so a narrow pane can show fewer of them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.text import Text
from textual.widgets import DataTable


class KeyedColumns(DataTable[Text]):
    """Columns chosen by key (``COLUMNS`` on mount), labelled from ``COLUMN_LABELS``."""

    COLUMNS: ClassVar[tuple[str, ...]] = ()
    """The columns of a table wide enough for all of them."""
    COLUMN_LABELS: ClassVar[Mapping[str, str]] = {}
    """Each key's heading; a key without one is headed by itself, capitalised."""

    def on_mount(self) -> None:
        """Add the columns."""
        self._set_columns(self.COLUMNS)

    def _set_columns(self, keys: tuple[str, ...]) -> None:
        """Show the columns ``keys`` (a narrow pane drops some rather than overflow)."""
        if tuple(str(key.value) for key in self.columns) == keys:
            return
        self.clear(columns=True)
        for key in keys:
            self.add_column(self.COLUMN_LABELS.get(key, key.capitalize()), key=key)
