"""``entities``, ``figures`` and ``quotes`` subcommands: JSON fields of DESIGN.md and tables."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from interpol_tui.cli import main
from interpol_tui.corpus.loader import load_corpus
from interpol_tui.corpus.seeds import bundled_seeds

FIELDS = {
    "entities": {"doc", "type", "text", "start", "end", "canonical"},
    "figures": {"doc", "text", "value", "unit", "qualifier", "counts", "start", "end", "sentence"},
    "quotes": {"doc", "text", "speaker", "start", "end"},
}


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, Any]]:
    assert main([*args, "--json"]) == 0
    records: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    return records


@pytest.mark.parametrize("command", sorted(FIELDS))
def test_json_records_have_design_fields_and_point_into_the_text(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    records = _json(capsys, command)
    assert records
    texts = {doc.id: doc.text for doc in load_corpus([bundled_seeds()]).documents}
    for record in records:
        assert set(record) >= FIELDS[command]
        assert texts[record["doc"]][record["start"] : record["end"]] == record["text"]


def test_figures_json_values_are_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    records = _json(capsys, "figures")
    searches = next(r for r in records if r["text"] == "some 4.5 billion searches")
    assert searches["value"] == 4_500_000_000
    assert isinstance(searches["value"], int)
    assert searches["qualifier"] == "some"
    assert searches["counts"] == "database searches"
    money = next(r for r in records if "USD 60 million" in r["text"])
    assert (money["value"], money["unit"]) == (60_000_000, "USD")
    assert "USD 60 million" in money["sentence"]


def test_entities_table_is_readable(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["entities"]) == 0
    out = capsys.readouterr().out
    header = out.splitlines()[0]
    assert header.split()[:4] == ["DOC", "TYPE", "TEXT", "CANONICAL"]
    assert "Jürgen Stock" in out
    assert "mention(s) in 5 release(s)" in out


def test_quotes_table_names_speakers(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes"]) == 0
    out = capsys.readouterr().out
    assert "Narendra Modi" in out
    assert "quotation(s) in 5 release(s)" in out


def test_figures_on_a_given_corpus(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Headline about seizures\n\nOfficers seized more than 2,500 kilograms of cocaine.\n",
        encoding="utf-8",
    )
    records = _json(capsys, "figures", "--corpus", str(tmp_path))
    assert [(r["value"], r["unit"], r["qualifier"], r["counts"]) for r in records] == [
        (2500, "kg", "more than", "cocaine")
    ]


def test_missing_corpus_is_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["quotes", "--corpus", str(tmp_path / "nope")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_reports_share_the_analysis_cache(
    capsys: pytest.CaptureFixture[str], isolated_dirs: Path
) -> None:
    assert main(["quotes", "--json"]) == 0
    first = capsys.readouterr().out
    cached = list(isolated_dirs.rglob("*"))
    assert any(path.is_file() and "cache" in str(path) for path in cached)
    assert main(["quotes", "--json"]) == 0
    assert capsys.readouterr().out == first
    assert main(["--no-cache", "quotes", "--json"]) == 0
    assert capsys.readouterr().out == first
