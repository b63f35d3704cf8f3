"""Where the statistics pane goes at each terminal width.

From :data:`FULL_SCREEN_BELOW` columns the pane sits beside the reader, and
from :data:`WIDE_WIDTH` it takes a larger share. In a narrower terminal
(80x24) showing it fills the screen (Textual's maximize), with its tables
in tabs; reading a figure then closes it so the reader shows the sentence.
``z`` in the pane does the same at any width.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from interpol_tui.ui.reader import Reader
from interpol_tui.ui.stats_pane import FULL_SCREEN_BELOW, StatsPane

WIDE_WIDTH = 160
"""From this many columns the pane beside the reader is made wider (class ``-wide``)."""


def fills_screen(screen: Screen[Any]) -> bool:
    """True when the terminal is too narrow for the pane beside the reader."""
    return screen.app.size.width < FULL_SCREEN_BELOW


def apply_stats_layout(screen: Screen[Any], visible: bool) -> None:
    """Show or hide the pane as the terminal's width allows."""
    stats = screen.query_one(StatsPane)
    stats.display = visible
    stats.set_class(screen.app.size.width >= WIDE_WIDTH, "-wide")
    if visible and fills_screen(screen):
        if screen.maximized is not stats:
            screen.maximize(stats, container=False)
    elif screen.maximized is stats and (not visible or not fills_screen(screen)):
        screen.minimize()


def stays_visible(screen: Screen[Any], visible: bool) -> bool:
    """After a resize: a pane beside the reader hides when the terminal gets too narrow,
    and comes back when it is wide again, unless the user hid it there (a saved choice)."""
    stats = screen.query_one(StatsPane)
    if fills_screen(screen):
        return visible and screen.maximized is stats
    session = getattr(screen, "session", None)
    wanted = session is None or session.stats_shown(True)
    return visible or wanted


def keep_focus_in_view(screen: Screen[Any]) -> None:
    """After a resize: focus a pane still shown, and keep the list's cursor on screen."""
    from interpol_tui.ui.document_list import DocumentList

    documents = screen.query_one(DocumentList)
    focused = screen.focused
    if focused is None or not focused.display or not all(n.display for n in focused.ancestors):
        documents.focus()
    documents.call_after_refresh(documents.scroll_cursor_into_view)


def focus_after_toggle(screen: Screen[Any], visible: bool) -> None:
    """Shown: focus the pane's table. Hidden: give focus back to the reader if the pane had it."""
    stats = screen.query_one(StatsPane)
    if visible:
        stats.focus_tables()
        return
    focused = screen.focused
    if focused is None or stats in focused.ancestors_with_self:
        screen.query_one(Reader).focus()


def make_room_to_read(screen: Screen[Any]) -> bool:
    """Un-maximize the pane so the reader shows; return True when the pane should also hide."""
    if fills_screen(screen):
        return True  # hiding it un-maximizes it too
    if screen.maximized is screen.query_one(StatsPane):
        screen.minimize()
    return False
