"""Growth benchmark: each hostile input of issue 12 at n, 2n and 4n characters.

    python benchmarks/growth.py            # n = 32,000 characters, best of 3
    python benchmarks/growth.py --n 500000 --repeats 1
    python benchmarks/growth.py --json

Each family (tests/pathological.py: "U.S." repeated, a run of dots, one
unbreakable word, thousands of opening marks, ...) is written as a release and
sent the whole way through the program, headless: load and clean, analyse
(saving the cache), read the cache back, index and search, lay out for the
reader at 80 columns. The table gives the CPU time of that (this process's,
which a busy machine disturbs less than wall time; the best of ``--repeats``)
at n, 2n and 4n characters, and the ratios per doubling: linear work doubles
(2.0x), quadratic work quadruples. A plain release of the same size (synthetic
press-release paragraphs, benchmarks/synthetic.py) is the baseline. Hostile
queries are timed the same way against the seeds' full-text index, at n/128,
n/64 and n/32 characters.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))


def _load(name: str, path: Path) -> object:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


pathological = _load("pathological", HERE.parent / "tests" / "pathological.py")

from synthetic import synthetic_release  # noqa: E402

from interpol_tui.corpus.loader import load_corpus  # noqa: E402
from interpol_tui.corpus.seeds import bundled_seeds  # noqa: E402
from interpol_tui.search.fulltext import FullTextIndex  # noqa: E402

MAX_RATIO = 2.0
"""Per doubling of the input, what linear work costs (the issue's target: about 2x)."""


def plain_release(n: int) -> str:
    """A release of about ``n`` characters of ordinary press-release paragraphs."""
    paragraphs: list[str] = []
    size = 0
    index = 0
    while size < n:
        body = synthetic_release(index).body
        paragraphs.append(body)
        size += len(body) + 2
        index += 1
    return "Plain release of the same size\n\n" + "\n\n".join(paragraphs)[:n]


def _best(run: Callable[[], None], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def time_release(raw: str, repeats: int) -> float:
    """CPU seconds for ``raw`` through load, analyse, cache, search and render."""

    def run() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            pathological.write_release(root / "corpus", raw)
            pathological.Pipeline(root / "corpus", root / "state").run()

    return _best(run, repeats)


def measure(n: int, repeats: int) -> list[dict[str, object]]:
    """One row per family: seconds at n, 2n, 4n and the ratios per doubling."""
    sizes = (n, 2 * n, 4 * n)
    rows: list[dict[str, object]] = []
    builders: list[tuple[str, Callable[[int], str]]] = [("plain release", plain_release)]
    builders += [(f.name, f.build) for f in pathological.FAMILIES]
    time_release(plain_release(1_000), 1)  # warm-up: the gazetteer, imports
    for name, build in builders:
        seconds = [time_release(build(size), repeats) for size in sizes]
        rows.append(_row(name, "release", sizes, seconds))
        print(_format(rows[-1]), file=sys.stderr, flush=True)
    index = FullTextIndex()
    index.add(load_corpus([bundled_seeds()]).documents)
    query_sizes = (n // 128, n // 64, n // 32)
    for name, make in pathological.QUERY_FAMILIES:
        seconds = [_best(_searcher(index, make(size)), repeats) for size in query_sizes]
        rows.append(_row(name, "query", query_sizes, seconds))
        print(_format(rows[-1]), file=sys.stderr, flush=True)
    return rows


def _searcher(index: FullTextIndex, query: str) -> Callable[[], None]:
    def run() -> None:
        index.search(query)

    return run


def _row(name: str, kind: str, sizes: tuple[int, ...], seconds: list[float]) -> dict[str, object]:
    floor = 1e-4  # below the clock's grain a ratio means nothing
    ratios = [max(b, floor) / max(a, floor) for a, b in itertools.pairwise(seconds)]
    return {
        "family": name,
        "kind": kind,
        "sizes": list(sizes),
        "seconds": seconds,
        "ratios": ratios,
    }


def _format(row: dict[str, object]) -> str:
    seconds = row["seconds"]
    ratios = row["ratios"]
    assert isinstance(seconds, list) and isinstance(ratios, list)
    times = " | ".join(f"{s * 1000:,.0f} ms" for s in seconds)
    growth = " | ".join(f"{r:.1f}x" for r in ratios)
    return f"| {row['family']} ({row['kind']}) | {times} | {growth} |"


def main() -> int:
    """Print the growth table (Markdown) or, with ``--json``, the rows."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=32_000, help="smallest size, in characters")
    parser.add_argument("--repeats", type=int, default=3, help="runs per size (the best is kept)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    rows = measure(args.n, args.repeats)
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    n = args.n
    print(f"| input (release: n = {n:,} chars; query: n/128) | n | 2n | 4n | 2n/n | 4n/2n |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        print(_format(row))
    worst = max(r for row in rows for r in row["ratios"])  # type: ignore[attr-defined]
    print(f"\nworst ratio per doubling: {worst:.1f}x (linear: {MAX_RATIO:.1f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
