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

    corpus = load(args, quiet=True)
    if args.json:
        ids = sorted((doc.id for doc in corpus.documents), key=len, reverse=True)
        records = []
        for warning in corpus.warnings:
            # The longest loaded id the warning starts with names it; otherwise
            # (a skipped file) the name ends at the first ": ".
            name = next((i for i in ids if warning.startswith(f"{i}: ")), None)
            file, _, message = warning.partition(": ") if name is None else (name, "", "")
            message = message or warning[len(file) + 2 :]
            records.append(
                {"file": file, "message": message, "loaded": corpus.by_id(file) is not None}
            )
        emit_json(records)
        return 0
    for warning in corpus.warnings:
        print(safe(warning))
    print(f"\n{len(corpus.warnings)} warning(s); {len(corpus.documents)} release(s) loaded")
    return 0
