"""Finished reports kept in the corpus snapshot, replayed while the corpus is unchanged.

``interpol-tui stats`` on 50,000 releases groups about two million figures
and prints a table as long; for a corpus whose every release, and the
program, are as they were, the output cannot differ, so it is stored
(compressed) under a key made of all of that and printed again as it was.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Sequence

from interpol_tui.corpus.model import Corpus
from interpol_tui.state.snapshot import CorpusSnapshot, analysis_fingerprint

KEEP = 8
"""Reports kept per corpus (different options give different reports); oldest dropped."""


def report_key(corpus: Corpus, options: Sequence[str]) -> str:
    """What a report depends on: the program, the options, and every release's content."""
    digest = hashlib.sha256(analysis_fingerprint().encode())
    digest.update("\0".join(options).encode("utf-8", "surrogatepass"))
    for document in corpus.documents:
        digest.update(f"\0{document.id}\0{document.sha256}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def stored_report(snapshot: CorpusSnapshot, key: str) -> str | None:
    """The report stored under ``key``, or None (missing, or not what we wrote)."""
    data = snapshot.report(key)
    if data is None:
        return None
    try:
        return zlib.decompress(data).decode("utf-8")
    except (zlib.error, UnicodeDecodeError):
        return None


def store_report(snapshot: CorpusSnapshot, key: str, text: str) -> None:
    """Keep ``text`` as the report for ``key`` (best effort: a cache)."""
    snapshot.save_report(key, zlib.compress(text.encode("utf-8"), 6), KEEP)
