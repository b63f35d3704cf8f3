"""``--corpus`` and ``--no-cache`` before and after the command; the browser needs a terminal."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from interpol_tui import cli
from interpol_tui.cli import main

CORPUS_COMMANDS = [
    ["docs"],
    ["entities"],
    ["figures"],
    ["quotes"],
    ["stats"],
    ["search", "Lyon"],
    ["warnings"],
]


@pytest.fixture
def lyon(tmp_path: Path) -> Path:
    folder = tmp_path / "lyon"
    folder.mkdir()
    (folder / "lyon.txt").write_text(
        "Police chiefs meet in Lyon\n\nLYON, France – Police chiefs from 40 countries met "
        "in Lyon. “We share more data than ever,” said Anna Berg, Director of Operations.\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def nice(tmp_path: Path) -> Path:
    folder = tmp_path / "nice"
    folder.mkdir()
    (folder / "nice.txt").write_text(
        "Customs officers meet in Nice\n\nNICE, France – Officers from 12 countries met in Nice.\n",
        encoding="utf-8",
    )
    return folder


def _docs(capsys: pytest.CaptureFixture[str], argv: list[str]) -> list[str]:
    assert main(argv) == 0, capsys.readouterr().err
    return [record["doc"] for record in json.loads(capsys.readouterr().out)]


@pytest.mark.parametrize("placement", ["before", "after"])
def test_corpus_before_or_after_docs_means_the_same(
    capsys: pytest.CaptureFixture[str], lyon: Path, placement: str
) -> None:
    option = ["--corpus", str(lyon)]
    argv = [*option, "docs", "--json"] if placement == "before" else ["docs", "--json", *option]
    assert _docs(capsys, argv) == ["lyon.txt"]


def test_corpus_on_both_sides_adds_up_in_the_order_typed(
    capsys: pytest.CaptureFixture[str], lyon: Path, nice: Path
) -> None:
    argv = ["--corpus", str(nice), "docs", "--json", "--corpus", str(lyon)]
    assert _docs(capsys, argv) == ["nice.txt", "lyon.txt"]


@pytest.mark.parametrize("command", CORPUS_COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("placement", ["before", "after"])
def test_every_command_reads_the_corpus_given_on_either_side(
    capsys: pytest.CaptureFixture[str], lyon: Path, command: list[str], placement: str
) -> None:
    option = ["--corpus", str(lyon), "--no-cache"]
    argv = [*option, *command] if placement == "before" else [*command, *option]
    assert main([*argv, "--json"]) == 0
    out = capsys.readouterr().out
    assert "lyon.txt" in out or command == ["warnings"]
    assert "000_6946df92a9c960cd" not in out  # not the bundled seeds


@pytest.mark.parametrize(
    "argv",
    [
        ["--corpus", "no/such/folder", "docs"],
        ["docs", "--corpus", "no/such/folder"],
        ["--corpus", "no/such/folder", "figures", "--json"],
        ["search", "police", "--corpus", "no/such/folder"],
        ["--corpus", "no/such/folder"],
    ],
)
def test_missing_corpus_is_one_sentence_and_status_2_wherever_it_is_given(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "interpol-tui: error: corpus path does not exist: no/such/folder\n"


@pytest.mark.parametrize("placement", ["before", "after"])
def test_no_cache_before_or_after_the_command_analyses_again(
    capsys: pytest.CaptureFixture[str],
    lyon: Path,
    analysed_ids: list[str],
    placement: str,
) -> None:
    calls = analysed_ids  # where the snapshot's jobs analyse a release
    assert main(["entities", "--corpus", str(lyon)]) == 0
    assert calls == ["lyon.txt"]
    assert main(["entities", "--corpus", str(lyon)]) == 0
    assert calls == ["lyon.txt"]  # cached
    argv = ["--no-cache", "entities"] if placement == "before" else ["entities", "--no-cache"]
    assert main([*argv, "--corpus", str(lyon)]) == 0
    assert calls == ["lyon.txt", "lyon.txt"]
    capsys.readouterr()


def test_the_browser_takes_both_options(lyon: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[tuple[list[Path], bool]] = []

    class FakeApp:
        return_code = 0

        def __init__(self, corpus_paths: list[Path], *, use_cache: bool, **_: Any) -> None:
            started.append((corpus_paths, use_cache))

        def run(self, **_: Any) -> None:
            pass

    monkeypatch.setattr(cli, "_has_terminal", lambda: True)
    monkeypatch.setattr("interpol_tui.ui.app.InterpolApp", FakeApp)
    assert main(["--no-cache", "--corpus", str(lyon)]) == 0
    assert main(["--corpus", str(lyon)]) == 0
    assert started == [([lyon], False), ([lyon], True)]


def test_browser_without_a_terminal_says_so_and_exits_2(
    capsys: pytest.CaptureFixture[str], lyon: Path
) -> None:
    # Under pytest stdin and stdout are not terminals, as in `interpol-tui | less`.
    assert main(["--corpus", str(lyon)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert line.startswith("interpol-tui: error: the browser needs a terminal")
    assert "\x1b" not in captured.err


def test_report_commands_work_without_a_terminal(
    capsys: pytest.CaptureFixture[str], lyon: Path
) -> None:
    assert main(["docs", "--corpus", str(lyon)]) == 0
    assert "lyon.txt" in capsys.readouterr().out


def test_the_installed_browser_piped_exits_2_at_once(lyon: Path) -> None:
    """`interpol-tui | cat`: one sentence on stderr, nothing on stdout, no spinning."""
    script = shutil.which("interpol-tui", path=str(Path(sys.executable).parent))
    assert script is not None
    result = subprocess.run(
        [script, "--corpus", str(lyon)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,  # hang guard: it used to spin for minutes
        check=False,
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("interpol-tui: error: the browser needs a terminal")


@pytest.mark.parametrize("placement", ["before", "after"])
def test_fields_before_or_after_the_command_means_the_same(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, placement: str
) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"name": "Customs officers meet in Nice", "text": "NICE, France – Officers from 12 '
        'countries met in Nice on Monday to share data."}\n',
        encoding="utf-8",
    )
    option = ["--fields", "title=name"]
    argv = ["docs", "--json", "--corpus", str(feed)]
    argv = [*option, *argv] if placement == "before" else [*argv, *option]
    assert main(argv) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert record["title"] == "Customs officers meet in Nice"
