"""The help screen: every key the app answers to, read from the bindings themselves."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Static

from interpol_tui.ui.nav_keys import KeyedScroll

_KEY_NAMES = {
    "ctrl+": "ctrl+",
    "shift+tab": "shift+tab",
    "question_mark": "?",
    "slash": "/",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "space": "space",
    "quotation_mark": '"',
    "backslash": "\\",
}


def key_label(keys: str) -> str:
    """Turn a binding's key list ("j,down") into what a user types ("j / down")."""
    labels = []
    for key in keys.split(","):
        key = key.strip()
        labels.append(_KEY_NAMES.get(key, key))
    return " / ".join(labels)


def bindings_table(sections: Iterable[tuple[str, Iterable[BindingType]]]) -> Table:
    """Build a table of keys and what they do, one section per pane."""
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold")
    table.add_column()
    for title, bindings in sections:
        table.add_row(Text(""), Text(""))
        table.add_row(Text(title, style="bold underline"), Text(""))
        listed: set[tuple[str, str]] = set()  # two tables may bind one key to one thing
        for binding in bindings:
            if not (isinstance(binding, Binding) and binding.description):
                continue
            row = (key_label(binding.key), binding.description)
            if row not in listed:
                listed.add(row)
                table.add_row(Text(row[0]), Text(row[1]))
    return table


class HelpScreen(ModalScreen[None]):
    """Lists every key binding; any of escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help"),
    ]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 80; max-width: 95%; height: 90%;
        border: round $primary; background: $surface; padding: 0 2;
    }
    """

    def __init__(self, sections: list[tuple[str, list[BindingType]]]) -> None:
        super().__init__()
        self._sections = sections

    def compose(self) -> ComposeResult:
        """Show the keys table."""
        with KeyedScroll() as scroll:
            scroll.border_title = "Keys"
            yield Static(bindings_table(self._sections))

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help screen."""
        self.dismiss(result)
