"""Opening, reopening and quitting a large corpus, each beside its anchor in the same run.

    python benchmarks/scale.py CORPUS_DIR [--runs 3] [--stats] [--keys 100] [--quick-open]

CORPUS_DIR is a folder written by ``benchmarks/generate.py`` (it is not
changed, except for one file that the "one changed" runs rewrite and put
back). Everything runs with its own temporary ``XDG_*`` folders, never the
user's. Measured, with medians over ``--runs``:

- the app in a pseudo-terminal, as a shell starts it: time to its first frame
  and until the list shows every release, and from ``ctrl+q`` until the
  process is gone, with the process's peak memory; cold (no snapshot), warm
  (unchanged corpus) and with one file changed; beside a minimal Textual
  app's first frame, run alternately with ours;
- ``load_corpus`` alone (no snapshot, one thread), the anchor for reading;
- with ``--keys N``: N presses of ``j`` in the headless app while the cold
  analysis runs, each timed from the key to the redrawn screen, with the UI
  thread's slowest slices meanwhile (``ui_slices.py``: CPU time, which the
  other jobs on the machine hardly change);
- with ``--quick-open``: letters typed into ``ctrl+p`` once its index exists,
  while the cold analysis runs, each timed from the key to the redrawn results;
- with ``--stats``: ``interpol-tui stats`` cold and warm, time and peak memory.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import resource
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from statistics import median

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from startup import _ESCAPES, MINIMAL_APP, _spawn_in_pty  # noqa: E402

TARGET_FRAME = 1.5
"""The first frame, and an unchanged corpus's list, within this many minimal frames."""
TARGET_CHANGED = 2.0
TARGET_QUIT = 0.5
TARGET_KEY = 0.050
"""A key in the list while the cold analysis runs (median; the issue says "at most")."""
TARGET_KEY_MAX = 0.150
"""The slowest of the keys."""
LINGER = 0.0
"""Seconds the app runs after listing before ctrl+q (``--linger``), so memory includes its work."""


def _env(home: Path) -> dict[str, str]:
    return {
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_DATA_HOME": str(home / "data"),
    }


def run_app(argv: Sequence[str], markers: dict[str, bytes], home: Path | None) -> dict[str, float]:
    """Seconds to each marker, then to exit after ctrl+q; ``peak_mb`` of the process."""
    saved = dict(os.environ)
    if home is not None:
        os.environ.update(_env(home))
    try:
        start = time.perf_counter()
        process, master = _spawn_in_pty(argv, (120, 40))
    finally:
        os.environ.clear()
        os.environ.update(saved)
    seen, marks = b"", {}
    deadline = start + 300
    usage: resource.struct_rusage | None = None

    def exited() -> bool:
        nonlocal usage
        if usage is None:
            pid, _, found = os.wait4(process.pid, os.WNOHANG)
            if pid:
                usage = found
                process.returncode = 0
        return usage is not None

    try:
        while len(marks) < len(markers) and time.perf_counter() < deadline:
            if not select.select([master], [], [], 0.2)[0]:
                if exited():
                    break
                continue
            try:
                chunk = os.read(master, 1 << 16)
            except OSError:
                break
            now = time.perf_counter()
            seen = (seen + chunk)[-(1 << 20) :]
            plain = _ESCAPES.sub(b"", seen)
            for name, marker in markers.items():
                if name not in marks and marker in plain:
                    marks[name] = now - start
        lingered = time.perf_counter()
        while time.perf_counter() - lingered < LINGER:  # let indexing and analysis run
            if select.select([master], [], [], 0.1)[0]:
                with contextlib.suppress(OSError):
                    os.read(master, 1 << 16)
        asked = time.perf_counter()
        os.write(master, b"\x11")
        while not exited() and time.perf_counter() - asked < 20:
            if select.select([master], [], [], 0.005)[0]:
                with contextlib.suppress(OSError):
                    os.read(master, 1 << 16)
        marks["quit"] = time.perf_counter() - asked
    finally:
        if not exited():
            os.killpg(process.pid, signal.SIGKILL)
            _, _, usage = os.wait4(process.pid, 0)
        os.close(master)
    if usage is not None:
        marks["peak_mb"] = usage.ru_maxrss / 1024
    missing = set(markers) - set(marks)
    if missing:
        raise RuntimeError(f"never showed {sorted(missing)}")
    return marks


def minimal_frame() -> float:
    """One start of the minimal Textual app: seconds to its first frame."""
    argv = [sys.executable, "-c", MINIMAL_APP]
    return run_app(argv, {"ready": b"minimal-app-ready"}, None)["ready"]


def _changed_file(corpus: Path) -> Path:
    return sorted(corpus.glob("*.txt"))[len(list(corpus.glob("*.txt"))) // 2]


def startup_rounds(corpus: Path, count: int, runs: int) -> dict[str, list[dict[str, float]]]:
    """Cold, warm and one-changed starts of the app, each after a minimal app's start."""
    ours = [sys.executable, "-m", "interpol_tui", "--corpus", str(corpus)]
    markers = {"frame": b"Releases", "listed": f"/{count:,}".encode()}
    results: dict[str, list[dict[str, float]]] = {"cold": [], "warm": [], "changed": []}
    warm_home = Path(tempfile.mkdtemp(prefix="interpol-scale-warm-"))
    target = _changed_file(corpus)
    original = target.read_bytes()
    try:
        minimal_frame()  # warm-up: disk caches, bytecode
        for _ in range(runs):
            cold_home = Path(tempfile.mkdtemp(prefix="interpol-scale-cold-"))
            try:
                timing = run_app(ours, markers, cold_home)
            finally:
                shutil.rmtree(cold_home, ignore_errors=True)
            results["cold"].append({**timing, "minimal": minimal_frame()})
        run_app(ours, markers, warm_home)  # fills the snapshot (its analysis goes on)
        for _ in range(runs):
            timing = run_app(ours, markers, warm_home)
            results["warm"].append({**timing, "minimal": minimal_frame()})
        for run in range(runs):
            target.write_bytes(original + f"\nEdited for run {run}.\n".encode())
            timing = run_app(ours, markers, warm_home)
            results["changed"].append({**timing, "minimal": minimal_frame()})
    finally:
        target.write_bytes(original)
        shutil.rmtree(warm_home, ignore_errors=True)
    return results


def load_anchor(corpus: Path) -> float:
    """Seconds for plain ``load_corpus`` (one thread, no snapshot)."""
    from interpol_tui.corpus.loader import load_corpus

    start = time.perf_counter()
    load_corpus([corpus])
    return time.perf_counter() - start


def stats_runs(corpus: Path) -> list[tuple[str, float, float]]:
    """``interpol-tui stats`` cold then warm: (label, seconds, peak MB)."""
    home = Path(tempfile.mkdtemp(prefix="interpol-scale-stats-"))
    found = []
    try:
        for label in ("cold", "warm"):
            argv = [sys.executable, "-m", "interpol_tui", "stats", "--corpus", str(corpus)]
            start = time.perf_counter()
            process = subprocess.Popen(
                argv, env={**os.environ, **_env(home)}, stdout=subprocess.DEVNULL
            )
            _, status, usage = os.wait4(process.pid, 0)
            elapsed = time.perf_counter() - start
            process.returncode = os.waitstatus_to_exitcode(status)
            if process.returncode:
                raise RuntimeError(f"stats exited with {process.returncode}")
            found.append((label, elapsed, usage.ru_maxrss / 1024))
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return found


async def key_times(corpus: Path, count: int, presses: int) -> tuple[list[float], bool, str]:
    """``j`` presses while the cold analysis runs: seconds each; True if it ran throughout.

    The third value reports the UI thread's slowest slices during the presses
    (``benchmarks/ui_slices.py``): CPU time, nearly independent of the load.
    """
    from browse_scale import _key_times
    from ui_slices import SliceRecorder

    from interpol_tui.ui.app import InterpolApp
    from interpol_tui.ui.document_list import DocumentList

    app = InterpolApp(corpus_paths=[corpus])
    recorder = SliceRecorder()
    async with app.run_test(size=(120, 40)):
        documents = app.screen.query_one("#documents", DocumentList)
        while len(documents.rows) < count:
            await asyncio.sleep(0.01)
        with recorder.installed():
            times = await _key_times(app, "j", presses)
        running = any(w.name == "analyse" and w.is_running for w in app.workers)
    return times, running, recorder.report()


QUICK_QUERIES = ("regional coopration", "cyber", "operaton trafficking", "summit")
"""Typed into quick-open a letter at a time (two with a typo), each letter timed."""
TARGET_QUICK = 0.050


async def quick_open_times(corpus: Path, count: int) -> tuple[list[float], bool, str]:
    """Each letter typed into quick-open (``ctrl+p``) once its index exists, during analysis.

    Timed from the key to the redrawn result list; True if the analysis was
    still running at the end; the UI thread's slowest slices meanwhile.
    """
    from browse_scale import _frame_drawn
    from textual import events
    from textual.widgets import Input, OptionList
    from ui_slices import SliceRecorder

    from interpol_tui.ui.app import InterpolApp
    from interpol_tui.ui.document_list import DocumentList
    from interpol_tui.ui.main_screen import MainScreen
    from interpol_tui.ui.quick_open import QuickOpen

    app = InterpolApp(corpus_paths=[corpus])
    recorder = SliceRecorder()
    times: list[float] = []
    give_up = time.perf_counter() + 600  # a hang guard
    async with app.run_test(size=(120, 40)):
        screen = app.screen
        assert isinstance(screen, MainScreen)
        documents = screen.query_one("#documents", DocumentList)
        while len(documents.rows) < count or not screen.search_indexer.ready:
            await asyncio.sleep(0.05)
        with recorder.installed():
            for query in QUICK_QUERIES:
                app.post_message(events.Key("ctrl+p", None))
                while not isinstance(app.screen, QuickOpen):
                    await asyncio.sleep(0.005)
                await _frame_drawn(app)
                box = app.screen.query_one(Input)
                results = app.screen.query_one(OptionList)
                for letter in query:
                    before = (box.value, results.option_count, id(results._options))
                    start = time.perf_counter()
                    app.post_message(events.Key(letter if letter != " " else "space", letter))
                    while (box.value, results.option_count, id(results._options)) == before:
                        if time.perf_counter() > give_up:
                            raise RuntimeError("quick-open never answered")
                        await asyncio.sleep(0.0005)
                    await _frame_drawn(app)
                    times.append(time.perf_counter() - start)
                app.post_message(events.Key("escape", None))
                while isinstance(app.screen, QuickOpen):
                    await asyncio.sleep(0.005)
        running = any(w.name == "analyse" and w.is_running for w in app.workers)
    return times, running, recorder.report()


def _ms(value: float) -> str:
    return f"{value * 1000:,.0f} ms"


def report_startup(results: dict[str, list[dict[str, float]]]) -> None:
    """Print medians and each figure against its target."""
    for label, rounds in results.items():
        if not rounds:
            continue
        minimal = median(r["minimal"] for r in rounds)
        frame = median(r["frame"] for r in rounds)
        listed = median(r["listed"] for r in rounds)
        worst_frame = max(r["frame"] / r["minimal"] for r in rounds)
        quit_time = max(r["quit"] for r in rounds)
        peak = max(r.get("peak_mb", 0.0) for r in rounds)
        print(
            f"  {label:8} minimal {_ms(minimal)} | first frame {_ms(frame)} "
            f"({frame / minimal:.2f}x, worst {worst_frame:.2f}x) | list {_ms(listed)} "
            f"({listed / minimal:.2f}x) | ctrl+q worst {_ms(quit_time)} | peak {peak:,.0f} MB"
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("corpus", type=Path, help="a folder written by benchmarks/generate.py")
    parser.add_argument("--runs", type=int, default=3, help="starts of each kind (default 3)")
    parser.add_argument("--keys", type=int, default=0, help="j presses during cold analysis")
    parser.add_argument("--stats", action="store_true", help="also time interpol-tui stats")
    parser.add_argument(
        "--quick-open", action="store_true", help="time typing into quick-open (ctrl+p)"
    )
    parser.add_argument("--no-startup", dest="startup", action="store_false")
    parser.add_argument("--linger", type=float, default=0.0, help="seconds before ctrl+q")
    args = parser.parse_args(argv)
    global LINGER
    LINGER = args.linger
    corpus = args.corpus.resolve()
    count = len(list(corpus.rglob("*.txt")))
    print(f"{count:,} releases in {corpus}; load average {os.getloadavg()[0]:.1f}")
    anchor = load_anchor(corpus)
    print(f"  load_corpus (anchor, one thread, no snapshot): {anchor:.2f} s")
    if args.startup:
        report_startup(startup_rounds(corpus, count, args.runs))
    if args.keys:
        home = Path(tempfile.mkdtemp(prefix="interpol-scale-keys-"))
        os.environ.update(_env(home))
        try:
            times, running, slices = asyncio.run(key_times(corpus, count, args.keys))
        finally:
            shutil.rmtree(home, ignore_errors=True)
        ordered = sorted(times)
        print(
            f"  j during cold analysis ({'still running' if running else 'finished during'}): "
            f"median {_ms(median(times))}, 95th {_ms(ordered[int(len(ordered) * 0.95) - 1])}, "
            f"max {_ms(max(times))} (targets: median {_ms(TARGET_KEY)}, max {_ms(TARGET_KEY_MAX)})"
        )
        print(f"  UI thread during those keys: {slices}")
    if args.quick_open:
        home = Path(tempfile.mkdtemp(prefix="interpol-scale-quick-"))
        os.environ.update(_env(home))
        try:
            times, running, slices = asyncio.run(quick_open_times(corpus, count))
        finally:
            shutil.rmtree(home, ignore_errors=True)
        ordered = sorted(times)
        print(
            f"  quick-open, {len(times)} letters typed "
            f"({'analysis still running' if running else 'analysis finished during'}): "
            f"median {_ms(median(times))}, 95th {_ms(ordered[int(len(ordered) * 0.95) - 1])}, "
            f"max {_ms(max(times))} (target {_ms(TARGET_QUICK)})"
        )
        print(f"  UI thread while typing: {slices}")
    if args.stats:
        for label, elapsed, peak in stats_runs(corpus):
            print(f"  stats {label}: {elapsed:.1f} s, peak {peak:,.0f} MB")
    print(f"  load average at the end {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
