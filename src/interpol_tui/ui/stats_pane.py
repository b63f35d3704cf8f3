"""The statistics pane: corpus totals (the figures tables build on it)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from interpol_tui.corpus.model import Corpus


def corpus_totals(corpus: Corpus) -> Text:
    """Describe a corpus in a few lines: releases, size, dates, warnings."""
    docs = corpus.documents
    dated = sorted(d.date for d in docs if d.date)
    words = sum(len(d.text.split()) for d in docs)
    text = Text()
    text.append("Corpus\n", style="bold")
    text.append(f"{len(docs):,} releases\n")
    text.append(f"{words:,} words\n")
    text.append(f"{len(dated):,} dated")
    if dated:
        text.append(f" ({dated[0]} – {dated[-1]})")
    text.append("\n")
    with_dateline = sum(1 for d in docs if d.dateline)
    text.append(f"{with_dateline:,} with a dateline\n")
    if corpus.warnings:
        text.append(f"{len(corpus.warnings):,} warnings\n", style="bold")
    return text


class StatsPane(VerticalScroll):
    """Figures and totals across the corpus."""

    DEFAULT_CSS = """
    StatsPane { padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        """Lay out the totals."""
        yield Static("", id="stats-totals")

    def show_corpus(self, corpus: Corpus) -> None:
        """Fill the pane from a freshly loaded corpus."""
        self.query_one("#stats-totals", Static).update(corpus_totals(corpus))
