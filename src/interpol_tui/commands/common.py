"""What every CLI subcommand shares: corpus options, loading, JSON and table output."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interpol_tui.corpus.sanitize import strip_controls

if TYPE_CHECKING:
    from interpol_tui.analysis.model import DocumentAnalysis
    from interpol_tui.corpus.formats.fields import FieldMap
    from interpol_tui.corpus.model import Corpus
    from interpol_tui.state.snapshot import CorpusSnapshot


class CommandError(Exception):
    """A user-facing failure: printed as one line on stderr, exit status 2."""


def _field_map(spec: str) -> FieldMap:
    from interpol_tui.corpus.formats.fields import FieldSpecError, parse_fields

    try:
        return parse_fields(spec)
    except FieldSpecError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def add_corpus_argument(parser: argparse.ArgumentParser) -> None:
    """Add the repeatable ``--corpus PATH`` option, and ``--fields`` for records files."""
    parser.add_argument(
        "--corpus",
        action="append",
        type=Path,
        metavar="PATH",
        help="a folder (read recursively) or file of releases: text, Markdown, HTML, "
        "JSON Lines, JSON or CSV; may repeat (default: the bundled corpus)",
    )
    parser.add_argument(
        "--fields",
        type=_field_map,
        metavar="ROLE=FIELD,…",
        help="the fields of JSON Lines, JSON and CSV records that hold a release's title, "
        "date, text, url and id, e.g. title=headline,text=body "
        "(default: the usual names: title/headline, date/published, text/body/content, …)",
    )


def corpus_fields(args: argparse.Namespace) -> FieldMap | None:
    """The record fields named with ``--fields``, or None for the usual names."""
    fields: FieldMap | None = getattr(args, "fields", None)
    return fields


def add_json_argument(parser: argparse.ArgumentParser) -> None:
    """Add the ``--json`` flag."""
    parser.add_argument("--json", action="store_true", help="print JSON on stdout")


def add_report_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options every analysis report takes: ``--corpus`` and ``--json``."""
    add_corpus_argument(parser)
    add_json_argument(parser)


def analyse(args: argparse.Namespace, corpus: Corpus) -> Mapping[str, DocumentAnalysis]:
    """Analyse ``corpus`` through the corpus snapshot, unless ``--no-cache`` was given.

    The CLI and the browser share one snapshot, so a report on a large corpus
    the browser has opened before costs no analysis; what is missing is
    analysed in worker processes.
    """
    from interpol_tui.state.reopen import analyse as analyse_corpus

    def warn(message: str) -> None:
        print(f"warning: {safe(message)}", file=sys.stderr)

    use_cache = not getattr(args, "no_cache", False)
    return analyse_corpus(corpus, _snapshot(corpus.roots), reuse=use_cache, warn=warn)


def _snapshot(roots: Sequence[Path]) -> CorpusSnapshot:
    """The corpus snapshot of ``roots`` (one object per corpus for the whole command)."""
    from interpol_tui.state.paths import StatePaths
    from interpol_tui.state.reading import corpus_key
    from interpol_tui.state.snapshot import CorpusSnapshot

    paths = StatePaths.default()
    key = (str(paths.cache_dir), corpus_key(roots))
    if key not in _SNAPSHOTS:

        def warn(message: str) -> None:
            print(f"warning: {safe(message)}", file=sys.stderr)

        _SNAPSHOTS[key] = CorpusSnapshot.for_corpus(paths, roots, warn)
    return _SNAPSHOTS[key]


_SNAPSHOTS: dict[tuple[str, str], CorpusSnapshot] = {}


def replay_report(args: argparse.Namespace, corpus: Corpus, options: Sequence[str]) -> bool:
    """Print the stored output of this report if the corpus is unchanged; True if printed.

    ``options`` are whatever changes the output. Not with ``--no-cache``.
    """
    from interpol_tui.state.reports import report_key, stored_report

    if getattr(args, "no_cache", False):
        return False
    text = stored_report(_snapshot(corpus.roots), report_key(corpus, options))
    if text is None:
        return False
    sys.stdout.write(text)
    return True


@contextlib.contextmanager
def recording_report(corpus: Corpus, options: Sequence[str]) -> Iterator[None]:
    """Print what the body prints, and store it for :func:`replay_report`."""
    from interpol_tui.state.reports import report_key, store_report

    captured = io.StringIO()
    with contextlib.redirect_stdout(captured):
        yield
    text = captured.getvalue()
    sys.stdout.write(text)
    store_report(_snapshot(corpus.roots), report_key(corpus, options), text)


def emit_report(
    args: argparse.Namespace,
    corpus: Corpus,
    records: Sequence[dict[str, Any]],
    columns: Sequence[tuple[str, int]],
    noun: str,
    labels: dict[str, str] | None = None,
) -> int:
    """Print ``records`` as JSON with ``--json``, else as a table of ``columns``.

    ``columns`` names the record fields the table shows, each with its widest
    width (headed by the field's name, or its entry in ``labels``); the table
    ends with a count of ``noun``s over the corpus.
    """
    if args.json:
        emit_json(list(records))
        return 0
    print_table(
        [(labels or {}).get(name, name) for name, _ in columns],
        [[record[name] for name, _ in columns] for record in records],
        max_widths=[width for _, width in columns],
    )
    print(f"\n{len(records)} {noun}(s) in {len(corpus.documents)} release(s)")
    return 0


def corpus_paths(args: argparse.Namespace) -> list[Path]:
    """Return the corpus paths the user gave, or the bundled seeds."""
    from interpol_tui.corpus.seeds import bundled_seeds

    given: list[Path] | None = getattr(args, "corpus", None)
    return list(given) if given else [bundled_seeds()]


def load(args: argparse.Namespace, *, quiet: bool = False) -> Corpus:
    """Load the corpus named by ``args``; warnings go to stderr, a bad path is an error."""
    from interpol_tui.corpus.loader import CorpusPathError
    from interpol_tui.state import SettingsFile, StatePaths
    from interpol_tui.state.reopen import open_corpus

    # The size limit is a setting; settings problems are warnings like any other.
    notes: list[str] = []
    max_bytes = SettingsFile(StatePaths.default(), notes.append).load().max_file_bytes
    paths = corpus_paths(args)
    use_cache = not getattr(args, "no_cache", False)
    try:  # through the snapshot: unchanged files are not read and cleaned again
        opened = open_corpus(
            paths,
            _snapshot(paths),
            max_bytes=max_bytes,
            reuse=use_cache,
            fields=corpus_fields(args),
        )
        corpus = opened.corpus
    except CorpusPathError as error:
        raise CommandError(str(error)) from error
    for warning in [*notes, *([] if quiet else corpus.warnings)]:
        print(f"warning: {safe(warning)}", file=sys.stderr)
    return corpus


def safe(text: str) -> str:
    """Strip control characters from text that came from files or paths."""
    return strip_controls(text)


def emit_json(value: Any) -> None:
    """Print ``value`` as one JSON document on stdout."""
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return safe(str(value)).replace("\n", " ")


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def print_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    max_widths: Sequence[int] | None = None,
) -> None:
    """Print an aligned plain-text table (no colour, safe for pipes and logs)."""
    cells = [[_cell(v) for v in row] for row in rows]
    limits = list(max_widths) if max_widths else [60] * len(headers)
    widths = [
        min(max([len(h), *(len(r[i]) for r in cells)]), limits[i]) for i, h in enumerate(headers)
    ]
    line = "  ".join(h.upper().ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line.rstrip())
    for row in cells:
        print("  ".join(_fit(c, w).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
