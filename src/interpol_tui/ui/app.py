"""The Textual application: thin; the main screen does the wiring."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import Screen

from interpol_tui import __version__
from interpol_tui.corpus import pacing, priority
from interpol_tui.ui.input_pacing import note_input
from interpol_tui.ui.main_screen import MainScreen
from interpol_tui.ui.preferences import Preferences

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.driver import Driver

    from interpol_tui.corpus.formats.fields import FieldMap

SWITCH_INTERVAL = 0.001
"""Seconds a thread may hold the GIL while another waits (Python's default is 0.005)."""


class InterpolApp(App[None]):
    """interpol-tui: browse, read and analyse a corpus of press releases."""

    CSS_PATH = "app.tcss"
    TITLE = "interpol-tui"
    COMMAND_PALETTE_BINDING = "ctrl+k"
    """``ctrl+p`` is quick-open (DESIGN.md); the app's priority palette key would shadow it."""

    def __init__(
        self, corpus_paths: list[Path], *, use_cache: bool = True, fields: FieldMap | None = None
    ) -> None:
        super().__init__()
        # Worker threads hand the GIL back to the UI thread after 1 ms, not 5:
        # a key then waits at most that long for a busy worker.
        sys.setswitchinterval(SWITCH_INTERVAL)
        pacing.resume()  # a new app (tests run several in one process)
        priority.workers_in_background()  # a key never waits for a core behind them
        self.corpus_paths = corpus_paths
        self.use_cache = use_cache
        self.follow_links = False
        """Follow symbolic links that leave the corpus roots (``--follow-links``)."""
        self.fields = fields
        """The record fields named with ``--fields`` (None: the usual names)."""
        self.sub_title = f"v{__version__}"
        self.preferences = Preferences()
        """Saved settings (theme, panes, highlights, size limit) and state warnings."""
        self.preferences.apply_theme(self)
        self.leave_at_once = False
        """Set by ``leaving.run_and_leave``: on exit, skip unmounting the widgets."""

    def on_mount(self) -> None:
        """Repaint the whole screen when the process comes back from a stop (``fg``)."""
        self.app_resume_signal.subscribe(self, self._repaint_after_stop)

    def _repaint_after_stop(self, _app: object) -> None:
        # Textual's signal resume (SIGTSTP, then SIGCONT) takes the alternate screen back
        # empty but redraws nothing, and a later key repaints only what it changed: the
        # whole screen is marked for painting again, as after an editor (App.suspend).
        screen = self.screen
        screen.refresh(screen.region, layout=True)

    def post_message(self, message: Message) -> bool:
        """Queue ``message``; a key or a click first makes background threads step aside."""
        note_input(message)  # in Textual's input thread, as the key arrives
        return super().post_message(message)

    def exit(
        self, result: None = None, return_code: int = 0, message: RenderableType | None = None
    ) -> None:
        """Leave: save the user's state, then stop all background work without waiting for it."""
        from interpol_tui.ui.leaving import save_and_stop

        save_and_stop(self)
        super().exit(result, return_code, message)

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for this terminal; on Linux and macOS, one that does not keep an
        app that leaves at once waiting for its input thread (``ui/leaving_driver.py``)."""
        base = super().get_driver_class()
        if base.__module__ == "textual.drivers.linux_driver" and base.__name__ == "LinuxDriver":
            from interpol_tui.ui.leaving_driver import LeavingDriver

            return LeavingDriver
        return base

    async def _close_all(self) -> None:
        # Textual (pinned to 8.2) unmounts every widget here, one message loop
        # at a time: seconds on a busy machine. Leaving from a terminal
        # (``run_and_leave``) the state is saved already and the process ends
        # next, so that is skipped; tests (``run_test``) unmount as usual.
        if not self.leave_at_once:
            await super()._close_all()

    def watch_theme(self, theme: str) -> None:
        """Remember the theme the user picked."""
        self.preferences.theme_changed(self, theme)

    def get_default_screen(self) -> Screen[None]:
        """The three-pane browser."""
        return MainScreen(self.corpus_paths, fields=self.fields)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Offer every enabled key command of the screen and the focused pane in the palette too."""
        yield from super().get_system_commands(screen)
        from interpol_tui.ui.reader_keys import WHY_DISABLED

        offered: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not (binding.description and binding.id):
                continue
            if binding.id in offered:  # one entry per command, not per key
                continue
            offered.add(binding.id)
            # The key as the key bar writes it ("?", "/", "^p"), not its name ("question_mark").
            key = self.get_key_display(binding)
            if not active.enabled:  # listed, and chosen it says why it cannot act now
                reason = WHY_DISABLED.get(binding.action, "Not available here now.")

                def explain(reason: str = reason) -> None:
                    self.notify(reason, severity="warning", timeout=3, markup=False)

                yield SystemCommand(f"{binding.description} (not now)", f"Key: {key}", explain)
                continue

            def run(node: DOMNode = active.node, action: str = binding.action) -> None:
                self.call_later(self.run_action, action, node)

            yield SystemCommand(binding.description, f"Key: {key}", run)
