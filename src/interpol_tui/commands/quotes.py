"""``interpol-tui quotes``: every quotation and who said it, by speaker, or exported."""

from __future__ import annotations

import argparse
import sys
from typing import Any

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
FORMATS = ("csl", "csv", "md")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    add_report_arguments(parser)
    parser.add_argument("--by-speaker", action="store_true", help="group the quotations by speaker")
    parser.add_argument(
        "--speaker", metavar="NAME", help="only this speaker's quotations (a surname is enough)"
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="print CSL-JSON (Zotero, Pandoc), CSV or Markdown block quotes with sources",
    )


def _record(quote: Any) -> dict[str, Any]:
    return {
        "doc": quote.doc_id,
        "text": quote.text,
        "speaker": quote.speaker,
        "role": quote.role,
        "title": quote.title,
        "date": quote.date,
        "start": quote.start,
        "end": quote.end,
    }


def run(args: argparse.Namespace) -> int:
    """Print every quotation as a table or JSON, grouped or exported when asked."""
    from interpol_tui.analysis.corpus_quotes import by_speaker, corpus_quotations, of_speaker
    from interpol_tui.commands.common import CommandError, print_table, safe

    corpus = load(args)
    results = analyse(args, corpus)
    if not (args.by_speaker or args.speaker or args.format):
        return _plain(args, corpus, results)
    quotations = corpus_quotations(corpus, results)
    if args.speaker:
        quotations = of_speaker(quotations, args.speaker)
        if not quotations:
            raise CommandError(f"no quotations by {args.speaker!r} in this corpus")
    if args.format:
        from interpol_tui.report.quote_export import render_quotations

        sys.stdout.write(render_quotations(quotations, args.format))
        return 0
    if args.json and args.by_speaker:
        emit_json(
            [
                {"speaker": speaker, "quotations": [_record(q) for q in group]}
                for speaker, group in by_speaker(quotations)
            ]
        )
        return 0
    if args.json:
        emit_json([_record(q) for q in quotations])
        return 0
    for speaker, group in by_speaker(quotations) if args.by_speaker else [(None, quotations)]:
        if args.by_speaker:
            role = next((q.role for q in group if q.role), None)
            name = speaker or "unattributed"
            print(safe(f"{name}{f' ({role})' if role else ''}: {len(group)} quotation(s)"))
        print_table(
            ["date", "release", "quotation"],
            [[q.date, q.title, q.text] for q in group],
            max_widths=[10, 30, 90],
        )
        print()
    print(f"{len(quotations)} quotation(s)")
    return 0


def _plain(args: argparse.Namespace, corpus: Any, results: Any) -> int:
    """Every quotation as the ``quotes`` contract lists them (DESIGN.md)."""
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
