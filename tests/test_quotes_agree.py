"""The ``quotes`` command and the reader count quotations the same way (one definition)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from interpol_tui.analysis.pipeline import analyse_document
from interpol_tui.cli import main
from interpol_tui.corpus.loader import load_corpus
from interpol_tui.ui.marks import ReleaseMarks

TEXT = (
    "Officials met in Lyon on Monday.\n\n"
    "“The first paragraph of a long statement ends here without a closing mark.\n\n"
    "“And the second paragraph closes it,” said Jane Roe, a spokesperson.\n\n"
    "“A short remark,” she added.\n"
)


def test_cli_lists_the_quotations_the_reader_steps_through(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "release.txt").write_text("Officials meet\n\n" + TEXT, encoding="utf-8")
    corpus = load_corpus([tmp_path])
    marks = ReleaseMarks()
    in_reader: Counter[str] = Counter()
    for document in corpus.documents:
        marks.load(analyse_document(document))
        in_reader[document.id] = len(marks.quotations)
    assert main(["--no-cache", "quotes", "--corpus", str(tmp_path)]) == 0
    table = capsys.readouterr().out
    assert "2 quotation(s) in 1 release(s)" in table  # the table counts as the reader does
    assert main(["--no-cache", "quotes", "--json", "--corpus", str(tmp_path)]) == 0
    records = json.loads(capsys.readouterr().out)
    # JSON has one record per quoted paragraph; a quotation's paragraphs share a group.
    assert len({(r["doc"], r["group"]) for r in records}) == in_reader["release.txt"] == 2
    merged = [r for r in records if r["paragraphs"] > 1]
    assert len(merged) == 2 and merged[0]["group"] == merged[1]["group"]
    assert "first paragraph" in merged[0]["text"] and "closes it" in merged[1]["text"]
    assert {r["speaker"] for r in merged} == {"Jane Roe"}
    text = (tmp_path / "release.txt").read_text(encoding="utf-8")
    clean = corpus.documents[0].text
    assert all(clean[r["start"] : r["end"]] == r["text"] for r in records) and text


def test_seed_quotations_agree(seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = load_corpus([seeds_dir])
    marks = ReleaseMarks()
    in_reader: Counter[str] = Counter()
    for document in corpus.documents:
        marks.load(analyse_document(document))
        in_reader[document.id] = len(marks.quotations)
    assert main(["--no-cache", "quotes", "--json", "--corpus", str(seeds_dir)]) == 0
    records = json.loads(capsys.readouterr().out)
    assert Counter(doc for doc, _ in {(r["doc"], r["group"]) for r in records}) == in_reader


def test_cli_tables_name_entity_types_as_the_app_does(capsys: pytest.CaptureFixture[str]) -> None:
    from interpol_tui.ui.annotations import KIND_LABELS

    assert main(["--no-cache", "entities"]) == 0
    table = capsys.readouterr().out
    assert " organisation " in table and " place " in table
    assert " organization " not in table and " location " not in table
    assert main(["--no-cache", "entities", "--json"]) == 0  # the contract's values stay
    types = {record["type"] for record in json.loads(capsys.readouterr().out)}
    assert {"organization", "location"} <= types
    assert KIND_LABELS["location"] == "Place"
