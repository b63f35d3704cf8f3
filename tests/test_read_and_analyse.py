"""Reading and analysing each file in one job gives what the two pools one after the other gave."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from test_snapshot import write_release
from test_stats_shortcuts import _columns_as_read

from interpol_tui import cli
from interpol_tui.analysis import pipeline
from interpol_tui.analysis.aggregate import corpus_statistics
from interpol_tui.corpus import pool
from interpol_tui.state.read_and_analyse import ReadAndAnalyse
from interpol_tui.state.reopen import analyse, open_corpus
from interpol_tui.state.snapshot import CorpusSnapshot
from interpol_tui.state.stored import StoredAnalyses

TABLES = ("files", "texts", "analyses", "facts", "digests", "sources")


def _corpus(tmp_path: Path, seeds_dir: Path, *, records: bool) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(seeds_dir, folder)
    for index in range(4):
        write_release(folder, index)
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not a release \xff" * 40)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    if records:  # a records file: its releases are analysed after the reading, as before
        record = {"title": "Operation Records seizes 12 tonnes", "date": "2024-03-01"}
        lines = [
            json.dumps({**record, "id": f"r{i}", "text": f"Lyon, France - {10 + i} arrests."})
            for i in range(3)
        ]
        (folder / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _rows(file: Path) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(file) as db:
        return {t: sorted(db.execute(f"SELECT * FROM {t}").fetchall()) for t in TABLES}


def _both(folder: Path, tmp_path: Path, warnings: list[str], reuse: bool = True) -> tuple[Any, ...]:
    """The corpus, analyses and warnings of the two pools, then of the one."""
    made = []
    for name, fused in (("two", False), ("one", True)):
        snapshot = CorpusSnapshot(tmp_path / f"{name}.sqlite3", warnings.append)
        ready = ReadAndAnalyse(snapshot, reuse=reuse, columns=True) if fused else None
        said: list[str] = []
        corpus = open_corpus([folder], snapshot, reuse=reuse, analysing=ready).corpus
        analyses = analyse(
            corpus, snapshot, reuse=reuse, warn=said.append, columns=True, ready=ready
        )
        made.append((snapshot, corpus, analyses, said))
    return tuple(made)


@pytest.mark.parametrize("records", [False, True])
def test_one_job_a_file_gives_the_two_pools_snapshot_and_statistics(
    tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch, records: bool
) -> None:
    folder = _corpus(tmp_path, seeds_dir, records=records)
    real = pipeline.analyse_text

    def failing(doc_id: str, text: str, headline: str = "") -> Any:
        if doc_id.startswith("release-002"):  # a failed release: said, left out, in both
            raise RuntimeError("bug")
        return real(doc_id, text, headline)

    monkeypatch.setattr(pipeline, "analyse_text", failing)
    warnings: list[str] = []
    (two, corpus2, analyses2, said2), (one, corpus1, analyses1, said1) = _both(
        folder, tmp_path, warnings
    )
    assert warnings == []
    assert corpus1.warnings == corpus2.warnings and len(corpus1.warnings) >= 2
    assert [(d.id, d.sha256, d.title, d.text) for d in corpus1.documents] == [
        (d.id, d.sha256, d.title, d.text) for d in corpus2.documents
    ]
    assert said1 == said2 and len(said1) == 1 and "release-002" in said1[0]
    assert analyses1.failed == analyses2.failed
    assert _rows(one.file) == _rows(two.file)  # every row, texts and analyses alike
    ids = [d.id for d in corpus1.documents]
    assert isinstance(analyses1, StoredAnalyses)
    columns = analyses1.fact_columns(ids)
    assert _columns_as_read(columns) == _columns_as_read(analyses2.fact_columns(ids))
    first = corpus_statistics(corpus1, analyses1)
    second = corpus_statistics(corpus2, analyses2)
    assert list(first.quantities) == list(second.quantities) and len(first.quantities) > 10
    assert (first.entities, first.dates) == (second.entities, second.dates)


@pytest.mark.parametrize("records", [False, True])
def test_the_columns_made_as_files_come_are_those_read_back(
    tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch, records: bool
) -> None:
    folder = _corpus(tmp_path, seeds_dir, records=records)
    snapshot = CorpusSnapshot(tmp_path / "one.sqlite3", pytest.fail)
    ready = ReadAndAnalyse(snapshot, reuse=True, columns=True)
    corpus = open_corpus([folder], snapshot, analysing=ready).corpus
    offered: list[Any] = []
    real = StoredAnalyses.offer_columns

    def offer(self: StoredAnalyses, doc_ids: list[str], columns: Any) -> None:
        offered.append(columns)
        real(self, doc_ids, columns)

    monkeypatch.setattr(StoredAnalyses, "offer_columns", offer)
    analyses = analyse(corpus, snapshot, columns=True, ready=ready)
    ids = [d.id for d in corpus.documents]
    made = analyses.fact_columns(ids)
    again = analyses.fact_columns(ids)  # the offer is taken once: read back from the rows
    # Offered only when every release was read and analysed in one job (no records file).
    assert [made] == offered if not records else offered == []
    assert made is not again and _columns_as_read(made) == _columns_as_read(again)


def test_a_file_touched_but_unchanged_is_read_not_analysed_again(
    tmp_path: Path, seeds_dir: Path, analysed_ids: list[str]
) -> None:
    folder = _corpus(tmp_path, seeds_dir, records=False)
    snapshot = CorpusSnapshot(tmp_path / "one.sqlite3", pytest.fail)
    ready = ReadAndAnalyse(snapshot, reuse=True, columns=True)
    corpus = open_corpus([folder], snapshot, analysing=ready).corpus
    before = corpus_statistics(corpus, analyse(corpus, snapshot, columns=True, ready=ready))
    for file in folder.iterdir():
        os.utime(file, ns=(2_000_000_000, 2_000_000_000))
    analysed_ids.clear()
    ready = ReadAndAnalyse(snapshot, reuse=True, columns=True)
    opened = open_corpus([folder], snapshot, analysing=ready)
    assert opened.read == len(list(folder.iterdir()))  # every file read again
    after = corpus_statistics(
        opened.corpus, analyse(opened.corpus, snapshot, columns=True, ready=ready)
    )
    assert analysed_ids == []  # ... and none analysed: their stored analyses are of this content
    assert list(after.quantities) == list(before.quantities)


def test_in_worker_processes_the_one_job_gives_the_same_rows(
    tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pool, "INLINE_BELOW", 0)
    monkeypatch.setattr(pool, "CHUNK", 3)
    folder = _corpus(tmp_path, seeds_dir, records=True)
    (two, *_), (one, corpus, analyses, said) = _both(folder, tmp_path, [])
    assert said == [] and _rows(one.file) == _rows(two.file)
    assert len(corpus.documents) > 10 and not analyses.failed


def test_no_cache_analyses_every_file_again(tmp_path: Path, seeds_dir: Path) -> None:
    folder = _corpus(tmp_path, seeds_dir, records=False)
    (two, *_), (one, *_) = _both(folder, tmp_path, [], reuse=False)
    assert _rows(one.file) == _rows(two.file)


async def test_stats_builds_a_snapshot_the_app_opens_without_analysing(
    tmp_path: Path,
    seeds_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from test_reader_seed import analysed

    from interpol_tui.analysis import digest
    from interpol_tui.state.listing import ListedDocument
    from interpol_tui.ui.app import InterpolApp
    from interpol_tui.ui.document_list import DocumentList

    folder = _corpus(tmp_path, seeds_dir, records=False)
    assert cli.main(["stats", "--json", "--corpus", str(folder)]) == 0
    cold = capsys.readouterr().out
    assert cli.main(["stats", "--json", "--no-cache", "--corpus", str(folder)]) == 0
    assert capsys.readouterr().out == cold  # as the two pools made it, from scratch
    assert cli.main(["stats", "--json", "--corpus", str(folder)]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(cold)

    def never(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("made again in the app")

    monkeypatch.setattr(pipeline, "analyse_text", never)
    monkeypatch.setattr(digest, "release_digest", never)

    app = InterpolApp([folder])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await analysed(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        rows = screen.query_one(DocumentList).rows
        assert rows and {type(d) for d in rows} == {ListedDocument}
        assert len(screen.analyses) == len(rows)
