"""The app's memory on a large corpus, headless, from start until every background step is done.

    python benchmarks/app_memory.py CORPUS_DIR [--home DIR] [--tracemalloc] [--top N]

Runs the app headless (``App.run_test``, 120x40) on ``CORPUS_DIR`` with its
own ``XDG_*`` folders: a copy of ``--home`` (folders that the app or
``interpol-tui stats --corpus CORPUS_DIR`` filled, never written into) for a
warm start, else empty ones (cold: the analysis runs in worker processes
first). It polls until the list, the analysis, the statistics, the
across-release index and the search index are all there and no worker
runs, and prints for each step when it was reached and the app process's
memory then (resident now and its peak so far), then the peak against the
budget of 25 KB a release (2.5 GB at 100,000).

With ``--tracemalloc`` (several times slower) it also prints what Python
holds once idle, by source file, and the traced peak: the transient
high-water mark of Python's own allocations, which the resident peak
hides among the allocator's free lists.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

KB_PER_RELEASE = 25.0
"""The app's budget: 2.5 GB at 100,000 releases."""
QUIET = 3.0
"""Seconds with no worker running, every step reached, before the app counts as idle."""


def _status_mb() -> tuple[float, float]:
    """(resident, peak resident) of this process in MB, from /proc."""
    found = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0]) / 1024
    return found.get("VmRSS", 0.0), found.get("VmHWM", 0.0)


def _steps(screen: object) -> dict[str, bool]:
    """Which of the app's steps are done on the main screen."""
    from interpol_tui.ui.main_screen import MainScreen
    from interpol_tui.ui.stats_pane import StatsPane

    if not isinstance(screen, MainScreen):
        return {}
    stats = screen.query(StatsPane).first() if screen.query(StatsPane) else None
    return {
        "listed": screen.corpus is not None and bool(screen.corpus.documents),
        "analysed": bool(screen.analyses),
        "statistics": stats is not None and getattr(stats, "statistics", None) is not None,
        "across index": screen.across.index is not None,
        "search index": screen.search_indexer.indexes is not None,
    }


async def _run(
    folder: Path, limit: float, traced: list[tracemalloc.Snapshot]
) -> list[tuple[str, float, float, float]]:
    """The steps reached, each (name, seconds, resident MB, peak MB); a snapshot into ``traced``."""
    from interpol_tui.ui.app import InterpolApp

    app = InterpolApp([folder])
    reached: list[tuple[str, float, float, float]] = []
    start = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        quiet_since: float | None = None
        while time.perf_counter() - start < limit:
            await pilot.pause(0.25)
            now = time.perf_counter() - start
            steps = _steps(app.screen)
            for name, done in steps.items():
                if done and name not in {r[0] for r in reached}:
                    reached.append((name, now, *_status_mb()))
            running = any(not w.is_finished for w in app.workers)
            if steps and all(steps.values()) and not running:
                quiet_since = quiet_since if quiet_since is not None else now
                if now - quiet_since >= QUIET:
                    reached.append(("idle", now, *_status_mb()))
                    if tracemalloc.is_tracing():  # before the app is torn down
                        traced.append(tracemalloc.take_snapshot())
                    break
            else:
                quiet_since = None
        else:
            reached.append(("stopped (time limit)", time.perf_counter() - start, *_status_mb()))
    return reached


def _by_file(snapshot: tracemalloc.Snapshot, top: int) -> None:
    stats = snapshot.statistics("filename")
    total = sum(s.size for s in stats)
    print(f"\nheld once idle (tracemalloc), {total / 1e6:,.1f} MB in all; largest by file:")
    root = str(HERE.parent / "src") + os.sep
    for stat in stats[:top]:
        name = stat.traceback[0].filename.replace(root, "")
        print(f"  {stat.size / 1e6:8.1f} MB  {stat.count:>10,} blocks  {name}")


def main() -> int:
    """Run the app until idle and print its memory at each step."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a folder written by benchmarks/generate.py")
    parser.add_argument("--home", type=Path, help="XDG folders to copy (a built snapshot)")
    parser.add_argument("--tracemalloc", action="store_true", help="also what Python holds")
    parser.add_argument("--top", type=int, default=20, help="files listed with --tracemalloc")
    parser.add_argument("--limit", type=float, default=3600.0, help="seconds before giving up")
    args = parser.parse_args()
    count = sum(1 for _ in args.corpus.glob("*.txt"))
    home = Path(tempfile.mkdtemp(prefix="interpol-app-memory-"))
    try:
        for name in ("cache", "config", "data", "state"):
            source = args.home / name if args.home else None
            if source is not None and source.is_dir():
                shutil.copytree(source, home / name)
        os.environ.update(
            HOME=str(home),
            XDG_CACHE_HOME=str(home / "cache"),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "data"),
            XDG_STATE_HOME=str(home / "state"),
        )
        if args.tracemalloc:
            tracemalloc.start()
        before = _status_mb()[0]
        cpu = time.process_time()
        traced: list[tracemalloc.Snapshot] = []
        reached = asyncio.run(_run(args.corpus, args.limit, traced))
        cpu = time.process_time() - cpu
        kind = "warm (copy of --home)" if args.home else "cold (empty XDG folders)"
        print(f"{count:,} releases, {kind}; {before:,.0f} MB resident before the app")
        for name, at, rss, peak in reached:
            print(f"  {name:<22} at {at:7.1f} s: resident {rss:7,.0f} MB, peak so far {peak:7,.0f}")
        peak = max(r[3] for r in reached)
        budget = KB_PER_RELEASE * count / 1000
        per = (peak - before) * 1000 / count if count else 0.0
        verdict = "ok" if peak <= budget else "OVER"
        print(
            f"  peak {peak:,.0f} MB ({per:,.1f} KB a release over the start), target"
            f" {budget:,.0f} MB ({KB_PER_RELEASE:.0f} KB a release): {verdict};"
            f" CPU of this process {cpu:.1f} s"
        )
        if args.tracemalloc:
            _, traced_peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(f"  traced peak (Python's allocations at their top): {traced_peak / 1e6:,.0f} MB")
            if traced:
                _by_file(traced[0], args.top)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
