"""The vi-style movement keys (``j``/``k``, ``g``/``G``, ``space``) for tables, lists and scrolls.

Textual's own widgets answer only to the arrows, ``home``/``end`` and the
page keys. Every list-like widget of the app adds the same letters, defined
here once, so that a key means one thing in the release list, the
statistics tables and every dialog.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import OptionList

TABLE_KEYS: list[BindingType] = [
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
    # A row cursor's home/end would scroll sideways (DataTable's default): first/last row.
    Binding("g,home", "scroll_top", "First row", show=False),
    Binding("G,end", "scroll_bottom", "Last row", show=False),
]
"""Extra keys of a ``DataTable`` with a row cursor."""

OPTION_KEYS: list[BindingType] = [
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
    Binding("g", "first", "First", show=False),
    Binding("G", "last", "Last", show=False),
]
"""Extra keys of an ``OptionList``."""

ITEM_KEYS: list[BindingType] = [
    Binding("j,down", "move(1)", "Down", show=False),
    Binding("k,up", "move(-1)", "Up", show=False),
    Binding("pagedown,space", "page(1)", "Page down", show=False),
    Binding("pageup", "page(-1)", "Page up", show=False),
    Binding("home,g", "move(-1000000000)", "First", show=False),
    Binding("end,G", "move(1000000000)", "Last", show=False),
]
"""Keys of a list drawn item by item (``LineList``: the corpus quotations, a long timeline)."""

SCROLL_KEYS: list[BindingType] = [
    Binding("j", "scroll_down", "Scroll down", show=False),
    Binding("k", "scroll_up", "Scroll up", show=False),
    Binding("space", "page_down", "Page down", show=False),
    Binding("g", "scroll_home", "Top", show=False),
    Binding("G", "scroll_end", "Bottom", show=False),
]
"""Extra keys of a scrolling view (help, corpus totals, warnings)."""


class KeyedOptionList(OptionList):
    """An ``OptionList`` that also moves with ``j``/``k``/``g``/``G``."""

    BINDINGS: ClassVar[list[BindingType]] = OPTION_KEYS


class KeyedScroll(VerticalScroll):
    """A ``VerticalScroll`` that also scrolls with ``j``/``k``/``g``/``G``/``space``."""

    BINDINGS: ClassVar[list[BindingType]] = SCROLL_KEYS
