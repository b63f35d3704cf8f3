"""``interpol-tui stats``: the figures releases cite, grouped across releases, and entity counts."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from interpol_tui.analysis.kinds import type_label
from interpol_tui.commands.common import add_corpus_argument, add_json_argument, load
from interpol_tui.commands.export_options import add_export_arguments, check_export_arguments

if TYPE_CHECKING:
    from interpol_tui.analysis.aggregate import Statistics
    from interpol_tui.corpus.model import Corpus

NAME = "stats"
LAYOUT = "values-last"
"""Part of a stored report's key: a report printed in an earlier layout is not replayed."""
HELP = "figures cited across releases, side by side, and how many releases name each entity"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    add_corpus_argument(parser)
    add_json_argument(parser)
    add_export_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Print the cross-release statistics as a table, JSON, CSV or Markdown."""
    from interpol_tui.commands.collector import collector_off

    with collector_off():  # what it makes lives until it ends (commands/collector.py)
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    from interpol_tui.commands.common import recording_report, replay_report

    check_export_arguments(args)
    corpus = load(args, analysing=True)  # each file read is analysed in the same job
    if args.output is not None:
        return _report(args, corpus)
    # An unchanged corpus prints the report it printed before, without grouping again.
    options = [NAME, "json" if args.json else str(args.format or "table"), LAYOUT]
    if replay_report(args, corpus, options):
        return 0
    with recording_report(corpus, options):
        return _report(args, corpus)


def _report(args: argparse.Namespace, corpus: Corpus) -> int:
    from interpol_tui.analysis.aggregate import corpus_statistics
    from interpol_tui.commands.common import CommandError, analyse, emit_json, json_text, safe
    from interpol_tui.report.export import render, statistics_json

    statistics = corpus_statistics(corpus, analyse(args, corpus, columns=True))
    if args.output is not None:
        from interpol_tui.state.storage import atomic_write_bytes

        if args.json:
            text = json_text(statistics_json(statistics), corpus)
        else:
            text = render(statistics, args.format)
        target = args.output.expanduser().resolve()
        try:
            atomic_write_bytes(target, text.encode("utf-8"))
        except OSError as error:
            raise CommandError(f"cannot write {target}: {error.strerror or error}") from error
        print(f"wrote {safe(str(target))}", file=sys.stderr)
        return 0
    if args.json:
        emit_json(statistics_json(statistics), corpus)
        return 0
    if args.format:
        sys.stdout.write(render(statistics, args.format))
        return 0
    _print_report(statistics)
    return 0


def _print_report(statistics: Statistics) -> None:
    from interpol_tui.commands.common import print_table
    from interpol_tui.commands.table import print_cells, text_rows
    from interpol_tui.report.export import series_label

    recurring = statistics.recurring
    # The values last: padded to the longest series (thousands of values at 50,000
    # releases), they made every row as wide, 8 KB a release of spaces. Summaries:
    # the table shows no sentence, so none is decompressed.
    print_table(
        ["what is counted", "releases", "trend", "values (date)"],
        [[q.counts, q.releases, q.trend, series_label(q)] for q in recurring.summaries()],
        max_widths=[40, 8, 8, 90],
    )
    standalone = statistics.standalone
    print()

    def rows() -> Iterator[Sequence[str]]:
        # Made as printed (twice: sizing, then printing), never held for the whole corpus.
        return text_rows(standalone.heads())

    print_cells(
        ["standalone figure", "what is counted", "date", "doc"],
        rows,
        max_widths=[40, 40, 12, 40],
    )
    print(f"\n{len(recurring)} quantities cited by several releases; {len(standalone)} standalone")
    print()
    print_table(
        ["type", "entity", "releases", "mentions"],
        [[type_label(e.type), e.canonical, e.releases, e.mentions] for e in statistics.entities],
        max_widths=[12, 50, 8, 8],
    )
    inferred = [d for d in statistics.dates.values() if d.inferred]
    if inferred:
        print()
        for date in sorted(inferred, key=lambda d: d.sort_key):
            print(f"{date.doc_id}: {date.label} (inferred from: {date.evidence})")
