"""What survives between runs: settings, bookmarks, read marks, positions, the analysis cache.

No Textual here: the CLI, the app and the tests share it. Every path comes
from :class:`StatePaths`; every write is atomic; a damaged file is moved
aside with a warning and defaults are used.
"""

from interpol_tui.state.paths import StatePaths
from interpol_tui.state.reading import Bookmarks, ReadingPositions, ReadMarks
from interpol_tui.state.release_keys import ReleaseIndex, corpus_key
from interpol_tui.state.settings import Settings, SettingsFile

__all__ = [
    "Bookmarks",
    "ReadMarks",
    "ReadingPositions",
    "ReleaseIndex",
    "Settings",
    "SettingsFile",
    "StatePaths",
    "corpus_key",
]
