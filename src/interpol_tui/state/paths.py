"""Where settings, reading state and caches live: the only place paths come from.

Built on platformdirs, read when asked (never at import), so that tests and
users can move everything with the ``XDG_*`` variables.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "interpol-tui"


@dataclass(frozen=True, slots=True)
class StatePaths:
    """The user's config, state and cache folders, and the files kept in them."""

    config_dir: Path
    state_dir: Path
    cache_dir: Path

    @classmethod
    def default(cls) -> StatePaths:
        """The platform's user folders for this app (e.g. ``~/.config/interpol-tui``)."""
        return cls(
            config_dir=platformdirs.user_config_path(APP_NAME, appauthor=False),
            state_dir=platformdirs.user_state_path(APP_NAME, appauthor=False),
            cache_dir=platformdirs.user_cache_path(APP_NAME, appauthor=False),
        )

    @property
    def settings_file(self) -> Path:
        """Typed settings: theme, panes, highlighted kinds, size limit."""
        return self.config_dir / "settings.json"

    @property
    def bookmarks_file(self) -> Path:
        """Bookmarked releases, by content (see ``state.release_keys``)."""
        return self.state_dir / "bookmarks.json"

    @property
    def read_marks_file(self) -> Path:
        """The releases read (opened), by content."""
        return self.state_dir / "read.json"

    @property
    def positions_file(self) -> Path:
        """Each release's reading position and when it was read, by content."""
        return self.state_dir / "positions.json"

    @property
    def snapshot_dir(self) -> Path:
        """Corpus snapshots: each corpus's cleaned releases and their analysis (SQLite)."""
        return self.cache_dir / "snapshots"

    def describe(self) -> dict[str, Path]:
        """Every folder and file by name, for ``interpol-tui paths``."""
        return {
            "config_dir": self.config_dir,
            "settings": self.settings_file,
            "state_dir": self.state_dir,
            "bookmarks": self.bookmarks_file,
            "read_marks": self.read_marks_file,
            "positions": self.positions_file,
            "cache_dir": self.cache_dir,
            "snapshots": self.snapshot_dir,
        }
