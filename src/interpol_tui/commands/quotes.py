"""``interpol-tui quotes``: every quotation and who said it."""

from __future__ import annotations

import argparse

from interpol_tui.analysis.quotations import quotations_of
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
    # One record per quotation, as the browser counts them: a quotation that runs
    # over several paragraphs is one record, its text the release's own from its
    # first quoted word to its last (so ``text == release[start:end]`` holds).
    records = [
        {
            "doc": doc.id,
            "text": doc.text[quotation.start : quotation.end],
            "speaker": quotation.speaker,
            "start": quotation.start,
            "end": quotation.end,
            "paragraphs": len(quotation.parts),
        }
        for doc in corpus.documents
        for quotation in quotations_of(results[doc.id].quotes)
    ]
    return emit_report(
        args,
        corpus,
        records,
        [("doc", 28), ("speaker", 24), ("text", 90)],
        "quotation",
        labels={"text": "quotation"},
    )
