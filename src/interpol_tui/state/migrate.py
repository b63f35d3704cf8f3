"""Moving state saved by version 1 (keyed by the corpus's absolute path) to content keys.

Version 1 kept ``{"corpora": {"/abs/root": {"bookmarks": [ids], "offsets": {...},
"last": id}}}``. Each id is converted to its release's key when the release can
be found: in the corpus being opened when it is the same folder, by hashing
the file where the old folder still is, or, when the old folder is gone, in
the corpus being opened if its folders have the same names (the folder was
moved). Whatever cannot be converted yet stays under ``corpora`` (never
dropped), to be tried again when that corpus is opened.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from interpol_tui.state.release_keys import ReleaseIndex
from interpol_tui.state.storage import atomic_write_bytes

FORMAT_VERSION = 2
Lookup = Callable[[str], str | None]
"""Finds the release key of a version-1 doc id, or None."""


def releases_of(data: dict[str, Any]) -> dict[str, Any]:
    """The (mutable) ``releases`` records of a parsed state file, created if needed."""
    releases = data.get("releases")
    if not isinstance(releases, dict):
        releases = data["releases"] = {}
    result: dict[str, Any] = releases
    return result


def is_legacy(data: Any) -> bool:
    """True when a parsed state file still holds version-1 records."""
    return isinstance(data, dict) and isinstance(data.get("corpora"), dict)


def back_up(path: Path) -> None:
    """Keep the version-1 file as ``<name>.v1`` (once) before it is first rewritten."""
    backup = path.with_name(f"{path.name}.v1")
    try:
        if not backup.exists():
            atomic_write_bytes(backup, path.read_bytes())
    except OSError:
        pass  # the conversion itself keeps what it cannot convert


def _key_on_disk(root: Path, path: Path, doc_id: str) -> str | None:
    """The key the loader gives release ``doc_id`` read from ``path`` (None when unreadable)."""
    from interpol_tui.corpus.loader import SourceFile, load_file
    from interpol_tui.state.release_keys import release_key

    try:
        documents, _ = load_file(SourceFile(root, path, doc_id))
    except OSError:
        return None
    found = next((doc for doc in documents if doc.id == doc_id), None)
    return release_key(found) if found is not None else None


def _lookup(legacy_key: str, index: ReleaseIndex) -> Lookup:
    """How to find the releases of the version-1 corpus ``legacy_key``."""
    if legacy_key == index.root:
        return index.key
    roots = [Path(root) for root in legacy_key.split(os.pathsep) if root]
    if roots and not any(root.exists() for root in roots):
        names = sorted(root.name for root in roots)
        if names == sorted(Path(root).name for root in index.root.split(os.pathsep) if root):
            return index.key  # moved: same folder names, old place gone

    def from_disk(doc_id: str) -> str | None:
        # Read as the loader reads it: the key of a Markdown or HTML release is
        # not the hash of its bytes.
        for root in roots:
            base, candidate = (root, root / doc_id) if root.is_dir() else (root.parent, root)
            if candidate.name == Path(doc_id).name and candidate.is_file():
                return _key_on_disk(base, candidate, doc_id)
        return None

    return from_disk


def _convert(
    data: dict[str, Any],
    index: ReleaseIndex,
    convert: Callable[[dict[str, Any], Lookup, str], dict[str, Any]],
) -> dict[str, Any]:
    """Apply ``convert`` to each version-1 corpus entry; keep what it leaves, drop the rest."""
    corpora = data.get("corpora")
    if not isinstance(corpora, dict):
        return data
    for legacy_key, entry in list(corpora.items()):
        left = (
            convert(entry, _lookup(legacy_key, index), legacy_key)
            if isinstance(entry, dict)
            else {}
        )
        if left:
            corpora[legacy_key] = left
        else:
            del corpora[legacy_key]
    if not corpora:
        del data["corpora"]
    data["version"] = FORMAT_VERSION
    return data


def migrate_marks(data: dict[str, Any], index: ReleaseIndex, field: str) -> dict[str, Any]:
    """Convert version-1 lists of marked ids (``field``, e.g. ``bookmarks``) to records."""
    releases = releases_of(data)

    def convert(entry: dict[str, Any], lookup: Lookup, legacy_key: str) -> dict[str, Any]:
        ids = entry.get(field)
        left: list[str] = []
        for doc_id in ids if isinstance(ids, list) else []:
            if not isinstance(doc_id, str):
                continue
            key = lookup(doc_id)
            if key is None:
                left.append(doc_id)
            else:
                releases.setdefault(key, {"id": doc_id, "root": legacy_key})
        return {field: left} if left else {}

    return _convert(data, index, convert)


def migrate_positions(data: dict[str, Any], index: ReleaseIndex) -> dict[str, Any]:
    """Convert version-1 offsets and last release to records older than any new one."""
    converted: dict[str, Any] = {}

    def convert(entry: dict[str, Any], lookup: Lookup, legacy_key: str) -> dict[str, Any]:
        offsets = entry.get("offsets")
        offsets = dict(offsets) if isinstance(offsets, dict) else {}
        last = entry.get("last")
        if isinstance(last, str):
            offsets[last] = offsets.pop(last, 0)  # the last read is the most recent
        left: dict[str, int] = {}
        for order, (doc_id, offset) in enumerate(offsets.items(), start=1):
            if not isinstance(offset, int) or offset < 0:
                continue
            key = lookup(doc_id)
            if key is None:
                left[doc_id] = offset
            else:
                # Stamps 1, 2, 3...: before any real time, in version 1's recency order.
                converted[key] = {"id": doc_id, "root": legacy_key, "offset": offset, "at": order}
        if not left:
            return {}
        kept: dict[str, Any] = {"offsets": left}
        if isinstance(last, str) and last in left:
            kept["last"] = last
        return kept

    _convert(data, index, convert)
    releases = releases_of(data)
    data["releases"] = {**{k: v for k, v in converted.items() if k not in releases}, **releases}
    return data
