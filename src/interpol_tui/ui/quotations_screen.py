"""Every quotation of the corpus by speaker, filtered as one types; open, copy or export them."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar
from weakref import WeakKeyDictionary

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from interpol_tui.analysis.corpus_quotes import CorpusQuotation
from interpol_tui.analysis.quotation_index import QuotationIndex
from interpol_tui.ui.line_list import Line, LineList, item_ends

UNATTRIBUTED = "unattributed"
EXPORT_NAME = "interpol-tui-quotations.json"


def speaker_line(quotation: CorpusQuotation, count: int) -> Line:
    """The heading over one speaker's quotations: the name, the role and how many are shown."""
    line = [(quotation.speaker or UNATTRIBUTED, "title")]
    if quotation.role:
        line.append((f"  {quotation.role}", "em"))
    line.append((f"  · {count:,}", "dim"))
    return line


def quotation_lines(quotation: CorpusQuotation) -> Sequence[Line]:
    """One quotation in the list: its words on one line, then the release's date and title."""
    return (
        [(f"  “{quotation.text}”", "")],
        [(f"    {quotation.date or 'undated'} · {quotation.title}", "dim")],
    )


def quotation_preview(quotation: CorpusQuotation | None) -> Text:
    """The highlighted quotation in full, with who said it and where."""
    if quotation is None:
        return Text("")
    text = Text(f"“{quotation.text}”")
    text.append(f"\n— {quotation.speaker or UNATTRIBUTED}", style="bold")
    if quotation.role:
        text.append(f", {quotation.role}", style="italic")
    text.append(f" · {quotation.title} ({quotation.date or 'undated'})", style="dim")
    return text


@dataclass(frozen=True, slots=True)
class ListLayout:
    """The list's items for some filtered quotations: one item a quotation, two lines each,
    the first of each speaker's run with a heading line over it."""

    rows: list[int]
    """The quotations shown, as positions in the index (item ``i`` is ``rows[i]``)."""
    starts: list[int]
    """The items that begin a speaker's run (and carry the heading)."""
    heights: list[int]
    ends: list[int]
    """The running sum of ``heights`` (see :func:`~interpol_tui.ui.line_list.item_ends`)."""

    def run_of(self, item: int) -> tuple[int, int]:
        """(first item, item after the last) of the speaker's run ``item`` is in."""
        at = bisect_right(self.starts, item) - 1
        end = self.starts[at + 1] if at + 1 < len(self.starts) else len(self.rows)
        return self.starts[at], end


def list_layout(index: QuotationIndex, rows: list[int]) -> ListLayout:
    """The layout of the list showing ``rows`` (no Python step per quotation: 58,000 of
    them are laid out as one types)."""
    starts = index.speaker_starts(rows)
    heights = [2] * len(rows)
    for start in starts:
        heights[start] = 3
    return ListLayout(rows, starts, heights, item_ends(heights))


_FULL: WeakKeyDictionary[QuotationIndex, ListLayout] = WeakKeyDictionary()


def full_layout(index: QuotationIndex) -> ListLayout:
    """The layout of every quotation; made once an index (in the background, after it is
    built: ``ui/across_indexing.py``), so that ``Q`` only draws."""
    found = _FULL.get(index)
    if found is None:
        found = _FULL[index] = list_layout(index, index.filter_rows(""))
    return found


class QuotationsScreen(ModalScreen[tuple[str, int] | None]):
    """Lists the corpus's quotations; returns the ``(doc_id, offset)`` of the one opened."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close", id="quotations.close"),
        Binding("y,ctrl+y", "copy", "Copy with citation", id="quotations.copy"),
        Binding("x", "export", "Export shown", id="quotations.export"),
        Binding("slash", "filter", "Filter", id="quotations.filter"),
        Binding("down", "to_list", "List", show=False, id="quotations.list"),
    ]

    DEFAULT_CSS = """
    QuotationsScreen { align: center top; }
    QuotationsScreen > Vertical {
        width: 120; max-width: 100%; height: 100%; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    QuotationsScreen Input, QuotationsScreen Input:focus { border: none; height: 1; padding: 0; }
    QuotationsScreen #quotations-status { color: $text-muted; height: 1; }
    QuotationsScreen LineList { height: 1fr; }
    QuotationsScreen #quotations-preview {
        height: auto; max-height: 5; border-top: solid $primary-darken-2;
    }
    """

    def __init__(self, source: QuotationIndex | Callable[[], QuotationIndex]) -> None:
        super().__init__()
        self.index = source if isinstance(source, QuotationIndex) else None
        """The corpus's quotations (gathered ahead of time; else by ``source`` in a worker)."""
        self._source = source
        self._layout = ListLayout([], [], [], [])
        self._shown: list[CorpusQuotation] | None = None

    def compose(self) -> ComposeResult:
        """The filter, a status line, the list and the highlighted quotation in full."""
        with Vertical() as box:
            box.border_title = "Quotations of the corpus"
            box.border_subtitle = "type: filter · ↓ list · enter: open · y: copy · x: export"
            yield Input(placeholder="speaker or words…", id="quotations-filter")
            yield Static("", id="quotations-status", markup=False)
            yield LineList(id="quotations-list")
            yield Static("", id="quotations-preview", markup=False)

    def on_mount(self) -> None:
        """List everything (gathered first if need be); the filter has the focus."""
        self.query_one(Input).focus()
        if self.index is None:
            self.query_one("#quotations-status", Static).update("Gathering the quotations…")
            # After the first frame: the worker would hold the interpreter while it draws.
            self.call_after_refresh(self._gather)
        else:
            self._show("")

    @work(thread=True, exclusive=True, group="quotations-gather")
    def _gather(self) -> None:
        if not isinstance(self._source, QuotationIndex):
            index = self._source()
            self.app.call_from_thread(self._gathered, index)

    def _gathered(self, index: QuotationIndex) -> None:
        self.index = index
        self._show(self.query_one(Input).value)

    @on(Input.Changed)
    def _filter(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, query: str) -> None:
        if self.index is None:
            return
        layout = full_layout(self.index) if not query.strip() else None
        layout = layout or list_layout(self.index, self.index.filter_rows(query))
        self._layout, self._shown = layout, None
        listing = self.query_one(LineList)
        listing.empty_text = "No quotation matches." if query.strip() else "No quotation found."
        every = [True] * len(layout.rows)  # headings are part of an item, not items
        listing.set_items(layout.heights, every, self._draw, layout.ends)
        self._preview()

    @property
    def shown(self) -> list[CorpusQuotation]:
        """Every quotation the filter matches, in list order."""
        if self._shown is None:
            quotations = self.index.quotations if self.index is not None else []
            self._shown = list(map(quotations.__getitem__, self._layout.rows))
        return self._shown

    def _quotation(self, number: int) -> CorpusQuotation:
        assert self.index is not None
        return self.index.quotations[self._layout.rows[number]]

    def _draw(self, item: int) -> Sequence[Line]:
        quotation = self._quotation(item)
        lines = quotation_lines(quotation)
        start, end = self._layout.run_of(item)
        if start != item:
            return lines
        return [speaker_line(quotation, end - start), *lines]

    @on(LineList.Highlighted)
    def _preview(self) -> None:
        self.query_one("#quotations-preview", Static).update(quotation_preview(self.current()))
        if self.index is not None:  # where the cursor is: the list has no scrollbar
            shown, total = len(self._layout.rows), len(self.index.quotations)
            at = self.query_one(LineList).cursor + 1
            where = f" · {at:,}/{shown:,}" if shown else ""
            status = f"{shown:,} of {total:,} quotations{where}"
            self.query_one("#quotations-status", Static).update(status)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_to_list()

    def action_to_list(self) -> None:
        """Move from the filter into the list."""
        self.query_one(LineList).focus()

    def action_filter(self) -> None:
        """Back to the filter."""
        self.query_one(Input).focus()

    def current(self) -> CorpusQuotation | None:
        """The highlighted quotation, if any."""
        cursor = self.query_one(LineList).cursor
        return self._quotation(cursor) if 0 <= cursor < len(self._layout.rows) else None

    @on(LineList.Selected)
    def _chosen(self, event: LineList.Selected) -> None:
        if 0 <= event.index < len(self._layout.rows):
            quotation = self._quotation(event.index)
            self.dismiss((quotation.doc_id, quotation.start))

    def action_copy(self) -> None:
        """Copy the highlighted quotation with its speaker, release and date."""
        from interpol_tui.ui.clipboard import copy_text

        quotation = self.current()
        if quotation is None:
            self.notify("No quotation to copy", severity="warning")
            return
        copied = copy_text(self.app, quotation.citation)
        self.notify(f"Copied: {copied[:70]}", timeout=3, markup=False)

    def action_export(self) -> None:
        """Ask for a path; write the shown quotations (.json CSL-JSON, .csv or .md)."""
        from interpol_tui.ui.export_dialog import ExportDialog

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.export_to(path, list(self.shown))

        prompt = "Export the shown quotations to (.json CSL-JSON, .csv or .md):"
        self.app.push_screen(ExportDialog(Path.home() / EXPORT_NAME, prompt), chosen)

    @work(thread=True, exclusive=True, group="quotations-export")
    def export_to(self, path: Path, quotations: list[CorpusQuotation]) -> None:
        """Write the export atomically and say where."""
        from interpol_tui.report.quote_export import write_quotations

        try:
            written = write_quotations(quotations, path)
        except OSError as error:
            message = f"Could not export to {path}: {error.strerror or error}"
            self.app.call_from_thread(self.notify, message, severity="error", markup=False)
            return
        message = f"Exported {len(quotations):,} quotations to {written}"
        self.app.call_from_thread(self.notify, message, markup=False)

    async def action_dismiss(self, result: tuple[str, int] | None = None) -> None:
        """Close without opening."""
        self.dismiss(result)
