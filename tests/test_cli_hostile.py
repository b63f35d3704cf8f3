"""The CLI on hostile names, paths and text (issue 12 items 7 and 12)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from interpol_tui.cli import main
from interpol_tui.corpus.loader import load_corpus
from interpol_tui.state import Bookmarks, ReleaseIndex, StatePaths

RELEASE = (
    "Police meet in Lyon\n\n"
    "LYON, France – Officers from 12 countries met in Lyon on 3 May 2024. "
    "“We share what we know,” said Jürgen Stock.\n"
)
INVISIBLE = "\u200b\u200c\u200d\ufeff\u200e\u200f\u061c\u2060\u00ad"


def _non_utf8_corpus(tmp_path: Path) -> Path:
    folder = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9-\xff"))
    folder.mkdir()
    (folder / "a.txt").write_text(RELEASE)
    return folder


@pytest.mark.parametrize(
    "command",
    [["quotes"], ["entities"], ["figures"], ["stats"], ["search", "Lyon"], ["docs"]],
)
def test_reports_on_a_corpus_path_that_is_not_utf8(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    folder = _non_utf8_corpus(tmp_path)
    assert main([*command, "--corpus", str(folder)]) == 0  # UnicodeEncodeError before
    assert "error" not in capsys.readouterr().err
    from interpol_tui.state.snapshot import CorpusSnapshot

    snapshot = CorpusSnapshot.for_corpus(StatePaths.default(), [folder], pytest.fail)
    assert snapshot.file.exists(), "the corpus was kept in its snapshot"
    assert set(snapshot.records()) == {"a.txt"}
    if command[0] != "docs":
        assert set(snapshot.analysed()) == {"a.txt"}, "the analysis was kept"
    snapshot.close()
    assert main([*command, "--corpus", str(folder), "--json"]) == 0
    json.loads(capsys.readouterr().out)


def test_a_bookmark_of_a_corpus_path_that_is_not_utf8_survives(tmp_path: Path) -> None:
    folder = _non_utf8_corpus(tmp_path)
    paths = StatePaths.default()
    index = ReleaseIndex.of(load_corpus([folder]))
    marks = Bookmarks(paths, pytest.fail)
    marks.load(index)
    marks.toggle("a.txt")
    assert Bookmarks(paths, pytest.fail).load(index) == {"a.txt"}


def test_an_empty_corpus_path_is_one_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["docs", "--corpus", ""])
    assert stopped.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.endswith(
        "an empty path is not a corpus: give a folder or a file (use . for this folder)"
    )


def test_stats_output_name_with_an_escape_is_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text(RELEASE)
    target = tmp_path / "out\x1b]0;pwned\x07.json"
    assert main(["stats", "--corpus", str(folder), "--json", "-o", str(target)]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "out\\x1b]0;pwned\\x07.json" in err  # shown, not stripped
    assert target.exists()


def test_paths_show_an_escape_in_a_folder_name_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "conf\x1b[31mig"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    assert main(["paths"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "conf\\x1b[31mig" in out
    assert main(["paths", "--json"]) == 0
    places = json.loads(capsys.readouterr().out)
    assert "conf\\x1b[31mig" in places["settings"]["path"]


def test_warnings_json_keeps_a_file_name_with_a_colon_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text(RELEASE)
    (folder / "note: draft.txt").write_text("")
    (folder / "x: y: z.txt").write_bytes(b"\x00\x01binary")
    assert main(["warnings", "--corpus", str(folder), "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert {(r["file"], r["message"]) for r in records} == {
        ("note: draft.txt", "empty file, skipped"),
        ("x: y: z.txt", "binary file, not text, skipped"),
    }


def test_invisible_characters_are_removed_from_titles_text_and_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    hidden = (
        f"Pol{INVISIBLE}ice meet in Lyon\n\n"
        f"Off{INVISIBLE}icers met in Lyon.\u2028They left.\u2029Later, more came.\n"
    )
    (folder / "a.txt").write_text(hidden)
    (doc,) = load_corpus([folder]).documents
    for text in (doc.title, doc.text):
        assert not set(text) & set(INVISIBLE + "\u2028\u2029"), repr(text)
    assert doc.title == "Police meet in Lyon"
    # The separators are a line and a paragraph break: words stay apart.
    assert "Officers met in Lyon." in doc.text and "Lyon.They" not in doc.text
    assert "They left.\n\nLater, more came." in doc.text
    assert main(["docs", "--corpus", str(folder), "--json"]) == 0
    out = capsys.readouterr().out
    assert not set(out) & set(INVISIBLE + "\u2028\u2029")
