"""The statistics pane's building and filling: the UI thread's slices from a warm start.

Usage::

    python benchmarks/stats_fill.py CORPUS_DIR --home HOME [--size 120x40]

``HOME`` holds the ``cache``, ``config``, ``data`` and ``state`` folders of a
run that built the corpus's snapshot (``interpol-tui stats`` with those
``XDG_*`` folders); it is copied first, never written. The app starts
headless on the copy and runs until the statistics are shown and every
worker is done; every slice of the UI thread's event loop is timed
(``benchmarks/ui_slices.py``): its CPU time, the figure to trust on a loaded
machine, and its slowest slices, each named. Target: no slice over 100 ms
of UI CPU, so that a key pressed meanwhile is answered within 150 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

TARGET_SLICE = 0.100
"""The longest slice of UI CPU a key may have to wait for."""


async def _measure(corpus: Path, size: tuple[int, int]) -> tuple[float, str, float]:
    from ui_slices import SliceRecorder

    from interpol_tui.ui.app import InterpolApp
    from interpol_tui.ui.stats_pane import StatsPane

    app = InterpolApp(corpus_paths=[corpus])
    recorder = SliceRecorder()
    start = time.perf_counter()
    async with app.run_test(size=size):
        with recorder.installed():
            stats = app.screen.query_one(StatsPane)
            for _ in range(12_000):  # a hang guard: ten minutes
                if stats.statistics is not None and not any(w.is_running for w in app.workers):
                    break
                await asyncio.sleep(0.05)
            await asyncio.sleep(1.0)  # what the last frame drew
        shown = time.perf_counter() - start
    longest = recorder.longest()
    return shown, recorder.report(10), longest.cpu if longest else 0.0


def main() -> int:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("corpus", type=Path, help="a folder written by benchmarks/generate.py")
    parser.add_argument("--home", type=Path, required=True, help="XDG folders of a built run")
    parser.add_argument("--size", default="120x40", help="terminal size (default 120x40)")
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.split("x"))
    work = Path(tempfile.mkdtemp(prefix="interpol-stats-fill-"))
    try:
        home = work / "home"
        shutil.copytree(args.home, home, ignore=shutil.ignore_patterns("*.out", "*.err", "pid"))
        os.environ["HOME"] = str(home)
        for name in ("cache", "config", "data", "state"):
            os.environ[f"XDG_{name.upper()}_HOME"] = str(home / name)
        print(f"{args.corpus}; load average {os.getloadavg()[0]:.1f}")
        shown, report, longest = asyncio.run(_measure(args.corpus.resolve(), (width, height)))
        from interpol_tui.corpus import pool

        pool.terminate_all(2.0)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"  statistics shown and workers done after {shown:.1f} s")
    target = TARGET_SLICE * 1000
    print(f"  slowest slice {longest * 1000:.0f} ms of UI CPU (target {target:.0f} ms)")
    print(f"  UI thread: {report}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
