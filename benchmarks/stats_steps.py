"""Where a cold ``interpol-tui stats`` spends its CPU, step by step, and how busy the cores are.

    python benchmarks/stats_steps.py CORPUS_DIR [--src REV_OR_SRC_DIR] [--worker N]

Runs ``interpol-tui stats --corpus CORPUS_DIR`` cold (fresh ``XDG_*``
folders) in a child process with each step of the command timed: the
parent's CPU (``time.process_time``), the worker processes' CPU (ended
children, ``RUSAGE_CHILDREN``) and wall time, for reading and cleaning, the
analysis (done in the reading step's pool where ``stats`` reads and analyses each file
in one job), the statistics (reading the facts, grouping, dates, quantities,
entity counts) and printing the table (the last two run on one core after
the pool). It prints each step's CPU per release, the total extrapolated to
50,000 releases against the target (150 s wall on both cores), and the
utilisation (CPU seconds over wall seconds; 2.0 keeps both cores busy).

``--worker N`` also times the parts of the worker's job on N releases, in
one process (read, clean, analyse, encode, facts, digest, pickle the
result). ``--src`` runs the same with another ``src/`` folder (or a git
revision) right after, for a before/after pair in one run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TARGET_AT_50K = 150.0
"""Seconds of wall time for ``stats`` cold on 50,000 releases (issue 14)."""

PROBE = r"""
import resource, sys, time, json
from interpol_tui import cli

steps = []

def cpu():
    own = time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own, children.ru_utime + children.ru_stime, time.perf_counter()

def timed(module, name, label):
    original = getattr(module, name)
    def wrapper(*args, **kwargs):
        start = cpu()
        try:
            return original(*args, **kwargs)
        finally:
            end = cpu()
            steps.append((label, *(b - a for a, b in zip(start, end))))
    setattr(module, name, wrapper)

import interpol_tui.commands.common as common
import interpol_tui.state.reopen as reopen
import interpol_tui.analysis.aggregate as aggregate
timed(reopen, "open_corpus", "read, clean [+an.]")
timed(reopen, "analyse", "analysis")
timed(aggregate, "corpus_statistics", "statistics")
try:
    import interpol_tui.state.stored as stored
    timed(stored.StoredAnalyses, "fact_columns", "  facts read")
except AttributeError:
    pass
timed(aggregate, "group_indexes", "  grouping")
timed(aggregate, "place_by_series", "  dates")
timed(aggregate, "quantity_list", "  quantities")
timed(aggregate, "frequencies_of", "  entities")
import interpol_tui.commands.stats as stats_command
timed(stats_command, "_print_report", "table printed")
start = cpu()
status = cli.main(sys.argv[1:])
end = cpu()
steps.append(("total", *(b - a for a, b in zip(start, end))))
print(json.dumps(steps), file=sys.stderr)
sys.exit(status)
"""

WORKER = r"""
import pickle, sys, time
from pathlib import Path
from interpol_tui.corpus.loader import discover, load_file
from interpol_tui.analysis.headline import headline_of
from interpol_tui.analysis.pipeline import analyse_text
from interpol_tui.analysis.release_facts import release_facts
from interpol_tui.analysis.digest import release_digest
from interpol_tui.state.digests import encode_digest
from interpol_tui.state.fact_rows import encode_facts
from interpol_tui.state.stored import encode_analysis

sources, _ = discover([Path(sys.argv[1])])
sources = sources[: int(sys.argv[2])]
parts = {}
def add(name, start):
    now = time.process_time()
    parts[name] = parts.get(name, 0.0) + now - start
    return now
analyse_text("warm-up", "Warm up: 3 officers met in Lyon on 1 May 2024.", "Warm up")
for source in sources:
    t = time.process_time()
    documents, notes = load_file(source, 10_000_000, None)
    t = add("read and clean (load_file)", t)
    job = pickle.dumps((source.doc_id, documents, notes, 1, 1))
    pickle.loads(job)
    t = add("load result pickled", t)
    document = documents[0]
    headline = headline_of(document)
    t = add("headline", t)
    analysis = analyse_text(document.id, document.text, headline)
    t = add("analyse_text", t)
    data = encode_analysis(analysis, document.text)
    t = add("encode_analysis", t)
    facts = encode_facts(release_facts(document.id, document.title, document.text, analysis))
    t = add("release_facts + encode", t)
    digest = encode_digest(release_digest(document.id, document.text, analysis))
    t = add("release_digest + encode", t)
    result = pickle.dumps((document.id, data, digest, facts, None))
    pickle.loads(result)
    t = add("analysis result pickled", t)
total = sum(parts.values())
for name, seconds in parts.items():
    print(f"  {name:<28} {seconds / len(sources) * 1000:7.3f} ms  {seconds / total:5.1%}")
print(f"  {'all':<28} {total / len(sources) * 1000:7.3f} ms a release ({len(sources)} releases)")
"""


def _env(home: Path, src: Path | None) -> dict[str, str]:
    env = {**os.environ, "HOME": str(home)}
    for name in ("CACHE", "CONFIG", "DATA", "STATE"):
        env[f"XDG_{name}_HOME"] = str(home / name.lower())
    if src is not None:
        env["PYTHONPATH"] = str(src)
    return env


def _checkout(rev: str, into: Path) -> Path:
    given = Path(rev)
    if given.is_dir():
        return given.resolve()
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "src"], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into / "src"


def _steps(corpus: Path, src: Path | None, label: str, releases: int) -> None:
    import json

    with tempfile.TemporaryDirectory(prefix="stats-steps-") as tmp:
        home = Path(tmp)
        done = subprocess.run(
            [sys.executable, "-c", PROBE, "stats", "--corpus", str(corpus)],
            env=_env(home, src),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    lines = done.stderr.strip().splitlines()
    if done.returncode != 0 or not lines:
        print(done.stderr)
        raise SystemExit(f"{label}: stats failed ({done.returncode})")
    steps = json.loads(lines[-1])
    print(f"{label}: {releases:,} releases, cold `stats` (table)")
    heading = f"{'step':<18} {'parent CPU':>11} {'worker CPU':>11} {'wall':>8} {'ms/release':>11}"
    print(f"  {heading} util")
    for name, own, children, wall in steps:
        per = (own + children) / releases * 1000
        util = (own + children) / wall if wall > 0 else 0.0
        print(f"  {name:<18} {own:10.2f}s {children:10.2f}s {wall:7.2f}s {per:10.3f}  {util:4.2f}")
    print("  [+an.]: with the analysis, where one pool reads and analyses each file")
    _, own, children, wall = steps[-1]
    at_50k = wall / releases * 50_000
    print(
        f"  at 50,000 (scaled): {at_50k:.0f} s wall, {(own + children) / releases * 50_000:.0f} "
        f"CPU-s; target {TARGET_AT_50K:.0f} s wall: {'ok' if at_50k <= TARGET_AT_50K else 'missed'}"
        " (wall on a loaded machine is inflated)"
    )


def _worker(corpus: Path, count: int, src: Path | None, label: str) -> None:
    print(f"{label}: the worker's job, one process")
    with tempfile.TemporaryDirectory(prefix="stats-worker-") as tmp:
        subprocess.run(
            [sys.executable, "-c", WORKER, str(corpus), str(count)],
            env=_env(Path(tmp), src),
            check=True,
        )


def main() -> None:
    """Run the step timings (and the worker's parts), for this tree and ``--src``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--src", help="also run with this src/ folder or git revision")
    parser.add_argument("--worker", type=int, default=0, help="time the worker's job on N releases")
    parser.add_argument("--no-steps", action="store_true", help="only the worker's job")
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    releases = sum(1 for _ in corpus.rglob("*.txt"))
    with tempfile.TemporaryDirectory(prefix="stats-src-") as tmp:
        runs: list[tuple[str, Path | None]] = [("this tree", ROOT / "src")]
        if args.src:
            runs.append((f"--src {args.src}", _checkout(args.src, Path(tmp))))
        for label, src in runs:
            if args.worker:
                _worker(corpus, args.worker, src, label)
            if not args.no_steps:
                _steps(corpus, src, label, releases)


if __name__ == "__main__":
    main()
