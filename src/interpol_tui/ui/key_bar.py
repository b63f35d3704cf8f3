"""The key bar at the bottom of the screen: the keys of the focused pane, drawn as one line.

It replaces Textual's ``Footer``, which rebuilds a widget per key (and lays
the screen out again) on every focus change, costing most of ``tab``'s time
on a real corpus, and which stops following focus while the terminal window
is not focused. This bar redraws one line of text when the bindings change,
shows keys that cannot act now dimmed, and drops whole entries (never half
a label) when the terminal is too narrow for all of them.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.app import RenderResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

from interpol_tui.ui.legible import LegibleStyles

GAP = " "
"""Between two entries (each key already has a cell of padding either side)."""


def _entry(key: str, label: str, key_style: Style, label_style: Style, key_name: str) -> Text:
    click = Style.from_meta({"@click": f"app.simulate_key({key_name!r})"})
    entry = Text()
    entry.append(f" {key} ", key_style + click)
    entry.append(label, label_style + click)
    return entry


class KeyBar(LegibleStyles, Widget):
    """One line listing the keys that the focused widget and its screen answer to."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-bar--key",
        "key-bar--label",
        "key-bar--disabled",
    }

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyBar > .key-bar--label {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeyBar > .key-bar--disabled { color: $text-disabled; text-style: none; }
    """

    def on_mount(self) -> None:
        """Follow the screen's bindings (focus changes, enabled actions)."""
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        # The screen signals new bindings only after the frame that shows the new focus;
        # redrawn on the focus change itself, the keys change in that same frame.
        self.watch(self.screen, "focused", self._focus_moved, init=False)

    def _focus_moved(self) -> None:
        self.refresh()

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen:
            self.refresh()  # one line of text: no layout, whatever the terminal's focus

    def entries(self) -> list[tuple[Binding, bool]]:
        """The bindings shown, one per action, in the order of the focus chain (focused first)."""
        seen: set[str] = set()
        shown: list[tuple[Binding, bool]] = []
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show or binding.action in seen:
                continue
            if binding.key == self.app.COMMAND_PALETTE_BINDING:
                continue
            seen.add(binding.action)
            shown.append((binding, active.enabled))
        return shown

    def render(self) -> RenderResult:
        """The entries that fit, whole, then the palette key on the right."""
        width = self.size.width
        key_style = self.get_component_rich_style("key-bar--key")
        label_style = self.get_component_rich_style("key-bar--label")
        disabled = self.get_component_rich_style("key-bar--disabled", partial=True)
        palette = Text()
        if self.app.ENABLE_COMMAND_PALETTE:
            palette = _entry(
                self.app.get_key_display(Binding(self.app.COMMAND_PALETTE_BINDING, "")),
                "palette",
                key_style,
                label_style,
                self.app.COMMAND_PALETTE_BINDING,
            )
        room = width - cell_len(palette.plain) - len(GAP)
        line = Text(no_wrap=True, overflow="crop", end="")
        for binding, enabled in self.entries():
            entry = _entry(
                self.app.get_key_display(binding),
                binding.description or binding.action,
                key_style if enabled else key_style + disabled,
                label_style if enabled else label_style + disabled,
                binding.key,
            )
            needed = cell_len(entry.plain) + (len(GAP) if line else 0)
            if cell_len(line.plain) + needed > room:
                break
            if line:
                line.append(GAP)
            line.append_text(entry)
        if palette:
            line.append(" " * max(width - cell_len(line.plain) - cell_len(palette.plain), 1))
            line.append_text(palette)
        return line
