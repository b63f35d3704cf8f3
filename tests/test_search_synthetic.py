"""The benchmark's synthetic corpus: deterministic, realistic sizes, and loadable."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from interpol_tui.corpus.loader import load_corpus

ROOT = Path(__file__).resolve().parent.parent


def _synthetic() -> ModuleType:
    """benchmarks/synthetic.py (not a package: loaded by path)."""
    if "synthetic" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "synthetic", ROOT / "benchmarks" / "synthetic.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["synthetic"] = module
        spec.loader.exec_module(module)
    return sys.modules["synthetic"]


def test_same_seed_same_corpus_and_prefixes_agree() -> None:
    synthetic = _synthetic()
    first = [synthetic.synthetic_release(i) for i in range(20)]
    assert first == list(synthetic.synthetic_releases(20))
    assert [r.title for r in first[:5]] == [synthetic.synthetic_title(i) for i in range(5)]
    other = [synthetic.synthetic_release(i, seed=7) for i in range(20)]
    assert [r.title for r in other] != [r.title for r in first]


def test_bodies_are_3_to_6_kb_with_numbers_names_and_quotes() -> None:
    synthetic = _synthetic()
    releases = list(synthetic.synthetic_releases(60))
    for release in releases:
        size = len(release.body.encode("utf-8"))
        assert 3_000 <= size <= 6_144, size
        assert any(ch.isdigit() for ch in release.body)
        assert release.body.startswith(release.dateline + " – ")
    assert sum("“" in r.body for r in releases) > 40  # most releases quote someone
    assert len({r.title for r in releases}) == len(releases)


def test_written_corpus_loads_with_its_titles_and_dates(tmp_path: Path) -> None:
    synthetic = _synthetic()
    paths = synthetic.write_corpus(tmp_path / "corpus", 12, seed=3)
    assert len(paths) == 12
    corpus = load_corpus([tmp_path / "corpus"])
    assert corpus.warnings == ()
    expected = [synthetic.synthetic_release(i, seed=3) for i in range(12)]
    assert [d.title for d in corpus.documents] == [r.title for r in expected]
    assert [d.date for d in corpus.documents] == [r.date for r in expected]
    # Datelines with accented capitals ("BOGOTÁ") are not recognised by the cleaner yet.
    ascii_places = [
        (d, r) for d, r in zip(corpus.documents, expected, strict=True) if r.dateline.isascii()
    ]
    assert len(ascii_places) >= 8
    assert [d.dateline for d, _ in ascii_places] == [r.dateline for _, r in ascii_places]
