"""``interpol-tui paths``: where settings, bookmarks, reading positions and caches are kept."""

from __future__ import annotations

import argparse
from pathlib import Path

from interpol_tui.commands.common import add_json_argument

NAME = "paths"
HELP = "show where settings, bookmarks, reading positions and the analysis cache are kept"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    add_json_argument(parser)


def _size(path: Path) -> int | None:
    """Bytes used by a file or a folder's files; None when absent or unreadable."""
    try:
        if path.is_dir():
            return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
        return path.stat().st_size
    except OSError:
        return None


def run(args: argparse.Namespace) -> int:
    """Print every state location, whether it exists, and its size."""
    from interpol_tui.commands.common import emit_json, print_table, safe
    from interpol_tui.state import StatePaths

    places = StatePaths.default().describe()
    if args.json:
        emit_json(
            {
                name: {"path": safe(str(path)), "exists": path.exists(), "bytes": _size(path)}
                for name, path in places.items()
            }
        )
        return 0
    print_table(
        ["what", "path", "bytes"],
        [[name, str(path), _size(path)] for name, path in places.items()],
        max_widths=[16, 200, 14],
    )
    print("\nSet XDG_CONFIG_HOME, XDG_STATE_HOME or XDG_CACHE_HOME to move them.")
    return 0
