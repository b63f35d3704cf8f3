"""The legend under the reader: one entry per highlight kind, each a toggle (key or click)."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from interpol_tui.analysis.kinds import HIGHLIGHT_KINDS
from interpol_tui.ui.annotations import KIND_CSS, KIND_LABELS
from interpol_tui.ui.legible import LegibleStyles

GAP = "  "
"""Between two entries on a line."""


def entry_lines(width: int) -> list[list[int]]:
    """The entries' numbers (1-based) on each line at ``width`` cells, whole entries only."""
    lines: list[list[int]] = [[]]
    used = 0
    for number, kind in enumerate(HIGHLIGHT_KINDS, start=1):
        size = len(f"{number} {KIND_LABELS[kind]}")
        if lines[-1] and used + len(GAP) + size > width:
            lines.append([])
            used = 0
        used += size + (len(GAP) if lines[-1] else 0)
        lines[-1].append(number)
    return lines


class Legend(LegibleStyles, Widget):
    """Shows each kind in its own style; clicking an entry (or its number key) toggles it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "legend--key",
        "legend--off",
        *(f"legend--{kind}" for kind in HIGHLIGHT_KINDS),
    }

    DEFAULT_CSS = """
    Legend { height: auto; padding: 0 1; color: $text-muted; }
    Legend > .legend--key { color: $text-muted; }
    Legend > .legend--off { color: $text-disabled; text-style: strike; }
    """ + "\n".join(f"Legend > .legend--{kind} {{ {css} }}" for kind, css in KIND_CSS.items())

    hidden: reactive[frozenset[str]] = reactive(frozenset[str]())
    """The kinds whose highlighting is off (drawn struck through)."""

    class Toggled(Message):
        """The user clicked a legend entry."""

        def __init__(self, kind: str) -> None:
            self.kind = kind
            super().__init__()

    @property
    def link_style(self) -> Style:
        """No link styling: each entry keeps its highlight style (hovering still shows it)."""
        return Style.null()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many lines as whole entries need at ``width``."""
        return len(entry_lines(width))

    def render(self) -> Text:
        """Each kind as ``N Label``, in its highlight style, or struck through when off.

        An entry never breaks across lines ("5" / "Figure"): lines end between entries.
        """
        text = Text(no_wrap=True, overflow="crop", end="")
        key_style = self.get_component_rich_style("legend--key", partial=True)
        for row, entries in enumerate(entry_lines(self.content_size.width)):
            if row:
                text.append("\n")
            for position, number in enumerate(entries):
                kind = HIGHLIGHT_KINDS[number - 1]
                click = Style.from_meta({"@click": f"toggle_kind({kind!r})"})
                component = "legend--off" if kind in self.hidden else f"legend--{kind}"
                if position:
                    text.append(GAP)
                text.append(f"{number} ", key_style + click)
                text.append(KIND_LABELS[kind], self.get_component_rich_style(component) + click)
        return text

    def action_toggle_kind(self, kind: str) -> None:
        """Ask for ``kind`` to be toggled (the reader owns the state)."""
        self.post_message(self.Toggled(kind))
