"""``interpol-tui search QUERY``: full-text search (or fuzzy title search with ``--title``)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, cast

from interpol_tui.commands.common import (
    CommandError,
    add_corpus_argument,
    add_json_argument,
    load,
)
from interpol_tui.commands.export_options import add_export_arguments

if TYPE_CHECKING:
    from interpol_tui.corpus.model import Corpus

NAME = "search"
HELP = "search the releases' text (or, with --title, find a release by fuzzy title)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument(
        "query",
        metavar="QUERY",
        help='words, "a phrase", prefix*, AND / OR / NOT, parentheses (with --title: '
        "a few words of the title, typos allowed)",
    )
    parser.add_argument("--title", action="store_true", help="fuzzy-match titles instead")
    parser.add_argument(
        "--no-names",
        dest="names",
        action="store_false",
        help="do not analyse the releases to search the names they mention (faster)",
    )
    parser.add_argument(
        "--limit", type=int, default=20, metavar="N", help="show at most N results (default 20)"
    )
    add_corpus_argument(parser)
    add_json_argument(parser)
    add_export_arguments(parser)


COLUMNS = ("rank", "doc", "title", "score", "snippet", "offset")
"""The fields CSV and Markdown give, in this order (JSON gives every field)."""


def run(args: argparse.Namespace) -> int:
    """Print the best matches as a table or JSON."""
    from interpol_tui.commands.common import print_table, safe
    from interpol_tui.commands.export_options import check_export_arguments, emit_rows
    from interpol_tui.commands.table import plain_decimal

    if args.limit < 1:
        raise CommandError("--limit must be at least 1")
    check_export_arguments(args)
    corpus = load(args)
    records = _title_records(corpus, args) if args.title else _text_records(corpus, args)
    for rank, record in enumerate(records, start=1):
        record["rank"] = rank
    if emit_rows(args, corpus, records, COLUMNS, "result"):
        return 0
    print_table(
        ["doc", "score", "title", "snippet"],
        [
            [r["doc"], plain_decimal(cast(float, r["score"])), r["title"], r["snippet"] or ""]
            for r in records
        ],
        max_widths=[30, 9, 50, 70],
    )
    print(f"\n{len(records)} result(s) for “{safe(args.query)}”")
    return 0


def _title_records(corpus: Corpus, args: argparse.Namespace) -> list[dict[str, object]]:
    from interpol_tui.search.titles import TitleIndex

    index = TitleIndex.from_documents(corpus.documents)
    return [
        {
            "doc": m.doc_id,
            "title": m.title,
            "score": m.score,
            "snippet": None,
            "date": m.date,
            "kind": m.kind,
            "positions": list(m.positions),
        }
        for m in index.search(args.query, limit=args.limit)
    ]


def _text_records(corpus: Corpus, args: argparse.Namespace) -> list[dict[str, object]]:
    from interpol_tui.analysis.searchable import names_by_doc
    from interpol_tui.commands.common import analyse, safe
    from interpol_tui.search.fulltext import FullTextIndex

    names = None
    if args.names:
        names = names_by_doc(analyse(args, corpus).values())
    index = FullTextIndex()
    index.add(corpus.documents, names)
    results = index.search(args.query, limit=args.limit)
    if results.error is not None:
        raise CommandError(results.error)
    for note in results.notes:
        print(f"note: {safe(note)}", file=sys.stderr)
    records: list[dict[str, object]] = []
    for hit in results.hits:
        location = index.locate(results.query, hit.doc_id) if results.query else None
        records.append(
            {
                "doc": hit.doc_id,
                "title": hit.title,
                "score": hit.score,
                "snippet": hit.snippet.text,
                "marks": [list(mark) for mark in hit.snippet.marks],
                "offset": location.offset if location else None,
            }
        )
    return records
