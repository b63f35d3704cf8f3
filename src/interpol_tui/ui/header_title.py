"""Show the open release's title in the header without re-laying out the screen."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Header
from textual.widgets._header import HeaderTitle


def show_sub_title(screen: Screen[Any], sub_title: str) -> None:
    """Set ``screen.sub_title`` and repaint only the header's title line.

    Assigning the reactive makes the header ``update()`` its title with a
    layout of the whole screen, which repaints every pane: a large part of a
    key press in the list. The title's box is the header's full width,
    whatever the text, so a repaint is enough.
    """
    if screen.sub_title == sub_title:
        return
    headers = screen.query(Header)
    if not headers:
        screen.sub_title = sub_title
        return
    screen.set_reactive(Screen.sub_title, sub_title)  # no watcher: no layout
    header = headers.first()
    header.query_one(HeaderTitle).update(header.format_title(), layout=False)
