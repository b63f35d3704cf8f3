"""The one-line progress bar under the panes while the corpus is read and analysed.

One widget that draws itself, rather than Textual's ``ProgressBar`` (a bar,
a percentage and an ETA widget, their styles, and a 60-a-second animation
while the total is unknown): it cost the first frame about a tenth of its
work, on every start, for a line that a warm start hides at once.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.widget import Widget


class LoadBar(Widget):
    """``done`` of ``total`` as a bar and a percentage; "Loading…" until a total is known."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"load-bar--done", "load-bar--left"}

    DEFAULT_CSS = """
    LoadBar { height: 1; }
    LoadBar > .load-bar--done { color: $accent; }
    LoadBar > .load-bar--left { color: $panel; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.total: int | None = None
        self.progress = 0

    def update(self, *, total: int | None = None, progress: int | None = None) -> None:
        """Set the total and how much of it is done (as Textual's ``ProgressBar.update``)."""
        drawn = self._drawn()
        if total is not None:
            self.total = total
        if progress is not None:
            self.progress = progress
        if self._drawn() != drawn:  # most reports move neither the bar nor the percentage
            self.refresh()

    def _drawn(self) -> tuple[int, str] | None:
        """What the line shows: the cells filled and the percentage (None: "Loading…")."""
        share = self.percentage
        if share is None:
            return None
        label = f" {share * 100:3.0f}%"
        return round(max(self.size.width - len(label), 0) * share), label

    @property
    def percentage(self) -> float | None:
        """The share done, from 0 to 1 (None while the total is unknown)."""
        if not self.total:
            return None
        return min(max(self.progress / self.total, 0.0), 1.0)

    def render(self) -> Text:
        """The bar and the percentage, fitted to the width."""
        drawn = self._drawn()
        if drawn is None:
            return Text("Loading…")
        done, label = drawn
        width = max(self.size.width - len(label), 0)
        bar = Text()
        bar.append("━" * done, self.get_component_rich_style("load-bar--done"))
        bar.append("━" * (width - done), self.get_component_rich_style("load-bar--left"))
        bar.append(label)
        return bar
