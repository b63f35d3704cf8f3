"""The screen shown when a corpus has no readable release: what was looked at, and why."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Header, Static

from interpol_tui.corpus.model import Corpus
from interpol_tui.corpus.sanitize import visible_controls
from interpol_tui.ui.key_bar import KeyBar

SHOWN_WARNINGS = 12
"""Warnings listed on the screen itself; ``w`` lists them all."""


def empty_corpus_text(paths: Sequence[Path], corpus: Corpus, state: Sequence[str]) -> Text:
    """The explanation: the paths read, why nothing loaded, and what to do (never markup)."""
    text = Text()
    text.append("No readable releases in this corpus\n\n", style="bold")
    for path in paths:
        text.append("  ")
        text.append(visible_controls(str(path)), style="italic")
        text.append("\n")
    text.append("\n")
    if corpus.warnings:
        text.append(f"{len(corpus.warnings):,} file(s) could not be used:\n")
        for warning in corpus.warnings[:SHOWN_WARNINGS]:
            text.append(f"  • {visible_controls(warning)}\n")
        if len(corpus.warnings) > SHOWN_WARNINGS:
            text.append(f"  … and {len(corpus.warnings) - SHOWN_WARNINGS:,} more (press w)\n")
    else:
        text.append("No .txt, .md, .markdown or .text files were found there.\n")
    if state:
        text.append(f"\n{len(state)} warning(s) about settings or the cache (press w).\n")
    text.append("\nFix or add files and press r to reload, w to list every warning, ")
    text.append("ctrl+q to quit.")
    return text


class EmptyCorpusScreen(Screen[str | None]):
    """Replaces the browser when nothing could be loaded; dismissed with "reload" on ``r``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "reload", "Reload", id="empty.reload"),
        Binding("w", "warnings", "Warnings", id="empty.warnings"),
        Binding("ctrl+q", "app.quit", "Quit", id="empty.quit"),
    ]

    DEFAULT_CSS = """
    EmptyCorpusScreen { align: center middle; }
    EmptyCorpusScreen #empty-message { width: 100; max-width: 95%; height: auto;
        max-height: 90%; border: round $warning; padding: 1 2; }
    """

    def __init__(self, paths: Sequence[Path], corpus: Corpus, state: Sequence[str]) -> None:
        super().__init__()
        self._paths = list(paths)
        self._corpus = corpus
        self._state = list(state)
        """Warnings about settings, saved state and the cache."""

    def compose(self) -> ComposeResult:
        """The explanation in a box, between the header and the footer."""
        yield Header()
        # Short by construction (SHOWN_WARNINGS lines at most): no scrolling needed.
        yield Static(empty_corpus_text(self._paths, self._corpus, self._state), id="empty-message")
        yield KeyBar()

    def action_reload(self) -> None:
        """Close this screen and read the corpus again."""
        self.dismiss("reload")

    def action_warnings(self) -> None:
        """List every warning."""
        from interpol_tui.ui.warnings_screen import WarningsScreen

        self.app.push_screen(WarningsScreen(self._corpus.warnings, self._state))
