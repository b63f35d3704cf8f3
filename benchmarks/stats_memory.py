"""Memory and time of the statistics alone, from a corpus snapshot already built.

    python benchmarks/stats_memory.py CORPUS_DIR [--home DIR] [--src REV_OR_SRC_DIR]

``stats`` cold on a large corpus is mostly analysis (minutes at 50,000
releases); this measures what comes after it. With ``--home`` (a folder of
``XDG_*`` folders that ``interpol-tui stats --corpus CORPUS_DIR`` was run
with, kept), the snapshot there is used; without it, a temporary one is
built first by a cold ``stats``. Then, each in a fresh process:

- the statistics step alone (``corpus_statistics`` on the snapshot's facts),
  as the app's worker runs it, with the all-figures table's rows, its value
  order and one filter: CPU seconds and the process's peak memory over what
  it held before (per release, against the app's budget of 25 KB a release
  for everything, listing included);
- ``interpol-tui stats`` warm (its stored report replayed): wall and CPU
  time, peak memory and bytes written, against the targets (5 s and 2 GB
  at 50,000 releases).

``--src`` runs the statistics step with another ``src/`` folder (or a git
revision, checked out to a temporary folder) in the same way, for a
before/after pair in one run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
APP_KB_PER_RELEASE = 25.0
WARM_SECONDS_AT_50K = 5.0
PEAK_MB = 2000.0

STEP = r"""
import gc, resource, sys, time
from pathlib import Path
from interpol_tui.analysis.aggregate import corpus_statistics
from interpol_tui.state.paths import StatePaths
from interpol_tui.state.reopen import analyse, open_corpus
from interpol_tui.state.snapshot import CorpusSnapshot
from interpol_tui.ui.figure_table import index_figures

def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

corpus = Path(sys.argv[1])
snapshot = CorpusSnapshot.for_corpus(StatePaths.default(), [corpus], print)
documents = open_corpus([corpus], snapshot).corpus
analyses = analyse(documents, snapshot, reuse=True, warn=print)
gc.collect()
before = peak()
start = time.process_time()
statistics = corpus_statistics(documents, analyses)
grouped = time.process_time() - start
rows = index_figures(statistics)
if hasattr(rows, "order"):
    rows.matching("countries", rows.order("value"))
else:  # the code before the columns: a list of rows and their search texts
    listed, texts = rows
    order = sorted(range(len(listed)), key=lambda i: -listed[i].figure.value)
    [i for i in order if "countries" in texts[i]]
total = time.process_time() - start
print(len(documents.documents), grouped, total, before, peak(), len(statistics.quantities))
"""


def _env(home: Path, src: Path | None) -> dict[str, str]:
    env = {
        **os.environ,
        **{f"XDG_{n}_HOME": str(home / n.lower()) for n in ("CACHE", "CONFIG", "DATA", "STATE")},
    }
    if src is not None:
        env["PYTHONPATH"] = str(src)
    return env


def _source(spec: str, scratch: Path) -> Path:
    """A ``src`` folder: the one given, or git revision ``spec`` checked out under ``scratch``."""
    if Path(spec).is_dir():
        return Path(spec).resolve()
    target = scratch / "src-rev"
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(target), spec],
        check=True,
        capture_output=True,
    )
    return target / "src"


def statistics_step(corpus: Path, home: Path, src: Path | None, label: str) -> None:
    """Run the statistics step in a fresh process and print its figures."""
    found = subprocess.run(
        [sys.executable, "-c", STEP, str(corpus)],
        env=_env(home, src),
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    count, grouped, total, before, peak = int(found[0]), *map(float, found[1:5])
    per_release = (peak - before) * 1024 / count
    print(
        f"  statistics alone ({label}): {grouped:.1f} CPU-s grouping, {total:.1f} CPU-s with the "
        f"figures table (rows, value order, a filter); peak {peak:,.0f} MB, "
        f"{peak - before:,.0f} MB over the opened corpus ({per_release:.1f} KB a release; "
        f"the app's budget is {APP_KB_PER_RELEASE:.0f} KB a release for everything); "
        f"{found[5]} quantities"
    )


def warm_stats(corpus: Path, home: Path, count: int) -> None:
    """``stats`` replayed from its stored report (run once first so that one is stored)."""
    argv = [sys.executable, "-m", "interpol_tui", "stats", "--corpus", str(corpus)]
    subprocess.run(argv, env=_env(home, None), check=True, stdout=subprocess.DEVNULL)
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        process = subprocess.Popen(argv, env=_env(home, None), stdout=out)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status):
            raise RuntimeError("stats failed")
        size = out.tell()
    target = WARM_SECONDS_AT_50K * count / 50_000
    print(
        f"  stats warm: {elapsed:.1f} s, {usage.ru_utime + usage.ru_stime:.1f} CPU-s (target "
        f"{target:.1f} s at this size, {WARM_SECONDS_AT_50K:.0f} s at 50,000), peak "
        f"{usage.ru_maxrss / 1024:,.0f} MB (target {PEAK_MB:,.0f} MB), {size / 1e6:,.1f} MB written"
    )


def main() -> int:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--home", type=Path, help="XDG folders with the corpus's snapshot (kept)")
    parser.add_argument("--src", help="also run the statistics step with this src/ or revision")
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    scratch = Path(tempfile.mkdtemp(prefix="interpol-stats-memory-"))
    home = args.home.resolve() if args.home else scratch / "home"
    try:
        count = len(list(corpus.rglob("*.txt")))
        print(f"{count:,} releases in {corpus}; load average {os.getloadavg()[0]:.1f}")
        if args.home is None:
            start = time.perf_counter()
            argv = [sys.executable, "-m", "interpol_tui", "stats", "--corpus", str(corpus)]
            subprocess.run(argv, env=_env(home, None), check=True, stdout=subprocess.DEVNULL)
            print(f"  snapshot built by a cold stats: {time.perf_counter() - start:.0f} s")
        if args.src:
            statistics_step(corpus, home, _source(args.src, scratch), f"--src {args.src}")
        statistics_step(corpus, home, ROOT / "src", "this tree")
        warm_stats(corpus, home, count)
        print(f"  load average at the end {os.getloadavg()[0]:.1f}")
    finally:
        if (scratch / "src-rev").exists():
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(scratch / "src-rev")],
                check=False,
            )
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
