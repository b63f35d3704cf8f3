"""The shape of a bookmarks, read-marks or positions file, checked part by part.

A file of release records (version 2) is ``{"version": 2, "releases": {key:
record}}``. What is of the wrong shape (``releases`` not an object, a record
that is not an object, an offset that is not a whole number) is dropped from
what the app uses and reported, so :class:`~interpol_tui.state.storage.JsonFile`
keeps the file as it was beside it and the good parts are kept; a version-1
file (``corpora``) passes as it is, to be converted.
"""

from __future__ import annotations

import math
from typing import Any

from interpol_tui.state.storage import Decoded, Unusable

_FIELDS: dict[str, tuple[type, ...]] = {
    "id": (str,),
    "root": (str, type(None)),
    "offset": (int,),
    "at": (int, float),
}
"""The fields a record may hold that the app reads, and their types."""


def _bad_field(record: dict[str, Any]) -> str | None:
    """The first field of ``record`` of the wrong type or value, if any."""
    for name, kinds in _FIELDS.items():
        if name not in record:
            continue
        value = record[name]
        if isinstance(value, bool) or not isinstance(value, kinds):
            return name
        if isinstance(value, int) and value < 0 and name == "offset":
            return name
        if isinstance(value, float) and not math.isfinite(value):
            return name
    return None


def decode_release_state(data: Any) -> Decoded:
    """Check a parsed file of release records; return the usable parts and the problems."""
    if data is None:
        return Decoded({"version": 2, "releases": {}})
    if not isinstance(data, dict):
        raise Unusable("does not hold a JSON object")
    if isinstance(data.get("corpora"), dict):
        return Decoded(data)  # version 1: converted when the corpus is known
    problems: list[str] = []
    releases = data.get("releases", {})
    if not isinstance(releases, dict):
        problems.append("'releases' is not an object")
        releases = {}
    kept: dict[str, Any] = {}
    for key, record in releases.items():
        if not isinstance(record, dict):
            problems.append(f"the record of {key!r} is not an object")
            continue
        bad = _bad_field(record)
        if bad is not None:
            problems.append(f"{bad!r} of {key!r} is not what it should be")
            continue
        kept[key] = record
    return Decoded({**data, "releases": kept}, problems)
