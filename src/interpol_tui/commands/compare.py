"""``interpol-tui compare DOC DOC``: two releases side by side."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from interpol_tui.commands.common import add_report_arguments, analyse, load

if TYPE_CHECKING:
    from interpol_tui.analysis.compare import Comparison
    from interpol_tui.analysis.model import Figure
    from interpol_tui.corpus.model import Corpus, Document

NAME = "compare"
PLURALS = {"person": "people", "organization": "organisations", "operation": "operations"}
HELP = "compare two releases: shared people, organisations, operations and like figures"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument("docs", nargs=2, metavar="DOC", help="a document id (as `docs` lists)")
    add_report_arguments(parser)


def find_document(corpus: Corpus, name: str) -> Document:
    """The release ``name`` names: its id, or the one id that ends with or contains it."""
    from interpol_tui.commands.common import CommandError

    exact = corpus.by_id(name)
    if exact is not None:
        return exact
    for test in (lambda i: i.endswith(name), lambda i: name in i):
        found = [d for d in corpus.documents if test(d.id)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise CommandError(f"{name!r} names {len(found)} releases; give more of its id")
    raise CommandError(f"no release {name!r} in this corpus (see `interpol-tui docs`)")


def _figure(figure: Figure) -> dict[str, Any]:
    value = int(figure.value) if float(figure.value).is_integer() else figure.value
    return {
        "text": figure.text,
        "value": value,
        "unit": figure.unit,
        "qualifier": figure.qualifier,
        "start": figure.start,
        "end": figure.end,
        "sentence": figure.sentence,
    }


def comparison_json(comparison: Comparison) -> dict[str, Any]:
    """The comparison as one JSON object."""

    def release(doc: Document, label: str) -> dict[str, Any]:
        return {"doc": doc.id, "title": doc.title, "date": doc.date, "when": label}

    return {
        "before": release(comparison.before, comparison.before_date.label),
        "after": release(comparison.after, comparison.after_date.label),
        "entities": {
            e.type: {
                "shared": list(e.shared),
                "only_before": list(e.only_before),
                "only_after": list(e.only_after),
            }
            for e in comparison.entities
        },
        "figures": [
            {
                "counts": p.counts,
                "label": p.label,
                "before": _figure(p.before),
                "after": _figure(p.after),
                "change": {
                    "absolute": p.change.absolute,
                    "relative": p.change.relative,
                    "approximate": p.change.approximate,
                    "label": p.change.label,
                },
            }
            for p in comparison.figures
        ],
    }


def run(args: argparse.Namespace) -> int:
    """Print the comparison as text or JSON."""
    from interpol_tui.analysis.compare import compare_releases
    from interpol_tui.commands.common import CommandError, emit_json, print_table, safe

    corpus = load(args)
    first, second = (find_document(corpus, name) for name in args.docs)
    if first is second:
        raise CommandError("give two different releases to compare")
    comparison = compare_releases(first, second, analyse(args, corpus))
    if args.json:
        emit_json(comparison_json(comparison))
        return 0
    for word, doc, date in (
        ("before", comparison.before, comparison.before_date),
        ("after", comparison.after, comparison.after_date),
    ):
        print(safe(f"{word:>6}: {doc.title} ({date.label}) [{doc.id}]"))
    print()
    print_table(
        ["what is counted", "before", "after", "change"],
        [[p.counts, p.before.text, p.after.text, p.change.label] for p in comparison.figures],
        max_widths=[30, 34, 34, 24],
    )
    for overlap in comparison.entities:
        print(safe(f"\n{PLURALS[overlap.type]} in both: {', '.join(overlap.shared) or '-'}"))
        print(safe(f"  only before: {', '.join(overlap.only_before) or '-'}"))
        print(safe(f"  only after: {', '.join(overlap.only_after) or '-'}"))
    return 0
