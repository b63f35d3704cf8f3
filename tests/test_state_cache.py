"""The analysis cache: exact round trip, reuse of unchanged releases, recovery from damage."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from interpol_tui.analysis.model import (
    DateSpan,
    DocumentAnalysis,
    EntitySpan,
    Figure,
    Quote,
)
from interpol_tui.analysis.pipeline import analyse_document
from interpol_tui.corpus.loader import load_corpus
from interpol_tui.corpus.model import Corpus, Document
from interpol_tui.state import StatePaths, codec
from interpol_tui.state.cache import AnalysisCache


class CountingAnalyser:
    """analyse_document, counting the releases it was asked to analyse."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, document: Document) -> DocumentAnalysis:
        self.seen.append(document.id)
        return analyse_document(document)


@pytest.fixture
def corpus(seeds_dir: Path, tmp_path: Path) -> Corpus:
    folder = tmp_path / "corpus"
    shutil.copytree(seeds_dir, folder)
    for path in folder.iterdir():
        path.chmod(0o644)
    return load_corpus([folder])


def test_codec_round_trip_is_exact_on_the_seeds(corpus: Corpus) -> None:
    for document in corpus.documents:
        analysis = analyse_document(document)
        encoded = json.loads(json.dumps(codec.encode(analysis, document.text)))
        assert codec.decode(document.id, encoded, document.text) == analysis


def test_codec_keeps_text_that_is_not_the_slice() -> None:
    text = "Jürgen Stock said: “We are 195 countries” on 22 March 2017."
    analysis = DocumentAnalysis(
        "d",
        entities=(EntitySpan(0, 12, "Jürgen Stock", "person", "Jürgen Stock", role="SG"),),
        figures=(Figure(27, 30, "195", 195.0, None, None, "countries", "not here", 0),),
        quotes=(Quote(20, 41, "We are 195 countries", "Jürgen Stock", group=2),),
        dates=(DateSpan(46, 59, "odd text", "2017-03-22"),),
    )
    assert codec.decode("d", codec.encode(analysis, text), text) == analysis
    encoded = codec.encode(analysis, text)
    assert encoded["entities"][0][2] is None  # the slice is not stored twice
    assert encoded["dates"][0][2] == "odd text"


def test_codec_rejects_malformed_records() -> None:
    with pytest.raises(codec.CodecError):
        codec.decode("d", {"entities": [[1, 2]]}, "text")
    with pytest.raises(codec.CodecError):
        codec.decode("d", [], "text")


def test_reopening_an_unchanged_corpus_skips_analysis(corpus: Corpus) -> None:
    paths = StatePaths.default()
    analyser = CountingAnalyser()
    first = AnalysisCache(paths).load_or_analyse(corpus, analyser)
    assert len(analyser.seen) == 5
    again = CountingAnalyser()
    cache = AnalysisCache(paths)
    second = cache.load_or_analyse(corpus, again)
    assert again.seen == []
    assert (cache.report.reused, cache.report.analysed, cache.report.saved) == (5, 0, False)
    assert second == first
    assert cache.file_for(corpus.roots).is_relative_to(paths.cache_dir)


def test_a_changed_file_is_analysed_alone(corpus: Corpus) -> None:
    paths = StatePaths.default()
    AnalysisCache(paths).load_or_analyse(corpus, CountingAnalyser())
    changed = corpus.documents[2].path
    changed.write_text(changed.read_text() + "\nINTERPOL met in Lyon in 2024.\n")
    reloaded = load_corpus(corpus.roots)
    analyser = CountingAnalyser()
    result = AnalysisCache(paths).load_or_analyse(reloaded, analyser)
    assert analyser.seen == [reloaded.documents[2].id]
    assert result[reloaded.documents[2].id] == analyse_document(reloaded.documents[2])


def test_no_cache_analyses_everything_and_refreshes_the_file(corpus: Corpus) -> None:
    paths = StatePaths.default()
    AnalysisCache(paths).load_or_analyse(corpus, CountingAnalyser())
    analyser = CountingAnalyser()
    AnalysisCache(paths).load_or_analyse(corpus, analyser, use_cache=False)
    assert len(analyser.seen) == 5


def test_another_program_version_does_not_reuse_and_old_folders_go(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = StatePaths.default()
    cache = AnalysisCache(paths)
    cache.load_or_analyse(corpus, CountingAnalyser())
    old_folder = cache.file_for(corpus.roots).parent
    monkeypatch.setattr("interpol_tui.state.cache.program_fingerprint", lambda: "0123456789abcdef")
    analyser = CountingAnalyser()
    AnalysisCache(paths).load_or_analyse(corpus, analyser)
    assert len(analyser.seen) == 5
    assert not old_folder.exists()
    assert (paths.analysis_cache_dir / "0123456789abcdef").is_dir()


@pytest.mark.parametrize("damage", [b"{", b"\x00\x01", b"[]", b'{"format": 1, "entries": 5}'])
def test_a_damaged_cache_is_ignored_and_rebuilt(corpus: Corpus, damage: bytes) -> None:
    paths = StatePaths.default()
    file = AnalysisCache(paths).file_for(corpus.roots)
    file.parent.mkdir(parents=True)
    file.write_bytes(damage)
    analyser = CountingAnalyser()
    cache = AnalysisCache(paths)
    cache.load_or_analyse(corpus, analyser)
    assert len(analyser.seen) == 5
    assert cache.report.saved
    assert json.loads(file.read_text())["format"] == 1
    assert len(cache.report.warnings) <= 1
    assert all("moved aside" in warning for warning in cache.report.warnings)


def test_a_damaged_entry_is_reanalysed(corpus: Corpus) -> None:
    paths = StatePaths.default()
    cache = AnalysisCache(paths)
    cache.load_or_analyse(corpus, CountingAnalyser())
    file = cache.file_for(corpus.roots)
    data = json.loads(file.read_text())
    first_key = next(iter(data["entries"]))
    data["entries"][first_key]["analysis"] = {"entities": [["broken"]]}
    file.write_text(json.dumps(data))
    analyser = CountingAnalyser()
    AnalysisCache(paths).load_or_analyse(corpus, analyser)
    assert len(analyser.seen) == 1


def test_an_analyser_error_is_a_warning_for_that_release_only(corpus: Corpus) -> None:
    failing = corpus.documents[1].id

    def analyse(document: Document) -> DocumentAnalysis:
        if document.id == failing:
            raise ValueError("boom")
        return analyse_document(document)

    cache = AnalysisCache(StatePaths.default())
    result = cache.load_or_analyse(corpus, analyse)
    assert result[failing] == DocumentAnalysis(failing)
    assert len(result) == 5
    assert cache.report.warnings == [f"{failing}: analysis failed (ValueError: boom)"]


def test_cancelling_returns_early_without_saving(corpus: Corpus) -> None:
    cache = AnalysisCache(StatePaths.default())
    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    result = cache.load_or_analyse(corpus, analyse_document, cancelled=cancelled)
    assert len(result) == 2
    assert not cache.file_for(corpus.roots).exists()


def test_progress_is_reported(corpus: Corpus) -> None:
    seen: list[tuple[int, int]] = []
    AnalysisCache(StatePaths.default()).load_or_analyse(
        corpus, analyse_document, progress=lambda done, total: seen.append((done, total))
    )
    assert seen == [(i, 5) for i in range(1, 6)]
