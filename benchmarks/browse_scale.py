"""Opening and scrolling a big corpus: load time and per-keypress list response.

Writes ``N`` synthetic releases (benchmarks/synthetic.py) into a temporary
folder, then measures

- ``load_corpus`` alone (no UI): read, decode and clean every file;
- the app, headless at 120x40: from start until the list shows all N releases;
- the time each key takes to be handled and the screen redrawn, both while the
  analysis worker is still busy and once every worker is done.

    python benchmarks/browse_scale.py [--n 10000] [--keys 40] [--no-settle]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from statistics import median

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from synthetic import write_corpus  # noqa: E402
from textual import events  # noqa: E402

from interpol_tui.corpus.loader import load_corpus  # noqa: E402
from interpol_tui.ui.app import InterpolApp  # noqa: E402
from interpol_tui.ui.document_list import DocumentList  # noqa: E402

_CHARACTERS = {"j": "j", "k": "k", "o": "o"}


async def _frame_drawn(app: InterpolApp) -> None:
    """Return once the screen has been refreshed after every pending message."""
    drawn = asyncio.get_running_loop().create_future()
    app.screen.call_after_refresh(lambda: drawn.done() or drawn.set_result(None))
    await drawn


async def _key_times(
    app: InterpolApp,
    key: str,
    count: int,
    cpu: tuple[Callable[[], float], list[float]] | None = None,
) -> list[float]:
    """Seconds from a key press until its effect is on screen, ``count`` times.

    The key is posted as a terminal would send it; the time runs until the list
    has moved (or re-sorted), the screen has handled what followed (the reader
    showing the release) and the next frame has been drawn. Unlike
    ``Pilot.press`` this does not wait for the app to be idle, which it never
    is while a worker floods progress messages. With ``cpu`` (a clock of the
    UI thread's CPU time and a list), each key's CPU time is appended to the list.
    """
    documents = app.screen.query_one("#documents", DocumentList)
    times = []
    for _ in range(count):
        before = (documents.cursor, documents.sort_key)
        spent = cpu[0]() if cpu is not None else 0.0
        start = time.perf_counter()
        app.post_message(events.Key(key, _CHARACTERS.get(key)))
        while (documents.cursor, documents.sort_key) == before:
            if time.perf_counter() - start > 30:
                break  # the key had nothing to do (e.g. j on the last row)
            await asyncio.sleep(0.0005)
        await _frame_drawn(app)
        times.append(time.perf_counter() - start)
        if cpu is not None:
            cpu[1].append(cpu[0]() - spent)
    return times


def _ms(values: Sequence[float]) -> str:
    return f"median {median(values) * 1000:6.1f} ms, max {max(values) * 1000:6.1f} ms"


async def measure_app(folder: Path, n: int, keys: int, settle: bool) -> None:
    """Open the app on ``folder`` and time loading and key presses."""
    app = InterpolApp(corpus_paths=[folder])
    start = time.perf_counter()
    async with app.run_test(size=(120, 40)):
        documents = app.screen.query_one("#documents", DocumentList)
        while len(documents.rows) < n:
            await asyncio.sleep(0.01)
        await _frame_drawn(app)
        print(f"  app start -> list shows {n:,} releases: {time.perf_counter() - start:6.2f} s")
        busy = [worker.name for worker in app.workers if worker.is_running]
        label = f"while {', '.join(busy)} run(s)" if busy else "no worker running"
        print(f"  j ({label}): {_ms(await _key_times(app, 'j', keys))}")
        if settle:
            waited = time.perf_counter()
            while any(worker.is_running for worker in app.workers):
                await asyncio.sleep(0.1)
            print(f"  then waited for the workers: {time.perf_counter() - waited:6.1f} s")
            await _frame_drawn(app)
        print(f"  j:         {_ms(await _key_times(app, 'j', keys))}")
        print(f"  k:         {_ms(await _key_times(app, 'k', keys))}")
        print(f"  pagedown:  {_ms(await _key_times(app, 'pagedown', keys // 2))}")
        ends: list[float] = []
        for _ in range(3):  # alternate: a second "end" in a row has nothing to do
            ends += await _key_times(app, "end", 1) + await _key_times(app, "home", 1)
        print(f"  end/home:  {_ms(ends)}")
        print(f"  o (sort):  {_ms(await _key_times(app, 'o', 6))}")


def main(argv: Sequence[str] | None = None) -> int:
    """Write the corpus, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=10_000, help="releases (default 10,000)")
    parser.add_argument("--keys", type=int, default=40, help="presses per key (default 40)")
    parser.add_argument(
        "--no-settle",
        dest="settle",
        action="store_false",
        help="do not wait for the analysis workers before the second round of keys",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="interpol-bench-") as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        write_corpus(folder, args.n)
        print(f"{args.n:,} synthetic releases written in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        corpus = load_corpus([folder])
        elapsed = time.perf_counter() - started
        print(
            f"  load_corpus (no UI): {elapsed:6.2f} s "
            f"({elapsed / max(len(corpus.documents), 1) * 1e6:.0f} µs a release)"
        )
        asyncio.run(measure_app(folder, len(corpus.documents), args.keys, args.settle))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
