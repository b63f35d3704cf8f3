"""Opening the across-release views on a big corpus, from the corpus snapshot.

Writes ``N`` synthetic releases (benchmarks/synthetic.py), reads and analyses
them once into their snapshot (each release's digest made beside its
analysis), opens them again from the snapshot (what the app does on a second
start) and builds the across-release index from the stored digests (what the
app does in the background once analysis lands), then measures, each the
median of ``--repeat`` runs:

- the domain work alone: building that index, one keystroke of the
  quotation filter, two releases compared, the most mentioned person's and
  organisation's timelines (looked up in the index), releases per period;
- each view opened headless at 120x40 (built, mounted and its first frame
  drawn, timed to that frame): quotations (``Q``), compare (``C``), timeline
  (``t``), corpus through time (``T``), beside an empty modal screen (the
  floor of the measure); ``Q`` before the index is built also until it is
  filled in; a letter typed in the quotation filter, from the key to the
  redrawn frame, beside one typed in an empty input (the floor), each also
  through ``Pilot.press``/``Pilot.pause`` as measured before (their idle waits
  sleep 20 ms at least each, most of what that floor was);
- for comparison, what a user would do instead: ``grep`` for the quote marks
  of every release (quotations) and for one name (timeline).

    python benchmarks/across_views.py [--n 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from statistics import median
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from synthetic import write_corpus  # noqa: E402


def _median_ms(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return median(times)


def _row(label: str, ms: float, target: float | None = 100.0, cpu: float | None = None) -> None:
    verdict = "" if target is None else ("  ok" if ms < target else f"  OVER {target:.0f} ms")
    spent = "" if cpu is None else f"  (CPU {cpu:5.1f} ms)"
    print(f"{label:<58} {ms:9.1f} ms{spent}{verdict}")


async def _frame(app: Any) -> None:
    """Return once the screen has drawn a frame after every message pending now."""
    drawn = asyncio.get_running_loop().create_future()
    app.screen.call_after_refresh(lambda: drawn.done() or drawn.set_result(None))
    await drawn


async def _open_ms(
    app_class: type, make_view: Callable[[], object], repeat: int
) -> tuple[float, float, float]:
    """Median time from building a view to its first frame on screen, its CPU time (this
    process's: on a loaded machine the wall clock counts other processes' turns), and the
    median time until it shows its content (a view that gathers it first says so at once).

    Timed to the frame itself, not through ``Pilot.pause``, whose idle wait sleeps 20 ms
    at least."""
    app = app_class()
    times, cpu, filled = [], [], []
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(repeat):
            start, spent = time.perf_counter(), time.process_time()
            view = make_view()
            await app.push_screen(view)
            await _frame(app)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - spent) * 1000)
            while getattr(view, "index", True) is None:  # a view still gathering its content
                await asyncio.sleep(0.0005)
            await _frame(app)
            filled.append((time.perf_counter() - start) * 1000)
            # A view's worker finishes before the next run, or it would slow the next figure.
            await app.workers.wait_for_complete()
            app.pop_screen()
            await pilot.pause()
    return median(times), median(cpu), median(filled)


def _input_screen() -> object:
    """A modal screen holding one focused input and nothing else: the floor for a keystroke."""
    from textual.app import ComposeResult
    from textual.screen import ModalScreen
    from textual.widgets import Input

    class InputScreen(ModalScreen[None]):
        def compose(self) -> ComposeResult:
            yield Input()

    return InputScreen()


async def _keystroke_ms(
    app_class: type, make_view: Callable[[], object], repeat: int
) -> tuple[float, float, float, float]:
    """Median time (and CPU time) from a letter typed in the view's input to the screen
    redrawn, as a terminal sends it; then the same through ``Pilot.press`` and
    ``Pilot.pause`` (the previous measure: their idle waits sleep 20 ms at least, each)."""
    from textual import events
    from textual.widgets import Input

    app = app_class()
    times, cpu, piloted, piloted_cpu = [], [], [], []
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(make_view())
        await pilot.pause()
        box = app.screen.query_one(Input)
        for _ in range(repeat):
            for keys in (("s", "e", "c"), ("backspace",) * 3):
                for key in keys:
                    before = box.value
                    start, spent = time.perf_counter(), time.process_time()
                    app.post_message(events.Key(key, key if len(key) == 1 else None))
                    while box.value == before:
                        await asyncio.sleep(0.0005)
                    await _frame(app)
                    times.append((time.perf_counter() - start) * 1000)
                    cpu.append((time.process_time() - spent) * 1000)
                start, spent = time.perf_counter(), time.process_time()
                for key in keys:
                    await pilot.press(key)
                    await pilot.pause()
                piloted.append((time.perf_counter() - start) * 1000 / len(keys))
                piloted_cpu.append((time.process_time() - spent) * 1000 / len(keys))
    return median(times), median(cpu), median(piloted), median(piloted_cpu)


def measure(folder: Path, repeat: int) -> None:
    """Print every figure for the corpus in ``folder``."""
    from textual.app import App

    from interpol_tui.analysis.compare import compare_releases
    from interpol_tui.analysis.timeline import releases_by_period
    from interpol_tui.state.digests import build_across_index
    from interpol_tui.state.paths import StatePaths
    from interpol_tui.state.reopen import analyse, open_corpus
    from interpol_tui.state.snapshot import CorpusSnapshot
    from interpol_tui.ui.across_indexing import VIEW_MODULES
    from interpol_tui.ui.compare_screen import CompareScreen
    from interpol_tui.ui.corpus_time import CorpusTimeScreen
    from interpol_tui.ui.quotations_screen import QuotationsScreen, full_layout
    from interpol_tui.ui.timeline_screen import TimelineScreen

    snapshot = CorpusSnapshot.for_corpus(StatePaths.default(), [folder], print)
    start = time.perf_counter()
    analyses = analyse(open_corpus([folder], snapshot).corpus, snapshot)
    index = build_across_index(open_corpus([folder], snapshot).corpus, analyses)
    print(f"read, analysed and indexed in {time.perf_counter() - start:.1f} s (the snapshot)")
    start = time.perf_counter()
    corpus = open_corpus([folder], snapshot).corpus  # what the app does on a second start
    analyses = analyse(corpus, snapshot)
    docs = corpus.documents
    print(f"listed from the snapshot in {time.perf_counter() - start:.1f} s\n")

    start, spent = time.perf_counter(), time.process_time()
    index = build_across_index(corpus, analyses)
    built_ms = (time.perf_counter() - start) * 1000
    built_cpu = (time.process_time() - spent) * 1000
    assert index is not None
    entities = index.entities()
    counts = Counter({(t, name): n for t, name, n in entities})
    person = next((t, name) for t, name, _ in entities if t == "person")
    organisation = next((t, name) for t, name, _ in entities if t == "organization")
    name_of = {key: key[1] for key in (person, organisation)}
    dates = {d.id: d.date for d in docs}
    first, second = docs[0], docs[len(docs) // 2]
    quotations = index.quotations
    print(
        f"{len(quotations.quotations):,} quotations; {name_of[person]} in {counts[person]:,} "
        f"releases, {name_of[organisation]} in {counts[organisation]:,}\n"
    )

    print("domain work (no UI)")
    _row("  index built from the stored digests (background, once)", built_ms, None, built_cpu)
    _row(
        "  quotation filter, one keystroke ('secur')",
        _median_ms(lambda: quotations.filter("secur"), repeat),
    )
    _row(
        "  two releases compared",
        _median_ms(lambda: compare_releases(first, second, analyses), repeat),
    )
    for key in (person, organisation):
        _row(
            f"  timeline of {name_of[key]} ({counts[key]:,} releases)",
            _median_ms(lambda k=key: index.timeline(name_of[k], k[0]), repeat),
        )  # type: ignore[misc]
    _row("  releases per period", _median_ms(lambda: releases_by_period(dates), repeat))

    print("\nviews opened, headless 120x40 (built + first frame, with its content)")
    from textual.screen import ModalScreen

    for name in VIEW_MODULES:  # as the app does in the background once the index is built
        __import__(name)
    full_layout(quotations)

    def gathering() -> object:
        return QuotationsScreen(lambda: quotations)

    views: list[tuple[str, Callable[[], object]]] = [
        ("  an empty modal screen (the floor of this measure)", ModalScreen),
        ("  quotations (Q), index built", lambda: QuotationsScreen(quotations)),
        ("  quotations (Q) before the index is built ('Gathering…')", gathering),
        (
            "  two releases compared (C)",
            lambda: CompareScreen(compare_releases(first, second, analyses)),
        ),
        (
            f"  timeline of {name_of[person]} (t), {counts[person]:,} releases",
            lambda: TimelineScreen(index.timeline(name_of[person], person[0])),
        ),
        (
            f"  timeline of {name_of[organisation]} (t), {counts[organisation]:,} releases",
            lambda: TimelineScreen(index.timeline(name_of[organisation], organisation[0])),
        ),
        ("  releases through time (T)", lambda: CorpusTimeScreen(dates)),
    ]
    for label, make in views:
        wall, cpu, filled = asyncio.run(_open_ms(App, make, repeat))
        _row(label, wall, cpu=cpu)
        if "Gathering" in label:
            _row("    ... and filled in once the quotations are there", filled)
    keystrokes = (
        ("  a letter typed in an empty input (the floor for keys)", _input_screen, None),
        (
            "  a letter typed in the quotation filter (list redrawn)",
            lambda: QuotationsScreen(quotations),
            100.0,
        ),
    )
    for label, make, target in keystrokes:
        wall, cpu, piloted, piloted_cpu = asyncio.run(_keystroke_ms(App, make, repeat))
        _row(label, wall, target, cpu=cpu)
        _row("    through Pilot.press and Pilot.pause (20 ms sleeps)", piloted, None, piloted_cpu)

    grep = shutil.which("grep")
    if grep:
        print("\nwhat a user would use instead")
        for label, args in (
            ("  grep -rc '“' (quote marks per release)", [grep, "-rc", "“", str(folder)]),
            (
                f"  grep -rl '{name_of[person]}' (releases naming them)",
                [grep, "-rl", name_of[person], str(folder)],
            ),
        ):
            _row(
                label,
                _median_ms(
                    lambda a=args: subprocess.run(a, capture_output=True, check=False), repeat
                ),
                None,
            )


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the arguments, build the corpus and its cache in a temporary folder, measure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=10_000, help="releases (default 10,000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (default 5)")
    parser.add_argument(
        "--dir", type=Path, help="keep the corpus and its cache here (a second run reuses them)"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="interpol-across-") as tmp:
        root = args.dir or Path(tmp)
        for var in ("XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
            os.environ[var] = str(root / var.lower())
        folder = root / "corpus"
        if not (folder.is_dir() and len(list(folder.iterdir())) == args.n):
            write_corpus(folder, args.n)
        measure(folder, max(args.repeat, 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
