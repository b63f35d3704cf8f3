"""``interpol-tui timeline NAME``: an entity through time."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from interpol_tui.commands.common import add_report_arguments, analyse, load

if TYPE_CHECKING:
    from interpol_tui.analysis.timeline import Timeline

NAME = "timeline"
HELP = "the releases mentioning a person, organisation or operation over time, roles, figures"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument("name", metavar="NAME", help="a name as `entities` lists it, or part")
    add_report_arguments(parser)


def timeline_json(timeline: Timeline) -> dict[str, Any]:
    """The timeline as one JSON object."""
    return {
        "name": timeline.name,
        "type": timeline.type,
        "granularity": timeline.granularity,
        "periods": [{"period": p, "releases": n} for p, n in timeline.buckets],
        "undated": timeline.undated,
        "roles": [{"role": r.role, "first": r.first, "last": r.last} for r in timeline.roles],
        "releases": [
            {
                "doc": e.doc_id,
                "title": e.title,
                "date": e.date.iso,
                "date_inferred": e.date.inferred,
                "mentions": e.mentions,
                "start": e.first,
                "roles": list(e.roles),
                "figures": [
                    {"text": f.text, "value": f.value, "unit": f.unit, "counts": f.counts}
                    for f in e.figures
                ],
            }
            for e in timeline.entries
        ],
    }


def run(args: argparse.Namespace) -> int:
    """Print the timeline as text or JSON."""
    from interpol_tui.analysis.timeline import entity_timeline, find_entity
    from interpol_tui.commands.common import CommandError, emit_json, print_table, safe

    corpus = load(args)
    analyses = analyse(args, corpus)
    found = find_entity(args.name, analyses.values())
    if found is None:
        raise CommandError(f"no entity named {args.name!r} in this corpus (see `entities`)")
    timeline = entity_timeline(*found, corpus, analyses)
    if args.json:
        emit_json(timeline_json(timeline))
        return 0
    print(safe(f"{timeline.name} ({timeline.type}): {len(timeline.entries)} release(s)"))
    peak = max((n for _, n in timeline.buckets), default=0) or 1
    for period, count in timeline.buckets:
        print(f"  {period:>7}  {'█' * max(round(count / peak * 30), 1 if count else 0)} {count}")
    if timeline.undated:
        print(f"  undated  {timeline.undated}")
    for spell in timeline.roles:
        span = spell.first if spell.first == spell.last else f"{spell.first} – {spell.last}"
        print(safe(f"role: {spell.role} ({span})"))
    print()
    print_table(
        ["date", "release", "roles", "figures beside it"],
        [
            [e.date.label, e.title, "; ".join(e.roles), "; ".join(f.text for f in e.figures)]
            for e in timeline.entries
        ],
        max_widths=[10, 44, 28, 50],
    )
    return 0
