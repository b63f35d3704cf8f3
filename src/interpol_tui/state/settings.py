"""Typed user settings with defaults, kept in ``settings.json`` under the user config dir."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from interpol_tui.analysis.kinds import HIGHLIGHT_KINDS
from interpol_tui.corpus.opening import DEFAULT_MAX_BYTES
from interpol_tui.state.paths import StatePaths
from interpol_tui.state.shapes import depth_at_most
from interpol_tui.state.storage import Decoded, JsonFile, Unusable, Warn

DEFAULT_THEME = "textual-dark"
MAX_FILE_BYTES_RANGE = (100, 256 * 1024 * 1024)
"""The size limits a user may set: a release is a few KB; 256 MB is read, cleaned and
analysed in memory several times over, so more would end in a MemoryError."""
MAX_LIST = 1000
"""Longest list (of kinds, panes or corpus paths) a settings file may hold."""
MAX_STRING = 16 * 1024
"""Longest string in a settings file (a path is at most a few KB)."""
UNKNOWN_DEPTH = 32
"""Deepest nesting kept in a key this version does not know (it is written back)."""


@dataclass(frozen=True)
class Settings:
    """What the user chose; every field has a default, so a missing file is a valid state."""

    theme: str = DEFAULT_THEME
    """Name of the Textual theme."""
    panes: Mapping[str, bool] = field(default_factory=dict)
    """Pane id -> shown; a pane not named here uses the screen's default (e.g. by width)."""
    highlight_kinds: tuple[str, ...] = HIGHLIGHT_KINDS
    """Kinds of span the reader highlights (``person`` … ``quote``)."""
    last_corpus: tuple[str, ...] = ()
    """The corpus paths opened last."""
    max_file_bytes: int = DEFAULT_MAX_BYTES
    """Files larger than this are skipped with a warning."""


def _strings(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) <= MAX_LIST
        and all(isinstance(v, str) and len(v) <= MAX_STRING for v in value)
    )


def _valid(name: str, value: Any) -> bool:
    """Return True when ``value`` (parsed JSON) is acceptable for field ``name``."""
    if name == "theme":
        return isinstance(value, str) and 0 < len(value) < 100
    if name == "panes":
        return (
            isinstance(value, dict)
            and len(value) <= MAX_LIST
            and all(len(k) <= 100 and isinstance(v, bool) for k, v in value.items())
        )
    if name in ("highlight_kinds", "last_corpus"):
        return _strings(value)
    if name == "max_file_bytes":
        low, high = MAX_FILE_BYTES_RANGE
        return type(value) is int and low <= value <= high
    return False


_FIELDS = frozenset(spec.name for spec in dataclasses.fields(Settings))


def decode_settings(data: Any) -> Decoded:
    """Check a parsed settings file: the valid fields, and keys of newer versions, are kept.

    An invalid field is dropped (its default is used) and named in the
    problems; so is an unknown key nested deeper than any setting would be.
    """
    if data is None:
        return Decoded({})
    if not isinstance(data, dict):
        raise Unusable("does not hold a JSON object")
    kept: dict[str, Any] = {}
    invalid: list[str] = []
    for name, value in data.items():
        good = _valid(name, value) if name in _FIELDS else depth_at_most(value, UNKNOWN_DEPTH)
        if good:
            kept[name] = value
        else:
            invalid.append(repr(name))
    problems = [f"invalid {', '.join(invalid)} (defaults used)"] if invalid else []
    return Decoded(kept, problems)


def settings_from_json(data: Mapping[str, Any]) -> Settings:
    """Build Settings from the fields of :func:`decode_settings`'s value."""
    values: dict[str, Any] = {}
    for name in _FIELDS:
        if name in data and _valid(name, data[name]):
            value = data[name]
            values[name] = tuple(value) if isinstance(value, list) else value
    return Settings(**values)


def settings_to_json(settings: Settings) -> dict[str, Any]:
    """The JSON form of ``settings``."""
    return {
        "theme": settings.theme,
        "panes": dict(settings.panes),
        "highlight_kinds": list(settings.highlight_kinds),
        "last_corpus": list(settings.last_corpus),
        "max_file_bytes": settings.max_file_bytes,
    }


class SettingsFile:
    """Loads and saves :class:`Settings`; keeps keys it does not know (from newer versions)."""

    def __init__(self, paths: StatePaths, warn: Warn) -> None:
        self._file = JsonFile(paths.settings_file, warn, decode_settings)

    @property
    def path(self) -> str:
        """Where the settings are kept."""
        return str(self._file.path)

    def load(self) -> Settings:
        """Read the settings, or the defaults when there are none (or they are unusable)."""
        with self._file.locked():
            data = self._file.read()
        return settings_from_json(data)

    def save(self, **changes: Any) -> Settings:
        """Change the named fields on disk, keeping what other running copies saved meanwhile."""
        merged: dict[str, Settings] = {}

        def apply(data: dict[str, Any]) -> dict[str, Any]:
            updated = dataclasses.replace(settings_from_json(data), **changes)
            merged["value"] = updated
            return {**data, **settings_to_json(updated)}

        self._file.update(apply)
        return merged["value"]
