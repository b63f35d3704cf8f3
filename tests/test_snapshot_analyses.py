"""Analyses in the corpus snapshot: exact round trip, reuse of unchanged releases, recovery."""

from __future__ import annotations

import json
import shutil
import sqlite3
import zlib
from pathlib import Path

import pytest

from interpol_tui.analysis import pipeline
from interpol_tui.analysis.model import (
    DateSpan,
    DocumentAnalysis,
    EntitySpan,
    Figure,
    Quote,
)
from interpol_tui.analysis.pipeline import analyse_document
from interpol_tui.corpus.loader import load_corpus
from interpol_tui.corpus.model import Corpus
from interpol_tui.corpus.pool import Cancelled
from interpol_tui.state import StatePaths, codec
from interpol_tui.state import snapshot as snapshot_module
from interpol_tui.state.reopen import analyse
from interpol_tui.state.snapshot import CorpusSnapshot

real_analyse = pipeline.analyse_text


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The releases analysed (a small corpus is analysed in this process)."""
    analysed: list[str] = []

    def counting(doc_id: str, text: str, headline: str = "") -> DocumentAnalysis:
        analysed.append(doc_id)
        return real_analyse(doc_id, text, headline)

    monkeypatch.setattr(pipeline, "analyse_text", counting)
    return analysed


def snapshot_of(corpus: Corpus, warnings: list[str] | None = None) -> CorpusSnapshot:
    warn = warnings.append if warnings is not None else pytest.fail
    return CorpusSnapshot.for_corpus(StatePaths.default(), corpus.roots, warn)


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


def test_reopening_an_unchanged_corpus_skips_analysis(corpus: Corpus, seen: list[str]) -> None:
    first = dict(analyse(corpus, snapshot_of(corpus)))
    assert len(seen) == 5
    assert first == {d.id: analyse_document(d) for d in corpus.documents}
    seen.clear()
    snapshot = snapshot_of(corpus)
    assert dict(analyse(corpus, snapshot)) == first
    assert seen == []
    assert snapshot.file.is_relative_to(StatePaths.default().cache_dir)


def test_a_changed_file_is_analysed_alone(corpus: Corpus, seen: list[str]) -> None:
    dict(analyse(corpus, snapshot_of(corpus)))
    changed = corpus.documents[2].path
    changed.write_text(changed.read_text() + "\nINTERPOL met in Lyon in 2024.\n")
    reloaded = load_corpus(corpus.roots)
    seen.clear()
    result = analyse(reloaded, snapshot_of(reloaded))
    assert seen == [reloaded.documents[2].id]
    assert result[reloaded.documents[2].id] == analyse_document(reloaded.documents[2])


def test_no_cache_analyses_everything_and_refreshes_the_rows(
    corpus: Corpus, seen: list[str]
) -> None:
    dict(analyse(corpus, snapshot_of(corpus)))
    seen.clear()
    analyse(corpus, snapshot_of(corpus), reuse=False)
    assert len(seen) == 5


def test_another_program_version_does_not_reuse(
    corpus: Corpus, seen: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    dict(analyse(corpus, snapshot_of(corpus)))
    monkeypatch.setattr(snapshot_module, "analysis_fingerprint", lambda: "0123456789abcdef")
    seen.clear()
    snapshot = snapshot_of(corpus)
    analyse(corpus, snapshot)
    assert len(seen) == 5
    assert snapshot.analysed().keys() == {d.id for d in corpus.documents}


@pytest.mark.parametrize(
    "damage", [b"{", b"\x00\x01", b"[]", b"SQLite format 3\x00" + b"\xff" * 200]
)
def test_a_damaged_snapshot_is_set_aside_and_rebuilt(
    corpus: Corpus, seen: list[str], damage: bytes
) -> None:
    warnings: list[str] = []
    snapshot = snapshot_of(corpus, warnings)
    snapshot.file.parent.mkdir(parents=True)
    snapshot.file.write_bytes(damage)
    expected = {d.id: analyse_document(d) for d in corpus.documents}
    seen.clear()
    assert dict(analyse(corpus, snapshot)) == expected
    assert len(seen) == 5
    # SQLite takes some files too short for its header as empty; others are moved aside.
    assert len(warnings) == 1 if damage.startswith(b"SQLite") else len(warnings) <= 1
    assert all("moved aside" in warning for warning in warnings)
    assert snapshot_of(corpus).analysed().keys() == {d.id for d in corpus.documents}


def test_a_damaged_row_is_reanalysed_once(corpus: Corpus, seen: list[str]) -> None:
    dict(analyse(corpus, snapshot_of(corpus)))
    first = corpus.documents[0]
    broken = zlib.compress(json.dumps({"entities": [["broken"]]}).encode())
    with sqlite3.connect(snapshot_of(corpus).file) as db:
        db.execute("UPDATE analyses SET data = ? WHERE doc_id = ?", (broken, first.id))
    expected = [analyse_document(d) for d in corpus.documents]
    seen.clear()
    analyses = analyse(corpus, snapshot_of(corpus))
    assert [analyses[d.id] for d in corpus.documents] == expected
    assert seen == [first.id]
    seen.clear()
    again = analyse(corpus, snapshot_of(corpus))
    assert again[first.id] == analyses[first.id] and seen == []  # stored again


def test_an_analyser_error_is_a_warning_for_that_release_only(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing = corpus.documents[1].id

    def raising(doc_id: str, text: str, headline: str = "") -> DocumentAnalysis:
        if doc_id == failing:
            raise ValueError("boom")
        return real_analyse(doc_id, text, headline)

    monkeypatch.setattr(pipeline, "analyse_text", raising)
    warnings: list[str] = []
    result = analyse(corpus, snapshot_of(corpus), warn=warnings.append)
    assert result[failing] == DocumentAnalysis(failing)
    assert len(result) == 5 and result.failed == {failing}
    assert warnings == [f"{failing}: analysis failed (ValueError: boom)"]


def test_cancelling_stops_early_without_saving(corpus: Corpus) -> None:
    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    snapshot = snapshot_of(corpus)
    with pytest.raises(Cancelled):
        analyse(corpus, snapshot, cancelled=cancelled)
    assert snapshot.analysed() == {}


def test_progress_is_reported(corpus: Corpus) -> None:
    seen: list[tuple[int, int]] = []
    analyse(corpus, snapshot_of(corpus), progress=lambda done, total: seen.append((done, total)))
    assert seen == [(i, 5) for i in range(1, 6)]
