"""Quick-open (``ctrl+p``): type a few letters of a title, typos allowed, ``enter`` opens it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from interpol_tui.corpus.model import Corpus, Document
from interpol_tui.ui.messages import DocumentSelected
from interpol_tui.ui.search_indexing import SearchIndexer
from interpol_tui.ui.title_row import RowVisual, TitleRow

LIMIT = 20
"""Titles listed at most."""


def highlighted_title(title: str, positions: Sequence[int], style: Style) -> Text:
    """``title`` as plain text with the characters at ``positions`` in ``style``."""
    text = Text(title, no_wrap=True, overflow="ellipsis", end="")
    run_start = previous = -2
    for position in [*positions, -2]:
        if position != previous + 1:
            if run_start >= 0:
                text.stylize(style, run_start, previous + 1)
            run_start = position
        previous = position
    return text


class QuickOpen(ModalScreen[str | None]):
    """Lists the best-matching titles as you type; returns the chosen doc id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close", id="quick_open.close"),
        Binding("down", "move(1)", "Next title", show=False, id="quick_open.down"),
        Binding("up", "move(-1)", "Previous title", show=False, id="quick_open.up"),
        Binding("pagedown", "move(10)", "Page down", show=False, id="quick_open.page_down"),
        Binding("pageup", "move(-10)", "Page up", show=False, id="quick_open.page_up"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"quick-open--match", "quick-open--date"}

    DEFAULT_CSS = """
    QuickOpen { align: center top; }
    QuickOpen > Vertical {
        width: 110; max-width: 95%; height: auto; max-height: 80%; margin-top: 2;
        border: round $primary; background: $surface; padding: 0 1;
    }
    QuickOpen Input, QuickOpen Input:focus {
        border: none; height: 1; padding: 0; margin-bottom: 1;
    }
    QuickOpen OptionList { height: auto; max-height: 22; border: none; padding: 0; }
    QuickOpen #quick-open-status { color: $text-muted; height: 1; }
    QuickOpen > .quick-open--match { color: $text-accent; text-style: bold underline; }
    QuickOpen > .quick-open--date { color: $text-muted; }
    """

    def __init__(self, indexer: SearchIndexer, documents: Sequence[Document]) -> None:
        super().__init__()
        self.indexer = indexer
        self.documents = documents

    @classmethod
    def open_for(cls, screen: Screen[None], indexer: SearchIndexer, corpus: Corpus | None) -> None:
        """Show quick-open over ``screen``; the chosen release opens there."""
        if corpus is None:
            screen.notify("The corpus is still loading.")
            return

        def chosen(doc_id: str | None) -> None:
            if doc_id is not None:
                screen.post_message(DocumentSelected(doc_id))

        screen.app.push_screen(cls(indexer, corpus.documents), chosen)

    def compose(self) -> ComposeResult:
        """A query box, the matching titles and a status line."""
        with Vertical():
            yield Input(placeholder="Open a release: type part of its title (typos are fine)")
            results = OptionList(id="quick-open-results", markup=False)
            # Titles hold no links: not looking for any in each row drawn (7% of a letter).
            results.auto_links = False
            yield results
            yield Static("", id="quick-open-status", markup=False)

    def on_mount(self) -> None:
        """List the first releases until something is typed."""
        self.query_one(Input).focus()
        self._show("")
        self.indexer.when_ready(self._refresh)

    def _refresh(self) -> None:
        if self.is_attached:
            self._show(self.query_one(Input).value)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, query: str) -> None:
        results = self.query_one(OptionList)
        status = self.query_one("#quick-open-status", Static)
        date_style = self.get_component_rich_style("quick-open--date")
        options: list[Option] = []
        if not query.strip():
            for document in self.documents[:LIMIT]:
                prompt = TitleRow(Text(document.title), document.date, date_style)
                options.append(Option(RowVisual(results, prompt), id=document.id))
            status.update(f"{len(self.documents):,} releases")
        elif self.indexer.indexes is None:
            status.update("Building the title index…")
        else:
            index = self.indexer.indexes.titles
            matches = index.search(query, limit=LIMIT)
            match_style = self.get_component_rich_style("quick-open--match")
            for match in matches:
                title = highlighted_title(match.title, match.positions, match_style)
                row = TitleRow(title, match.date, date_style)
                options.append(Option(RowVisual(results, row), id=match.doc_id))
            found = f"{len(matches)} best of {len(index):,}" if matches else "No title matches"
            status.update(found)
        results.set_options(options)
        if options:
            results.highlighted = 0

    def action_move(self, step: int) -> None:
        """Move the highlight through the list while typing goes on in the query box."""
        results = self.query_one(OptionList)
        if results.option_count:
            current = results.highlighted or 0
            results.highlighted = max(0, min(results.option_count - 1, current + step))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        results = self.query_one(OptionList)
        if results.highlighted is not None:
            self.dismiss(results.get_option_at_index(results.highlighted).id)

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
