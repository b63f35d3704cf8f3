"""What every line of one paint of a line-drawn widget shares, worked out once for the paint.

Textual asks a Line API widget for its lines one by one within one
``render_lines`` call; each of our ``render_line`` methods used to ask for
the widget's ``rich_style`` (a walk up every ancestor's styles) and its
content region again, line after line: about a tenth of a key in the list.
Within one ``render_lines`` call neither can change, so :class:`LinePass`
works them out once; outside it (a test calling ``render_line`` directly)
they are worked out each time, as before.
"""

from __future__ import annotations

from typing import Any

from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip


class LinePass:
    """Mixin for a Line API widget: :attr:`line_style` and :attr:`line_width` for this paint."""

    _line_pass: tuple[Style, int] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        """Paint ``crop`` with the style and width worked out once for all its lines."""
        widget: Any = self
        self._line_pass = (widget.rich_style, widget.scrollable_content_region.width)
        try:
            parent: Any = super()
            lines: list[Strip] = parent.render_lines(crop)
            return lines
        finally:
            self._line_pass = None

    @property
    def line_style(self) -> Style:
        """The widget's ``rich_style``, as during this paint."""
        if self._line_pass is not None:
            return self._line_pass[0]
        widget: Any = self
        style: Style = widget.rich_style
        return style

    @property
    def line_width(self) -> int:
        """The width of the widget's scrollable content region, as during this paint."""
        if self._line_pass is not None:
            return self._line_pass[1]
        widget: Any = self
        width: int = widget.scrollable_content_region.width
        return width
