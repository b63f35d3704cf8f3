"""Analysis throughput: KB/s of clean text analysed, and the time for one 5 KB release.

    python benchmarks/analysis_throughput.py                 # 1,000 synthetic releases
    python benchmarks/analysis_throughput.py -n 5000 --json  # more releases, JSON out
    python benchmarks/analysis_throughput.py --corpus DIR    # a folder of real releases

The synthetic releases come from ``benchmarks/synthetic.py`` (3–6 KB each) and
are cleaned by the real loader, as the app does; only ``analyse_document`` is
timed (wall clock, and CPU time of this process, which a busy machine disturbs
less). The first call builds the place gazetteer (pycountry): it is timed apart
as "warm-up" and left out of the throughput. "5 KB release" is the median and
95th percentile over the releases of 4.5–5.5 KB, each analysed several times
and its fastest run kept (the least disturbed by the machine).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from statistics import median, quantiles

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from interpol_tui.analysis.pipeline import analyse_document  # noqa: E402
from interpol_tui.corpus.loader import load_corpus  # noqa: E402
from interpol_tui.corpus.model import Document  # noqa: E402

_REPEATS = 5


def _documents(corpus: Path | None, n: int) -> list[Document]:
    if corpus is not None:
        return list(load_corpus([corpus]).documents)
    from synthetic import write_corpus

    with tempfile.TemporaryDirectory() as folder:
        write_corpus(Path(folder), n)
        return list(load_corpus([Path(folder)]).documents)


def measure(documents: list[Document]) -> dict[str, float]:
    """Time analysis of ``documents``; return the figures the report prints."""
    start = time.perf_counter()
    analyse_document(documents[0])
    warm_up = time.perf_counter() - start

    chars = sum(len(doc.text.encode("utf-8")) for doc in documents)
    start, cpu_start = time.perf_counter(), time.process_time()
    for doc in documents:
        analyse_document(doc)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start

    five_kb = [doc for doc in documents if 4_500 <= len(doc.text.encode("utf-8")) <= 5_500]
    per_release: list[float] = []
    for doc in five_kb:
        runs = []
        for _ in range(_REPEATS):
            begin = time.perf_counter()
            analyse_document(doc)
            runs.append(time.perf_counter() - begin)
        per_release.append(min(runs))
    p95 = quantiles(per_release, n=20)[-1] if len(per_release) >= 2 else float("nan")
    return {
        "releases": len(documents),
        "kilobytes": chars / 1024,
        "seconds": elapsed,
        "kb_per_second": chars / 1024 / elapsed,
        "kb_per_cpu_second": chars / 1024 / cpu,
        "warm_up_ms": warm_up * 1000,
        "five_kb_releases": len(five_kb),
        "five_kb_median_ms": median(per_release) * 1000 if per_release else float("nan"),
        "five_kb_p95_ms": p95 * 1000,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="synthetic releases (default 1000)")
    parser.add_argument("--corpus", type=Path, help="analyse this folder instead")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    documents = _documents(args.corpus, args.n)
    if not documents:
        print("no releases to analyse", file=sys.stderr)
        return 2
    result = measure(documents)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"releases analysed     {result['releases']:,} ({result['kilobytes']:,.0f} KB)")
    print(
        f"throughput            {result['kb_per_second']:,.0f} KB/s "
        f"({result['kb_per_cpu_second']:,.0f} KB per CPU second)"
    )
    print(f"warm-up (first call)  {result['warm_up_ms']:.1f} ms")
    print(
        f"5 KB release          median {result['five_kb_median_ms']:.2f} ms, "
        f"p95 {result['five_kb_p95_ms']:.2f} ms ({result['five_kb_releases']} releases)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
