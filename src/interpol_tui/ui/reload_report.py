"""What ``r`` says after reading the corpus again: releases added, removed and changed."""

from __future__ import annotations

from interpol_tui.corpus.model import Corpus, Document


def _fingerprint(document: Document) -> str:
    # The raw file's hash when the loader computed one, else the clean text itself.
    return document.sha256 or document.text


def reload_summary(before: Corpus, after: Corpus) -> str:
    """One line: how many releases were added, removed and changed, or that nothing changed."""
    old = {d.id: _fingerprint(d) for d in before.documents}
    new = {d.id: _fingerprint(d) for d in after.documents}
    added = sum(1 for doc_id in new if doc_id not in old)
    removed = sum(1 for doc_id in old if doc_id not in new)
    changed = sum(1 for doc_id, mark in new.items() if doc_id in old and old[doc_id] != mark)
    if not (added or removed or changed):
        return f"Reloaded: no change ({len(new):,} releases)"
    parts = [
        f"{count:,} {what}"
        for count, what in ((added, "added"), (removed, "removed"), (changed, "changed"))
        if count
    ]
    return f"Reloaded: {', '.join(parts)} ({len(new):,} releases)"
