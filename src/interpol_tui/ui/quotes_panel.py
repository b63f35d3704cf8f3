"""The quotations panel: every quotation of the open release with its speaker."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from interpol_tui.analysis.quotations import Quotation
from interpol_tui.ui.nav_keys import KeyedOptionList

UNATTRIBUTED = "unattributed"
"""What the panel shows for a quotation whose speaker analysis could not name."""


def quotation_prompt(quotation: Quotation, number: int) -> Table:
    """One option: the number, then the quotation's words over its speaker, indented together."""
    body = Text(f"“{quotation.text}”")
    body.append("\n— ")
    body.append(quotation.speaker or UNATTRIBUTED, style="italic")
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", min_width=3)
    grid.add_column(ratio=1)
    grid.add_row(Text(f"{number}.", style="bold"), body)
    return grid


class QuotesPanel(ModalScreen[int | None]):
    """Lists the release's quotations; ``enter`` returns the index of the chosen one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "Close", id="quotes.close"),
    ]

    DEFAULT_CSS = """
    QuotesPanel { align: center middle; }
    QuotesPanel > OptionList, QuotesPanel > OptionList:focus {
        width: 100; max-width: 95%; height: auto; max-height: 85%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, quotations: Sequence[Quotation], current: int | None = None) -> None:
        super().__init__()
        self._quotations = list(quotations)
        self._current = current

    def compose(self) -> ComposeResult:
        """One option per quotation."""
        options = [
            Option(quotation_prompt(quotation, number), id=str(number - 1))
            for number, quotation in enumerate(self._quotations, start=1)
        ]
        option_list = KeyedOptionList(*options, markup=False)
        option_list.border_title = f"Quotations ({len(options)})"
        option_list.border_subtitle = "enter: go to · esc: close"
        yield option_list

    def on_mount(self) -> None:
        """Start on the current quotation, if any."""
        option_list = self.query_one(OptionList)
        if self._current is not None and self._quotations:
            option_list.highlighted = self._current
        option_list.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_index)

    async def action_dismiss(self, result: int | None = None) -> None:
        """Close without choosing."""
        self.dismiss(result)
