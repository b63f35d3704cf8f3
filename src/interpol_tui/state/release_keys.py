"""Naming a release in saved state by what does not move: its content, with its path as a hint.

A corpus folder moves (renamed, copied, or installed in site-packages and then
cloned), so state is keyed by each release's content hash, the same in every
copy. Each record also keeps the release's id and corpus as a hint: a release
edited in place (new hash, same file) keeps its marks through that hint.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from interpol_tui.corpus.model import Corpus, Document


def corpus_key(roots: Iterable[Path]) -> str:
    """A name for the corpus made of ``roots`` (their absolute paths): the records' hint."""
    return os.pathsep.join(sorted(str(Path(root).resolve()) for root in roots))


def release_key(document: Document) -> str:
    """The key of ``document``'s records: the hash of its file's bytes.

    A Document made without a hash (only in tests or tools) is named by its id.
    :class:`ReleaseIndex` inlines this for speed.
    """
    return document.sha256 or f"id:{document.id}"


class ReleaseIndex:
    """The releases of one loaded corpus by key, to find which saved records name them."""

    def __init__(self, documents: Iterable[Document], roots: Iterable[Path]) -> None:
        self.root = corpus_key(roots)
        """The corpus hint written into new records."""
        # Comprehensions, not a loop: this runs on the UI thread for every corpus loaded.
        self._key_of: dict[str, str] = {d.id: d.sha256 or f"id:{d.id}" for d in documents}
        # (as a comprehension over the items would: a later release's key wins)
        self._id_of = dict(zip(self._key_of.values(), self._key_of.keys(), strict=True))
        self._copies: dict[str, list[str]] = {}
        """Keys held by several releases (copies of one file), with all their ids."""
        if len(self._id_of) < len(self._key_of):
            for doc_id, key in self._key_of.items():
                self._copies.setdefault(key, []).append(doc_id)
            self._copies = {key: ids for key, ids in self._copies.items() if len(ids) > 1}

    @classmethod
    def of(cls, corpus: Corpus, roots: Iterable[Path] | None = None) -> ReleaseIndex:
        """The index of ``corpus`` (whose hint is ``roots``, by default the corpus's own)."""
        return cls(corpus.documents, corpus.roots if roots is None else roots)

    def key(self, doc_id: str) -> str | None:
        """The key of release ``doc_id``, or None when it is not in this corpus."""
        return self._key_of.get(doc_id)

    def ids(self, key: str) -> list[str]:
        """The releases of this corpus with ``key`` (none, one, or several copies)."""
        if key in self._copies:
            return list(self._copies[key])
        doc_id = self._id_of.get(key)
        return [] if doc_id is None else [doc_id]

    def same_release(self, doc_id: str) -> list[str]:
        """``doc_id`` and every other copy of the same file in this corpus."""
        key = self._key_of.get(doc_id)
        return self.ids(key) if key is not None else [doc_id]

    def hint(self, doc_id: str) -> dict[str, Any]:
        """A new record for ``doc_id``: its id and corpus, to find it should its content change."""
        return {"id": doc_id, "root": self.root}

    def resolve(self, records: Mapping[str, Any]) -> dict[str, str]:
        """Which record names each release of this corpus: doc id -> record key.

        A record names every release with its key (the same file); failing
        that, the release its hint names in this corpus, if no record with the
        release's own key exists (the file was edited where it is).
        """
        found: dict[str, str] = {}
        for key in records:
            for doc_id in self.ids(key):
                found[doc_id] = key
        for key, record in records.items():
            if key in self._id_of or not isinstance(record, dict):
                continue
            hinted = record.get("id")
            if (
                isinstance(hinted, str)
                and record.get("root") == self.root
                and hinted in self._key_of
                and hinted not in found
            ):
                found[hinted] = key
        return found
