"""The release list with its filter line: type to narrow the list (``\\``), as in fzf.

The filter line under the list holds the typed query (words, ``!word``, date
ranges: see ``list_query``) and names the entity the list is narrowed to,
when one was chosen in the statistics or on an entity card. ``enter`` keeps
the filter and goes back to the list; ``escape`` clears it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.timer import Timer
from textual.widget import AwaitMount
from textual.widgets import Input, Static

from interpol_tui.ui.document_list import DocumentList
from interpol_tui.ui.legible_input import LegibleInput
from interpol_tui.ui.list_query import ListQuery

TYPED = "typed"
"""The name of the typed filter among the list's filters."""
ENTITY = "entity"
"""The name of the filter to the releases mentioning one entity."""
DELAY = 0.08
"""Seconds of no typing before a big list is filtered again (a small one follows at once)."""
INSTANT_BELOW = 5_000
"""Lists shorter than this are filtered on every key."""


class FilterInput(LegibleInput):
    """The query box; ``escape`` clears the filter, ``enter`` keeps it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear_filter", "Clear filter", id="list.filter.clear"),
    ]

    def action_clear_filter(self) -> None:
        """Empty the box (the pane lifts the filter and closes the line)."""
        self.value = ""
        self.post_message(self.Submitted(self, ""))


class ListPane(Vertical):
    """The release list and, while one is in use, its filter line."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f,backslash", "open_filter", "Filter", id="list.filter"),
    ]

    DEFAULT_CSS = """
    ListPane > DocumentList { height: 1fr; }
    ListPane > #list-filter-line { height: 1; display: none; padding: 0 1; }
    ListPane > #list-filter-line.-shown { display: block; }
    ListPane > #list-entity { height: auto; display: none; padding: 0 1; color: $text-muted; }
    ListPane > #list-entity.-shown { display: block; }
    ListPane FilterInput, ListPane FilterInput:focus {
        border: none; height: 1; padding: 0; width: 1fr;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._pending: Timer | None = None
        self.entity: str | None = None
        """The entity whose releases the list shows, if any."""

    def compose(self) -> ComposeResult:
        """The list; the entity line and the filter line follow the first frame."""
        yield DocumentList(id="documents")

    def on_mount(self) -> None:
        """Mount the hidden lines a frame after the first (they are not in it).

        Not right after the first frame: that is when a file edited since the
        last run is looked at (ui/first_look.py), and its new title is drawn
        first; the lines' styling would hold it up by a frame's work.
        """
        self.call_after_refresh(self.call_after_refresh, self._mount_lines)

    def _mount_lines(self) -> AwaitMount | None:
        # Both start hidden, so the layout does not move; an Input is among the
        # costliest widgets to style, and the first frame does not show it.
        if self.query("#list-filter-line") or not self.is_attached:
            return None
        return self.mount(
            Static("", id="list-entity"),
            Vertical(
                FilterInput(placeholder="filter: words, !word, 2017..2019", id="list-filter"),
                id="list-filter-line",
            ),
        )

    def _field(self) -> FilterInput | None:
        found = self.query(FilterInput)
        return found.first() if found else None

    @property
    def query_text(self) -> str:
        """The typed filter ("" when none)."""
        field = self._field()
        return field.value if field is not None else ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While typing in the filter line, its key is not offered again."""
        field = self._field()
        return not (action == "open_filter" and field is not None and field.has_focus)

    async def action_open_filter(self) -> None:
        """Type to narrow the list."""
        await self.open_filter()

    async def open_filter(self) -> None:
        """Show the filter line and put the cursor in it."""
        mounting = self._mount_lines()  # a key pressed before the first frame settled
        if mounting is not None:
            await mounting
        self.query_one("#list-filter-line").add_class("-shown")
        self.query_one(FilterInput).focus()

    def clear(self) -> bool:
        """Lift the typed filter and the entity filter; False when neither was on."""
        field = self._field()
        if field is None:  # not mounted yet: no filter can be on
            return False
        had = bool(field.value) or self.entity is not None
        with field.prevent(Input.Changed):
            field.value = ""
        self.query_one("#list-filter-line").remove_class("-shown")
        self._apply("")
        self.show_entity(None, None)
        return had

    def show_entity(self, name: str | None, doc_ids: frozenset[str] | None) -> None:
        """Show only the releases mentioning ``name`` (None: all again)."""
        self.entity = name if doc_ids is not None else None
        self.query_one(DocumentList).set_filter(doc_ids, name=ENTITY)
        self._mount_lines()  # in the DOM at once (their mount messages follow)
        line = self.query_one("#list-entity", Static)
        if self.entity is None:
            line.remove_class("-shown")
            return
        text = Text("mentioning ")
        text.append(self.entity, style="bold")
        text.append(" · esc: all")
        line.update(text)
        line.add_class("-shown")

    @on(Input.Changed, "#list-filter")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        if self._pending is not None:
            self._pending.stop()
        if len(self.query_one(DocumentList).rows) < INSTANT_BELOW:
            self._apply(event.value)
        else:  # coalesce a burst of keys into one pass over a big list
            self._pending = self.set_timer(DELAY, lambda: self._apply(self.query_text))

    @on(Input.Submitted, "#list-filter")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._apply(self.query_text)
        if not self.query_text:
            self.query_one("#list-filter-line").remove_class("-shown")
        self.query_one(DocumentList).focus()

    def _apply(self, text: str) -> None:
        query = ListQuery.parse(text)
        documents = self.query_one(DocumentList)
        documents.set_match(TYPED, None if query.empty else query.matcher())
        documents.mark_words(query.words)
