"""``interpol-tui entities``: the people, organisations, places and operations of each release."""

from __future__ import annotations

import argparse

from interpol_tui.commands.common import add_report_arguments, analyse, load

NAME = "entities"
HELP = "list people, organisations, places and operations with their canonical names"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    add_report_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Print every entity mention as a table or JSON."""
    from interpol_tui.commands.common import emit_json, print_table

    corpus = load(args)
    results = analyse(args, corpus)
    records = [
        {
            "doc": doc.id,
            "type": span.type,
            "text": span.text,
            "start": span.start,
            "end": span.end,
            "canonical": span.canonical,
            "role": span.role,
        }
        for doc in corpus.documents
        for span in results[doc.id].entities
    ]
    if args.json:
        emit_json(records)
        return 0
    print_table(
        ["doc", "type", "text", "canonical", "role", "start"],
        [[r["doc"], r["type"], r["text"], r["canonical"], r["role"], r["start"]] for r in records],
        max_widths=[28, 12, 40, 40, 28, 7],
    )
    print(f"\n{len(records)} mention(s) in {len(corpus.documents)} release(s)")
    return 0
