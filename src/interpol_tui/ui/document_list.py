"""A virtualised list of releases: renders only the rows on screen, so 100k stays instant."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, Literal

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from interpol_tui.corpus.model import Document
from interpol_tui.ui.border_text import set_subtitle
from interpol_tui.ui.legible import LegibleStyles
from interpol_tui.ui.line_pass import LinePass
from interpol_tui.ui.list_query import fold
from interpol_tui.ui.messages import DocumentHighlighted, DocumentSelected

SortKey = Literal["corpus", "date", "title"]
SORT_KEYS: tuple[SortKey, ...] = ("corpus", "date", "title")
SORT_LABELS: dict[SortKey, str] = {
    "corpus": "as loaded",
    "date": "newest first",
    "title": "title A–Z",
}
"""How the pane title names each order (kept short: the pane may be 24 columns wide)."""
ROW_HEIGHT = 2
"""Each release takes two lines: its title, then its date and dateline."""
PANE_TITLE = "Releases"


def fit(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` terminal cells, ending with "…" when it had to be cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1) + "…"


def _sorted(documents: Sequence[Document], key: SortKey) -> list[Document]:
    if key == "title":
        # Stable: equal titles keep their corpus order.
        return sorted(documents, key=lambda d: d.title.casefold())
    if key == "date":
        # Newest first; undated releases last, in corpus order.
        dated = sorted((d for d in documents if d.date), key=lambda d: d.date or "", reverse=True)
        return dated + [d for d in documents if not d.date]
    return list(documents)


class DocumentList(LinePass, LegibleStyles, ScrollView, can_focus=True):
    """The corpus's releases, two lines each, with a cursor; only visible rows are rendered."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", show=False),
        Binding("k,up", "cursor_up", "Up", show=False),
        Binding("enter", "open", "Open", id="list.open"),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
        Binding("o", "cycle_sort", "Sort", id="list.sort"),
        Binding("m", "mark_compare", "Mark to compare", show=False, id="list.compare_mark"),
        Binding("x", "screen.export_list", "Export", id="list.export"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "document-list--title",
        "document-list--meta",
        "document-list--cursor",
        "document-list--marker",
        "document-list--read",
        "document-list--match",
    }

    DEFAULT_CSS = """
    DocumentList {
        overflow-x: hidden;
        overflow-y: scroll;
    }
    DocumentList > .document-list--title { text-style: bold; }
    DocumentList > .document-list--meta { color: $text-muted; }
    DocumentList > .document-list--cursor {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
    }
    DocumentList:focus > .document-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    DocumentList > .document-list--marker { color: $accent; text-style: bold; }
    DocumentList > .document-list--read { color: $text-muted; text-style: none; }
    DocumentList > .document-list--match { text-style: bold underline; }
    """

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)
    """Index of the highlighted row in the displayed order (its watcher repaints the rows)."""
    sort_key: reactive[SortKey] = reactive[SortKey]("corpus")
    """How the rows are ordered: as loaded, newest first, or by title."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._all: list[Document] = []
        self._rows: list[Document] = []
        self._markers: frozenset[str] = frozenset()
        self._read: frozenset[str] = frozenset()
        self._filters: dict[str, Callable[[Document], bool]] = {}
        """Every filter in force by name (bookmarks, entity, typed text): a row passes all."""
        self._kept: str | None = None
        """The last release under the cursor: a filter that hid every row gives it back."""
        self.marked_words: tuple[str, ...] = ()
        """Folded words of the typed filter, underlined in the titles (as fzf marks matches)."""
        self.starred = False
        """True while the bookmarks filter is on (the pane's title says so)."""
        self._show_formats = False
        self.compare_marks: tuple[str, ...] = ()
        """Up to two releases marked (``m``) to compare, in the order marked."""

    # -- data -------------------------------------------------------------
    @property
    def rows(self) -> list[Document]:
        """The releases in display order (after sorting and filtering)."""
        return self._rows

    @property
    def current(self) -> Document | None:
        """The release under the cursor."""
        if 0 <= self.cursor < len(self._rows):
            return self._rows[self.cursor]
        return None

    def set_documents(self, documents: Sequence[Document], keep: str | None = None) -> None:
        """Show ``documents``; keep the cursor on release ``keep`` when it is among them."""
        self._all = list(documents)
        # A corpus of one format needs no label on every row; a mixed one does.
        self._show_formats = len({doc.format for doc in self._all}) > 1
        self._rebuild(keep)

    def set_markers(self, doc_ids: frozenset[str]) -> None:
        """Mark these releases (bookmarks) with a symbol in the list."""
        self._markers = doc_ids
        self.refresh()

    def set_read(self, doc_ids: frozenset[str]) -> None:
        """Draw these releases (read already) with a plain, dimmer title than unread ones."""
        self._read = doc_ids
        self.refresh()

    def set_filter(self, doc_ids: frozenset[str] | None, name: str = "bookmarks") -> None:
        """Show only these releases (None lifts filter ``name``); other filters still apply."""
        if name == "bookmarks":
            self.starred = doc_ids is not None
        if doc_ids is None:
            self.set_match(name, None)
        else:
            self.set_match(name, lambda document: document.id in doc_ids)

    def set_match(self, name: str, match: Callable[[Document], bool] | None) -> None:
        """Show only the releases ``match`` accepts (None lifts filter ``name``)."""
        if match is None:
            if self._filters.pop(name, None) is None:
                return
        else:
            self._filters[name] = match
        self._rebuild(self.current.id if self.current else None)

    @property
    def filtered(self) -> bool:
        """True while some filter hides releases."""
        return bool(self._filters)

    def has_filter(self, name: str) -> bool:
        """True while filter ``name`` is in force."""
        return name in self._filters

    def select_id(self, doc_id: str) -> bool:
        """Move the cursor to release ``doc_id``; return False when it is not listed."""
        for index, doc in enumerate(self._rows):
            if doc.id == doc_id:
                self.cursor = index
                return True
        return False

    def _rebuild(self, keep: str | None) -> None:
        keep = keep or self._kept
        shown = self._all
        for match in self._filters.values():
            shown = [d for d in shown if match(d)]
        self._rows = _sorted(shown, self.sort_key)
        self.virtual_size = Size(self.size.width, len(self._rows) * ROW_HEIGHT)
        if keep is None or not self.select_id(keep):
            self.cursor = min(self.cursor, max(len(self._rows) - 1, 0))
        self._show_title()
        self.refresh()

    def _show_title(self) -> None:
        """Show the order in the pane's title, so the sort is always visible."""
        star = " ★" if self.starred else ""
        self.border_title = f"{PANE_TITLE}{star} · {SORT_LABELS[self.sort_key]}"
        self._show_position()

    def _show_position(self) -> None:
        """Show where the cursor is, and how many releases a filter hides, under the pane."""
        shown = len(self._rows)
        position = f"{self.cursor + 1:,}/{shown:,}" if shown else "0"
        if self._filters:
            position += f" · {len(self._all):,} in all"
        set_subtitle(self, position)  # its line only: the rows keep theirs

    # -- reactives --------------------------------------------------------
    def validate_cursor(self, value: int) -> int:
        """Keep the cursor on a row."""
        return max(0, min(value, len(self._rows) - 1)) if self._rows else 0

    def scroll_cursor_into_view(self) -> None:
        """Scroll so that the cursor's row shows (after a resize, too)."""
        region = Region(0, self.cursor * ROW_HEIGHT, 1, ROW_HEIGHT)
        self.scroll_to_region(region, animate=False, force=True)

    def watch_cursor(self, old: int, new: int) -> None:
        """Scroll the cursor into view, repaint the two rows it left and reached, tell the screen.

        Repainting only those rows (when the list did not scroll) is what keeps
        ``j`` cheap: a whole-list repaint drew every row again on every key.
        """
        scrolled = self.scroll_offset
        self.scroll_cursor_into_view()
        self._show_position()
        if self.scroll_offset == scrolled:
            for row in {old, new}:
                self.refresh_lines(row * ROW_HEIGHT, ROW_HEIGHT)
        else:
            self.refresh()
        if self.current is not None:
            self._kept = self.current.id
            self.post_message(DocumentHighlighted(self.current.id))

    def watch_sort_key(self) -> None:
        """Re-sort, keeping the same release under the cursor."""
        self._rebuild(self.current.id if self.current else None)

    # -- actions ----------------------------------------------------------
    def action_cursor_down(self) -> None:
        """Move to the next release."""
        self.cursor += 1

    def action_cursor_up(self) -> None:
        """Move to the previous release."""
        self.cursor -= 1

    def action_page_down(self) -> None:
        """Move down a screenful."""
        self.cursor += max(self.scrollable_content_region.height // ROW_HEIGHT, 1)

    def action_page_up(self) -> None:
        """Move up a screenful."""
        self.cursor -= max(self.scrollable_content_region.height // ROW_HEIGHT, 1)

    def action_first(self) -> None:
        """Move to the first release."""
        self.cursor = 0

    def action_last(self) -> None:
        """Move to the last release."""
        self.cursor = len(self._rows) - 1

    def action_open(self) -> None:
        """Open the release under the cursor in the reader."""
        if self.current is not None:
            self.post_message(DocumentSelected(self.current.id))

    def action_cycle_sort(self) -> None:
        """Cycle the order: as loaded, newest first, by title."""
        self.sort_key = SORT_KEYS[(SORT_KEYS.index(self.sort_key) + 1) % len(SORT_KEYS)]

    def action_mark_compare(self) -> None:
        """Mark the release to compare (a third mark replaces the oldest), or unmark it."""
        if self.current is None:
            return
        doc_id = self.current.id
        marks = self.compare_marks
        self.compare_marks = (
            tuple(m for m in marks if m != doc_id) if doc_id in marks else (*marks, doc_id)[-2:]
        )
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        """Move the cursor to the clicked row; a double click opens it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = (offset.y + int(self.scroll_y)) // ROW_HEIGHT
        if index >= len(self._rows):
            return
        self.focus()
        self.cursor = index
        if event.chain >= 2:
            self.action_open()

    # -- rendering --------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        """Render screen line ``y``: half of one release's two-line row."""
        width = self.line_width
        absolute = y + int(self.scroll_y)
        index, part = divmod(absolute, ROW_HEIGHT)
        if index >= len(self._rows):
            if absolute == 0 and self._filters:
                message = Segment(fit(" No release matches.", width), self.line_style)
                return Strip([message]).crop_extend(0, width, self.line_style)
            return Strip.blank(width, self.line_style)
        doc = self._rows[index]
        base = self.line_style
        selected = index == self.cursor
        if selected:
            # The whole row, both lines edge to edge, takes the cursor's colours;
            # the title and meta styles add only their colour and bold, never a background.
            base += self.get_component_rich_style("document-list--cursor")
        marker = "★ " if doc.id in self._markers else "  "
        if part == 0:
            unread = doc.id not in self._read
            title = self._foreground("document-list--title" if unread else "document-list--read")
            marker_style = self._foreground("document-list--marker")
            if selected:  # the cursor's colours stay; the weight says "read"
                marker_style, title = Style(bold=True), Style(bold=unread)
            segments = [
                Segment(marker, base + marker_style),
                *self._title_segments(fit(doc.title, width - 2), base + title),
            ]
        else:
            meta = " · ".join(x for x in (doc.date or "undated", doc.dateline) if x)
            meta_style = base + (Style() if selected else self._foreground("document-list--meta"))
            mark = self.compare_marks.index(doc.id) + 1 if doc.id in self.compare_marks else 0
            marker_style = (
                Style(bold=True) if selected else self._foreground("document-list--marker")
            )
            segments = [Segment(f"{mark} ", base + marker_style) if mark else Segment("  ", base)]
            label = f" {doc.format}"
            room = width - 2 - cell_len(label)
            if self._show_formats and room > 0:
                # The format at the right end of the line, the meta cut to make room.
                segments.append(Segment(set_cell_size(fit(meta, room), room), meta_style))
                segments.append(Segment(label, meta_style))
            else:
                segments.append(Segment(fit(meta, width - 2), meta_style))
        strip = Strip(segments).crop_extend(0, width, base or Style())
        return strip

    def mark_words(self, words: tuple[str, ...]) -> None:
        """Underline these (folded) words wherever a title shows them."""
        if words != self.marked_words:
            self.marked_words = words
            self.refresh()

    def _title_segments(self, title: str, style: Style) -> list[Segment]:
        if not self.marked_words:
            return [Segment(title, style)]
        # Folded letter by letter, so positions stay the title's ("…" folds to "...").
        folded = "".join(f if len(f := fold(c)) == 1 else c for c in title)
        marked = [False] * len(title)
        for word in self.marked_words:
            start = folded.find(word)
            while word and start >= 0:
                marked[start : start + len(word)] = [True] * len(word)
                start = folded.find(word, start + len(word))
        match = style + self.get_component_rich_style("document-list--match", partial=True)
        segments: list[Segment] = []
        begin = 0
        for position in range(1, len(title) + 1):
            if position == len(title) or marked[position] != marked[begin]:
                segments.append(Segment(title[begin:position], match if marked[begin] else style))
                begin = position
        return segments

    def _foreground(self, component: str) -> Style:
        """A component's colour and text style without its background (the row's stays)."""
        style = self.get_component_rich_style(component)
        return Style.from_color(style.color) + style.without_color

    def notify_style_update(self) -> None:
        """Theme changed: repaint with the new component styles."""
        super().notify_style_update()
        self.refresh()
