"""``interpol-tui entities``: the people, organisations, places and operations of each release."""

from __future__ import annotations

import argparse

from interpol_tui.analysis.kinds import plural_list, type_label
from interpol_tui.commands.common import add_report_arguments, analyse, emit_report, load

NAME = "entities"
HELP = f"list {plural_list()} with their canonical names"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    add_report_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Print every entity mention as a table or JSON."""
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
    if not args.json:  # the table names types as the browser does; JSON keeps the contract's
        records = [{**record, "type": type_label(str(record["type"]))} for record in records]
    return emit_report(
        args,
        corpus,
        records,
        [("doc", 28), ("type", 12), ("text", 40), ("canonical", 40), ("role", 28), ("start", 7)],
        "mention",
    )
