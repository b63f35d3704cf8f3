"""The reading column: the reader, its find bar and its legend, wired to one another."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical

from interpol_tui.ui.find_bar import FindBar
from interpol_tui.ui.legend import Legend
from interpol_tui.ui.reader import Reader


class ReaderPane(Vertical):
    """Composes the reader with its find bar and legend and routes messages between them."""

    DEFAULT_CSS = """
    ReaderPane { height: 1fr; }
    ReaderPane > Reader { height: 1fr; }
    """

    def compose(self) -> ComposeResult:
        """Reader on top, the find bar (hidden until used) and the legend below."""
        yield Reader(id="reader")
        yield FindBar(id="find-bar")
        yield Legend(id="legend")

    @on(Reader.KindsChanged)
    def _kinds_changed(self, message: Reader.KindsChanged) -> None:
        self.query_one(Legend).hidden = message.hidden

    @on(Legend.Toggled)
    def _legend_toggled(self, message: Legend.Toggled) -> None:
        self.query_one(Reader).action_toggle_kind(message.kind)

    @on(Reader.FindRequested)
    async def _find_requested(self, message: Reader.FindRequested) -> None:
        await self.query_one(FindBar).open(message.query)

    @on(FindBar.Changed)
    def _find_changed(self, message: FindBar.Changed) -> None:
        self.query_one(Reader).find(message.query)

    @on(FindBar.Closed)
    def _find_closed(self, message: FindBar.Closed) -> None:
        reader = self.query_one(Reader)
        if not message.keep:
            reader.action_clear_marks()
        reader.focus()
