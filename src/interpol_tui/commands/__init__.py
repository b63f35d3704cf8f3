"""CLI subcommands: one module per command, each with ``add_arguments`` and ``run``.

Modules import their heavy dependencies inside ``run`` so that opening the
browser (which goes through the same parser) stays fast.
"""

COMMAND_MODULES: tuple[str, ...] = (
    "docs",
    "entities",
    "figures",
    "quotes",
    "search",
    "stats",
    "compare",
    "timeline",
    "warnings",
    "paths",
)
"""Subcommand modules in the order ``--help`` lists them."""
