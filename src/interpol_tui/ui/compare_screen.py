"""Two releases compared: like figures side by side with the change, shared and unshared names."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

from interpol_tui.analysis.compare import Comparison
from interpol_tui.analysis.model import EntityType
from interpol_tui.ui.annotations import KIND_LABELS
from interpol_tui.ui.nav_keys import KeyedScroll
from interpol_tui.ui.prerendered import PreRendered

PLURALS: dict[EntityType, str] = {
    "person": "People",
    "organization": "Organisations",
    "location": "Places",
    "operation": "Operations",
}


def _names(names: tuple[str, ...]) -> Text:
    return Text(", ".join(names) if names else "–", style="" if names else "dim")


def comparison_view(comparison: Comparison) -> Group:
    """The comparison as Rich renderables: the two releases, the figures, the names."""
    heading = Text()
    for word, doc, date in (
        ("Before", comparison.before, comparison.before_date),
        ("After", comparison.after, comparison.after_date),
    ):
        heading.append(f"{word}: ", style="bold")
        heading.append(" ".join(doc.title.split()))
        heading.append(f"  {date.label}\n", style="italic")
    figures = Table(expand=True, box=None, padding=(0, 1), title_justify="left")
    figures.title = Text("Figures that count the same thing", style="bold")
    figures.add_column("what is counted", ratio=2)
    figures.add_column("before", ratio=2)
    figures.add_column("after", ratio=2)
    figures.add_column("change", ratio=1, min_width=12)
    for pair in comparison.figures:
        figures.add_row(pair.counts, pair.before.text, pair.after.text, pair.change.label)
    if not comparison.figures:
        figures.caption = Text("No figure of one counts the same thing as one of the other.")
    names = Table(expand=True, box=None, padding=(0, 1), title_justify="left")
    names.title = Text("Named in", style="bold")
    names.add_column("", style="bold", no_wrap=True)
    names.add_column("both", ratio=1)
    names.add_column("only before", ratio=1)
    names.add_column("only after", ratio=1)
    for overlap in comparison.entities:
        names.add_row(
            PLURALS.get(overlap.type, KIND_LABELS[overlap.type]),
            _names(overlap.shared),
            _names(overlap.only_before),
            _names(overlap.only_after),
        )
    return Group(heading, figures, Text(""), names)


class CompareScreen(ModalScreen[None]):
    """Shows a :class:`Comparison`; ``escape`` closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "Close", id="compare.close"),
    ]

    DEFAULT_CSS = """
    CompareScreen { align: center middle; }
    CompareScreen > VerticalScroll {
        width: 120; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, comparison: Comparison) -> None:
        super().__init__()
        self.comparison = comparison

    def compose(self) -> ComposeResult:
        """One scrollable view of the comparison."""
        with KeyedScroll() as box:
            box.border_title = "Two releases compared"
            box.border_subtitle = "esc: close"
            yield PreRendered(comparison_view(self.comparison), id="comparison")

    def on_mount(self) -> None:
        """Scroll with the keys at once."""
        self.query_one(VerticalScroll).focus()

    async def action_dismiss(self, result: None = None) -> None:
        """Close."""
        self.dismiss(result)
