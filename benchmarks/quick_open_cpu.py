"""The UI thread's CPU time for each letter typed into quick-open, with its row short cuts
and without them, in the same run.

    python benchmarks/quick_open_cpu.py [--titles 50000] [--rounds 3]

Quick-open (``ui/quick_open.py``) over ``--titles`` synthetic titles
(``benchmarks/synthetic.py``) on a plain Textual app, headless, 120x40; the
letters of ``scale.py``'s queries typed one at a time, each timed from the key
until the results are drawn, in CPU time of the UI thread (the machine's other
jobs hardly change it), best of ``--rounds`` for each letter. "plain" draws
each row to learn its height and looks for links in it, as before
``ui/title_row.RowVisual``; "ours" is the app's way. The title index's own
time a letter (``TitleIndex.search``) is printed beside, and the 50 ms target
of a letter while the cold analysis runs (``scale.py --quick-open`` times
that, with the app's analysis running).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from statistics import median
from types import SimpleNamespace
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from scale import QUICK_QUERIES, TARGET_QUICK  # noqa: E402
from synthetic import synthetic_date, synthetic_title  # noqa: E402


async def _letters(documents: list[Any], index: Any, plain: bool, rounds: int) -> list[float]:
    """CPU seconds of each letter, best of ``rounds``."""
    from textual import events
    from textual.app import App, ComposeResult
    from textual.widgets import Input, OptionList, Static

    from interpol_tui.ui import quick_open
    from interpol_tui.ui.quick_open import QuickOpen

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("behind " * 400)

    async def drawn(app: App[None]) -> None:
        done = asyncio.get_running_loop().create_future()
        app.screen.call_after_refresh(lambda: done.done() or done.set_result(None))
        await done

    fast = quick_open.RowVisual
    quick_open.RowVisual = (lambda widget, row: row) if plain else fast  # type: ignore[assignment]
    indexer = SimpleNamespace(indexes=SimpleNamespace(titles=index), when_ready=lambda f: f())
    spent: list[list[float]] = []
    app = Host()
    try:
        async with app.run_test(size=(120, 40)):
            for _ in range(rounds):
                times: list[float] = []
                for query in QUICK_QUERIES:
                    index._cache.clear()
                    app.push_screen(QuickOpen(indexer, documents))  # type: ignore[arg-type]
                    await asyncio.sleep(0.05)
                    await drawn(app)
                    box, results = app.screen.query_one(Input), app.screen.query_one(OptionList)
                    if plain:
                        results.auto_links = True
                    for letter in query:
                        before = (box.value, results.option_count, id(results._options))
                        start = time.thread_time()
                        app.post_message(events.Key(letter if letter != " " else "space", letter))
                        while (box.value, results.option_count, id(results._options)) == before:
                            await asyncio.sleep(0.0005)
                        await drawn(app)
                        times.append(time.thread_time() - start)
                    app.pop_screen()
                    await asyncio.sleep(0.05)
                spent.append(times)
    finally:
        quick_open.RowVisual = fast  # type: ignore[assignment]
    return [min(letter) for letter in zip(*spent, strict=True)]


def _spread(values: Sequence[float]) -> str:
    ordered = sorted(values)
    ninety_fifth = ordered[max(int(len(ordered) * 0.95) - 1, 0)]
    return (
        f"median {median(values) * 1000:.1f} ms, 95th {ninety_fifth * 1000:.1f} ms,"
        f" slowest {ordered[-1] * 1000:.1f} ms"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--titles", type=int, default=50_000, help="synthetic titles")
    parser.add_argument("--rounds", type=int, default=3, help="best of this many a letter")
    args = parser.parse_args(argv)
    from interpol_tui.search.titles import TitleIndex

    documents = [
        SimpleNamespace(id=f"r{i}", title=synthetic_title(i), date=synthetic_date(i))
        for i in range(args.titles)
    ]
    index = TitleIndex((d.id, d.title, d.date) for d in documents)
    start = time.process_time()
    letters = 0
    for query in QUICK_QUERIES:
        index._cache.clear()
        for end in range(1, len(query) + 1):
            index.search(query[:end], limit=20)
            letters += 1
    search_ms = (time.process_time() - start) / letters * 1000
    print(f"{args.titles:,} titles; the title index alone {search_ms:.1f} ms CPU a letter")
    for name, plain in (("plain", True), ("ours", False), ("plain", True), ("ours", False)):
        found = asyncio.run(_letters(documents, index, plain, args.rounds))
        print(
            f"  {name:5} UI thread CPU a letter ({len(found)} letters, best of {args.rounds}):"
            f" {_spread(found)} (target for the whole letter, key to screen:"
            f" {TARGET_QUICK * 1000:.0f} ms)",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
