"""The one overlap policy of the pipeline: what an earlier component claims, later ones skip.

The pipeline runs its components in a declared priority order (dates, then
period phrases, then figures, then proportions). Each component reads
left to right and takes the longest match at each position; a candidate that
overlaps a span an earlier component (or an earlier match) claimed is
dropped. So "22 March 2024" is a date and never the figure 22, and "the past 10
months" is a period, not ten months counted. Entity labelling keeps claims of
its own (a name may contain a number, a figure may follow a name).
"""

from __future__ import annotations


class Claims:
    """Character offsets of one text that spans have claimed (one byte per character)."""

    __slots__ = ("_claimed",)

    def __init__(self, size: int) -> None:
        self._claimed = bytearray(size + 1)

    def claim(self, start: int, end: int) -> None:
        """Mark ``[start, end)`` as taken."""
        self._claimed[start:end] = b"\x01" * (end - start)

    def covers(self, offset: int) -> bool:
        """True when the character at ``offset`` is taken (the hot test: one index)."""
        return self._claimed[offset] != 0

    def overlaps(self, start: int, end: int) -> bool:
        """True when any character of ``[start, end)`` is taken."""
        return self._claimed.find(1, start, end) >= 0  # no copy of the range

    def free(self, start: int, end: int) -> bool:
        """True when no character of ``[start, end)`` is taken (the span may be claimed)."""
        return self._claimed.find(1, start, end) < 0
