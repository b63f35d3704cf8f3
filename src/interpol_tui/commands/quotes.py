"""``interpol-tui quotes``: every quotation and who said it."""

from __future__ import annotations

import argparse

from interpol_tui.analysis.quotations import quotations_of
from interpol_tui.commands.common import (
    add_report_arguments,
    analyse,
    emit_json,
    emit_report,
    load,
)

NAME = "quotes"
HELP = "list the quotations with their speakers"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    add_report_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Print every quotation as a table or JSON."""
    corpus = load(args)
    results = analyse(args, corpus)
    quotations = [
        (doc, quotation)
        for doc in corpus.documents
        for quotation in quotations_of(results[doc.id].quotes)
    ]
    if args.json:
        # One record per quoted paragraph, as the field annotates quotations: each
        # record's text is its paragraph's quoted words without the marks
        # (``text == release[start:end]``); the paragraphs of one quotation share
        # ``group`` and its speaker, and ``paragraphs`` says how many it has.
        emit_json(
            [
                {
                    "doc": doc.id,
                    "text": part.text,
                    "speaker": quotation.speaker,
                    "start": part.start,
                    "end": part.end,
                    "group": part.group,
                    "paragraphs": len(quotation.parts),
                }
                for doc, quotation in quotations
                for part in quotation.parts
            ]
        )
        return 0
    # The table counts quotations as the browser does: one row per quotation.
    records = [
        {"doc": doc.id, "text": quotation.text, "speaker": quotation.speaker}
        for doc, quotation in quotations
    ]
    return emit_report(
        args,
        corpus,
        records,
        [("doc", 28), ("speaker", 24), ("text", 90)],
        "quotation",
        labels={"text": "quotation"},
    )
