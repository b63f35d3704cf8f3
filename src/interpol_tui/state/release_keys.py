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
    """The key of ``document``'s records: the hash of its file's bytes."""
    # A Document made without a hash (only in tests or tools) is named by its id.
    return document.sha256 or f"id:{document.id}"


class ReleaseIndex:
    """The releases of one loaded corpus by key, to find which saved records name them."""

    def __init__(self, documents: Iterable[Document], roots: Iterable[Path]) -> None:
        self.root = corpus_key(roots)
        """The corpus hint written into new records."""
        self._key_of: dict[str, str] = {}
        self._ids_of: dict[str, list[str]] = {}
        for document in documents:
            key = release_key(document)
            self._key_of[document.id] = key
            self._ids_of.setdefault(key, []).append(document.id)

    @classmethod
    def of(cls, corpus: Corpus, roots: Iterable[Path] | None = None) -> ReleaseIndex:
        """The index of ``corpus`` (whose hint is ``roots``, by default the corpus's own)."""
        return cls(corpus.documents, corpus.roots if roots is None else roots)

    def key(self, doc_id: str) -> str | None:
        """The key of release ``doc_id``, or None when it is not in this corpus."""
        return self._key_of.get(doc_id)

    def same_release(self, doc_id: str) -> list[str]:
        """``doc_id`` and every other copy of the same file in this corpus."""
        key = self._key_of.get(doc_id)
        return list(self._ids_of.get(key, [doc_id])) if key is not None else [doc_id]

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
            for doc_id in self._ids_of.get(key, ()):
                found[doc_id] = key
        for key, record in records.items():
            if key in self._ids_of or not isinstance(record, dict):
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
