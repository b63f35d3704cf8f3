"""``interpol-tui figures``: every numeric figure cited, with value, unit, qualifier and counts."""

from __future__ import annotations

import argparse

from interpol_tui.commands.common import add_report_arguments, analyse, emit_report, load

NAME = "figures"
HELP = "list the numeric figures: value, unit, qualifier, what is counted, sentence"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    add_report_arguments(parser)


def _number(value: float) -> int | float:
    """Whole values print as integers in JSON (4500000000, not 4500000000.0)."""
    return int(value) if value.is_integer() else value


def run(args: argparse.Namespace) -> int:
    """Print every figure as a table or JSON, a release's headline figures first.

    A headline figure (``zone`` "headline") has ``start``/``end`` in the title and
    the title as its sentence; every other figure's offsets point into the text.
    """
    corpus = load(args)
    results = analyse(args, corpus)
    records = [
        {
            "doc": doc.id,
            "text": figure.text,
            "value": _number(figure.value),
            "unit": figure.unit,
            "qualifier": figure.qualifier,
            "counts": figure.counts,
            "period": figure.period,
            "kind": figure.kind,
            "zone": figure.zone,
            "low": None if figure.low is None else _number(figure.low),
            "start": figure.start,
            "end": figure.end,
            "sentence": figure.sentence,
            "sentence_start": figure.sentence_start,
        }
        for doc in corpus.documents
        for figure in (*results[doc.id].headline_figures, *results[doc.id].figures)
    ]
    return emit_report(
        args,
        corpus,
        records,
        [
            ("doc", 28),
            ("value", 15),
            ("unit", 5),
            ("qualifier", 11),
            ("counts", 36),
            ("period", 16),
            ("text", 44),
        ],
        "figure",
        group_digits=("value",),
    )
