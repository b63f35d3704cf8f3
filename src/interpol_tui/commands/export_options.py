"""``--format`` and ``--output`` for the row reports (``docs``, ``search``): CSV, Markdown, JSON."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from interpol_tui.commands.common import CommandError, json_text, real_ids, safe

if TYPE_CHECKING:
    from interpol_tui.corpus.model import Corpus
    from interpol_tui.report.tabular import Record


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--format csv|md`` and ``--output PATH``."""
    parser.add_argument(
        "--format", choices=("csv", "md"), help="print CSV or Markdown instead of a table"
    )
    parser.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar="PATH",
        help="write the --json/--format output to PATH (atomically) and say how many rows",
    )


def check_export_arguments(args: argparse.Namespace) -> None:
    """Refuse option combinations that cannot mean anything."""
    if args.json and args.format:
        raise CommandError("give either --json or --format, not both")
    if args.output is not None and not (args.json or args.format):
        raise CommandError("--output needs --json or --format")


def emit_rows(
    args: argparse.Namespace,
    corpus: Corpus,
    records: Sequence[Record],
    columns: Sequence[str],
    noun: str,
) -> bool:
    """Print or write ``records`` as JSON, CSV or Markdown when asked; False when not asked.

    JSON keeps every field of each record; CSV and Markdown the ``columns``.
    ``doc`` is the real path of a release in every format, as in ``--json``.
    """
    from interpol_tui.report.tabular import render_rows

    check_export_arguments(args)
    if not (args.json or args.format):
        return False
    ids = real_ids(corpus)
    if args.json:
        text = json_text(list(records), corpus)
    else:
        rows = [{**r, "doc": ids.get(str(r.get("doc")), r.get("doc"))} for r in records]
        text = render_rows(rows, columns, args.format)
    if args.output is None:
        sys.stdout.write(text)
        return True
    from interpol_tui.state.storage import atomic_write_bytes

    target = args.output.expanduser().resolve()
    try:
        atomic_write_bytes(target, text.encode("utf-8"))
    except OSError as error:
        raise CommandError(f"cannot write {target}: {error.strerror or error}") from error
    print(f"wrote {len(records)} {noun}(s) to {safe(str(target))}", file=sys.stderr)
    return True
