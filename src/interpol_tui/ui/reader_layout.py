"""How a release is laid out in the reader: header lines, then wrapped paragraphs by offset."""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

from rich.console import Console
from rich.style import Style
from rich.text import Text

from interpol_tui.corpus.model import Document
from interpol_tui.ui.wrap import wrap_ranges

# Render controls and line breaks as one visible cell each, so that one
# character stays one cell and offsets stay exact even if unsanitised text
# gets this far (the loader strips controls; this is the second fence).
VISIBLE = {c: "\ufffd" for c in [*range(0x20), *range(0x7F, 0xA0)]} | {0x09: " ", 0x0A: " "}


class ScreenLine(NamedTuple):
    """One screen line: ``text[start:end]`` of the release, or a header line.

    A named tuple, not a dataclass: made before the first frame, a class costs a fifth
    of a dataclass's making (its methods are not compiled at import)."""

    start: int
    end: int
    header: Text | None = None


class ReleaseLayout:
    """The screen lines of one release at one width, and maps between lines and offsets."""

    def __init__(self, header: list[Text], body: list[ScreenLine], text: str) -> None:
        self.lines = [ScreenLine(0, 0, line) for line in header] + body
        """Every screen line, header first."""
        self.header_height = len(header)
        self._starts = [line.start for line in body]
        self._text = text
        self._header_plain = "".join(line.plain + "\n" for line in header)

    def line_of_offset(self, offset: int) -> int:
        """The screen line that holds character ``offset`` of the text."""
        if not self._starts:
            return 0
        return max(bisect_right(self._starts, offset) - 1, 0) + self.header_height

    def plain(self) -> str:
        """The header lines, then the release text: what a whole-widget selection copies."""
        return self._header_plain + self._text

    def position(self, x: int, y: int) -> int:
        """Map character ``x`` of screen line ``y`` to an offset in :meth:`plain`."""
        if not self.lines:
            return 0
        y = min(max(y, 0), len(self.lines) - 1)
        line = self.lines[y]
        if line.header is not None:
            before = sum(len(h.header.plain) + 1 for h in self.lines[:y] if h.header is not None)
            return before + min(x, len(line.header.plain))
        return len(self._header_plain) + min(line.start + x, line.end)

    def body_range(self, first: int, last: int) -> tuple[int, int]:
        """Text offsets covered by screen lines ``first``..``last`` (header lines count as 0)."""
        body = self.lines[self.header_height :]
        if not body:
            return 0, 0
        first = min(max(first - self.header_height, 0), len(body) - 1)
        last = min(max(last - self.header_height, 0), len(body) - 1)
        return body[first].start, body[last].end


def layout_message(message: str, width: int, console: Console) -> ReleaseLayout:
    """Lay out a message shown instead of a release."""
    return ReleaseLayout(list(Text(message).wrap(console, width)), [], "")


def layout_release(
    document: Document, width: int, console: Console, title: Style, meta: Style
) -> ReleaseLayout:
    """Wrap ``document`` to ``width`` cells: title, a meta line, a blank, then the paragraphs."""
    header = list(Text(document.title.translate(VISIBLE), title).wrap(console, width))
    details = (document.date or "undated", document.dateline, document.id)
    meta_line = " · ".join(x for x in details if x).translate(VISIBLE)
    header += list(Text(meta_line, meta).wrap(console, width))
    header.append(Text(""))
    body: list[ScreenLine] = []
    text = document.text
    position = 0
    while position <= len(text):
        end = text.find("\n\n", position)
        end = len(text) if end < 0 else end
        for start, stop in wrap_ranges(text, position, end, width):
            body.append(ScreenLine(start, stop))
        if end >= len(text):
            break
        body.append(ScreenLine(end, end))  # the blank line between paragraphs
        position = end + 2
    return ReleaseLayout(header, body, text)
