"""Instructions a cold ``interpol-tui stats`` costs a release, parent and workers (callgrind).

    python benchmarks/stats_instructions.py CORPUS_DIR [--sizes 300,600] [--src REV_OR_SRC_DIR]

CPU seconds on a shared machine move with its load; instruction counts do
not. This runs ``stats`` cold (fresh ``XDG_*`` folders) under
``valgrind --tool=callgrind --trace-children=yes`` on the first N releases
of CORPUS_DIR (copied into a temporary folder), for each size given, and
prints the instructions of the parent process and of the worker processes
(with multiprocessing's resource tracker), and the cost of one more release
(the slope between the sizes: the fixed costs, imports and pool start-up,
fall out). ``--src`` runs the same with another ``src/`` folder (or a git
revision) right after, for a before/after pair in one run. Slow: about 50
times the run's CPU time.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from stats_steps import _checkout, _env  # noqa: E402 - one definition of the env and checkout


def _count(folder: Path) -> tuple[int, int]:
    """(parent, workers) instructions from the callgrind files in ``folder``."""
    parent = workers = 0
    for file in folder.glob("cg.*"):
        text = file.read_text(errors="replace")
        cmd = re.search(r"^cmd: (.*)$", text, re.M)
        total = re.search(r"^(?:summary|totals): (\d+)", text, re.M)
        if total is None:
            continue
        if cmd is not None and "-m interpol_tui" in cmd.group(1):
            parent += int(total.group(1))
        else:
            workers += int(total.group(1))
    return parent, workers


def _run(corpus: Path, size: int, src: Path | None, tmp: Path) -> tuple[int, int]:
    part = tmp / f"corpus-{size}"
    if not part.exists():
        part.mkdir()
        for file in sorted(corpus.rglob("*.txt"))[:size]:
            shutil.copy2(file, part / file.name)
    out = tmp / f"cg-{size}-{len(list(tmp.iterdir()))}"
    out.mkdir()
    home = out / "home"
    home.mkdir()
    command = [
        "valgrind", "--tool=callgrind", "--trace-children=yes",
        f"--callgrind-out-file={out}/cg.%p", "--dump-instr=no", "--compress-strings=no",
        sys.executable, "-m", "interpol_tui", "stats", "--corpus", str(part),
    ]  # fmt: skip
    subprocess.run(
        command,
        env=_env(home, src),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    return _count(out)


def main() -> None:
    """Count the instructions for this tree and ``--src``, at each size."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--sizes", default="300,600", help="releases per run (default 300,600)")
    parser.add_argument("--src", help="also run with this src/ folder or git revision")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="stats-instr-") as name:
        tmp = Path(name)
        runs: list[tuple[str, Path | None]] = [("this tree", HERE.parent / "src")]
        if args.src:
            runs.append((f"--src {args.src}", _checkout(args.src, tmp)))
        for label, src in runs:
            counts = [(size, *_run(args.corpus.resolve(), size, src, tmp)) for size in sizes]
            print(f"{label}: cold `stats`, instructions (G)")
            for size, parent, workers in counts:
                print(
                    f"  {size:>6} releases: parent {parent / 1e9:7.2f}"
                    f"  workers {workers / 1e9:7.2f}  all {(parent + workers) / 1e9:7.2f}"
                )
            if len(counts) >= 2:
                (n0, p0, w0), (n1, p1, w1) = counts[0], counts[-1]
                per_p, per_w = (p1 - p0) / (n1 - n0), (w1 - w0) / (n1 - n0)
                print(
                    f"  a release more: parent {per_p / 1e6:.1f} M, workers {per_w / 1e6:.1f} M,"
                    f" all {(per_p + per_w) / 1e6:.1f} M instructions"
                )


if __name__ == "__main__":
    main()
