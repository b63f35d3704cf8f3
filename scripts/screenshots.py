"""Write SVG screenshots of the real app, driven headlessly, into screenshots/.

Usage: ``python scripts/screenshots.py [SCENE ...]`` (default: every scene).

To add a scene, append a :class:`Scene` to ``SCENES``: a file name, a terminal
size, and the steps that bring the app into the state to show. A step is a
key name (as ``Pilot.press`` takes it) or an async function of the pilot.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from textual.pilot import Pilot
from textual.worker import WorkerState

from interpol_tui.corpus.seeds import bundled_seeds
from interpol_tui.ui.app import InterpolApp

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "screenshots"

Step = str | Callable[[Pilot[None]], Awaitable[None]]
"""A key to press, or an async function that drives the pilot."""


@dataclass(frozen=True)
class Scene:
    """One screenshot: where it goes, at what terminal size, after which steps."""

    name: str
    """File name without ``.svg``; also the name to ask for on the command line."""
    size: tuple[int, int]
    steps: Sequence[Step] = ()
    description: str = ""
    corpus: Sequence[Path] = field(default_factory=lambda: [bundled_seeds()])


async def settle(pilot: Pilot[None]) -> None:
    """Wait until every worker is done (they start one another) and the screen is redrawn."""
    busy = (WorkerState.PENDING, WorkerState.RUNNING)
    for _ in range(100):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        if not any(worker.state in busy for worker in pilot.app.workers):
            return


async def statistics_ready(pilot: Pilot[None]) -> None:
    """Wait through loading, analysis and the statistics worker, which start one another."""
    from interpol_tui.ui.main_screen import MainScreen
    from interpol_tui.ui.stats_pane import StatsPane

    for _ in range(100):
        await settle(pilot)
        screen = pilot.app.screen
        if isinstance(screen, MainScreen) and screen.query_one(StatsPane).statistics:
            return


SCENES: list[Scene] = [
    Scene(
        "main",
        (120, 40),
        ["j", "j"],
        "The three panes: releases, reader and statistics",
    ),
    Scene("main-80x24", (80, 24), ["j", "j"], "A small terminal: list and reader"),
    Scene("help", (120, 40), ["question_mark"], "The help screen lists every key"),
    Scene(
        "sorted-by-date",
        (120, 40),
        ["o"],
        "Releases sorted newest first; the pane title shows the order",
    ),
    Scene(
        "stats-quantities",
        (120, 40),
        [statistics_ready, "s", "s", "z", "down", "down"],
        "Figures cited across releases, side by side (z: the pane fills the screen)",
    ),
    Scene(
        "reader-quote",
        (120, 40),
        [statistics_ready, "j", "j", "tab", "right_square_bracket"],
        "The reader: entities highlighted, the current quotation marked (] then y copies it)",
    ),
    Scene(
        "quick-open",
        (120, 40),
        [statistics_ready, "ctrl+p", *"glbal", "space", *"coaliton"],
        "Quick-open forgives typos: “glbal coaliton”",
    ),
    Scene(
        "search",
        (120, 40),
        [statistics_ready, "slash", *"Stock"],
        "Full-text search with snippets; entity names are searchable too",
    ),
    Scene(
        "stats-80x24",
        (80, 24),
        [statistics_ready, "s"],
        "A small terminal: the statistics fill the screen, in tabs",
    ),
    Scene(
        "across-quotations",
        (120, 40),
        [statistics_ready, "Q", *"stock"],
        "Every quotation of the corpus by speaker, filtered as you type (Q)",
    ),
    Scene(
        "across-compare",
        (120, 40),
        [statistics_ready, "j", "m", "j", "j", "j", "m", "C"],
        "Two releases compared: like figures with the change, shared names (m, m, C)",
    ),
    Scene(
        "across-timeline",
        (120, 40),
        [statistics_ready, "j", "j", "tab", *"e" * 8, "enter", "t"],
        "An entity through time, from its card (t)",
    ),
]
"""Every screenshot the README can use, in the order they are written."""


async def capture(scene: Scene, out: Path = OUT) -> Path:
    """Run the app for ``scene`` and save its SVG; return the file written."""
    app = InterpolApp(corpus_paths=list(scene.corpus))
    async with app.run_test(size=scene.size) as pilot:
        await settle(pilot)
        for step in scene.steps:
            if isinstance(step, str):
                await pilot.press(step)
            else:
                await step(pilot)
            await settle(pilot)
        out.mkdir(parents=True, exist_ok=True)
        path = out / f"{scene.name}.svg"
        svg = app.export_screenshot(title=f"interpol-tui — {scene.description or scene.name}")
        path.write_text(svg, encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """Write the requested scenes (all by default)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("scenes", nargs="*", metavar="SCENE", help="scene names (default: all)")
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the SVG files")
    parser.add_argument("--list", action="store_true", help="list the scenes and exit")
    args = parser.parse_args(argv)
    if args.list:
        for scene in SCENES:
            print(f"{scene.name:20} {scene.size[0]}x{scene.size[1]}  {scene.description}")
        return 0
    known = {scene.name: scene for scene in SCENES}
    unknown = [name for name in args.scenes if name not in known]
    if unknown:
        print(f"unknown scene: {', '.join(unknown)} (see --list)", file=sys.stderr)
        return 2
    for scene in [known[name] for name in args.scenes] or SCENES:
        with tempfile.TemporaryDirectory(prefix="interpol-screenshots-") as home:
            # A fresh home for each scene: the pictures never show (or change)
            # the user's bookmarks, last release read or settings, nor each other's.
            isolate_home(Path(home))
            path = asyncio.run(capture(scene, args.out))
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


def isolate_home(home: Path) -> None:
    """Point HOME and the XDG folders of this process at ``home``."""
    for name, sub in (
        ("HOME", ""),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_DATA_HOME", ".local/share"),
    ):
        (home / sub).mkdir(parents=True, exist_ok=True)
        os.environ[name] = str(home / sub)


if __name__ == "__main__":
    raise SystemExit(main())
