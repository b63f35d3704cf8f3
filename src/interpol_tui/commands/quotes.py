"""``interpol-tui quotes``: every quotation and who said it."""

from __future__ import annotations

import argparse

from interpol_tui.commands.common import add_report_arguments, analyse, emit_report, load

NAME = "quotes"
HELP = "list the quotations with their speakers"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    add_report_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Print every quotation as a table or JSON."""
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
    return emit_report(
        args,
        corpus,
        records,
        [("doc", 28), ("speaker", 24), ("text", 90)],
        "quotation",
        labels={"text": "quotation"},
    )
