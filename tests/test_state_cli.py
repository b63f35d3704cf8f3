"""``interpol-tui paths`` and the CLI's use of settings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interpol_tui.cli import main
from interpol_tui.state import SettingsFile, StatePaths


def test_paths_json_names_every_place_under_the_xdg_dirs(
    isolated_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["paths", "--json"]) == 0
    places = json.loads(capsys.readouterr().out)
    assert set(places) == set(StatePaths.default().describe())
    assert places["settings"]["path"] == str(isolated_dirs / ".config/interpol-tui/settings.json")
    assert places["settings"]["exists"] is False
    assert places["bookmarks"]["bytes"] is None
    for place in places.values():
        assert Path(place["path"]).is_relative_to(isolated_dirs)


def test_paths_table_shows_sizes_once_files_exist(capsys: pytest.CaptureFixture[str]) -> None:
    SettingsFile(StatePaths.default(), pytest.fail).save(theme="nord")
    assert main(["paths"]) == 0
    out = capsys.readouterr().out
    settings_line = next(line for line in out.splitlines() if line.startswith("settings "))
    assert settings_line.split()[-1].isdigit()
    assert "XDG_CONFIG_HOME" in out


def test_paths_reads_no_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["paths"]) == 0
    assert capsys.readouterr().err == ""


def test_corrupt_settings_are_one_warning_in_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    settings = StatePaths.default().settings_file
    settings.parent.mkdir(parents=True)
    settings.write_text("{oops")
    assert main(["docs", "--json"]) == 0
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)) == 5
    (line,) = captured.err.splitlines()
    assert line.startswith("warning: ") and "settings.json" in line and "moved aside" in line


@pytest.mark.parametrize("argv", [[], ["docs"]])
def test_broken_link_as_corpus_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    link = tmp_path / "corpus"
    link.symlink_to(tmp_path / "gone")
    assert main([*argv, "--corpus", str(link)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (f"interpol-tui: error: corpus path is a broken symbolic link: {link}\n")
