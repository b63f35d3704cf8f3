"""Hostile releases and queries that once took quadratic time or more, made to measure.

Each family builds a raw release (what a file holds) of about ``n`` characters
from a repeated fragment; nothing here is copied from a real release. The
tests run them at the size that froze the program (issue 12) and larger, the
fuzz target mixes their fragments, and ``benchmarks/growth.py`` times them at
n, 2n and 4n. Families name the code they once froze.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.style import Style

from interpol_tui.analysis.aggregate import Statistics, corpus_statistics
from interpol_tui.analysis.model import DocumentAnalysis
from interpol_tui.analysis.searchable import names_by_doc
from interpol_tui.corpus.loader import load_corpus
from interpol_tui.corpus.model import Corpus
from interpol_tui.search.fulltext import SearchResults
from interpol_tui.search.indexes import build_indexes
from interpol_tui.state.paths import StatePaths
from interpol_tui.state.reopen import analyse
from interpol_tui.state.snapshot import CorpusSnapshot
from interpol_tui.ui.reader_layout import ReleaseLayout, layout_release

HEADLINE = "Hostile release made for a growth test\n\n"
LEDE = "LYON, France – "
WRAPPED_LINE = "officers from many countries met in lyon to talk of crime\n"


def _repeat(fragment: str, n: int) -> str:
    return fragment * max(n // len(fragment), 1)


@dataclass(frozen=True, slots=True)
class Family:
    """A pathological input: how to build it at ``n`` characters, and what it once froze."""

    name: str
    froze: str
    build: Callable[[int], str]
    issue_size: int
    """The size that froze the program (or a size well past the knee of its curve)."""


FAMILIES: tuple[Family, ...] = (
    Family(
        "initialisms",
        "cleaning: repair_sentences rescanned a space-free run per match",
        lambda n: HEADLINE + LEDE + _repeat("U.S.", n),
        30_000,
    ),
    Family(
        "glued abbreviations",
        "cleaning: the same rescan ('e.g.A' repeated)",
        lambda n: HEADLINE + LEDE + _repeat("e.g.A", n),
        30_000,
    ),
    Family(
        "run of dots",
        "analysis: the sentence-end regex backtracked",
        lambda n: HEADLINE + LEDE + "Officers said" + "." * n + "x",
        40_000,
    ),
    Family(
        "unbreakable word",
        "reader: folding a word re-measured the rest of it for each line",
        lambda n: HEADLINE + "A" * n,
        2_000_000,
    ),
    Family(
        "opening marks",
        "analysis: _starts_sentence recursed once per quote, bracket or dash",
        lambda n: HEADLINE + LEDE + _repeat("“ ( – ", n) + "Police said so.",
        6_000,
    ),
    Family(
        "quotations",
        "analysis: each quotation re-read its whole sentence for a speaker",
        lambda n: HEADLINE + LEDE + _repeat("“Police” ", n),
        40_000,
    ),
    Family(
        "figures",
        "analysis: each figure copied and lower-cased its whole sentence",
        lambda n: HEADLINE + LEDE + _repeat("5% of ", n),
        40_000,
    ),
    Family(
        "dashes",
        "analysis: each dash looked back to its line's start for a dateline",
        lambda n: HEADLINE + LEDE + _repeat("– Police ", n),
        40_000,
    ),
    Family(
        "glued headings",
        "cleaning: each rejected heading junction rescanned from the last one",
        lambda n: HEADLINE + LEDE + _repeat("a, bcdThe ", n),
        40_000,
    ),
    Family(
        "distinct figures",
        "statistics: each figure was compared with every other of its release",
        lambda n: HEADLINE + LEDE + " ".join(f"{i} officers met." for i in range(1, n // 16)),
        64_000,
    ),
    Family(
        "hard-wrapped lines",
        "cleaning: each wrapped line was added to a growing paragraph string",
        lambda n: HEADLINE + _repeat(WRAPPED_LINE, n),
        200_000,
    ),
    Family(
        "spaced lede",
        "cleaning: cutting a long lede into a title tried every start in a run of spaces",
        lambda n: "officers" + " " * n + "met.",
        20_000,
    ),
)

QUERY_FAMILIES: tuple[tuple[str, Callable[[int], str]], ...] = (
    ("repeated prefix", lambda n: _repeat("t* ", n)),
    ("alternating prefixes", lambda n: _repeat("t* u* ", n)),
    ("nested groups", lambda n: _repeat("((((a))))", n)),
    ("deep group", lambda n: "(" * (n // 2) + "a" + ")" * (n // 2)),
)
"""Full-text queries (``n`` characters) whose cost grew faster than their length."""


def family(name: str) -> Family:
    """The family called ``name``."""
    return next(f for f in FAMILIES if f.name == name)


STAGES = ("load", "analyse", "cache", "stats", "search", "render")
"""What :class:`Pipeline` runs, in order (``benchmarks/growth.py`` times each)."""


class Pipeline:
    """One release's way through the program, headless: load, analyse, cache, stats, search, render.

    Load reads and cleans the file; analyse runs the analysis through the corpus
    snapshot (which stores it); cache reads it back from a reopened snapshot and
    must give the same analysis without analysing again;
    stats groups the figures into quantities as the statistics pane does;
    search indexes the release and runs ``query``; render lays the release out
    as the reader does.
    """

    def __init__(self, folder: Path, state: Path, query: str = "police", width: int = 80) -> None:
        self.folder = folder
        self.paths = StatePaths(state / "config", state / "state", state / "cache")
        self.query = query
        self.width = width
        self.corpus: Corpus | None = None
        self.analyses: dict[str, DocumentAnalysis] = {}
        self.results: SearchResults | None = None
        self.statistics: Statistics | None = None
        self.warnings: list[str] = []
        self.layouts: list[ReleaseLayout] = []

    def stage(self, name: str) -> None:
        """Run stage ``name`` (each needs the ones before it)."""
        getattr(self, f"_{name}")()

    def run(self) -> Pipeline:
        """Run every stage."""
        for name in STAGES:
            self.stage(name)
        return self

    def _load(self) -> None:
        self.corpus = load_corpus([self.folder])

    def _snapshot(self) -> CorpusSnapshot:
        assert self.corpus is not None
        return CorpusSnapshot.for_corpus(self.paths, self.corpus.roots, self.warnings.append)

    def _analyse(self) -> None:
        assert self.corpus is not None
        self.warnings = []
        self.analyses = dict(analyse(self.corpus, self._snapshot(), warn=self.warnings.append))

    def _cache(self) -> None:
        assert self.corpus is not None
        snapshot = self._snapshot()
        again = dict(analyse(self.corpus, snapshot, warn=self.warnings.append))
        assert again == self.analyses, "the snapshot gave back a different analysis"
        stored = snapshot.analysed()
        assert all(stored.get(d.id) == d.sha256 for d in self.corpus.documents) or self.warnings

    def _stats(self) -> None:
        assert self.corpus is not None
        self.statistics = corpus_statistics(self.corpus, self.analyses)

    def _search(self) -> None:
        assert self.corpus is not None
        indexes = build_indexes(self.corpus, names_by_doc(self.analyses.values()))
        assert indexes is not None
        self.results = indexes.fulltext.search(self.query)
        indexes.fulltext.close()

    def _render(self) -> None:
        assert self.corpus is not None
        console = Console(width=self.width, color_system=None)
        self.layouts = [
            layout_release(document, self.width, console, Style(), Style())
            for document in self.corpus.documents
        ]


def write_release(folder: Path, raw: str, name: str = "release.txt") -> Path:
    """Write ``raw`` as a release file in ``folder`` (created) and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(raw, encoding="utf-8")
    return path
