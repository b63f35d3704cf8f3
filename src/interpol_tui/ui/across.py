"""Opening the across-release views from the main screen: corpus quotations, compare, timelines.

Kept out of ``main_screen`` so the screen only names the keys; each view is
imported when first opened (start-up speed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import BindingType

from interpol_tui.ui.messages import DocumentSelected

if TYPE_CHECKING:
    from interpol_tui.ui.main_screen import MainScreen


def _ready(screen: MainScreen) -> bool:
    if screen.corpus is None or not screen.analyses:
        screen.notify("The corpus is still being analysed", severity="warning", timeout=3)
        return False
    return True


def open_at(screen: MainScreen, choice: tuple[str, int] | None) -> None:
    """Open the release ``choice`` names at its offset (a view's result)."""
    if choice is not None:
        screen.post_message(DocumentSelected(*choice))


def open_quotations(screen: MainScreen) -> None:
    """Show every quotation of the corpus; the one chosen opens in the reader."""
    if not _ready(screen) or screen.corpus is None:
        return
    from interpol_tui.ui.quotations_screen import QuotationsScreen

    view = QuotationsScreen(screen.corpus, screen.analyses)
    screen.app.push_screen(view, lambda choice: open_at(screen, choice))


def across_help_sections() -> list[tuple[str, list[BindingType]]]:
    """The keys of the across-release views, for the help screen."""
    from interpol_tui.ui.quotations_screen import QuotationsScreen

    return [("Quotations of the corpus", list(QuotationsScreen.BINDINGS))]
