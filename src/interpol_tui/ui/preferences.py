"""The app's link to its saved settings: theme, panes, highlights; and the state warnings.

Settings are read once at start (a small file) and saved off the UI thread
whenever the user changes one; a damaged file becomes a warning that the
warnings view (``w``) lists, never a crash.
"""

from __future__ import annotations

import dataclasses
import threading
from typing import Any

from textual.app import App

from interpol_tui.corpus.sanitize import visible_controls
from interpol_tui.state import Settings, SettingsFile, StatePaths


class Preferences:
    """Saved settings and the warnings met reading or writing any saved state."""

    def __init__(self, paths: StatePaths | None = None) -> None:
        self.paths = paths or StatePaths.default()
        self._warnings: list[str] = []
        self._lock = threading.Lock()
        self._pending: dict[str, Any] = {}
        self._file = SettingsFile(self.paths, self.warn)
        self.settings: Settings = self._file.load()
        """The settings as last read or saved."""

    def warn(self, message: str) -> None:
        """Keep a one-line warning about saved state (safe to call from any thread)."""
        with self._lock:
            self._warnings.append(visible_controls(message))

    @property
    def warnings(self) -> list[str]:
        """Every state warning so far."""
        with self._lock:
            return list(self._warnings)

    def save(self, app: App[Any], **changes: Any) -> None:
        """Save changed settings in a worker thread (no-op when nothing changes)."""
        if all(getattr(self.settings, name) == value for name, value in changes.items()):
            return

        with self._lock:
            self._pending.update(changes)

        self.settings = dataclasses.replace(self.settings, **changes)
        app.run_worker(self.flush, thread=True, group="preferences", exit_on_error=False)

    def flush(self) -> None:
        """Write the changes not saved yet (a worker does; quitting does, to be sure)."""
        with self._lock:
            changes, self._pending = self._pending, {}
        if changes:
            self.settings = self._file.save(**changes)

    # -- theme ------------------------------------------------------------
    def apply_theme(self, app: App[Any]) -> None:
        """Use the saved theme when this Textual knows it."""
        if self.settings.theme in app.available_themes:
            app.theme = self.settings.theme

    def theme_changed(self, app: App[Any], theme: str) -> None:
        """Remember the theme the user picked."""
        self.save(app, theme=theme)
