"""A pane's border subtitle changed by repainting only the border line that shows it.

Assigning ``Widget.border_subtitle`` repaints the whole widget: for the
release list that is every row, on every ``j``, only to change "12/10,000"
in the bottom border. :func:`set_subtitle` stores the subtitle exactly as
Textual's setter does and marks only the bottom line dirty; the rest of the
widget keeps its cached lines.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.widget import Widget


def set_subtitle(widget: Widget, subtitle: str) -> None:
    """Show ``subtitle`` in ``widget``'s bottom border, repainting that line only."""
    if widget.border_subtitle == subtitle:
        return
    if not widget.is_mounted or not widget.size:
        widget.border_subtitle = subtitle  # nothing drawn yet: the whole widget will be
        return
    # As Textual's _BorderTitle.__set__ stores it (the first line, tabs expanded).
    widget._border_subtitle = widget.render_str(subtitle).expand_tabs(4).split()[0]
    widget.refresh(bottom_line(widget))


def bottom_line(widget: Widget) -> Region:
    """The widget's last line (its bottom border), in the content coordinates ``refresh`` takes."""
    offset = widget.content_offset
    outer = widget.outer_size
    return Region(-offset.x, outer.height - 1 - offset.y, outer.width, 1)
