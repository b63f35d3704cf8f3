"""Cross-release statistics as JSON, CSV and Markdown, and writing them to a file safely."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from interpol_tui.analysis.aggregate import Occurrence, Quantity, Statistics, format_value
from interpol_tui.analysis.model import Figure

ExportFormat = Literal["csv", "md"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("csv", "md")

CSV_COLUMNS = (
    "quantity", "releases", "trend", "doc", "title", "date", "date_inferred", "period",
    "value", "unit", "qualifier", "text", "counts", "change", "change_percent", "repeat",
    "start", "end", "sentence_start", "sentence",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One figure as the all-figures table shows it: with its quantity and release."""

    quantity: Quantity
    occurrence: Occurrence
    figure: Figure
    repeat: bool
    """True for a second statement of the same fact in the same release."""
    index: int
    """Position of the occurrence within its quantity (to find its change)."""


def figure_rows(statistics: Statistics) -> Iterator[FigureRow]:
    """Every figure of every quantity, in quantity order, then date order."""
    for quantity in statistics.quantities:
        for index, occurrence in enumerate(quantity.occurrences):
            for figure in sorted((occurrence.figure, *occurrence.repeats), key=lambda f: f.start):
                yield FigureRow(
                    quantity, occurrence, figure, figure is not occurrence.figure, index
                )


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _occurrence_json(
    statistics: Statistics, quantity: Quantity, index: int, occurrence: Occurrence
) -> dict[str, Any]:
    figure = occurrence.figure
    change = quantity.changes[index] if index < len(quantity.changes) else None
    return {
        "doc": occurrence.doc_id,
        "title": statistics.titles.get(occurrence.doc_id),
        "date": occurrence.date.iso,
        "date_inferred": occurrence.date.inferred,
        "period": figure.period,
        "value": _number(figure.value),
        "unit": figure.unit,
        "qualifier": figure.qualifier,
        "text": figure.text,
        "counts": figure.counts,
        "start": figure.start,
        "end": figure.end,
        "sentence": figure.sentence,
        "sentence_start": figure.sentence_start,
        "change": None if change is None else _number(change.absolute),
        "change_relative": None if change is None else change.relative,
        "repeats": [{"text": r.text, "start": r.start, "end": r.end} for r in occurrence.repeats],
    }


def statistics_json(statistics: Statistics) -> dict[str, Any]:
    """The ``stats --json`` document: quantities (recurring first), release dates, entities."""
    releases = sorted(statistics.dates.values(), key=lambda d: d.sort_key)
    return {
        "quantities": [
            {
                "counts": quantity.counts,
                "releases": quantity.releases,
                "recurring": quantity.recurring,
                "unit": quantity.unit,
                "trend": quantity.trend,
                "occurrences": [
                    _occurrence_json(statistics, quantity, index, occurrence)
                    for index, occurrence in enumerate(quantity.occurrences)
                ],
            }
            for quantity in statistics.quantities
        ],
        "releases": [
            {
                "doc": date.doc_id,
                "title": statistics.titles.get(date.doc_id),
                "date": date.iso,
                "date_inferred": date.inferred,
                "date_method": date.method,
                "date_evidence": date.evidence,
            }
            for date in releases
        ],
        "entities": [
            {
                "type": entity.type,
                "canonical": entity.canonical,
                "releases": entity.releases,
                "mentions": entity.mentions,
                "docs": list(entity.doc_ids),
            }
            for entity in statistics.entities
        ],
    }


def series_label(quantity: Quantity) -> str:
    """``192 (~2018) → 195 (~2022) → 196 (~2024)``: each release's value with its date."""
    return " → ".join(f"{stated_value(o.figure)} ({o.when})" for o in quantity.occurrences)


def stated_value(figure: Figure) -> str:
    """A figure's value as tables show it: ``nearly 8 billion``, ``USD 60 million``, ``12%``."""
    value = format_value(figure.value)
    if figure.unit == "%":
        value += "%"
    elif figure.unit:
        value = f"{figure.unit} {value}"
    return f"{figure.qualifier} {value}" if figure.qualifier else value


_QUALIFIER_SIGNS = {
    "nearly": "~",
    "almost": "~",
    "about": "~",
    "around": "~",
    "approximately": "~",
    "roughly": "~",
    "some": "~",
    "more than": ">",
    "over": ">",
    "at least": "≥",
    "less than": "<",
    "under": "<",
    "fewer than": "<",
    "up to": "≤",
    "at most": "≤",
}
_SCALE_ABBREVIATIONS = ((" trillion", "tn"), (" billion", "bn"), (" million", "m"))


def compact_value(figure: Figure) -> str:
    """A figure's value in a few cells for narrow tables: ``~8bn``, ``>43,000``, ``USD 60m``.

    The number itself is never cut: a narrow pane abbreviates the words around it.
    """
    value = format_value(figure.value)
    for word, short in _SCALE_ABBREVIATIONS:
        value = value.replace(word, short)
    if figure.unit == "%":
        value += "%"
    elif figure.unit:
        value = f"{figure.unit} {value}"
    if figure.qualifier:
        sign = _QUALIFIER_SIGNS.get(figure.qualifier, "")
        value = f"{sign}{value}" if sign else f"{figure.qualifier} {value}"
    return value


def statistics_csv(statistics: Statistics, rows: Sequence[FigureRow] | None = None) -> str:
    """One CSV row per figure (or per row of ``rows``), with its quantity, release, date, change."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in figure_rows(statistics) if rows is None else rows:
        occurrence, figure, quantity = row.occurrence, row.figure, row.quantity
        change = None if row.repeat else quantity.changes[row.index]
        writer.writerow(
            [
                quantity.counts, quantity.releases, quantity.trend or "", occurrence.doc_id,
                statistics.titles.get(occurrence.doc_id, ""), occurrence.date.iso or "",
                "yes" if occurrence.date.inferred else "no", figure.period or "",
                _number(figure.value), figure.unit or "", figure.qualifier or "", figure.text,
                figure.counts, "" if change is None else _number(change.absolute),
                "" if change is None or change.relative is None
                else f"{change.relative * 100:.1f}",
                "yes" if row.repeat else "no", figure.start, figure.end,
                figure.sentence_start, " ".join(figure.sentence.split()),
            ]
        )  # fmt: skip
    return buffer.getvalue()


def _md(text: object) -> str:
    # A cell must not break the table: no pipes, no newlines.
    return " ".join(str(text).split()).replace("\\", "\\\\").replace("|", "\\|")


def statistics_markdown(statistics: Statistics, rows: Sequence[FigureRow] | None = None) -> str:
    """The quantities table and the all-figures table as Markdown (only ``rows``, if given)."""
    chosen = list(figure_rows(statistics)) if rows is None else list(rows)
    # Quantities are made as they are read: the same one is known by its place.
    counted = {row.quantity.index for row in chosen}
    lines = ["# Figures across releases", "", "## Quantities", ""]
    lines += ["| What is counted | Releases | Values | Change | Trend |", "|---|---:|---|---|---|"]
    shown = (q for i, q in enumerate(statistics.quantities) if i in counted)
    for quantity in shown:
        changes = ", ".join(c.label for c in quantity.changes if c is not None)
        lines.append(
            f"| {_md(quantity.counts)} | {quantity.releases} | {_md(series_label(quantity))} "
            f"| {_md(changes or '–')} | {quantity.trend or '–'} |"
        )
    lines += ["", "## All figures", ""]
    lines += ["| Figure | Value | What is counted | Release | Date |", "|---|---:|---|---|---|"]
    for row in chosen:
        title = statistics.titles.get(row.occurrence.doc_id, row.occurrence.doc_id)
        cells = (row.figure.text, stated_value(row.figure), row.quantity.counts, title)
        lines.append("| " + " | ".join(_md(c) for c in (*cells, row.occurrence.when)) + " |")
    return "\n".join(lines) + "\n"


def render(
    statistics: Statistics, fmt: ExportFormat, rows: Sequence[FigureRow] | None = None
) -> str:
    """The statistics (only the figures ``rows``, when given) in export format ``fmt``."""
    if fmt == "csv":
        return statistics_csv(statistics, rows)
    return statistics_markdown(statistics, rows)


def format_for(path: Path, default: ExportFormat = "csv") -> ExportFormat:
    """The export format a file name asks for (``.md``/``.markdown`` or ``.csv``)."""
    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown"):
        return "md"
    if suffix == ".csv":
        return "csv"
    return default


def write_export(
    statistics: Statistics,
    path: Path,
    fmt: ExportFormat | None = None,
    rows: Sequence[FigureRow] | None = None,
) -> Path:
    """Write the statistics (only ``rows``, if given) to ``path`` atomically; return the path."""
    from interpol_tui.state.storage import atomic_write_bytes

    target = path.expanduser().resolve()
    text = render(statistics, fmt or format_for(target), rows)
    atomic_write_bytes(target, text.encode("utf-8"))
    return target
