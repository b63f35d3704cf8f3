"""The decoder of ``bookmarks.json`` and ``positions.json``: every part checked, bad parts named.

Both files are ``{"version": 1, "corpora": {corpus key: entry}}``; an entry
holds ``bookmarks`` (ids), ``offsets`` (id -> character offset) and ``last``
(an id). A part of the wrong shape is dropped and named, so that
:class:`~interpol_tui.state.storage.JsonFile` keeps the file as it was aside
before the next save writes the rest; it is never silently overwritten.
Keys this version does not know are kept (a newer version wrote them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from interpol_tui.state.shapes import depth_at_most, is_int, is_name
from interpol_tui.state.storage import Decoded, Unusable

FORMAT_VERSION = 1
UNKNOWN_DEPTH = 32
"""Deepest nesting kept in a key this version does not know."""


def _ids(value: Any) -> tuple[Any, str | None]:
    if not isinstance(value, list):
        return None, "is not a list"
    kept = [item for item in value if is_name(item)]
    return kept, None if len(kept) == len(value) else f"has {len(value) - len(kept)} bad id(s)"


def _offsets(value: Any) -> tuple[Any, str | None]:
    if not isinstance(value, dict):
        return None, "is not an object"
    kept = {key: offset for key, offset in value.items() if is_name(key) and is_int(offset)}
    bad = len(value) - len(kept)
    return kept, None if not bad else f"has {bad} bad offset(s)"


def _last(value: Any) -> tuple[Any, str | None]:
    return (value, None) if is_name(value) else (None, "is not an id")


ENTRY_FIELDS: dict[str, Callable[[Any], tuple[Any, str | None]]] = {
    "bookmarks": _ids,
    "offsets": _offsets,
    "last": _last,
}
"""Each field of a corpus entry and its check: (what is kept or None, the problem or None)."""


def fresh() -> dict[str, Any]:
    """An empty bookmarks or positions document."""
    return {"version": FORMAT_VERSION, "corpora": {}}


def _entry(key: str, entry: dict[str, Any], problems: list[str]) -> dict[str, Any]:
    kept: dict[str, Any] = {}
    for name, value in entry.items():
        check = ENTRY_FIELDS.get(name)
        if check is None:
            if depth_at_most(value, UNKNOWN_DEPTH):
                kept[name] = value
            else:
                problems.append(f"{name!r} of corpus {key[:60]!r} is nested too deeply")
            continue
        good, problem = check(value)
        if problem is not None:
            problems.append(f"{name!r} of corpus {key[:60]!r} {problem}")
        if good is not None:
            kept[name] = good
    return kept


def decode_reading_state(data: Any) -> Decoded:
    """Check a parsed bookmarks or positions file; return the usable parts and the problems."""
    if data is None:
        return Decoded(fresh())
    if not isinstance(data, dict):
        raise Unusable("does not hold a JSON object")
    problems: list[str] = []
    document: dict[str, Any] = {}
    for name, value in data.items():
        if name in ("version", "corpora"):
            continue
        if depth_at_most(value, UNKNOWN_DEPTH):
            document[name] = value
        else:
            problems.append(f"{name!r} is nested too deeply")
    version = data.get("version", FORMAT_VERSION)
    if not is_int(version):
        problems.append("'version' is not a number")
        version = FORMAT_VERSION
    document["version"] = version
    corpora = data.get("corpora", {})
    if not isinstance(corpora, dict):
        problems.append("'corpora' is not an object")
        corpora = {}
    kept: dict[str, Any] = {}
    for key, entry in corpora.items():
        if not is_name(key) or not isinstance(entry, dict):
            problems.append(f"corpus {key[:60]!r} is not an object")
            continue
        kept[key] = _entry(key, entry, problems)
    document["corpora"] = kept
    return Decoded(document, problems)
