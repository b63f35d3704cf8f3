"""``interpol-tui docs``: list the releases of a corpus with title, date and dateline."""

from __future__ import annotations

import argparse

from interpol_tui.commands.common import add_corpus_argument, add_json_argument, load
from interpol_tui.commands.export_options import add_export_arguments

NAME = "docs"
HELP = "list the releases: title, date, dateline"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    add_corpus_argument(parser)
    add_json_argument(parser)
    add_export_arguments(parser)


COLUMNS = (
    "doc", "title", "date", "dateline", "chars", "warnings", "title_source", "format", "url",
)  # fmt: skip
"""The fields of each record, in the order CSV and Markdown give them."""


def run(args: argparse.Namespace) -> int:
    """Print the corpus's documents as a table, JSON, CSV or Markdown."""
    from interpol_tui.commands.common import print_table
    from interpol_tui.commands.export_options import check_export_arguments, emit_rows

    check_export_arguments(args)
    corpus = load(args)
    records = [
        {
            "doc": doc.id,
            "title": doc.title,
            "date": doc.date,
            "dateline": doc.dateline,
            "chars": doc.chars,
            "warnings": list(doc.warnings),
            "title_source": doc.title_source,
            "format": doc.format,
            "url": doc.url,
        }
        for doc in corpus.documents
    ]
    if emit_rows(args, corpus, records, COLUMNS, "release"):
        return 0
    print_table(
        ["doc", "date", "dateline", "title"],
        [[d.id, d.date, d.dateline, d.title] for d in corpus.documents],
        max_widths=[40, 10, 26, 80],
    )
    print(f"\n{len(corpus.documents)} release(s); {len(corpus.warnings)} warning(s)")
    return 0
