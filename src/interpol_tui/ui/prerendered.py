"""A widget showing a Rich renderable drawn once per width, not once to measure and again
to paint (a ``Static`` holding two ``Table``\\ s drew them both twice: half the time the
comparison view took to open)."""

from __future__ import annotations

from rich.console import RenderableType
from rich.segment import Segment
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget


class PreRendered(Widget):
    """Shows ``renderable``; its lines are made once for each width the layout asks for."""

    DEFAULT_CSS = """
    PreRendered { height: auto; }
    """

    def __init__(self, renderable: RenderableType, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._renderable = renderable
        self._lines: list[list[Segment]] = []
        self._width = -1

    def _lines_at(self, width: int) -> list[list[Segment]]:
        if width != self._width:
            console = self.app.console
            options = console.options.update_width(max(width, 1))
            self._lines = console.render_lines(self._renderable, options, pad=True)
            self._width = width
        return self._lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many lines as the renderable takes at ``width``."""
        return len(self._lines_at(width))

    def render_line(self, y: int) -> Strip:
        """One line of the renderable, in the widget's style."""
        width = self.content_size.width
        lines = self._lines_at(width)
        if y >= len(lines):
            return Strip.blank(width, self.rich_style)
        return Strip(lines[y], width).apply_style(self.rich_style)
