"""The reader: a release's clean text with highlighted spans, drawn with the Line API."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from interpol_tui.corpus.model import Document
from interpol_tui.ui.wrap import wrap_ranges


@dataclass(frozen=True, slots=True)
class Highlight:
    """A span of the clean text drawn in the style of component class ``reader--<kind>``."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True, slots=True)
class _Line:
    """One screen line: a slice of the text, or a header line."""

    start: int
    end: int
    header: Text | None = None


class Reader(ScrollView, can_focus=True):
    """Shows one release: a header (title, date, dateline) and its paragraphs."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_down", "Scroll down", show=False),
        Binding("k,up", "scroll_up", "Scroll up", show=False),
        Binding("space,pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home,g", "scroll_home", "Top", show=False),
        Binding("end,G", "scroll_end", "Bottom", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reader--title",
        "reader--meta",
        "reader--person",
        "reader--organization",
        "reader--location",
        "reader--operation",
        "reader--figure",
        "reader--date",
        "reader--quote",
        "reader--current",
        "reader--match",
    }

    DEFAULT_CSS = """
    Reader {
        overflow-x: hidden;
        overflow-y: scroll;
        padding: 0 1;
    }
    Reader > .reader--title { text-style: bold; color: $text-primary; }
    Reader > .reader--meta { color: $text-muted; text-style: italic; }
    Reader > .reader--person { color: $text-warning; text-style: bold; }
    Reader > .reader--organization { color: $text-primary; text-style: bold; }
    Reader > .reader--location { color: $text-success; }
    Reader > .reader--operation { color: $text-accent; text-style: bold; }
    Reader > .reader--figure { color: $text-error; text-style: bold; }
    Reader > .reader--date { color: $text-secondary; }
    Reader > .reader--quote { text-style: italic; }
    Reader > .reader--current { background: $accent 40%; }
    Reader > .reader--match { background: $warning 50%; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document: Document | None = None
        self._highlights: list[Highlight] = []
        self._starts: list[int] = []
        self._longest = 0
        self._lines: list[_Line] = []
        self._line_starts: list[int] = []
        self._layout_width = -1
        self._strips: dict[int, Strip] = {}
        self._empty_message = "Loading…"

    # -- content ----------------------------------------------------------
    def show_message(self, message: str) -> None:
        """Show a message instead of a release (e.g. while the corpus loads)."""
        self.document = None
        self._empty_message = message
        self._relayout(force=True)

    def set_document(self, document: Document, highlights: Sequence[Highlight] = ()) -> None:
        """Show ``document`` from the top with ``highlights`` drawn."""
        self.document = document
        self._store_highlights(highlights)
        self._relayout(force=True)
        self.scroll_to(y=0, animate=False)

    def set_highlights(self, highlights: Sequence[Highlight]) -> None:
        """Replace the drawn highlights without moving."""
        self._store_highlights(highlights)
        self._strips.clear()
        self.refresh()

    def _store_highlights(self, highlights: Sequence[Highlight]) -> None:
        self._highlights = sorted(highlights, key=lambda h: (h.start, h.end))
        self._starts = [h.start for h in self._highlights]
        self._longest = max((h.end - h.start for h in self._highlights), default=0)

    def line_of_offset(self, offset: int) -> int:
        """Return the screen line (from the top of the content) that holds ``offset``."""
        if not self._line_starts:
            return 0
        return max(bisect_right(self._line_starts, offset) - 1, 0) + self._header_height

    def scroll_to_offset(self, offset: int, *, center: bool = True) -> None:
        """Scroll so that character ``offset`` of the clean text is in view."""
        self._relayout()
        line = self.line_of_offset(offset)
        self.scroll_to_region(Region(0, line, 1, 1), animate=False, force=True, center=center)

    # -- layout -----------------------------------------------------------
    @property
    def _header_height(self) -> int:
        return sum(1 for line in self._lines if line.header is not None)

    def _relayout(self, force: bool = False) -> None:
        width = max(self.scrollable_content_region.width, 10)
        if not force and width == self._layout_width:
            return
        self._layout_width = width
        self._strips.clear()
        header: list[_Line] = []
        body: list[_Line] = []
        doc = self.document
        if doc is None:
            header.append(_Line(0, 0, Text(self._empty_message)))
        else:
            title = Text(doc.title, style=self.get_component_rich_style("reader--title"))
            for line in title.wrap(self.app.console, width):
                header.append(_Line(0, 0, line))
            meta = " · ".join(x for x in (doc.date or "undated", doc.dateline, doc.id) if x)
            header.append(
                _Line(0, 0, Text(meta, style=self.get_component_rich_style("reader--meta")))
            )
            header.append(_Line(0, 0, Text("")))
            position = 0
            text = doc.text
            while position <= len(text):
                end = text.find("\n\n", position)
                end = len(text) if end < 0 else end
                for start, stop in wrap_ranges(text, position, end, width):
                    body.append(_Line(start, stop))
                if end >= len(text):
                    break
                body.append(_Line(end, end))  # the blank line between paragraphs
                position = end + 2
        self._lines = header + body
        self._line_starts = [line.start for line in body]
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    def on_resize(self) -> None:
        """Re-wrap for the new width."""
        self._relayout()

    def notify_style_update(self) -> None:
        """Theme changed: redraw with the new component styles."""
        super().notify_style_update()
        self._layout_width = -1
        self._strips.clear()
        self.refresh()

    # -- rendering --------------------------------------------------------
    def _styled(self, line: _Line) -> Text:
        assert self.document is not None
        text = Text(self.document.text[line.start : line.end].rstrip("\n"), end="")
        # Highlights are sorted by start; none is longer than the longest one, so
        # only those starting within that distance before the line can reach it.
        first = bisect_right(self._starts, line.start - self._longest - 1)
        last = bisect_right(self._starts, line.end)
        for highlight in self._highlights[first:last]:
            start = max(highlight.start, line.start) - line.start
            end = min(highlight.end, line.end) - line.start
            if end > start:
                text.stylize(self.get_component_rich_style(f"reader--{highlight.kind}"), start, end)
        return text

    def render_line(self, y: int) -> Strip:
        """Render screen line ``y``."""
        self._relayout()
        index = y + int(self.scroll_y)
        width = self.scrollable_content_region.width
        style = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, style)
        cached = self._strips.get(index)
        if cached is not None:
            return cached
        line = self._lines[index]
        text = line.header if line.header is not None else self._styled(line)
        segments = list(text.render(self.app.console))
        strip = Strip(segments).apply_style(style).crop_extend(0, width, style or Style())
        self._strips[index] = strip
        return strip
