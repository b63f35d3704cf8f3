"""Quotations rendered for other tools: CSL-JSON (Zotero, Pandoc), CSV, Markdown block quotes."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from interpol_tui.analysis.corpus_quotes import CorpusQuotation, csl_json

QuoteFormat = Literal["csl", "csv", "md"]
QUOTE_FORMATS: dict[str, QuoteFormat] = {".json": "csl", ".csv": "csv", ".md": "md"}
"""The export format each file extension asks for (``.json`` is CSL-JSON)."""
CSV_FIELDS = ("speaker", "role", "quotation", "title", "date", "doc", "start", "end")


def source_line(quotation: CorpusQuotation) -> str:
    """Who said it, where and when: ``Jane Doe, Director, <title> (2024-05-01)``."""
    parts = [x for x in (quotation.speaker, quotation.role, quotation.title) if x]
    source = ", ".join(parts)
    return f"{source} ({quotation.date})" if quotation.date else source


def quotations_csv(quotations: Sequence[CorpusQuotation]) -> str:
    """One row per quotation, with a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for q in quotations:
        writer.writerow(
            [q.speaker or "", q.role or "", q.text, q.title, q.date or "", q.doc_id, q.start, q.end]
        )
    return out.getvalue()


def _md_line(text: str) -> str:
    # Markdown would read a leading "#", ">" or "-" of a quotation as structure.
    escaped = text.replace("\\", "\\\\")
    for mark in ("*", "_", "`", "[", "]", "<", ">", "#"):
        escaped = escaped.replace(mark, "\\" + mark)
    return escaped


def quotations_markdown(quotations: Sequence[CorpusQuotation]) -> str:
    """Each quotation as a block quote followed by its source."""
    blocks = [
        f"> {_md_line(q.text)}\n>\n> — {_md_line(source_line(q))}, `{q.doc_id}`" for q in quotations
    ]
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def render_quotations(quotations: Sequence[CorpusQuotation], fmt: QuoteFormat) -> str:
    """The quotations in export format ``fmt``."""
    if fmt == "csl":
        return json.dumps(csl_json(quotations), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return quotations_csv(quotations)
    return quotations_markdown(quotations)


def quote_format_for(path: Path) -> QuoteFormat:
    """The format a file name asks for; unknown extensions get CSL-JSON."""
    return QUOTE_FORMATS.get(path.suffix.lower(), "csl")


def write_quotations(quotations: Sequence[CorpusQuotation], path: Path) -> Path:
    """Write the quotations to ``path`` atomically, in the format its extension names."""
    from interpol_tui.state.storage import atomic_write_bytes

    target = path.expanduser().resolve()
    text = render_quotations(quotations, quote_format_for(target))
    atomic_write_bytes(target, text.encode("utf-8"))
    return target
