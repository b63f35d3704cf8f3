"""A pane's border in the theme's accent while the focus is anywhere inside it.

The TCSS way, ``#stats:focus-within { border: ... }``, makes Textual restyle
the pane and every widget inside it (28 for the statistics pane: tabs,
tables, scrollbars) each time the focus enters or leaves it, which was the
largest part of ``tab``'s cost into and out of the statistics. Set on the
pane alone as an inline style, the new colour repaints the pane's border and
nothing else.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.color import Color
from textual.theme import Theme

ACCENT = "primary"
"""The theme variable the border takes while focused (as ``#documents:focus`` in app.tcss)."""


class FocusWithinBorder:
    """Mixin for a container: a round ``$primary`` border while one of its widgets has focus."""

    def on_mount(self) -> None:
        """Follow theme changes, which change the accent colour."""
        # Textual calls each class's own handler in the MRO: no super() call here.
        widget: Any = self
        widget.app.theme_changed_signal.subscribe(widget, self._theme_changed)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The focus moved into the pane, or within it."""
        self.show_focus_within()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        """The focus left a widget of the pane (perhaps for another of its widgets)."""
        self.show_focus_within()

    def _theme_changed(self, theme: Theme) -> None:
        self.show_focus_within()

    def show_focus_within(self) -> None:
        """Draw the border for where the focus is now."""
        widget: Any = self
        if not widget.is_mounted:
            return
        focused = widget.screen.focused
        inside = focused is not None and widget in focused.ancestors_with_self
        if inside:
            accent = Color.parse(widget.app.theme_variables.get(ACCENT, "ansi_blue"))
            if widget.styles.inline.border_top != ("round", accent):
                widget.styles.border = ("round", accent)
        elif widget.styles.inline.has_rule("border_top"):
            widget.styles.border = None  # back to the pane's own TCSS border
