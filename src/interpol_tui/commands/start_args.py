"""The plain browser start's arguments, read without building every subcommand's parser.

``interpol-tui --corpus DIR`` is the start a user waits on; the full parser
(:func:`interpol_tui.cli.build_parser`) imports each command's module and
builds its subparser first, a few milliseconds of the first frame spent on
commands that are not run. :func:`browser_args` reads the arguments with the
top-level options alone and gives up (None) on anything else: a command, a
help or an error, which the full parser then reads as before, with its own
messages. Where it does answer, it is what the full parser gives
(``tests/test_start_args.py`` checks both on the same arguments).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from interpol_tui import __version__
from interpol_tui.commands.common import add_corpus_argument, merge_corpus_options


class _NotPlain(Exception):
    """The arguments are not a plain browser start (or are wrong): the full parser reads them."""


class _TopLevel(argparse.ArgumentParser):
    """The top-level options only; an error is handed back instead of printed."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _NotPlain(message)


def add_top_level_arguments(parser: argparse.ArgumentParser) -> None:
    """The options the command line takes before any command (both parsers have them)."""
    parser.add_argument("--version", action="version", version=f"interpol-tui {__version__}")
    add_corpus_argument(parser, top_level=True)


def browser_args(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The parsed arguments of a start that only opens the browser; None for anything else."""
    parser = _TopLevel(prog="interpol-tui", add_help=False)  # help: the full parser's
    add_top_level_arguments(parser)
    try:
        args = parser.parse_args(argv)
    except _NotPlain:
        return None
    args.command = None  # as the full parser's subcommand dest says when none is given
    return merge_corpus_options(args)
