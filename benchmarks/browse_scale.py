"""Opening and scrolling a big corpus: load time and per-keypress list response.

Writes ``N`` synthetic releases (benchmarks/synthetic.py) into a temporary
folder, then measures

- ``load_corpus`` alone (no UI): read, decode and clean every file;
- the app, headless at 120x40: from start until the list shows all N releases;
- the time each key takes to be handled and the screen redrawn, both while the
  analysis worker is still busy and once every worker is done.

    python benchmarks/browse_scale.py [--n 10000] [--keys 40]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from statistics import median

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from synthetic import write_corpus  # noqa: E402
from textual.pilot import Pilot  # noqa: E402

from interpol_tui.corpus.loader import load_corpus  # noqa: E402
from interpol_tui.ui.app import InterpolApp  # noqa: E402
from interpol_tui.ui.document_list import DocumentList  # noqa: E402


async def _key_times(pilot: Pilot[None], key: str, count: int) -> list[float]:
    """Seconds to handle ``key`` and redraw, ``count`` times."""
    times = []
    for _ in range(count):
        start = time.perf_counter()
        await pilot.press(key)
        await pilot.pause()
        times.append(time.perf_counter() - start)
    return times


def _ms(values: Sequence[float]) -> str:
    return f"median {median(values) * 1000:6.1f} ms, max {max(values) * 1000:6.1f} ms"


async def measure_app(folder: Path, n: int, keys: int) -> None:
    """Open the app on ``folder`` and time loading and key presses."""
    app = InterpolApp(corpus_paths=[folder])
    start = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        documents = app.screen.query_one("#documents", DocumentList)
        while len(documents.rows) < n:
            await asyncio.sleep(0.01)
        print(f"  app start -> list shows {n:,} releases: {time.perf_counter() - start:6.2f} s")
        busy = any(worker.is_running for worker in app.workers)
        label = "while workers run" if busy else "workers already done"
        print(f"  j ({label}):            {_ms(await _key_times(pilot, 'j', keys))}")
        waited = time.perf_counter()
        await app.workers.wait_for_complete()
        print(f"  waited for the remaining workers: {time.perf_counter() - waited:6.2f} s")
        await pilot.pause()
        print(f"  j:         {_ms(await _key_times(pilot, 'j', keys))}")
        print(f"  k:         {_ms(await _key_times(pilot, 'k', keys))}")
        print(f"  pagedown:  {_ms(await _key_times(pilot, 'pagedown', keys // 2))}")
        print(
            f"  end/home:  {_ms(await _key_times(pilot, 'end', 3) + await _key_times(pilot, 'home', 3))}"
        )
        print(f"  o (sort):  {_ms(await _key_times(pilot, 'o', 6))}")


def main(argv: Sequence[str] | None = None) -> int:
    """Write the corpus, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=10_000, help="releases (default 10,000)")
    parser.add_argument("--keys", type=int, default=40, help="presses per key (default 40)")
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
        asyncio.run(measure_app(folder, len(corpus.documents), args.keys))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
