"""The reader: a release's clean text with highlighted spans, drawn with the Line API."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from interpol_tui.analysis.kinds import HIGHLIGHT_KINDS
from interpol_tui.corpus.model import Document
from interpol_tui.ui.annotations import KIND_CSS, Highlight, citation, release_text
from interpol_tui.ui.clipboard import copy_text
from interpol_tui.ui.legible import LegibleStyles
from interpol_tui.ui.line_pass import LinePass
from interpol_tui.ui.marks import Mark, MarkKind, ReleaseMarks
from interpol_tui.ui.messages import EntityCardRequested
from interpol_tui.ui.reader_keys import DYNAMIC_ACTIONS, READER_BINDINGS
from interpol_tui.ui.reader_layout import (
    VISIBLE,
    ReleaseLayout,
    ScreenLine,
    layout_message,
    layout_release,
)

if TYPE_CHECKING:
    from interpol_tui.analysis.model import DocumentAnalysis

__all__ = ["Highlight", "Mark", "Reader"]


def _shorten(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class Reader(LinePass, LegibleStyles, ScrollView, can_focus=True):
    """Shows one release: a header (title, date, dateline) and its highlighted paragraphs."""

    BINDINGS: ClassVar[list[BindingType]] = READER_BINDINGS

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reader--title",
        "reader--meta",
        *(f"reader--{kind}" for kind in HIGHLIGHT_KINDS),
        "reader--current",
        "reader--match",
    }

    DEFAULT_CSS = """
    Reader {
        overflow-x: hidden;
        overflow-y: scroll;
        padding: 0 1;
    }
    Reader > .reader--title { text-style: bold; color: $text-primary; }
    Reader > .reader--meta { color: $text-muted; text-style: italic; }
    Reader > .reader--match { color: $text; background: $warning-muted; }
    Reader > .reader--current { text-style: reverse bold; }
    """ + "\n".join(f"Reader > .reader--{kind} {{ {css} }}" for kind, css in KIND_CSS.items())

    hidden_kinds: reactive[frozenset[str]] = reactive(frozenset[str](), init=False)
    """Highlight kinds the user turned off (their spans are drawn as plain text)."""

    class KindsChanged(Message):
        """The set of hidden highlight kinds changed (the legend follows it)."""

        def __init__(self, hidden: frozenset[str]) -> None:
            self.hidden = hidden
            super().__init__()

    class FindRequested(Message):
        """The user asked to find text in this release (the pane shows its find bar)."""

        def __init__(self, query: str) -> None:
            self.query = query
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document: Document | None = None
        self.marks = ReleaseMarks()
        """Highlights, entities, quotations, find matches and the current mark."""
        self._message = "Loading…"
        self._layout = ReleaseLayout([Text(self._message)], [], "")
        self._layout_width = -1
        self._strips: dict[int, Strip] = {}
        self._new_release = False
        self._bindings_shown: tuple[bool | None, ...] | None = None

    # -- content ----------------------------------------------------------
    @property
    def analysis(self) -> DocumentAnalysis | None:
        """The analysis whose spans are drawn, if any."""
        return self.marks.analysis

    def show_message(self, message: str) -> None:
        """Show a message instead of a release (e.g. while the corpus loads)."""
        self.document = None
        self._message = message
        self.marks.load(None)
        self.marks.clear_find()
        self._update_subtitle()
        self._relayout(force=True)
        self._refresh_bindings_if_changed()

    def set_document(
        self, document: Document, analysis: DocumentAnalysis | Sequence[Highlight] | None = None
    ) -> None:
        """Show ``document`` from the top, highlighted from ``analysis`` (or given highlights)."""
        self.document = document
        self.marks.load(analysis)
        self.marks.clear_find()
        self._update_subtitle()
        # Wrapped when next drawn (or asked where a line is): of a burst of ``j`` between
        # two frames only the release the cursor rests on is laid out and drawn.
        self._new_release = True
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()
        self._refresh_bindings_if_changed()

    def set_analysis(self, analysis: DocumentAnalysis | Sequence[Highlight] | None) -> None:
        """Draw the spans of ``analysis`` (which arrived after the text) without moving."""
        self.marks.load(analysis)
        self._repaint()

    set_highlights = set_analysis

    def watch_hidden_kinds(self, hidden: frozenset[str]) -> None:
        """Redraw without (or with) the toggled kinds and tell the legend."""
        self.marks.set_hidden(hidden)
        self._repaint()
        self.post_message(self.KindsChanged(hidden))

    def _repaint(self) -> None:
        self._strips.clear()
        self.refresh()
        self._refresh_bindings_if_changed()

    def _refresh_bindings_if_changed(self) -> None:
        """Tell the footer only when an action became enabled or disabled.

        ``refresh_bindings()`` makes the footer rebuild all its keys and the
        screen re-layout: doing it for every release the list cursor passed
        over cost most of a key press on a big corpus.
        """
        shown = tuple(self.check_action(action, params) for action, params in DYNAMIC_ACTIONS)
        if shown != self._bindings_shown and self.is_mounted:
            self._bindings_shown = shown
            self.refresh_bindings()

    # -- find -------------------------------------------------------------
    def find(self, query: str, near: int = 0) -> int:
        """Mark every match of ``query`` and move to the first (from offset ``near``, wrapping).

        Returns the number of matches; ``n``/``N`` then step through them.
        """
        count = self.marks.find(self.document.text if self.document else "", query, near)
        self.move_mark(self.marks.mark)
        return count

    def _update_subtitle(self) -> None:
        marks = self.marks
        if not marks.query:
            self.border_subtitle = None
            return
        mark = marks.mark
        position = mark.index + 1 if mark is not None and mark.kind == "match" else 0
        count = f"{position}/{len(marks.matches)}" if marks.matches else "no matches"
        self.border_subtitle = Text.assemble("find “", marks.query, f"” {count}")

    # -- the mark ---------------------------------------------------------
    def move_mark(self, mark: Mark | None) -> None:
        """Make ``mark`` the current item and scroll it into view."""
        self.marks.mark = mark
        span = self.marks.span(mark)
        if span is not None:
            self._reveal(*span)
        self._update_subtitle()
        self._repaint()

    def select_quotation(self, index: int) -> None:
        """Make quotation ``index`` current and scroll to it."""
        if 0 <= index < len(self.marks.quotations):
            self.move_mark(Mark("quote", index))

    def mark_entity_at(self, offset: int) -> bool:
        """Make the mention starting at ``offset`` current (after opening a card's choice)."""
        for index, entity in enumerate(self.marks.entities):
            if entity.start == offset:
                self.move_mark(Mark("entity", index))
                return True
        return False

    def mark_figure_at(self, start: int) -> bool:
        """Make the figure starting at ``start`` current (after choosing it in the statistics)."""
        for index, (begin, _) in enumerate(self.marks.spans("figure")):
            if begin == start:
                self.move_mark(Mark("figure", index))
                return True
        return False

    def _reveal(self, start: int, end: int) -> None:
        """Centre ``start``..``end`` on screen unless it is already well inside it."""
        self._relayout()
        top = self._layout.line_of_offset(start)
        bottom = self._layout.line_of_offset(max(end - 1, start))
        height = max(self.scrollable_content_region.height, 1)
        first = round(self.scroll_target_y)
        # Keep a margin (a quarter screen) below: notifications pop up there.
        if first <= top and bottom < first + height - height // 4:
            return
        region = Region(0, top, 1, min(bottom - top + 1, height))
        self.scroll_to_region(region, animate=False, force=True, center=True, immediate=True)

    def line_of_offset(self, offset: int) -> int:
        """Return the screen line (from the top of the content) that holds ``offset``."""
        self._relayout()
        return self._layout.line_of_offset(offset)

    def scroll_to_offset(self, offset: int, *, center: bool = True) -> None:
        """Scroll so that character ``offset`` of the clean text is in view."""
        self._relayout()
        region = Region(0, self._layout.line_of_offset(offset), 1, 1)
        self.scroll_to_region(region, animate=False, force=True, center=center, immediate=True)

    def _anchor(self, forward: bool) -> int:
        """Where a step starts: the mark when it is on screen, else the screen's edge."""
        self._relayout()
        first = round(self.scroll_target_y)
        last = first + max(self.scrollable_content_region.height, 1) - 1
        top, bottom = self._layout.body_range(first, last)
        span = self.marks.span(self.marks.mark)
        if span is not None and top <= span[0] <= bottom:
            return span[0]
        if first < self._layout.header_height:
            top = 0  # the start of the text is on screen
        return top - 1 if forward else bottom

    # -- actions ----------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Disable commands that have nothing to act on (shown dimmed in the footer)."""
        marks = self.marks
        if action == "step" and parameters and parameters[0] in ("entity", "quote", "match"):
            return bool(marks.spans(parameters[0])) or None  # type: ignore[arg-type]
        if action == "entity_card":
            return marks.entity is not None or None
        if action == "copy_quote":
            return marks.quotation is not None or None
        if action == "quotations":
            return bool(marks.quotations) or None
        if action == "copy_selection":
            return self.text_selection is not None
        if action == "clear_marks":  # otherwise escape is left to the screen
            return marks.mark is not None or bool(marks.query)
        if action in ("copy_release", "find"):
            return self.document is not None or None
        return True

    def action_step(self, kind: MarkKind, forward: bool) -> None:
        """Move the mark to the next (or previous) entity, quotation or find match."""
        landing = self.marks.step(kind, forward, self._anchor(forward))
        if landing is None:
            return
        mark, wrapped = landing
        if wrapped:
            self.notify("Wrapped to the " + ("start" if forward else "end"), timeout=2)
        self.move_mark(mark)

    def action_toggle_kind(self, kind: str) -> None:
        """Show or hide the highlights of one kind."""
        self.hidden_kinds = self.hidden_kinds ^ {kind}

    def action_clear_marks(self) -> None:
        """Forget the mark and the find query."""
        self.marks.clear_find()
        self.move_mark(None)

    def action_entity_card(self) -> None:
        """Ask the screen to show the card of the current entity."""
        entity = self.marks.entity
        if entity is not None and self.document is not None:
            self.post_message(EntityCardRequested(self.document.id, entity))

    def action_find(self) -> None:
        """Ask the pane for its find bar."""
        self.post_message(self.FindRequested(self.marks.query))

    def action_quotations(self) -> None:
        """List the release's quotations; choosing one moves the mark to it."""
        from interpol_tui.ui.quotes_panel import QuotesPanel

        mark = self.marks.mark
        current = mark.index if mark is not None and mark.kind == "quote" else None
        self.app.push_screen(QuotesPanel(self.marks.quotations, current), self._quotation_chosen)

    def _quotation_chosen(self, index: int | None) -> None:
        if index is not None:
            self.select_quotation(index)
            self.focus()

    def action_copy_quote(self) -> None:
        """Copy the current quotation with its speaker and source."""
        quotation = self.marks.quotation
        if quotation is None or self.document is None:
            return
        copied = copy_text(self.app, citation(quotation, self.document))
        self.notify(_shorten(copied, 160), title="Quotation copied", markup=False)

    def action_copy_release(self) -> None:
        """Copy the whole release as plain text."""
        if self.document is not None:
            copied = copy_text(self.app, release_text(self.document))
            self.notify(f"{len(copied):,} characters", title="Release copied", markup=False)

    def action_copy_selection(self) -> None:
        """Copy the selected text."""
        selected = self.screen.get_selected_text()
        if selected:
            copied = copy_text(self.app, selected)
            self.notify(_shorten(copied), title="Selection copied", markup=False)

    # -- layout -----------------------------------------------------------
    def _relayout(self, force: bool = False) -> None:
        width = max(self.scrollable_content_region.width, 10)
        force, self._new_release = force or self._new_release, False
        if not force and width == self._layout_width:
            return
        self._layout_width = width
        self._strips.clear()
        console = self.app.console
        if self.document is None:
            self._layout = layout_message(self._message, width, console)
        else:
            title = self.get_component_rich_style("reader--title")
            meta = self.get_component_rich_style("reader--meta")
            self._layout = layout_release(self.document, width, console, title, meta)
        size = Size(width, len(self._layout.lines))
        if self.size.height and size.width == self.virtual_size.width:
            # Only the scroll range changed (a new release): skip the screen-wide
            # layout (and repaint of every pane) that setting the reactive asks for.
            self.set_reactive(Reader.virtual_size, size)
            self._scroll_update(size)
        else:
            self.virtual_size = size
        self.refresh()

    def on_resize(self) -> None:
        """Re-wrap for the new width."""
        self._relayout()

    def notify_style_update(self) -> None:
        """Theme changed: redraw with the new component styles."""
        super().notify_style_update()
        self._layout_width = -1
        self._strips.clear()
        self.refresh()

    # -- rendering --------------------------------------------------------
    def _styled(self, line: ScreenLine) -> Text:
        assert self.document is not None
        piece = self.document.text[line.start : line.end].rstrip("\n").translate(VISIBLE)
        text = Text(piece, end="")
        for start, end, component in self.marks.paint(line.start, line.end):
            start, end = max(start, line.start) - line.start, min(end, line.end) - line.start
            if end > start:
                # The mark only adds reverse video, so it keeps the kind's own
                # colours (and their contrast), whatever the theme.
                partial = component == "reader--current"
                text.stylize(self.get_component_rich_style(component, partial=partial), start, end)
        return text

    def render_line(self, y: int) -> Strip:
        """Render screen line ``y``."""
        self._relayout()
        index = y + int(self.scroll_y)
        selection = self.text_selection
        cached = self._strips.get(index)
        if cached is not None and selection is None:
            return cached  # drawn with this layout's width and style (both clear the cache)
        width = self.scrollable_content_region.width
        style = self.line_style
        lines = self._layout.lines
        if index >= len(lines):
            return Strip.blank(width, style)
        line = lines[index]
        text = line.header.copy() if line.header is not None else self._styled(line)
        span = selection.get_span(index) if selection is not None else None
        if span is not None:
            start, end = span
            text.stylize(self.selection_style, start, None if end == -1 else end)
        segments = list(text.render(self.app.console))
        strip = Strip(segments).apply_style(style).crop_extend(0, width, style or Style())
        strip = strip.apply_offsets(0, index)
        if selection is None:
            self._strips[index] = strip
        return strip

    # -- mouse ------------------------------------------------------------
    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected text, with the release's own paragraphs (not the screen's line breaks)."""
        self._relayout()
        plain = self._layout.plain()
        start = self._layout.position(*selection.start) if selection.start else 0
        end = self._layout.position(*selection.end) if selection.end else len(plain)
        return plain[start:end], "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        """Repaint the selection and enable or disable copying it."""
        self.refresh()
        self._refresh_bindings_if_changed()

    def on_click(self, event: events.Click) -> None:
        """Make the clicked entity (or else quotation) the current item."""
        point = event.style.meta.get("offset")
        self._relayout()
        lines = self._layout.lines
        if not point or self.document is None or not 0 <= point[1] < len(lines):
            return
        line = lines[point[1]]
        if line.header is not None:
            return
        mark = self.marks.at(line.start + point[0])
        if mark is not None:
            self.move_mark(mark)
