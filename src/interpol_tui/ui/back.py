"""What ``escape`` does on the main screen when nothing closer to the focus wants it.

Dialogs close themselves, the find bar and the list's filter line clear
themselves, the reader clears its marks first. What is left comes here: from
another pane, go back to the release list; on the list, lift its filters
(typed, entity, bookmarks) so that every release shows again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from interpol_tui.ui.document_list import DocumentList
from interpol_tui.ui.list_pane import ListPane
from interpol_tui.ui.messages import EntityChosen

if TYPE_CHECKING:
    from interpol_tui.ui.main_screen import MainScreen


def is_home(screen: MainScreen) -> bool:
    """True on the whole, unfiltered release list: nowhere further back to go."""
    documents = screen.query_one(DocumentList)
    return screen.focused is documents and not documents.filtered


def go_back(screen: MainScreen) -> None:
    """One step back: to the list, then to the whole list."""
    documents = screen.query_one(DocumentList)
    if screen.focused is not documents:
        if screen.maximized is not None:
            screen.minimize()
        documents.focus()
        return
    pane = screen.query_one(ListPane)
    had_entity = pane.entity is not None
    cleared = pane.clear()
    if had_entity:  # the entities table and its status line forget the choice too
        for table in screen.query("#entities"):  # only once the statistics are built
            if hasattr(table, "chosen"):
                table.chosen = None
            table.post_message(EntityChosen(None, None))
    if screen.session.bookmarks_only:
        screen.session.toggle_bookmarks_only()
        cleared = True
    if cleared:
        screen.notify(f"All {len(documents.rows):,} releases", timeout=2)
