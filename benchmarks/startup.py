"""Time to first frame of interpol-tui on the seeds, against a minimal Textual app.

Each run starts a fresh process in a pseudo-terminal (as a user's shell would)
and measures, from the moment the process is spawned, until the terminal output
first shows a marker text: for the minimal app its one line of text, for ours
the title of the release list ("first frame") and then the first release's
title ("corpus shown"). Prints the medians of several runs and the ratio.

    python benchmarks/startup.py [--runs 9] [--imports]

``--imports`` also lists what our app imports before its first frame that the
minimal app does not, with ``python -X importtime`` self/cumulative times.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TARGET_RATIO = 1.3

MINIMAL_APP = """
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

class Minimal(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("minimal-app-ready")
        yield Footer()

Minimal().run()
"""

# Escape sequences (CSI, OSC, and two-character ones) stripped before looking
# for the marker, so styles between characters do not hide it.
_ESCAPES = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")


@dataclass(frozen=True)
class Timing:
    """Seconds from spawn to each marker of one run."""

    marks: dict[str, float]


def _spawn_in_pty(
    argv: Sequence[str], size: tuple[int, int]
) -> tuple[subprocess.Popen[bytes], int]:
    master, slave = pty.openpty()
    columns, rows = size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(columns), LINES=str(rows))
    env.pop("TEXTUAL", None)
    # An installed package has its bytecode cached, as Textual's has here; without
    # this, a PYTHONDONTWRITEBYTECODE=1 shell recompiles only our source every run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    process = subprocess.Popen(
        list(argv),
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=ROOT,
        start_new_session=True,
        close_fds=True,
    )
    os.close(slave)
    return process, master


def time_markers(
    argv: Sequence[str], markers: dict[str, bytes], size: tuple[int, int] = (120, 40)
) -> Timing:
    """Run ``argv`` in a pseudo-terminal; return when each marker first appeared."""
    start = time.perf_counter()
    process, master = _spawn_in_pty(argv, size)
    seen = b""
    marks: dict[str, float] = {}
    deadline = start + 60
    try:
        while len(marks) < len(markers) and time.perf_counter() < deadline:
            ready, _, _ = select.select([master], [], [], 0.5)
            if not ready:
                if process.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            now = time.perf_counter()
            seen += chunk
            plain = _ESCAPES.sub(b"", seen)
            for name, marker in markers.items():
                if name not in marks and marker in plain:
                    marks[name] = now - start
    finally:
        _stop(process, master)
    missing = set(markers) - set(marks)
    if missing:
        tail = _ESCAPES.sub(b"", seen)[-400:].decode("utf-8", "replace")
        raise RuntimeError(f"{' '.join(argv)}: never showed {sorted(missing)}; output: {tail!r}")
    return Timing(marks)


def _stop(process: subprocess.Popen[bytes], master: int) -> None:
    """Quit the app as a user would (ctrl+q), then make sure the process is gone."""
    try:
        os.write(master, b"\x11")
        # Keep draining output so the app is never blocked writing to the terminal.
        end = time.perf_counter() + 3
        while process.poll() is None and time.perf_counter() < end:
            if select.select([master], [], [], 0.05)[0]:
                try:
                    os.read(master, 65536)
                except OSError:
                    break
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(master)


def first_title() -> bytes:
    """The first release's title as the list shows it (cut to fit, so its first words)."""
    sys.path.insert(0, str(ROOT / "src"))
    from interpol_tui.corpus.loader import load_corpus

    title = load_corpus([SEEDS]).documents[0].title
    return " ".join(title.split()[:3]).encode()


def measure(runs: int, size: tuple[int, int]) -> dict[str, list[float]]:
    """Alternate minimal and interpol-tui runs (so drift hits both); return all timings."""
    ours = [sys.executable, "-m", "interpol_tui", "--corpus", str(SEEDS)]
    minimal = [sys.executable, "-c", MINIMAL_APP]
    title = first_title()
    results: dict[str, list[float]] = {"minimal": [], "first frame": [], "corpus shown": []}
    # One warm-up of each: the first run pays for cold disk caches and .pyc writes.
    time_markers(minimal, {"ready": b"minimal-app-ready"}, size)
    time_markers(ours, {"frame": b"Releases"}, size)
    for _ in range(runs):
        results["minimal"].append(
            time_markers(minimal, {"ready": b"minimal-app-ready"}, size).marks["ready"]
        )
        timing = time_markers(ours, {"frame": b"Releases", "corpus": title}, size)
        results["first frame"].append(timing.marks["frame"])
        results["corpus shown"].append(timing.marks["corpus"])
    return results


# Runs the app headless until its first frame with workers never started, so
# that -X importtime sees only what the UI thread imports on the way to it
# (a worker's imports happen at the same time and would muddle the times).
PROBE = """
import sys, time
from textual.worker import Worker
Worker._start = lambda self, app, done_callback=None: None
from interpol_tui.cli import build_parser
args = build_parser().parse_args(["--corpus", sys.argv[1]])
from pathlib import Path
from interpol_tui.ui import app
class Probe(app.InterpolApp):
    CSS_PATH = str(Path(app.__file__).with_name("app.tcss"))
    def on_mount(self) -> None:
        self.call_after_refresh(self.exit)
Probe(corpus_paths=args.corpus).run(headless=True, size=(120, 40))
"""


def import_report(limit: int = 25) -> str:
    """Modules our app imports before its first frame and the minimal app does not."""

    def importtime(code: str, *extra: str) -> dict[str, tuple[int, int]]:
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", code, *extra],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        times: dict[str, tuple[int, int]] = {}
        for line in result.stderr.splitlines():
            parts = line.split("|")
            if len(parts) == 3 and parts[0].startswith("import time:") and "self" not in line:
                self_us = int(parts[0].split(":")[1])
                times[parts[2].strip()] = (self_us, int(parts[1]))
        return times

    minimal = importtime(MINIMAL_APP.replace("Minimal().run()", "pass"))
    ours = importtime(PROBE, str(SEEDS))
    extra = {name: t for name, t in ours.items() if name not in minimal}
    total_ms = sum(self_us for self_us, _ in extra.values()) / 1000
    lines = [
        f"{len(extra)} modules imported by interpol-tui's UI thread before its first frame "
        f"and not by the minimal app: {total_ms:.0f} ms of import time in all.",
        f"{'self ms':>8} {'cumul ms':>9}  module (heaviest {limit} by self time)",
    ]
    heaviest = sorted(extra.items(), key=lambda item: item[1][0], reverse=True)[:limit]
    for name, (self_us, cumulative_us) in heaviest:
        lines.append(f"{self_us / 1000:8.1f} {cumulative_us / 1000:9.1f}  {name}")
    ours_pkg = sorted(name for name in extra if name.startswith("interpol_tui"))
    lines.append("interpol_tui modules loaded by then: " + ", ".join(ours_pkg))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Measure, print medians and the ratio; exit 1 when over the target."""
    parser = argparse.ArgumentParser(description="Time to first frame vs a minimal Textual app.")
    parser.add_argument("--runs", type=int, default=9, help="runs of each app (default 9)")
    parser.add_argument("--size", default="120x40", help="terminal size (default 120x40)")
    parser.add_argument("--imports", action="store_true", help="also list extra imports")
    args = parser.parse_args(argv)
    columns, rows = (int(n) for n in args.size.split("x"))
    results = measure(args.runs, (columns, rows))
    minimal = median(results["minimal"])
    print(f"Python {sys.version.split()[0]}, {args.runs} runs each, terminal {args.size}")
    for name, values in results.items():
        print(
            f"  {name:13} median {median(values) * 1000:6.0f} ms"
            f"   (min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f})"
        )
    ratio = median(results["first frame"]) / minimal
    print(f"  ratio first frame / minimal: {ratio:.2f}x (target <= {TARGET_RATIO}x)")
    print(f"  ratio corpus shown / minimal: {median(results['corpus shown']) / minimal:.2f}x")
    if args.imports:
        print()
        print(import_report())
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
