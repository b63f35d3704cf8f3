"""``interpol-tui search``: full-text and title modes, JSON fields, limits and errors."""

from __future__ import annotations

import json
from typing import Any

import pytest

from interpol_tui.cli import main

GLOBAL_COALITION = "002_c1b84d1ab1064721.txt"


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, Any]]:
    assert main(["search", *args, "--json"]) == 0
    records: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    return records


def test_fulltext_records(capsys: pytest.CaptureFixture[str]) -> None:
    records = _json(capsys, '"Global Coalition"')
    assert records[0]["doc"] == GLOBAL_COALITION
    for record in records:
        assert {"doc", "title", "score", "snippet", "offset"} <= set(record)
        assert record["score"] > 0
        marked = [record["snippet"][s:e].casefold() for s, e in record["marks"]]
        assert marked and all(m == "global coalition" for m in marked)
    scores = [r["score"] for r in records]
    assert scores == sorted(scores, reverse=True)


def test_entity_names_make_a_release_findable(capsys: pytest.CaptureFixture[str]) -> None:
    # Every release quotes or mentions Jürgen Stock; the names from analysis rank them.
    assert len(_json(capsys, "Stock")) == 5
    assert len(_json(capsys, "Stock", "--no-names")) == 5


def test_title_mode_tolerates_typos(capsys: pytest.CaptureFixture[str]) -> None:
    records = _json(capsys, "glbal coaliton", "--title")
    assert records[0]["doc"] == GLOBAL_COALITION
    assert records[0]["snippet"] is None
    assert records[0]["date"] == "2017-03-22"


def test_limit(capsys: pytest.CaptureFixture[str]) -> None:
    assert len(_json(capsys, "INTERPOL", "--limit", "2")) == 2
    assert main(["search", "INTERPOL", "--limit", "0"]) == 2
    assert "--limit" in capsys.readouterr().err


def test_table_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "Tillerson"]) == 0
    out = capsys.readouterr().out
    assert GLOBAL_COALITION in out and "1 result(s)" in out


def test_malformed_query_is_one_line_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "NOT stock"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "needs a search term before it" in captured.err
    assert len(captured.err.strip().splitlines()) == 1


def test_no_hits_is_not_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert _json(capsys, "zzzyzzy") == []
