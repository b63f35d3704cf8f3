"""The command line: open the browser, or print one analysis as a table or JSON."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from interpol_tui.commands import COMMAND_MODULES
from interpol_tui.commands.common import (
    CommandError,
    merge_corpus_options,
    safe,
)


def _command(name: str) -> ModuleType:
    return importlib.import_module(f"interpol_tui.commands.{name}")


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="interpol-tui",
        description="A keyboard-first terminal browser for a corpus of press releases. "
        "Without a command, opens the browser.",
    )
    from interpol_tui.commands.start_args import add_top_level_arguments

    add_top_level_arguments(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = _command(name)
        sub = subparsers.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def _has_terminal() -> bool:
    """True when both stdin and stdout are terminals (the browser reads keys and draws)."""
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):  # closed or replaced streams
        return False


def _run_browser(args: argparse.Namespace) -> int:
    from interpol_tui.commands.common import corpus_fields, corpus_paths
    from interpol_tui.corpus.opening import CorpusPathError, check_paths

    paths = corpus_paths(args)
    # Only the top-level check here: a bad path is an error before the
    # screen is taken over; everything else is read by the app in a worker.
    try:
        check_paths(paths)
    except CorpusPathError as error:
        raise CommandError(str(error)) from error
    if not _has_terminal():
        # Textual would write escape codes into a pipe and wait for keys that never come.
        raise CommandError(
            "the browser needs a terminal (stdin and stdout must both be one); "
            "for output to a pipe or file use a report command, such as `interpol-tui docs`"
        )
    from interpol_tui.launcher import launch

    launch()  # the app runs in a child; this process ends when it has the terminal back
    if not args.no_cache:  # the last listing is read while Textual is imported
        from interpol_tui.state.listing import prefetch

        prefetch(paths)
    from interpol_tui.ui.app import InterpolApp
    from interpol_tui.ui.leaving import run_and_leave

    app = InterpolApp(corpus_paths=paths, use_cache=not args.no_cache, fields=corpus_fields(args))
    app.follow_links = bool(getattr(args, "follow_links", False))
    return run_and_leave(app)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    from interpol_tui.commands.start_args import browser_args
    from interpol_tui.ui.heap import pause_for_start, resume_after_start

    pause_for_start()  # until the first frame (ui/heap.py), or until a command runs
    try:
        # A plain browser start skips building every command's parser (commands/start_args.py).
        args = browser_args(argv) or merge_corpus_options(build_parser().parse_args(argv))
        if args.command is None:
            return _run_browser(args)
        resume_after_start()
        status: int = args.run(args)
        return status
    except CommandError as error:
        print(f"interpol-tui: error: {safe(str(error))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # `interpol-tui figures | head` closes the pipe early; that is not an error.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130
    finally:
        resume_after_start()  # (on already, after a browser's first frame)
