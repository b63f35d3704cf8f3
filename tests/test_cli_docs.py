"""The command line: ``docs`` (JSON and table), ``--version``, ``--help``, errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from interpol_tui import __version__
from interpol_tui.cli import build_parser, main
from interpol_tui.commands import COMMAND_MODULES

DOCS_FIELDS = {"doc", "title", "date", "dateline", "chars", "warnings"}


def _docs_json(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, Any]]:
    assert main(["docs", "--json", *args]) == 0
    out = capsys.readouterr().out
    records: list[dict[str, Any]] = json.loads(out)
    return records


def test_docs_json_lists_the_seeds_with_gold_fields(
    capsys: pytest.CaptureFixture[str], gold: dict[str, Any]
) -> None:
    records = _docs_json(capsys)
    assert [r["doc"] for r in records] == gold["meta"]["files"]
    by_file = {doc["file"]: doc for doc in gold["documents"]}
    for record in records:
        assert set(record) >= DOCS_FIELDS
        expected = by_file[record["doc"]]
        assert record["title"] == expected["title"]
        assert record["date"] == expected["date"]
        dateline = expected["dateline"]
        assert record["dateline"] == (dateline["raw"].rstrip(" –") if dateline else None)
        assert isinstance(record["chars"], int)
        assert record["chars"] > 1000
        assert record["warnings"] == []


def test_docs_json_dates_and_datelines(capsys: pytest.CaptureFixture[str]) -> None:
    records = {r["doc"][:3]: r for r in _docs_json(capsys)}
    assert records["002"]["date"] == "2017-03-22"
    assert [r["date"] for k, r in records.items() if k != "002"] == [None] * 4
    assert records["003"]["dateline"] == "NEW DELHI, India"
    assert records["002"]["dateline"] == "WASHINGTON DC, USA"
    assert records["001"]["dateline"] is None


def test_docs_json_chars_is_the_clean_text_length(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path
) -> None:
    from interpol_tui.corpus.loader import load_corpus

    corpus = load_corpus([seeds_dir])
    lengths = {doc.id: len(doc.text) for doc in corpus.documents}
    assert {r["doc"]: r["chars"] for r in _docs_json(capsys)} == lengths


def test_docs_json_on_a_single_file_and_repeated_corpus(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path, tmp_path: Path
) -> None:
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "note.md").write_text("Police meet in Lyon\n\nPolice met.\n", encoding="utf-8")
    records = _docs_json(
        capsys, "--corpus", str(seeds_dir / "002_c1b84d1ab1064721.txt"), "--corpus", str(extra)
    )
    assert [(r["doc"], r["title"]) for r in records] == [
        (
            "002_c1b84d1ab1064721.txt",
            "INTERPOL reaffirms support to Global Coalition as international policing partner",
        ),
        ("note.md", "Police meet in Lyon"),
    ]


def test_docs_json_reports_warnings_and_keeps_going(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "good.txt").write_text("Police meet in Lyon\n\nPolice met.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert main(["docs", "--json", "--corpus", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert [r["doc"] for r in json.loads(captured.out)] == ["good.txt"]
    assert "empty.txt" in captured.err
    assert captured.err.startswith("warning: ")


def test_docs_table(capsys: pytest.CaptureFixture[str], gold: dict[str, Any]) -> None:
    assert main(["docs"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split() == ["DOC", "DATE", "DATELINE", "TITLE"]
    for doc in gold["documents"]:
        row = next(line for line in lines if line.startswith(doc["file"]))
        assert doc["title"] in row
        assert (doc["date"] or "-") in row
    assert "5 release(s); 0 warning(s)" in out
    # A table, not JSON, and no colour codes for pipes and logs.
    assert not out.lstrip().startswith("[")
    assert "\x1b" not in out


def test_docs_table_strips_control_characters(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "evil.txt").write_text(
        "Police \x1b]0;owned\x07meet in Lyon\n\nBody.\n", encoding="utf-8"
    )
    assert main(["docs", "--corpus", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert "\x1b" not in captured.out
    assert "\x07" not in captured.out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"interpol-tui {__version__}"


def test_top_level_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "--corpus PATH" in out
    for name in COMMAND_MODULES:
        assert name in out


@pytest.mark.parametrize("command", COMMAND_MODULES)
def test_help_of_each_command(capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: interpol-tui {command}")
    assert "--corpus PATH" in out or command == "paths"


def test_every_command_module_has_its_contract() -> None:
    parser = build_parser()
    assert parser.prog == "interpol-tui"
    for name in COMMAND_MODULES:
        module = __import__(f"interpol_tui.commands.{name}", fromlist=["run"])
        assert module.NAME
        assert module.HELP
        assert callable(module.add_arguments)
        assert callable(module.run)


@pytest.mark.parametrize("argv", [["docs"], ["docs", "--json"], []])
def test_unknown_corpus_path_is_one_error_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]
) -> None:
    missing = tmp_path / "no-such-folder"
    assert main([*argv, "--corpus", str(missing)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("interpol-tui: error: ")
    assert str(missing) in lines[0]


def test_unknown_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["docs", "--no-such-option"])
    assert exit_info.value.code == 2
    assert "unrecognized arguments" in capsys.readouterr().err


# -- real processes ------------------------------------------------------------


def _entry_point() -> str:
    found = shutil.which("interpol-tui", path=str(Path(sys.executable).parent))
    assert found is not None, "the interpol-tui script is not installed next to this Python"
    return found


def test_installed_entry_point_prints_docs_json(gold: dict[str, Any], tmp_path: Path) -> None:
    result = subprocess.run(
        [_entry_point(), "docs", "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    titles = [record["title"] for record in json.loads(result.stdout)]
    assert titles == [doc["title"] for doc in gold["documents"]]


def test_installed_entry_point_bad_path(tmp_path: Path) -> None:
    result = subprocess.run(
        [_entry_point(), "docs", "--corpus", str(tmp_path / "missing")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1


def test_python_dash_m_version(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "interpol_tui", "--version"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"interpol-tui {__version__}"
