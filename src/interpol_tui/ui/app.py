"""The Textual application: thin; the main screen does the wiring."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from interpol_tui import __version__
from interpol_tui.ui.main_screen import MainScreen


class InterpolApp(App[None]):
    """interpol-tui: browse, read and analyse a corpus of press releases."""

    CSS_PATH = "app.tcss"
    TITLE = "interpol-tui"

    def __init__(self, corpus_paths: list[Path], *, use_cache: bool = True) -> None:
        super().__init__()
        self.corpus_paths = corpus_paths
        self.use_cache = use_cache
        self.sub_title = f"v{__version__}"

    def get_default_screen(self) -> Screen[None]:
        """The three-pane browser."""
        return MainScreen(self.corpus_paths)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Offer every described key binding of the screen in the command palette too."""
        yield from super().get_system_commands(screen)
        for binding in screen.BINDINGS:
            if isinstance(binding, Binding) and binding.description and binding.id:
                action = binding.action

                def run(action: str = action) -> None:
                    self.call_later(screen.run_action, action)

                yield SystemCommand(binding.description, f"Key: {binding.key}", run)
