"""Typed user settings with defaults, kept in ``settings.json`` under the user config dir."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from interpol_tui.analysis.model import HIGHLIGHT_KINDS
from interpol_tui.corpus.loader import DEFAULT_MAX_BYTES
from interpol_tui.state.paths import StatePaths
from interpol_tui.state.storage import JsonFile, Warn

DEFAULT_THEME = "textual-dark"


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


def _valid(name: str, value: Any) -> bool:
    """Return True when ``value`` (parsed JSON) is acceptable for field ``name``."""
    if name == "theme":
        return isinstance(value, str) and 0 < len(value) < 100
    if name == "panes":
        return isinstance(value, dict) and all(isinstance(v, bool) for v in value.values())
    if name in ("highlight_kinds", "last_corpus"):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if name == "max_file_bytes":
        return isinstance(value, int) and not isinstance(value, bool) and value > 0
    return False


def settings_from_json(data: Mapping[str, Any], warn: Warn, source: str) -> Settings:
    """Build Settings from parsed JSON; a bad value warns and falls back to its default."""
    values: dict[str, Any] = {}
    for spec in dataclasses.fields(Settings):
        if spec.name not in data:
            continue
        value = data[spec.name]
        if not _valid(spec.name, value):
            warn(f"{source}: ignoring invalid {spec.name!r}, using the default")
            continue
        values[spec.name] = tuple(value) if isinstance(value, list) else value
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
        self._file = JsonFile(paths.settings_file, warn)
        self._warn = warn

    @property
    def path(self) -> str:
        """Where the settings are kept."""
        return str(self._file.path)

    def load(self) -> Settings:
        """Read the settings, or the defaults when there are none (or they are unusable)."""
        with self._file.locked():
            data = self._file.read()
        return settings_from_json(data or {}, self._warn, self._file.path.name)

    def save(self, **changes: Any) -> Settings:
        """Change the named fields on disk, keeping what other running copies saved meanwhile."""
        merged: dict[str, Settings] = {}

        def apply(data: Any) -> dict[str, Any]:
            current = settings_from_json(data or {}, self._warn, self._file.path.name)
            updated = dataclasses.replace(current, **changes)
            merged["value"] = updated
            return {**(data or {}), **settings_to_json(updated)}

        self._file.update(apply)
        return merged["value"]
