"""``interpol-tui docs``: list the releases of a corpus with title, date and dateline."""

from __future__ import annotations

import argparse

from interpol_tui.commands.common import add_corpus_argument, add_json_argument, load

NAME = "docs"
HELP = "list the releases: title, date, dateline"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    add_corpus_argument(parser)
    add_json_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Print the corpus's documents as a table or JSON."""
    from interpol_tui.commands.common import emit_json, print_table

    corpus = load(args)
    if args.json:
        emit_json(
            [
                {
                    "doc": doc.id,
                    "title": doc.title,
                    "date": doc.date,
                    "dateline": doc.dateline,
                    "chars": doc.chars,
                    "warnings": list(doc.warnings),
                    "title_source": doc.title_source,
                }
                for doc in corpus.documents
            ],
            corpus,
        )
        return 0
    print_table(
        ["doc", "date", "dateline", "title"],
        [[d.id, d.date, d.dateline, d.title] for d in corpus.documents],
        max_widths=[40, 10, 26, 80],
    )
    print(f"\n{len(corpus.documents)} release(s); {len(corpus.warnings)} warning(s)")
    return 0
