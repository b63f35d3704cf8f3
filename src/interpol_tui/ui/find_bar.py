"""The find bar under the reader: type to find in the open release, as you type."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label

from interpol_tui.ui.legible_input import LegibleInput


class FindBar(Horizontal):
    """A one-line query box; ``enter`` keeps the matches, ``escape`` clears them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close(False)", "Cancel find", id="find.cancel"),
    ]

    DEFAULT_CSS = """
    FindBar { height: 1; display: none; padding: 0 1; }
    FindBar.-open { display: block; }
    FindBar > Label { width: auto; padding-right: 1; color: $text-muted; }
    FindBar > Input, FindBar > Input:focus { border: none; height: 1; padding: 0; width: 1fr; }
    """

    class Changed(Message):
        """The query was edited."""

        def __init__(self, query: str) -> None:
            self.query = query
            super().__init__()

    class Closed(Message):
        """The bar closed; ``keep`` says whether the matches should stay marked."""

        def __init__(self, keep: bool) -> None:
            self.keep = keep
            super().__init__()

    def compose(self) -> ComposeResult:
        """Nothing until first opened: a hidden Input would slow the first frame."""
        return iter(())

    async def open(self, query: str) -> None:
        """Show the bar holding ``query`` and focus it."""
        if not self.children:
            await self.mount(
                Label("Find:"), LegibleInput(placeholder="text in this release", id="find-query")
            )
        field = self.query_one(Input)
        with field.prevent(Input.Changed):
            field.value = query
        self.add_class("-open")
        field.focus()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_close(True)

    def action_close(self, keep: bool) -> None:
        """Hide the bar."""
        self.remove_class("-open")
        self.post_message(self.Closed(keep))
