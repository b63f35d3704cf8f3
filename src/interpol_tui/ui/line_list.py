"""A virtual list of items of a few lines each: only the lines on screen are drawn.

No scrollbar (drawing one cost a fifth of opening the quotation list): the
views say where the cursor is ("120 of 58,353"), as fzf does.

For the across-release views, whose lists run to tens of thousands of items
(58,000 quotations, a timeline of 9,600 releases) where an ``OptionList``
would measure every one of them. Items are given as a count, their heights
and a function that draws one; headings are items the cursor skips.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from interpol_tui.ui.document_list import fit
from interpol_tui.ui.legible import LegibleStyles
from interpol_tui.ui.nav_keys import ITEM_KEYS

WHEEL_STEP = 3
"""Items the cursor moves for one notch of the mouse wheel."""
Line = Sequence[tuple[str, str]]
"""One line of an item: (text, role) pieces; role "" (plain), "heading", "dim" or "em";
a line that starts with a "title" piece heads its item and takes no cursor."""
Draw = Callable[[int], Sequence[Line]]
"""Draws item ``index`` as exactly as many lines as its height."""


class LineList(LegibleStyles, ScrollView, can_focus=True):
    """Items of one or more lines each, with a cursor on the selectable ones."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *ITEM_KEYS,
        Binding("enter", "select", "Open", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "line-list--cursor",
        "line-list--heading",
        "line-list--dim",
        "line-list--em",
    }

    DEFAULT_CSS = """
    LineList { overflow-x: hidden; overflow-y: hidden; height: 1fr; }
    LineList > .line-list--cursor {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
    }
    LineList:focus > .line-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    LineList > .line-list--heading { text-style: bold; }
    LineList > .line-list--dim { color: $text-muted; }
    LineList > .line-list--em { text-style: italic; }
    """

    cursor: reactive[int] = reactive(-1, always_update=True)
    """Index of the highlighted item (-1: none)."""

    class Highlighted(Message):
        """The cursor moved to item ``index``."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class Selected(Message):
        """``enter`` (or a double click) on item ``index``."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._ends: list[int] = []
        """The line after each item (running sum of the heights)."""
        self._selectable: Sequence[bool] = ()
        self._draw: Draw = lambda index: ()
        self._cache: dict[int, Sequence[Line]] = {}
        self.empty_text = ""
        """Drawn on the first line when there is no item."""

    @property
    def count(self) -> int:
        """How many items there are."""
        return len(self._ends)

    def set_items(
        self,
        heights: Sequence[int],
        selectable: Sequence[bool],
        draw: Draw,
        ends: list[int] | None = None,
    ) -> None:
        """Show these items; the cursor goes to the first selectable one, at the top.

        ``ends`` (the running sum of ``heights``) may be given, made ahead of time.
        """
        self._ends = ends if ends is not None else item_ends(heights)
        self._selectable = selectable
        self._draw = draw
        self._cache = {}
        self.virtual_size = Size(self.size.width, self._ends[-1] if self._ends else 0)
        self.scroll_to(y=0, animate=False, immediate=True, force=True)
        self.cursor = self._next_selectable(0, 1)
        self.refresh()

    def _next_selectable(self, start: int, step: int) -> int:
        index = start
        while 0 <= index < len(self._ends):
            if self._selectable[index]:
                return index
            index += step
        return -1

    def _top(self, index: int) -> int:
        return self._ends[index - 1] if index else 0

    # -- the cursor -----------------------------------------------------------
    def watch_cursor(self, old: int, new: int) -> None:
        """Keep the cursor's item in view and say which it is."""
        if 0 <= new < len(self._ends):
            top = self._top(new)
            # The heading above the first item of a group comes into view with it.
            if new > 0 and not self._selectable[new - 1]:
                top = self._top(new - 1)
            region = Region(0, top, 1, self._ends[new] - top)
            self.scroll_to_region(region, animate=False, immediate=True, force=True)
            self.post_message(self.Highlighted(new))
        self.refresh()

    def action_move(self, step: int) -> None:
        """Move the cursor ``step`` selectable items (clamped to the first and last)."""
        if not self._ends:
            return
        direction = 1 if step > 0 else -1
        index = self.cursor if self.cursor >= 0 else 0
        for _ in range(min(abs(step), len(self._ends))):
            found = self._next_selectable(index + direction, direction)
            if found < 0:
                break
            index = found
        self.cursor = index if self._selectable[index] else self._next_selectable(0, 1)

    def action_page(self, direction: int) -> None:
        """Move by about a screenful."""
        if not self._ends or self.cursor < 0:
            return
        target = self._top(self.cursor) + direction * max(self.scrollable_content_region.height, 1)
        target = max(0, min(target, self._ends[-1] - 1))
        index = bisect_right(self._ends, target)
        found = self._next_selectable(index, direction) if index < len(self._ends) else -1
        self.cursor = found if found >= 0 else self._next_selectable(index, -direction)

    def action_select(self) -> None:
        """Say that the highlighted item was chosen."""
        if 0 <= self.cursor < len(self._ends):
            self.post_message(self.Selected(self.cursor))

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        """The wheel moves the cursor (the list has no scrollbar to drag)."""
        event.stop()
        self.action_move(WHEEL_STEP)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        """The wheel moves the cursor."""
        event.stop()
        self.action_move(-WHEEL_STEP)

    def on_click(self, event: events.Click) -> None:
        """Move the cursor to the clicked item; a double click chooses it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = bisect_right(self._ends, offset.y + int(self.scroll_y))
        if index < len(self._ends) and self._selectable[index]:
            self.focus()
            self.cursor = index
            if event.chain >= 2:
                self.action_select()

    # -- drawing ----------------------------------------------------------------
    def _lines(self, index: int) -> Sequence[Line]:
        found = self._cache.get(index)
        if found is None:
            if len(self._cache) > 512:  # only what was on screen lately
                self._cache.clear()
            found = self._cache[index] = self._draw(index)
        return found

    def render_line(self, y: int) -> Strip:
        """Draw screen line ``y``: one line of the item it falls in."""
        width = self.scrollable_content_region.width
        absolute = y + int(self.scroll_y)
        base = self.rich_style
        index = bisect_right(self._ends, absolute)
        if index >= len(self._ends):
            if absolute == 0 and not self._ends and self.empty_text:
                dim = base + self._foreground("line-list--dim")
                return Strip([Segment(fit(self.empty_text, width), dim)]).crop_extend(
                    0, width, base
                )
            return Strip.blank(width, base)
        lines = self._lines(index)
        part = absolute - self._top(index)
        line = lines[part] if part < len(lines) else ()
        selected = index == self.cursor and not (line and line[0][1] == "title")
        if selected:
            base += self.get_component_rich_style("line-list--cursor")
        segments: list[Segment] = []
        room = width
        for text, role in line:
            if room <= 0:
                break
            # A quotation may run to thousands of characters: measure only what can show.
            piece = fit(text[: room * 2 + 2], room)
            room -= cell_len(piece)
            component = "line-list--heading" if role == "title" else f"line-list--{role}"
            style = base if selected or not role else base + self._foreground(component)
            if selected and role == "heading":
                style += Style(bold=True)
            segments.append(Segment(piece, style))
        return Strip(segments).crop_extend(0, width, base)

    def _foreground(self, component: str) -> Style:
        style = self.get_component_rich_style(component)
        return Style.from_color(style.color) + style.without_color

    def on_resize(self) -> None:
        """Keep the scrollable height; lines are cut to the new width as they are drawn."""
        self.virtual_size = Size(self.size.width, self._ends[-1] if self._ends else 0)

    def notify_style_update(self) -> None:
        """Theme or focus changed: repaint with the new styles."""
        super().notify_style_update()
        self.refresh()


def item_ends(heights: Sequence[int]) -> list[int]:
    """The line after each item: the running sum of the items' heights."""
    return list(accumulate(heights))
