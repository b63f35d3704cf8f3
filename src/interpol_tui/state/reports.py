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
import queue
import threading
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
    """A stream that prints what it is given to ``out`` and compresses it as it goes.

    The compressing is done by a thread of its own (zlib lets go of the GIL),
    so that it runs on the other core while this one makes the report's lines
    (a few seconds for the 200 MB table at 50,000 releases).
    """

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self._zip = zlib.compressobj(6)
        self._parts: list[bytes] = []
        self.storable = True
        """False once something could not be encoded (that report is not stored)."""
        self._pending: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None

    def _compress(self) -> None:
        while (data := self._pending.get()) is not None:
            self._parts.append(self._zip.compress(data))

    def write(self, text: str) -> int:
        """Print ``text`` and add it to the stored form."""
        written = self.out.write(text)
        if self.storable:
            try:
                data = text.encode("utf-8")
            except UnicodeEncodeError:
                self.storable = False
                return written
            if self._thread is None:
                # A daemon: a report whose printing failed is never stored, nor waited for.
                self._thread = threading.Thread(target=self._compress, daemon=True)
                self._thread.start()
            self._pending.put(data)
        return written

    def flush(self) -> None:
        """Flush the printed stream."""
        self.out.flush()

    def _finished(self) -> list[bytes]:
        """Every compressed part, once the thread has compressed all it was given."""
        if self._thread is not None:
            self._pending.put(None)
            self._thread.join()
            self._thread = None
        parts, self._parts = self._parts, []
        return parts

    def store(self, snapshot: CorpusSnapshot, key: str) -> None:
        """Keep what was written as the report for ``key`` (best effort: a cache)."""
        parts = self._finished()
        if self.storable:
            compressed = b"".join([*parts, self._zip.flush()])
            digest = hashlib.sha256(compressed).digest()
            snapshot.save_report(key, digest + compressed, KEEP)
