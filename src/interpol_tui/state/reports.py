"""Finished reports kept in the corpus snapshot, replayed while the corpus is unchanged.

``interpol-tui stats`` on 50,000 releases groups about two million figures
and prints a table as long; for a corpus whose every release, and the
program, are as they were, the output cannot differ, so it is stored
(compressed) under a key made of all of that and printed again as it was.
Both ways stream: the report is compressed as it is printed and
decompressed as it is printed again, so that neither holds the whole text
(about 300 MB at 50,000 releases) in memory.
"""

from __future__ import annotations

import codecs
import hashlib
import zlib
from collections.abc import Iterator, Sequence
from typing import TextIO

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


CHUNK = 1 << 20
"""Bytes of a stored report decompressed at a time."""
_DIGEST = 32
"""Bytes of the SHA-256 that heads a stored report."""


def _chunks(data: bytes) -> Iterator[bytes]:
    """The decompressed report, a chunk at a time; zlib.error if damaged or cut short."""
    stream = zlib.decompressobj()
    pending = data
    while pending:
        yield stream.decompress(pending, CHUNK)
        pending = stream.unconsumed_tail
    yield stream.flush()
    if not stream.eof:
        raise zlib.error("the stored report is cut short")


def replay_stored(snapshot: CorpusSnapshot, key: str, out: TextIO) -> bool:
    """Write the report stored under ``key`` to ``out``; False (nothing written) if missing
    or not what we wrote.

    The stored form starts with the hash of the compressed report, checked
    before the first character goes out: a damaged report is made again,
    never printed half (and the report is decompressed only once).
    """
    data = snapshot.report(key)
    if data is None or len(data) < _DIGEST:
        return False
    digest, compressed = data[:_DIGEST], data[_DIGEST:]
    if hashlib.sha256(compressed).digest() != digest:
        return False
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for chunk in _chunks(compressed):
            out.write(decoder.decode(chunk))
        out.write(decoder.decode(b"", final=True))
    except (zlib.error, UnicodeDecodeError):  # what we wrote, yet unreadable: a bug
        return True  # what was printed stays printed; it is not printed again
    return True


class ReportRecorder:
    """A stream that prints what it is given to ``out`` and compresses it as it goes."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self._zip = zlib.compressobj(6)
        self._parts: list[bytes] = []
        self.storable = True
        """False once something could not be encoded (that report is not stored)."""

    def write(self, text: str) -> int:
        """Print ``text`` and add it to the stored form."""
        written = self.out.write(text)
        if self.storable:
            try:
                self._parts.append(self._zip.compress(text.encode("utf-8")))
            except UnicodeEncodeError:
                self.storable = False
                self._parts.clear()
        return written

    def flush(self) -> None:
        """Flush the printed stream."""
        self.out.flush()

    def store(self, snapshot: CorpusSnapshot, key: str) -> None:
        """Keep what was written as the report for ``key`` (best effort: a cache)."""
        if self.storable:
            self._parts.append(self._zip.flush())
            compressed = b"".join(self._parts)
            self._parts = []
            digest = hashlib.sha256(compressed).digest()
            snapshot.save_report(key, digest + compressed, KEEP)
        self._parts = []
