"""Reading the same releases as text, Markdown, saved web pages and one JSON Lines file.

    python benchmarks/formats.py [--n 10000] [--json]

Writes ``N`` synthetic releases (benchmarks/synthetic.py) four ways into a
temporary folder: text files (the baseline: what the browser read before it
read any other format), Markdown files with front matter, web pages as a
browser saves them (metadata, navigation, inline script and style, footer:
about 9 KB of page around each 3-6 KB article) and one JSON Lines file of
``N`` records. Each corpus is loaded with ``load_corpus`` in the same run, in
turn, and timed (wall and CPU of this process); the web pages' time includes
importing trafilatura. Every release must come out with the text version's
title, date and dateline; the count of those that do not is printed too.
"""

from __future__ import annotations

import argparse
import html
import json
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from synthetic import SyntheticRelease, synthetic_releases  # noqa: E402

from interpol_tui.corpus.loader import load_corpus  # noqa: E402
from interpol_tui.corpus.model import Corpus  # noqa: E402

_SCRIPT = "".join(
    f"window.dataLayer.push({{'event': 'view', 'slot': {n}, 'ts': Date.now()}});\n"
    for n in range(60)
)
_STYLE = "".join(f".block-{n} {{ margin: {n}px; padding: {n % 7}px; }}\n" for n in range(80))
_NAV = "".join(f"<li><a href='/section/{n}'>Section {n}</a></li>" for n in range(25))


def as_page(release: SyntheticRelease) -> str:
    """The release as a saved news page: metadata, navigation, script, style, footer."""
    title = html.escape(release.title)
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in release.body.split("\n\n"))
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title} | Example Police News</title>"
        f"<meta property='og:title' content='{title}'>"
        f"<meta property='article:published_time' content='{release.date}T10:00:00Z'>"
        f"<style>{_STYLE}</style><script>{_SCRIPT}</script></head><body>"
        f"<header><nav><ul>{_NAV}</ul></nav></header><main><article>"
        f"<h1>{title}</h1>{paragraphs}</article>"
        "<aside><h3>Related news</h3><ul><li><a href='/a'>Another story</a></li></ul></aside>"
        "</main><footer><p>© Example Police News</p><a href='/privacy'>Privacy</a></footer>"
        f"<script>{_SCRIPT}</script></body></html>\n"
    )


def as_markdown(release: SyntheticRelease) -> str:
    """The release as Markdown with front matter."""
    return f"---\ntitle: {release.title}\ndate: {release.date}\n---\n\n{release.body}\n"


def as_record(release: SyntheticRelease) -> str:
    """The release as one JSON Lines record."""
    fields = {"id": release.index, "title": release.title, "date": release.date}
    return json.dumps({**fields, "text": release.body}, ensure_ascii=False)


def write_all(folder: Path, n: int) -> dict[str, Path]:
    """Write the corpora; return each one's path."""
    paths = {name: folder / name for name in ("text", "markdown", "html")}
    for path in paths.values():
        path.mkdir()
    paths["jsonl"] = folder / "records.jsonl"
    with paths["jsonl"].open("w", encoding="utf-8") as records:
        for release in synthetic_releases(n):
            stem = f"release-{release.index:06d}"
            (paths["text"] / f"{stem}.txt").write_text(release.file_text(), encoding="utf-8")
            (paths["markdown"] / f"{stem}.md").write_text(as_markdown(release), encoding="utf-8")
            (paths["html"] / f"{stem}.html").write_text(as_page(release), encoding="utf-8")
            records.write(as_record(release) + "\n")
    return paths


def size_of(path: Path) -> int:
    """Bytes of a file, or of every file in a folder."""
    if path.is_file():
        return path.stat().st_size
    return sum(child.stat().st_size for child in path.iterdir())


def timed(load: Callable[[], Corpus]) -> tuple[Corpus, float, float]:
    """The corpus, and the wall and CPU seconds loading it took."""
    wall, cpu = time.perf_counter(), time.process_time()
    corpus = load()
    return corpus, time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    """Write the corpora, load each, print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="releases (default 10000)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="interpol-formats-") as tmp:
        paths = write_all(Path(tmp), args.n)
        baseline: dict[int, tuple[str, str | None, str | None]] = {}
        for name in ("text", "markdown", "html", "jsonl"):
            corpus, wall, cpu = timed(lambda path=paths[name]: load_corpus([path]))
            found = [(d.title, d.date, d.dateline) for d in corpus.documents]
            if name == "text":
                baseline = dict(enumerate(found))
            differing = sum(1 for i, meta in enumerate(found) if baseline.get(i) != meta)
            results[name] = {
                "releases": len(corpus.documents),
                "warnings": len(corpus.warnings),
                "mb": size_of(paths[name]) / 1e6,
                "wall_s": wall,
                "cpu_s": cpu,
                "us_per_release": wall / max(len(corpus.documents), 1) * 1e6,
                "differ_from_text": differing + abs(len(found) - len(baseline)),
            }
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if args.json:
        print(json.dumps({"n": args.n, "peak_rss_mb": peak, "formats": results}, indent=2))
        return 0
    text_wall, text_cpu = results["text"]["wall_s"], results["text"]["cpu_s"]
    print(f"{args.n:,} releases each; peak RSS {peak:,.0f} MB")
    header = f"{'format':<10}{'MB':>8}{'wall s':>9}{'cpu s':>8}{'µs/release':>12}"
    print(f"{header}{'× text wall':>13}{'× text cpu':>12}  differ")
    for name, row in results.items():
        print(
            f"{name:<10}{row['mb']:>8.1f}{row['wall_s']:>9.1f}{row['cpu_s']:>8.1f}"
            f"{row['us_per_release']:>12,.0f}{row['wall_s'] / text_wall:>13.2f}"
            f"{row['cpu_s'] / text_cpu:>12.2f}  "
            f"{row['differ_from_text']:.0f} (warnings: {row['warnings']:.0f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
