"""Rows of a report (the release list, search results) as CSV, JSON or Markdown, written safely.

The browser's exports and the CLI's ``--format``/``--output`` share it, as
:mod:`interpol_tui.report.export` is shared for the statistics.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Literal

RowFormat = Literal["csv", "json", "md"]
ROW_FORMATS: tuple[RowFormat, ...] = ("csv", "json", "md")
Record = Mapping[str, object]


def row_format_for(path: Path, default: RowFormat = "csv") -> RowFormat:
    """The format a file name asks for: ``.json``, ``.md``/``.markdown`` or ``.csv``."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in (".md", ".markdown"):
        return "md"
    return "csv" if suffix == ".csv" else default


def _plain(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return "; ".join(_plain(item) for item in value)
    if isinstance(value, float) and math.isfinite(value):
        return format(Decimal(repr(value)), "f")  # 0.00000162, never 1.62e-06
    return str(value)


def _md_cell(value: object) -> str:
    # A pipe would end the cell, a newline the row; backslashes escape the pipe.
    text = " ".join(_plain(value).split())
    return text.replace("\\", "\\\\").replace("|", "\\|")


def render_rows(records: Sequence[Record], columns: Sequence[str], fmt: RowFormat) -> str:
    """``records`` (only their ``columns``, in that order) in format ``fmt``."""
    if fmt == "json":
        rows = [{name: record.get(name) for name in columns} for record in records]
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        lines = [
            "| " + " | ".join(columns) + " |",
            "|" + "|".join("---" for _ in columns) + "|",
            *("| " + " | ".join(_md_cell(r.get(n)) for n in columns) + " |" for r in records),
        ]
        return "\n".join(lines) + "\n"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_plain(record.get(name)) for name in columns] for record in records)
    return out.getvalue()


def write_rows(
    records: Sequence[Record], columns: Sequence[str], path: Path, fmt: RowFormat | None = None
) -> Path:
    """Write ``records`` to ``path`` atomically (format by its extension); return where."""
    from interpol_tui.state.storage import atomic_write_bytes

    target = path.expanduser().resolve()
    text = render_rows(records, columns, fmt or row_format_for(target))
    atomic_write_bytes(target, text.encode("utf-8"))
    return target
