"""The warnings view (``w``): every file that was skipped or loaded with a problem."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Log

from interpol_tui.corpus.sanitize import visible_controls
from interpol_tui.ui.nav_keys import SCROLL_KEYS


def warning_lines(corpus: Sequence[str], state: Sequence[str]) -> list[str]:
    """The lines the view shows: corpus warnings, then settings/state/cache ones."""
    lines: list[str] = []
    if corpus:
        lines.append(f"Corpus: {len(corpus):,} warning(s)")
        lines.extend(f"  {visible_controls(w)}" for w in corpus)
    if state:
        if lines:
            lines.append("")
        lines.append(f"Settings, bookmarks and cache: {len(state):,} warning(s)")
        lines.extend(f"  {visible_controls(w)}" for w in state)
    return lines or ["No warnings: every file loaded cleanly."]


class WarningsLog(Log):
    """The warnings, one per line; scrolls with the same keys as the reader."""

    BINDINGS: ClassVar[list[BindingType]] = SCROLL_KEYS


class WarningsScreen(ModalScreen[None]):
    """Lists load and state warnings, one per line (a log: fast for thousands of files)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,w", "dismiss", "Close", id="warnings.close"),
    ]

    DEFAULT_CSS = """
    WarningsScreen { align: center middle; }
    WarningsScreen > Log {
        width: 110; max-width: 95%; height: 80%;
        border: round $warning; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, corpus: Sequence[str], state: Sequence[str]) -> None:
        super().__init__()
        self._lines = warning_lines(corpus, state)
        self._count = len(corpus) + len(state)

    def compose(self) -> ComposeResult:
        """A read-only log of the warnings (plain text: never markup)."""
        log = WarningsLog(highlight=False, auto_scroll=False)
        log.border_title = f"Warnings ({self._count:,})"
        log.border_subtitle = "esc: close"
        yield log

    def on_mount(self) -> None:
        """Fill the log and focus it for scrolling."""
        log = self.query_one(Log)
        log.write_lines(self._lines)
        log.scroll_home(animate=False)
        log.focus()

    async def action_dismiss(self, result: None = None) -> None:
        """Close the view."""
        self.dismiss(result)
