"""Every quotation of the corpus by speaker, filtered as one types; open, copy or export them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from interpol_tui.analysis.corpus_quotes import CorpusQuotation, QuotationIndex, corpus_quotations
from interpol_tui.analysis.model import DocumentAnalysis
from interpol_tui.corpus.model import Corpus
from interpol_tui.ui.nav_keys import KeyedOptionList

BATCH = 25
"""Quotations drawn at first; more are added as the cursor nears the end (exports take all)."""
UNATTRIBUTED = "unattributed"
EXPORT_NAME = "interpol-tui-quotations.json"
ROW_CHARS = 220
"""A long quotation is cut here in the list (about three lines); copies keep it whole."""


def speaker_heading(quotation: CorpusQuotation) -> Text:
    """The heading over one speaker's quotations: the name and, when known, the role."""
    heading = Text(quotation.speaker or UNATTRIBUTED, style="bold")
    if quotation.role:
        heading.append(f"  {quotation.role}", style="italic")
    return heading


def quotation_row(quotation: CorpusQuotation) -> Text:
    """One quotation: its words, then the release's date and title, dimmed."""
    words = quotation.text
    if len(words) > ROW_CHARS:
        words = words[: ROW_CHARS - 1].rsplit(" ", 1)[0] + " …"
    row = Text(f"“{words}”")
    row.append(f"\n  {quotation.date or 'undated'} · {quotation.title}", style="dim")
    return row


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
    QuotationsScreen OptionList, QuotationsScreen OptionList:focus {
        height: 1fr; border: none; padding: 0;
    }
    """

    def __init__(
        self,
        corpus: Corpus,
        analyses: Mapping[str, DocumentAnalysis],
        index: QuotationIndex | None = None,
        gathered: Callable[[QuotationIndex], None] | None = None,
    ) -> None:
        super().__init__()
        self.corpus = corpus
        self.analyses = analyses
        self.index = index
        """The quotations, gathered off the UI thread when not given (a large corpus)."""
        self._on_gathered = gathered
        """Told the gathered index, so the next opening can reuse it."""
        self.shown: list[CorpusQuotation] = []
        """Every quotation the filter matches (drawn a batch at a time)."""
        self._drawn = 0
        self._last_speaker: str | bool | None = False

    def compose(self) -> ComposeResult:
        """The filter, a status line and the list."""
        with Vertical() as box:
            box.border_title = "Quotations of the corpus"
            box.border_subtitle = "type: filter · ↓ list · enter: open · y: copy · x: export"
            yield Input(placeholder="speaker or words…", id="quotations-filter")
            yield Static("", id="quotations-status", markup=False)
            yield KeyedOptionList(id="quotations-list", markup=False)

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
        index = QuotationIndex(corpus_quotations(self.corpus, self.analyses))
        self.app.call_from_thread(self._gathered, index)

    def _gathered(self, index: QuotationIndex) -> None:
        self.index = index
        if self._on_gathered is not None:
            self._on_gathered(index)
        self._show(self.query_one(Input).value)

    @on(Input.Changed)
    def _filter(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, query: str) -> None:
        if self.index is None:
            return
        self.shown = self.index.filter(query)
        self._drawn = 0
        self._last_speaker = False  # no heading yet
        option_list = self.query_one(OptionList)
        option_list.clear_options()
        self._draw_more()
        if option_list.option_count > 1:
            option_list.highlighted = 1
        total = len(self.index.quotations)
        self.query_one("#quotations-status", Static).update(
            f"{len(self.shown):,} of {total:,} quotations"
        )

    def _draw_more(self) -> None:
        # Drawing every match of a large corpus at once would cost seconds; a batch is instant.
        options: list[Option] = []
        for number in range(self._drawn, min(self._drawn + BATCH, len(self.shown))):
            quotation = self.shown[number]
            if quotation.speaker != self._last_speaker:
                options.append(Option(speaker_heading(quotation), disabled=True))
                self._last_speaker = quotation.speaker
            options.append(Option(quotation_row(quotation), id=str(number)))
        self._drawn = min(self._drawn + BATCH, len(self.shown))
        self.query_one(OptionList).add_options(options)

    @on(OptionList.OptionHighlighted)
    def _near_end(self, event: OptionList.OptionHighlighted) -> None:
        option_list = self.query_one(OptionList)
        if self._drawn < len(self.shown) and event.option_index >= option_list.option_count - 10:
            self._draw_more()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_to_list()

    def action_to_list(self) -> None:
        """Move from the filter into the list."""
        self.query_one(OptionList).focus()

    def action_filter(self) -> None:
        """Back to the filter."""
        self.query_one(Input).focus()

    def current(self) -> CorpusQuotation | None:
        """The highlighted quotation, if any."""
        option_list = self.query_one(OptionList)
        if option_list.highlighted is None:
            return None
        option_id = option_list.get_option_at_index(option_list.highlighted).id
        return self.shown[int(option_id)] if option_id is not None else None

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            quotation = self.shown[int(event.option.id)]
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
