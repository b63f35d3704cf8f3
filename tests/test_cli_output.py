"""CLI tables give scripts whole values; JSON names releases by their real paths."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from interpol_tui.cli import main
from interpol_tui.commands.table import column_widths, plain_decimal

LONG_NAME = "a-release-file-name-far-longer-than-forty-characters-to-be-cut.txt"
LONG_TITLE = (
    "Police chiefs from forty countries meet in Lyon to agree how they will share data "
    "on stolen vehicles"
)
ESCAPED_NAME = "name\x1b]0;x\x07.txt"
# Written for this test: filler that pushes a name past offset 1,000.
FILLER = "The meeting went on for the whole day and covered many topics. " * 17


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / LONG_NAME).write_text(
        f"{LONG_TITLE}\n\nLYON, France – {FILLER}Anna Berg, Director of Operations at "
        "Europol, opened it.\n",
        encoding="utf-8",
    )
    (folder / ESCAPED_NAME).write_text(
        "Officers meet in Nice\n\nNICE, France – Officers from 12 countries met in Nice.\n",
        encoding="utf-8",
    )
    return folder


class Terminal(io.StringIO):
    """A stdout that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def _in_terminal(monkeypatch: pytest.MonkeyPatch, columns: int, argv: list[str]) -> str:
    out = Terminal()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setenv("COLUMNS", str(columns))
    assert main(argv) == 0
    monkeypatch.undo()
    return out.getvalue()


def test_piped_tables_give_whole_values(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    assert main(["docs", "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "…" not in out
    row = next(line for line in out.splitlines() if line.startswith(LONG_NAME))
    assert row.endswith(LONG_TITLE)


def test_a_narrow_terminal_cuts_columns_and_a_wide_one_does_not(
    monkeypatch: pytest.MonkeyPatch, corpus: Path
) -> None:
    narrow = _in_terminal(monkeypatch, 80, ["docs", "--corpus", str(corpus)])
    assert LONG_NAME not in narrow and LONG_TITLE not in narrow
    assert "…" in narrow
    wide = _in_terminal(monkeypatch, 250, ["docs", "--corpus", str(corpus)])
    assert "…" not in wide
    row = next(line for line in wide.splitlines() if line.startswith(LONG_NAME))
    assert row.endswith(LONG_TITLE)
    assert max(len(line) for line in wide.splitlines()) <= 250


def test_column_widths_share_a_terminals_spare_room() -> None:
    assert column_widths([10, 90], [10, 40], None) == [10, 90]  # not a terminal
    assert column_widths([10, 90], [10, 40], 60) == [10, 48]  # 60 - 10 - 2
    assert column_widths([10, 90], [10, 40], 30) == [10, 40]  # never below the limit
    assert column_widths([50, 50], [20, 20], 82) == [40, 40]


def test_json_doc_is_the_real_path_and_tables_show_it_escaped(
    capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    assert main(["docs", "--json", "--corpus", str(corpus)]) == 0
    docs = [record["doc"] for record in json.loads(capsys.readouterr().out)]
    assert ESCAPED_NAME in docs
    assert all((corpus / doc).is_file() for doc in docs)
    assert main(["entities", "--json", "--corpus", str(corpus)]) == 0
    assert ESCAPED_NAME in {record["doc"] for record in json.loads(capsys.readouterr().out)}
    assert main(["search", "Nice", "--json", "--corpus", str(corpus)]) == 0
    assert [r["doc"] for r in json.loads(capsys.readouterr().out)] == [ESCAPED_NAME]
    assert main(["docs", "--corpus", str(corpus)]) == 0
    table = capsys.readouterr().out
    assert "\x1b" not in table and "\x07" not in table
    assert "name\\x1b]0;x\\x07.txt" in table


def test_offsets_print_without_separators_and_figures_with_them(
    capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    assert main(["entities", "--json", "--corpus", str(corpus)]) == 0
    records = json.loads(capsys.readouterr().out)
    anna = next(r for r in records if r["canonical"] == "Anna Berg")
    assert anna["start"] > 1000
    assert main(["entities", "--corpus", str(corpus)]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if "Anna Berg" in line)
    assert row.split()[-1] == str(anna["start"])
    assert "," not in row.split()[-1]


def test_search_scores_are_plain_decimals(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    assert main(["search", "Nice", "--json", "--corpus", str(corpus)]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert main(["search", "Nice", "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    score = out.splitlines()[1].split()[1]
    assert re.fullmatch(r"\d+(\.\d+)?", score), score
    assert float(score) == pytest.approx(record["score"], rel=0.01)


@pytest.mark.parametrize(
    ("value", "shown"),
    [(1.35e-06, "0.00000135"), (71.94, "71.9"), (1234.5, "1234"), (0.5, "0.5"), (0, "0")],
)
def test_plain_decimal(value: float, shown: str) -> None:
    assert plain_decimal(value) == shown
