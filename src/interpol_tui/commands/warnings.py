"""``interpol-tui warnings``: every problem met loading a corpus, one line per file."""

from __future__ import annotations

import argparse

from interpol_tui.commands.common import add_corpus_argument, add_json_argument

NAME = "warnings"
HELP = "list the files of a corpus that were skipped or loaded with a problem"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    add_corpus_argument(parser)
    add_json_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Print the corpus's load warnings on stdout (they are this command's output)."""
    from interpol_tui.commands.common import emit_json, load, safe
    from interpol_tui.corpus.problems import split_warning

    corpus = load(args, quiet=True)
    if args.json:
        records = []
        for warning in corpus.warnings:
            # The loader keeps the file and the message apart: a name holding ": "
            # stays whole.
            file, message = split_warning(warning)
            records.append(
                {"file": file, "message": message, "loaded": corpus.by_id(file) is not None}
            )
        emit_json(records)
        return 0
    for warning in corpus.warnings:
        print(safe(warning))
    print(f"\n{len(corpus.warnings)} warning(s); {len(corpus.documents)} release(s) loaded")
    return 0
