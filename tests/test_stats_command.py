"""``interpol-tui stats`` on the seeds, through our own analysis pipeline."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from interpol_tui.cli import main
from interpol_tui.report.export import CSV_COLUMNS

MEMBERS = ["001_fdf3ecd901da1a00.txt", "003_876d9fa6a16443df.txt", "004_4c617bd0e601aa67.txt"]
SEARCHES = ["001_fdf3ecd901da1a00.txt", "004_4c617bd0e601aa67.txt"]


@pytest.fixture(scope="module")
def stats_json(seeds_dir: Path) -> dict[str, Any]:
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.stdout", out)
        assert main(["stats", "--json", "--corpus", str(seeds_dir)]) == 0
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


def _holding(data: dict[str, Any], doc: str, value: float) -> dict[str, Any]:
    for quantity in data["quantities"]:
        if any(o["doc"] == doc and o["value"] == value for o in quantity["occurrences"]):
            return quantity
    raise AssertionError((doc, value))


def test_member_countries_192_195_196_are_one_quantity(stats_json: dict[str, Any]) -> None:
    quantity = _holding(stats_json, MEMBERS[0], 192)
    occurrences = quantity["occurrences"]
    assert [o["doc"] for o in occurrences] == MEMBERS
    assert [o["value"] for o in occurrences] == [192, 195, 196]
    assert "member" in quantity["counts"] and "countr" in quantity["counts"]
    assert [o["date"] for o in occurrences] == ["2018", "2022", "2024"]
    assert all(o["date_inferred"] for o in occurrences)
    assert quantity["trend"] == "rising"
    assert [o["change"] for o in occurrences] == [None, 3, 1]


def test_database_searches_4_5_billion_then_nearly_eight_billion(
    stats_json: dict[str, Any],
) -> None:
    quantity = _holding(stats_json, SEARCHES[1], 8e9)
    occurrences = quantity["occurrences"]
    assert [(o["doc"], o["value"], o["qualifier"]) for o in occurrences] == [
        (SEARCHES[0], 4.5e9, "some"),
        (SEARCHES[1], 8e9, "nearly"),
    ]
    assert [o["period"] for o in occurrences] == ["2017", "2023"]
    assert occurrences[1]["text"] == "nearly eight billion times"
    # The per-second rate in the same sentence is a quantity of its own.
    rate = _holding(stats_json, SEARCHES[1], 250)
    assert rate is not quantity and len(rate["occurrences"]) == 1


def test_json_shape_recurring_first_with_design_fields(stats_json: dict[str, Any]) -> None:
    quantities = stats_json["quantities"]
    recurring = [q["recurring"] for q in quantities]
    assert recurring == sorted(recurring, reverse=True) and recurring[0]
    assert not recurring[-1]  # standalone figures are listed too
    for quantity in quantities:
        assert isinstance(quantity["counts"], str) and quantity["counts"]
        for occurrence in quantity["occurrences"]:
            assert {"doc", "date", "value", "unit", "text"} <= occurrence.keys()
    releases = stats_json["releases"]
    assert [r["doc"][:3] for r in releases] == ["000", "002", "001", "003", "004"]
    stated = [r for r in releases if not r["date_inferred"]]
    assert [(r["doc"][:3], r["date"]) for r in stated] == [("002", "2017-03-22")]


def test_entity_frequencies_match_the_gold_people(
    stats_json: dict[str, Any], gold: dict[str, Any]
) -> None:
    people = {e["canonical"]: e for e in stats_json["entities"] if e["type"] == "person"}
    for name, entry in gold["cross_document"]["documents_by_person"].items():
        assert people[name]["docs"] == entry["documents"], name
        assert people[name]["releases"] == len(entry["documents"])
    interpol = next(e for e in stats_json["entities"] if e["canonical"] == "INTERPOL")
    assert interpol["releases"] == 5
    counts = [e["releases"] for e in stats_json["entities"]]
    assert counts == sorted(counts, reverse=True)


def test_csv_export_to_stdout(seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--format", "csv", "--corpus", str(seeds_dir)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and list(rows[0]) == list(CSV_COLUMNS)
    members = [r for r in rows if r["doc"] == MEMBERS[1] and r["value"] == "195"]
    assert {r["repeat"] for r in members} == {"yes", "no"}  # 003 states it twice
    first = next(r for r in members if r["repeat"] == "no")
    assert (first["change"], first["date"], first["date_inferred"]) == ("3", "2022", "yes")


def test_markdown_export_written_atomically_to_a_path(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out" / "stats.md"
    assert main(["stats", "--format", "md", "-o", str(target), "--corpus", str(seeds_dir)]) == 0
    assert "wrote" in capsys.readouterr().err
    text = target.read_text(encoding="utf-8")
    assert "## Quantities" in text and "## All figures" in text
    assert "192 (~2018) → 195 (~2022) → 196 (~2024)" in text
    assert [p.name for p in target.parent.iterdir()] == ["stats.md"]  # no temp file left


def test_table_report(seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--corpus", str(seeds_dir)]) == 0
    out = capsys.readouterr().out
    assert "192 (~2018) → 195 (~2022) → 196 (~2024)" in out
    assert "some 4.5 billion (2017) → nearly 8 billion (2023)" in out
    assert "STANDALONE FIGURE" in out
    assert "In 2023 alone" in out  # why 004 is dated 2024
    # The values come last: a short series is not padded to the longest one's width.
    rows = out.split("\n\n")[0].splitlines()
    assert rows[0].split() == ["WHAT", "IS", "COUNTED", "RELEASES", "TREND", "VALUES", "(DATE)"]
    shortest = min(rows[1:], key=len)
    assert shortest.endswith(")") and len(shortest) < max(len(row) for row in rows)


@pytest.mark.parametrize(
    "extra", [["--json", "--format", "csv"], ["--output", "x.csv"]], ids=["both", "no-format"]
)
def test_contradictory_options_are_errors(
    seeds_dir: Path, capsys: pytest.CaptureFixture[str], extra: list[str]
) -> None:
    assert main(["stats", *extra, "--corpus", str(seeds_dir)]) == 2
    assert capsys.readouterr().err.startswith("interpol-tui: error:")
