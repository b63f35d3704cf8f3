"""What every CLI subcommand shares: corpus options, loading, JSON and table output."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interpol_tui.commands.table import print_table as print_table
from interpol_tui.corpus.sanitize import escape_controls

if TYPE_CHECKING:
    from interpol_tui.analysis.model import DocumentAnalysis
    from interpol_tui.corpus.formats.fields import FieldMap
    from interpol_tui.corpus.model import Corpus
    from interpol_tui.state.read_and_analyse import ReadAndAnalyse
    from interpol_tui.state.snapshot import CorpusSnapshot


class CommandError(Exception):
    """A user-facing failure: printed as one line on stderr, exit status 2."""


def corpus_path(text: str) -> Path:
    """The ``--corpus`` value as a path; an empty one is an error, not the current folder."""
    if not text:
        raise argparse.ArgumentTypeError(
            "an empty path is not a corpus: give a folder or a file (use . for this folder)"
        )
    return Path(text)


CORPUS_AFTER = "corpus_after_command"
"""Where a subcommand's ``--corpus`` values go until :func:`merge_corpus_options` runs."""


def _field_map(spec: str) -> FieldMap:
    from interpol_tui.corpus.formats.fields import FieldSpecError, parse_fields

    try:
        return parse_fields(spec)
    except FieldSpecError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def add_corpus_argument(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """Add the repeatable ``--corpus PATH`` option, ``--fields`` and ``--no-cache``.

    They are accepted before and after the command with one meaning. A
    subparser's defaults would overwrite what the main parser read, so the
    subcommand's copies default to "absent" (``SUPPRESS``) and its ``--corpus``
    values are kept apart, to be added to the main parser's by
    :func:`merge_corpus_options`.
    """
    absent: dict[str, Any] = {} if top_level else {"default": argparse.SUPPRESS}
    parser.add_argument(
        "--corpus",
        action="append",
        type=corpus_path,
        metavar="PATH",
        dest="corpus" if top_level else CORPUS_AFTER,
        help="a folder (read recursively) or file of releases: text, Markdown, HTML, "
        "JSON Lines, JSON or CSV; may repeat (default: the bundled corpus)",
        **absent,
    )
    parser.add_argument(
        "--follow-links",
        action="store_true",
        # Absent unless given: a subcommand's default must not undo the main parser's.
        default=argparse.SUPPRESS,
        help="follow symbolic links that leave the corpus folders (never into /proc, /sys, /dev)",
    )
    parser.add_argument(
        "--fields",
        type=_field_map,
        metavar="ROLE=FIELD,…",
        help="the fields of JSON Lines, JSON and CSV records that hold a release's title, "
        "date, text, url and id, e.g. title=headline,text=body "
        "(default: the usual names: title/headline, date/published, text/body/content, …)",
        **absent,
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="analyse from scratch, ignoring (and refreshing) the analysis cache",
        **absent,
    )


def merge_corpus_options(args: argparse.Namespace) -> argparse.Namespace:
    """Join the ``--corpus`` paths given before and after the command, in the order typed."""
    after: list[Path] = getattr(args, CORPUS_AFTER, None) or []
    if hasattr(args, CORPUS_AFTER):
        delattr(args, CORPUS_AFTER)
    before: list[Path] = getattr(args, "corpus", None) or []
    args.corpus = [*before, *after] or None
    args.no_cache = bool(getattr(args, "no_cache", False))
    args.fields = getattr(args, "fields", None)
    return args


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


def analyse(
    args: argparse.Namespace, corpus: Corpus, *, columns: bool = False
) -> Mapping[str, DocumentAnalysis]:
    """Analyse ``corpus`` through the corpus snapshot, unless ``--no-cache`` was given.

    The CLI and the browser share one snapshot, so a report on a large corpus
    the browser has opened before costs no analysis; what is missing is
    analysed in worker processes; with ``columns`` (statistics follow), a cold
    corpus's fact columns are made as it is analysed.
    """
    from interpol_tui.state.reopen import analyse as analyse_corpus

    def warn(message: str) -> None:
        print(f"warning: {safe(message)}", file=sys.stderr)

    use_cache = not getattr(args, "no_cache", False)
    snapshot = _snapshot(corpus.roots)
    held = _READ_AND_ANALYSED.pop(id(corpus), None)
    ready = held[1] if held is not None and held[0] is corpus else None
    return analyse_corpus(
        corpus, snapshot, reuse=use_cache, warn=warn, columns=columns, ready=ready
    )


_READ_AND_ANALYSED: dict[int, tuple[Corpus, ReadAndAnalyse]] = {}
"""The analyses :func:`load` made as it read a corpus, for :func:`analyse` to take."""


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
    from interpol_tui.state.reports import replay_stored, report_key

    if getattr(args, "no_cache", False):
        return False
    return replay_stored(_snapshot(corpus.roots), report_key(corpus, options), sys.stdout)


@contextlib.contextmanager
def recording_report(corpus: Corpus, options: Sequence[str]) -> Iterator[None]:
    """Print what the body prints, and store it for :func:`replay_report`."""
    from interpol_tui.state.reports import ReportRecorder, report_key

    recorder = ReportRecorder(sys.stdout)  # streamed: a large report is never held whole
    with contextlib.redirect_stdout(recorder):  # type: ignore[type-var]
        yield
    recorder.store(_snapshot(corpus.roots), report_key(corpus, options))


def emit_report(
    args: argparse.Namespace,
    corpus: Corpus,
    records: Sequence[dict[str, Any]],
    columns: Sequence[tuple[str, int]],
    noun: str,
    labels: dict[str, str] | None = None,
    group_digits: Sequence[str] = (),
) -> int:
    """Print ``records`` as JSON with ``--json``, else as a table of ``columns``.

    ``columns`` names the record fields the table shows, each with its widest
    width (headed by the field's name, or its entry in ``labels``); the table
    ends with a count of ``noun``s over the corpus; the integers of the fields
    in ``group_digits`` get thousands separators.
    """
    if args.json:
        emit_json(list(records), corpus)
        return 0
    headers = [(labels or {}).get(name, name) for name, _ in columns]
    print_table(
        headers,
        [[record[name] for name, _ in columns] for record in records],
        max_widths=[width for _, width in columns],
        group_digits=[
            h for h, (name, _) in zip(headers, columns, strict=True) if name in group_digits
        ],
    )
    print(f"\n{len(records)} {noun}(s) in {len(corpus.documents)} release(s)")
    return 0


def corpus_paths(args: argparse.Namespace) -> list[Path]:
    """Return the corpus paths the user gave, or the bundled seeds."""
    from interpol_tui.corpus.seeds import bundled_seeds

    given: list[Path] | None = getattr(args, "corpus", None)
    return list(given) if given else [bundled_seeds()]


def load(args: argparse.Namespace, *, quiet: bool = False, analysing: bool = False) -> Corpus:
    """Load the corpus named by ``args``; warnings go to stderr, a bad path is an error.

    With ``analysing`` (the command analyses the corpus next, for statistics),
    each file read is analysed in the same worker job, for :func:`analyse`.
    """
    from interpol_tui.corpus.loader import CorpusPathError
    from interpol_tui.state import SettingsFile, StatePaths
    from interpol_tui.state.read_and_analyse import ReadAndAnalyse
    from interpol_tui.state.reopen import open_corpus

    # The size limit is a setting; settings problems are warnings like any other.
    notes: list[str] = []
    max_bytes = SettingsFile(StatePaths.default(), notes.append).load().max_file_bytes
    paths = corpus_paths(args)
    use_cache = not getattr(args, "no_cache", False)
    snapshot = _snapshot(paths)
    fused = ReadAndAnalyse(snapshot, reuse=use_cache, columns=True) if analysing else None
    try:  # through the snapshot: unchanged files are not read and cleaned again
        opened = open_corpus(
            paths,
            snapshot,
            max_bytes=max_bytes,
            reuse=use_cache,
            fields=corpus_fields(args),
            follow_links=bool(getattr(args, "follow_links", False)),
            analysing=fused,
        )
        corpus = opened.corpus
    except CorpusPathError as error:
        raise CommandError(str(error)) from error
    if fused is not None:
        _READ_AND_ANALYSED[id(corpus)] = (corpus, fused)
    for warning in [*notes, *([] if quiet else corpus.warnings)]:
        print(f"warning: {safe(warning)}", file=sys.stderr)
    return corpus


def safe(text: str) -> str:
    """Text that came from files or paths, its control characters shown escaped (``\\x1b``).

    Escaped, not removed: a path with an escape sequence in it is shown as it
    is, and still nothing reaches the terminal to act on.
    """
    return escape_controls(text)


def real_ids(corpus: Corpus) -> dict[str, str]:
    """The real relative path of each release whose id shows escaped control characters.

    Ids are the display form (``\\x1b`` for ESC) so that a terminal never
    receives a file name's escape sequence; JSON encodes any character safely,
    so there a script gets the path it can open.
    """
    from interpol_tui.corpus.sanitize import visible_controls

    found: dict[str, str] = {}
    for doc in corpus.documents:
        if "\\" not in doc.id:
            continue  # nothing was escaped (every escape starts with a backslash)
        for root in corpus.roots:
            base = root if root.is_dir() else root.parent
            try:
                relative = doc.path.relative_to(base).as_posix()
            except ValueError:
                continue
            if doc.id == visible_controls(relative):
                found[doc.id] = relative
            elif doc.id == f"{visible_controls(base.name)}/{visible_controls(relative)}":
                found[doc.id] = f"{base.name}/{relative}"
            else:
                continue
            break
    return {shown: real for shown, real in found.items() if shown != real}


def _with_real_ids(value: Any, ids: dict[str, str]) -> Any:
    if isinstance(value, dict):
        return {
            key: ids.get(item, item)
            if key == "doc" and isinstance(item, str)
            else _with_real_ids(item, ids)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_with_real_ids(item, ids) for item in value]
    return value


def json_text(value: Any, corpus: Corpus | None = None) -> str:
    """``value`` as one indented JSON document (ending in a newline).

    With ``corpus``, every ``doc`` field names its release by its real path
    (see :func:`real_ids`), not the escaped form tables show.
    """
    ids = real_ids(corpus) if corpus is not None else {}
    value = _with_real_ids(value, ids) if ids else value
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def emit_json(value: Any, corpus: Corpus | None = None) -> None:
    """Print ``value`` as one JSON document on stdout (``doc`` fields as in :func:`json_text`)."""
    sys.stdout.write(json_text(value, corpus))
