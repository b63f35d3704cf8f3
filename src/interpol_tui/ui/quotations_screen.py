"""Every quotation of the corpus by speaker, filtered as one types; open, copy or export them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from interpol_tui.analysis.corpus_quotes import CorpusQuotation, QuotationIndex
from interpol_tui.ui.line_list import Line, LineList

UNATTRIBUTED = "unattributed"
EXPORT_NAME = "interpol-tui-quotations.json"


def speaker_line(quotation: CorpusQuotation, count: int) -> Line:
    """The heading over one speaker's quotations: the name, the role and how many are shown."""
    line = [(quotation.speaker or UNATTRIBUTED, "heading")]
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
        self.shown: list[CorpusQuotation] = []
        """Every quotation the filter matches, in list order."""
        self._items: list[int] = []
        """Per list item: the index in ``shown`` of a quotation, or ``-1 - start`` of the
        heading over the group of one speaker's quotations that begins at ``start``."""
        self._group_end: dict[int, int] = {}

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
        self.shown = shown = self.index.filter(query)
        items: list[int] = []
        heights: list[int] = []
        self._group_end = {}
        last: object = False  # no heading yet
        start = 0
        for number, quotation in enumerate(shown):
            if quotation.speaker != last:
                if number:
                    self._group_end[start] = number
                start = number
                items.append(-1 - number)
                heights.append(1)
                last = quotation.speaker
            items.append(number)
            heights.append(2)
        self._group_end[start] = len(shown)
        self._items = items
        listing = self.query_one(LineList)
        listing.empty_text = "No quotation matches." if query.strip() else "No quotation found."
        listing.set_items(heights, [item >= 0 for item in items], self._draw)
        total = len(self.index.quotations)
        self.query_one("#quotations-status", Static).update(
            f"{len(shown):,} of {total:,} quotations"
        )
        self._preview()

    def _draw(self, item: int) -> Sequence[Line]:
        number = self._items[item]
        if number >= 0:
            return quotation_lines(self.shown[number])
        start = -1 - number
        return ([*speaker_line(self.shown[start], self._group_end[start] - start)],)

    @on(LineList.Highlighted)
    def _preview(self) -> None:
        self.query_one("#quotations-preview", Static).update(quotation_preview(self.current()))

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
        if not 0 <= cursor < len(self._items) or self._items[cursor] < 0:
            return None
        return self.shown[self._items[cursor]]

    @on(LineList.Selected)
    def _chosen(self, event: LineList.Selected) -> None:
        number = self._items[event.index]
        if number >= 0:
            quotation = self.shown[number]
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
