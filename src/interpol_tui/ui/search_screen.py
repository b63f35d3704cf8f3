"""Full-text search (``/``): ranked releases with snippets; choosing one opens it at the hit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from interpol_tui.ui.messages import DocumentSelected
from interpol_tui.ui.search_indexing import SearchIndexer

if TYPE_CHECKING:
    from interpol_tui.corpus.model import Corpus
    from interpol_tui.search.fulltext import SearchHit, SearchResults

LIMIT = 50
"""Releases listed at most."""
HINT = 'Words, "a phrase", prefix*, AND / OR / NOT, (groups). Enter opens; n / N step hits.'


@dataclass(frozen=True, slots=True)
class SearchChoice:
    """The hit the user chose: the release, where its first hit is, and the text that matched."""

    doc_id: str
    offset: int | None
    found: str | None


def hit_prompt(hit: SearchHit, title_style: Style, mark_style: Style) -> Text:
    """A result: the title, then the snippet with the hit terms in ``mark_style`` (plain Text)."""
    text = Text(no_wrap=False, end="")
    text.append(hit.title, style=title_style)
    text.append("\n")
    offset = len(text)
    # Same length as the snippet, so the hit offsets still apply.
    text.append(hit.snippet.text.replace("\n", " "))
    for start, end in hit.snippet.marks:
        text.stylize(mark_style, offset + start, offset + end)
    return text


class FullTextSearch(ModalScreen[SearchChoice | None]):
    """Type a query, read the ranked hits with snippets, ``enter`` opens the release at its hit."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close", id="search.close"),
        Binding("down", "move(1)", "Next hit", show=False, id="search.down"),
        Binding("up", "move(-1)", "Previous hit", show=False, id="search.up"),
        Binding("pagedown", "move(5)", "Page down", show=False, id="search.page_down"),
        Binding("pageup", "move(-5)", "Page up", show=False, id="search.page_up"),
        Binding("ctrl+s", "export", "Export results", id="search.export"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"search--title", "search--hit", "search--error"}

    DEFAULT_CSS = """
    FullTextSearch { align: center top; }
    FullTextSearch > Vertical {
        width: 120; max-width: 95%; height: auto; max-height: 90%; margin-top: 1;
        border: round $primary; background: $surface; padding: 0 1;
    }
    FullTextSearch Input, FullTextSearch Input:focus {
        border: none; height: 1; padding: 0; margin-bottom: 1;
    }
    FullTextSearch OptionList { height: auto; max-height: 32; border: none; padding: 0; }
    FullTextSearch #search-status { color: $text-muted; height: auto; }
    FullTextSearch > .search--title { text-style: bold; color: $text-primary; }
    FullTextSearch > .search--hit { background: $warning 50%; text-style: bold; }
    FullTextSearch > .search--error { color: $text-error; }
    """

    class Answered(Message):
        """A query worker finished."""

        def __init__(self, query: str, results: SearchResults) -> None:
            self.query = query
            self.results = results
            super().__init__()

    def __init__(
        self,
        indexer: SearchIndexer,
        query: str = "",
        paths: Callable[[str], Path | None] = lambda doc_id: None,
    ) -> None:
        super().__init__()
        self.indexer = indexer
        self.paths = paths
        """The file of a release by id (for exports)."""
        self.initial_query = query
        self.results: SearchResults | None = None
        """The results on show."""

    @classmethod
    def open_for(cls, screen: Screen[None], indexer: SearchIndexer) -> None:
        """Show search over ``screen``; the chosen hit opens there and ``n``/``N`` step its hits."""

        def chosen(choice: SearchChoice | None) -> None:
            if choice is None:
                return
            screen.post_message(DocumentSelected(choice.doc_id, choice.offset))
            if choice.found:
                from interpol_tui.ui.reader import Reader

                # Queued after the message, so the release is open when find runs.
                screen.call_later(screen.query_one(Reader).find, choice.found)

        def path_of(doc_id: str) -> Path | None:
            corpus: Corpus | None = getattr(screen, "corpus", None)
            document = corpus.by_id(doc_id) if corpus is not None else None
            return document.path if document is not None else None

        screen.app.push_screen(cls(indexer, indexer.last_query, path_of), chosen)

    def compose(self) -> ComposeResult:
        """A query box, the ranked hits and a status line."""
        with Vertical():
            yield Input(self.initial_query, placeholder="Search the text of every release")
            yield OptionList(id="search-results", markup=False)
            yield Static(HINT, id="search-status", markup=False)

    def on_mount(self) -> None:
        """Focus the query; search again for a query kept from last time."""
        query_box = self.query_one(Input)
        query_box.focus()
        query_box.select_all()
        self.indexer.when_ready(self._refresh)

    def _refresh(self) -> None:
        if self.is_attached:
            self._ask(self.query_one(Input).value)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        self.indexer.last_query = event.value
        self._ask(event.value)

    def _ask(self, query: str) -> None:
        if self.indexer.indexes is None:
            self._status(Text("Building the search index…"))
        elif not query.strip():
            self.results = None
            self.query_one(OptionList).clear_options()
            self._status(Text(HINT))
        else:
            self._search(query)

    @work(thread=True, exclusive=True, group="fulltext-query")
    def _search(self, query: str) -> None:
        """Run one query off the UI thread (FTS5 can take a few milliseconds)."""
        indexes = self.indexer.indexes
        if indexes is None:
            return
        results = indexes.fulltext.search(query, limit=LIMIT)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Answered(query, results))

    def on_full_text_search_answered(self, message: Answered) -> None:
        """Show the answer if it is still for what is in the query box."""
        if message.query != self.query_one(Input).value:
            return  # an older keystroke's answer
        results = message.results
        if results.error is not None:
            self._status(Text(results.error, style=self.get_component_rich_style("search--error")))
            return  # keep the last good hits on screen while the query is being fixed
        self.results = results
        title_style = self.get_component_rich_style("search--title")
        mark_style = self.get_component_rich_style("search--hit")
        options = [Option(hit_prompt(hit, title_style, mark_style)) for hit in results.hits]
        hit_list = self.query_one(OptionList)
        hit_list.set_options(options)
        if options:
            hit_list.highlighted = 0
        count = f"{len(results.hits)} release(s)" if results.hits else "No release matches"
        if len(results.hits) == LIMIT:
            count = f"best {LIMIT} releases"
        status = Text(count)
        for note in results.notes:
            status.append(f" · {note}")
        self._status(status)

    def _status(self, text: Text) -> None:
        self.query_one("#search-status", Static).update(text)

    def action_move(self, step: int) -> None:
        """Move through the hits while typing goes on in the query box."""
        hit_list = self.query_one(OptionList)
        if hit_list.option_count:
            current = hit_list.highlighted or 0
            hit_list.highlighted = max(0, min(hit_list.option_count - 1, current + step))

    def action_export(self) -> None:
        """Export the hits on show to CSV, JSON or Markdown."""
        from interpol_tui.ui.release_actions import SEARCH_COLUMNS, ask_and_export, search_records

        if self.results is None or not self.results.hits:
            self.notify("No results to export", severity="warning", timeout=3)
            return
        records = search_records(self.results, self.paths)
        ask_and_export(self.app, records, SEARCH_COLUMNS, "result", "interpol-tui-search.csv")

    @on(Input.Submitted)
    def _submitted(self) -> None:
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is not None:
            self._choose(highlighted)

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def _choose(self, index: int) -> None:
        results, indexes = self.results, self.indexer.indexes
        if results is None or indexes is None or not 0 <= index < len(results.hits):
            return
        hit = results.hits[index]
        location = indexes.fulltext.locate(results.query, hit.doc_id) if results.query else None
        if location is None:
            self.dismiss(SearchChoice(hit.doc_id, None, None))
        else:
            self.dismiss(SearchChoice(hit.doc_id, location.offset, location.text))
