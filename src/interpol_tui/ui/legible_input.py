"""A text box whose placeholder stays legible in every theme.

Textual draws placeholders in ``$text-disabled``: 2.6 to 3.5:1 against the
box in every built-in theme, too faint to read what the box is for. The
placeholder is a component style, so :class:`LegibleStyles` nudges it to
4.5:1, still dimmer than what is typed.
"""

from __future__ import annotations

from textual.widgets import Input

from interpol_tui.ui.legible import LegibleStyles


class LegibleInput(LegibleStyles, Input):
    """Textual's ``Input``, its placeholder (and other component styles) legible."""
