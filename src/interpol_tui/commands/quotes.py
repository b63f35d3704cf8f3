"""``interpol-tui quotes``: every quotation and who said it."""

from __future__ import annotations

import argparse

from interpol_tui.commands.common import add_report_arguments, analyse, load

NAME = "quotes"
HELP = "list the quotations with their speakers"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    add_report_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Print every quotation as a table or JSON."""
    from interpol_tui.commands.common import emit_json, print_table

    corpus = load(args)
    results = analyse(args, corpus)
    records = [
        {
            "doc": doc.id,
            "text": quote.text,
            "speaker": quote.speaker,
            "start": quote.start,
            "end": quote.end,
            "group": quote.group,
        }
        for doc in corpus.documents
        for quote in results[doc.id].quotes
    ]
    if args.json:
        emit_json(records)
        return 0
    print_table(
        ["doc", "speaker", "quotation"],
        [[r["doc"], r["speaker"], r["text"]] for r in records],
        max_widths=[28, 24, 90],
    )
    print(f"\n{len(records)} quotation(s) in {len(corpus.documents)} release(s)")
    return 0
