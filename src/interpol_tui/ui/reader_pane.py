"""The reading column: the reader, its find bar and its legend, wired to one another."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import AwaitMount

from interpol_tui.ui.legend import Legend
from interpol_tui.ui.reader import Reader

if TYPE_CHECKING:  # imported when it is mounted, after the first frame
    from interpol_tui.ui.find_bar import FindBar


class ReaderPane(Vertical):
    """Composes the reader with its find bar and legend and routes messages between them."""

    DEFAULT_CSS = """
    ReaderPane { height: 1fr; }
    ReaderPane > Reader { height: 1fr; }
    """

    def compose(self) -> ComposeResult:
        """Reader on top, the legend below; the find bar (hidden until used) between them."""
        yield Reader(id="reader")
        yield Legend(id="legend")

    def on_mount(self) -> None:
        """Mount the find bar a frame after the first: hidden, it is not in the first frame."""
        self.call_after_refresh(self.call_after_refresh, self._mount_find_bar)

    def _mount_find_bar(self) -> AwaitMount | None:
        # (as the list's hidden lines are, ui/list_pane.py; or at once when asked for first)
        from interpol_tui.ui.find_bar import FindBar

        if self.query(FindBar) or not self.is_attached:
            return None
        return self.mount(FindBar(id="find-bar"), before=self.query_one(Legend))

    @on(Reader.KindsChanged)
    def _kinds_changed(self, message: Reader.KindsChanged) -> None:
        self.query_one(Legend).hidden = message.hidden

    @on(Legend.Toggled)
    def _legend_toggled(self, message: Legend.Toggled) -> None:
        self.query_one(Reader).action_toggle_kind(message.kind)

    @on(Reader.FindRequested)
    async def _find_requested(self, message: Reader.FindRequested) -> None:
        from interpol_tui.ui.find_bar import FindBar

        mounting = self._mount_find_bar()
        if mounting is not None:
            await mounting
        await self.query_one(FindBar).open(message.query)

    # (handlers by name, not @on(FindBar.Changed): the class is imported after the first frame)
    def on_find_bar_changed(self, message: FindBar.Changed) -> None:
        """Find what the bar holds."""
        self.query_one(Reader).find(message.query)

    def on_find_bar_closed(self, message: FindBar.Closed) -> None:
        """Back to the reader (its marks cleared unless kept)."""
        reader = self.query_one(Reader)
        if not message.keep:
            reader.action_clear_marks()
        reader.focus()
