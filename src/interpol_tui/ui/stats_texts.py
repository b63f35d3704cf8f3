"""The statistics pane's texts: tab names, status lines, corpus totals, releases by date, a
figure's sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from interpol_tui.corpus.model import Corpus
from interpol_tui.corpus.pacing import paced

if TYPE_CHECKING:
    from interpol_tui.analysis.aggregate import Occurrence, Statistics

TAB_LABELS = (
    ("Quantities", "Figures", "Entities", "Corpus"),
    ("Qty", "Figures", "Entities", "Corpus"),
    ("Qty", "Figs", "Ents", "Corp"),
)
"""The tabs' names, longest first: the longest that fits is shown, so no tab is hidden."""


def tab_labels(width: int) -> tuple[str, ...]:
    """The longest set of tab names that fits ``width`` cells (each tab pads one cell a side)."""
    for labels in TAB_LABELS:
        if sum(len(label) + 2 for label in labels) <= width:
            return labels
    return TAB_LABELS[-1]


MAX_DATED_ROWS = 300
"""Releases listed by date in the corpus tab at most."""


def corpus_totals(corpus: Corpus) -> Text:
    """Describe a corpus in a few lines: releases, size, dates, warnings.

    Every text is read and counted: off the UI thread, pausing while keys are
    answered (cut short when the app quits, the result then unused).
    """
    docs = corpus.documents
    dated = sorted(d.date for d in docs if d.date)
    words = sum(len(d.text.split()) for d in paced(docs))
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


def statistics_status(statistics: Statistics) -> str:
    """The quantities tab's status line once the figures are grouped."""
    recurring = len(statistics.recurring)
    standalone = len(statistics.quantities) - recurring
    status = f"{len(statistics.dates):,} releases · {recurring} quantities across releases"
    status += f" · {standalone} cited once"
    if any(d.inferred for d in statistics.dates.values()):
        status += " · ~ inferred date"
    return status


def entities_status(entities: int, shown: int) -> str:
    """The entities tab's status line: how many, how many of them shown (``shown`` at most)."""
    status = f"{entities:,} entities"
    if entities > shown:
        status += f" · {shown:,} most mentioned shown"
    return status + " · enter lists the releases that mention one"


def release_dates_table(statistics: Statistics) -> Table:
    """The releases oldest first, each date marked when it was inferred, with its evidence."""
    table = Table(box=None, show_header=False, padding=(0, 1), expand=True, title_justify="left")
    table.title = Text("Releases by date", style="bold")
    table.add_column("date", justify="right", no_wrap=True)
    table.add_column("release", ratio=1)
    dates = sorted(statistics.dates.values(), key=lambda d: d.sort_key)
    if len(dates) > MAX_DATED_ROWS:
        table.caption = Text(f"and {len(dates) - MAX_DATED_ROWS:,} more", style="dim")
    for date in dates[:MAX_DATED_ROWS]:
        release = Text(statistics.titles.get(date.doc_id, date.doc_id))
        if date.inferred and date.evidence:
            release.append(f"\ninferred from: {date.evidence}", style="dim")
        table.add_row(Text(date.label, style="" if date.inferred else "bold"), release)
    return table


def sentence_text(occurrence: Occurrence, title: str, width: int = 80) -> Text:
    """The sentence a figure comes from, the figure emphasised, under a one-line heading."""
    from interpol_tui.ui.quantity_table import clip

    figure = occurrence.figure
    text = Text()
    label = occurrence.date.label
    text.append(f"{label} · {clip(title, max(width - len(label) - 3, 8))}\n", style="dim")
    sentence = Text(" ".join(figure.sentence.split()))
    at = sentence.plain.find(figure.text)
    if at >= 0:
        sentence.stylize("bold reverse", at, at + len(figure.text))
    text.append_text(sentence)
    return text
