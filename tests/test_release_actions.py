"""Keys on the open release and on lists: editor, pager, copy path, export of the list and hits."""

from __future__ import annotations

import contextlib
import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_fixtures import settle, writable_copy
from textual.widgets import Input

from interpol_tui.cli import main
from interpol_tui.report.tabular import render_rows, row_format_for
from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.document_list import DocumentList
from interpol_tui.ui.export_dialog import ExportDialog
from interpol_tui.ui.external import program_for
from interpol_tui.ui.main_screen import MainScreen
from interpol_tui.ui.reader import Reader
from interpol_tui.ui.search_screen import FullTextSearch

SIZE = (120, 40)


@pytest.fixture
def corpus(seeds_dir: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    return writable_copy(seeds_dir, folder)


@pytest.fixture
def recorder(tmp_path: Path) -> tuple[Path, Path]:
    """A program that writes the arguments it got to a file, as an editor would open them."""
    log = tmp_path / "opened.txt"
    script = tmp_path / "fake-editor"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" >> "{log}"\n', encoding="utf-8")
    script.chmod(0o755)
    return script, log


def messages(app: InterpolApp) -> list[str]:
    return [notification.message for notification in app._notifications]


@contextlib.contextmanager
def no_suspend(self: InterpolApp) -> Iterator[None]:
    """The headless driver cannot suspend; a real terminal hands itself over here."""
    yield


def open_release(app: InterpolApp) -> Path:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    document = screen.query_one(Reader).document
    assert document is not None
    return document.path


@pytest.mark.parametrize(("key", "variable"), [("v", "EDITOR"), ("v", "VISUAL"), ("p", "PAGER")])
async def test_editor_and_pager_get_the_release_file(
    corpus: Path,
    recorder: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    key: str,
    variable: str,
) -> None:
    script, log = recorder
    for name in ("VISUAL", "EDITOR", "PAGER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(variable, f"{script} --flag")
    monkeypatch.setattr(InterpolApp, "suspend", no_suspend)
    app = InterpolApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("j", key)
        await pilot.pause()
        assert log.read_text().splitlines() == ["--flag", str(open_release(app))]
        assert any(m.startswith("Back from fake-editor") for m in messages(app))


async def test_an_editor_that_changed_the_file_suggests_a_reload(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "appender"
    script.write_text('#!/bin/sh\necho "An edit." >> "$1"\n', encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("VISUAL", str(script))
    monkeypatch.setattr(InterpolApp, "suspend", no_suspend)
    app = InterpolApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("v")
        await pilot.pause()
        assert open_release(app).read_text(encoding="utf-8").endswith("An edit.\n")
        assert any("the file changed, press r to reload" in m for m in messages(app))


async def test_unset_missing_failing_or_unsuspendable_programs_say_so(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("VISUAL", "EDITOR", "PAGER"):
        monkeypatch.delenv(name, raising=False)
    failing = tmp_path / "failing"
    failing.write_text("#!/bin/sh\nexit 3\n", encoding="utf-8")
    failing.chmod(0o755)
    app = InterpolApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("v", "p")
        await pilot.pause()
        assert messages(app)[-2:] == [
            "Set $VISUAL or $EDITOR to edit releases (for example: export EDITOR=vim)",
            "Set $PAGER to read releases in a pager (for example: export PAGER=less)",
        ]
        monkeypatch.setenv("EDITOR", "vim")
        await pilot.press("v")  # headless: the terminal cannot be handed over
        await pilot.pause()
        assert messages(app)[-1] == "Cannot hand this terminal over to vim"
        monkeypatch.setattr(InterpolApp, "suspend", no_suspend)
        monkeypatch.setenv("EDITOR", str(tmp_path / "no-such-editor"))
        await pilot.press("v")
        await pilot.pause()
        assert messages(app)[-1].startswith("Could not start no-such-editor: ")
        monkeypatch.setenv("EDITOR", str(failing))
        await pilot.press("v")
        await pilot.pause()
        assert messages(app)[-1] == "failing ended with status 3"


def test_program_for_reads_the_variables_in_order() -> None:
    assert program_for("edit", {"VISUAL": "code --wait", "EDITOR": "vi"}) == ["code", "--wait"]
    assert program_for("edit", {"VISUAL": " ", "EDITOR": "vi"}) == ["vi"]
    assert program_for("read", {"EDITOR": "vi"}) is None
    assert program_for("read", {"PAGER": "less -R 'a b"}) == ["less -R 'a b"]  # bad quoting


async def test_copy_path(corpus: Path) -> None:
    app = InterpolApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "j", "c")
        await pilot.pause()
        path = open_release(app)
        assert app.clipboard == str(path)
        assert messages(app)[-1] == f"Copied the path: {path}"


async def _export_to(app: InterpolApp, pilot: object, target: Path) -> None:
    dialog = app.screen
    assert isinstance(dialog, ExportDialog)
    dialog.query_one(Input).value = str(target)
    await pilot.press("enter")  # type: ignore[attr-defined]
    await settle(app, pilot)


async def test_list_export_writes_the_list_as_shown(corpus: Path, tmp_path: Path) -> None:
    app = InterpolApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "b", "j", "j", "b", "enter")  # two bookmarks, one read
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        documents = screen.query_one(DocumentList)
        documents.focus()
        await pilot.press("B", "o", "o")  # bookmarks only, sorted by title
        await pilot.pause()
        shown = [doc.id for doc in documents.rows]
        assert len(shown) == 2
        await pilot.press("x")
        await pilot.pause()
        target = tmp_path / "out" / "list.csv"
        await _export_to(app, pilot, target)
        rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
        assert [row["doc"] for row in rows] == shown
        assert {row["read"] for row in rows} == {"yes", "no"}
        assert all(row["bookmarked"] == "yes" for row in rows)
        assert all(Path(row["path"]).is_file() for row in rows)
        assert messages(app)[-1] == f"Wrote 2 release(s) as CSV to {target}"
        # Markdown by the extension, and an unwritable place is one message.
        await pilot.press("x")
        await pilot.pause()
        await _export_to(app, pilot, tmp_path / "list.md")
        assert (tmp_path / "list.md").read_text(encoding="utf-8").startswith("| doc | title |")
        blocker = tmp_path / "file"
        blocker.write_text("")
        await pilot.press("x")
        await pilot.pause()
        await _export_to(app, pilot, blocker / "list.csv")
        assert messages(app)[-1].startswith(f"Could not export to {blocker / 'list.csv'}")


async def test_search_results_export(corpus: Path, tmp_path: Path) -> None:
    app = InterpolApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"police")
        await settle(app, pilot)
        search = app.screen
        assert isinstance(search, FullTextSearch)
        assert search.results is not None
        hits = [hit.doc_id for hit in search.results.hits]
        assert hits
        await pilot.press("ctrl+s")
        await pilot.pause()
        target = tmp_path / "hits.json"
        await _export_to(app, pilot, target)
        records = json.loads(target.read_text(encoding="utf-8"))
        assert [r["doc"] for r in records] == hits
        assert [r["rank"] for r in records] == list(range(1, len(hits) + 1))
        assert all(Path(r["path"]).is_file() and r["snippet"] for r in records)
        assert messages(app)[-1] == f"Wrote {len(hits)} result(s) as JSON to {target}"


def test_rows_render_safely_in_each_format() -> None:
    records = [{"doc": "a|b.txt", "title": 'Say "hi", then\nleave', "score": 1.5e-06, "n": None}]
    columns = ["doc", "title", "score", "n"]
    parsed = list(csv.reader(io.StringIO(render_rows(records, columns, "csv"))))
    assert parsed == [columns, ["a|b.txt", 'Say "hi", then\nleave', "0.0000015", ""]]
    markdown = render_rows(records, columns, "md").splitlines()
    assert markdown[2] == '| a\\|b.txt | Say "hi", then leave | 0.0000015 |  |'
    assert json.loads(render_rows(records, columns, "json")) == records
    assert [row_format_for(Path(n)) for n in ("a.JSON", "a.md", "a.markdown", "a.csv", "a")] == [
        "json",
        "md",
        "md",
        "csv",
        "csv",
    ]


def test_cli_exports_docs_and_search_and_counts_rows(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    target = tmp_path / "docs.md"
    assert main(["docs", "--corpus", str(corpus), "--format", "md", "-o", str(target)]) == 0
    assert capsys.readouterr().err == f"wrote 5 release(s) to {target}\n"
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("| doc | title | date |") and len(lines) == 2 + 5
    assert main(["search", "police", "--format", "csv", "--limit", "3"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["rank"] for row in rows] == ["1", "2", "3"]
    assert all("e-" not in row["score"] for row in rows)
    assert main(["search", "police", "--json", "--format", "csv"]) == 2
    assert "either --json or --format" in capsys.readouterr().err
    assert main(["docs", "--output", str(target)]) == 2
    assert "--output needs --json or --format" in capsys.readouterr().err
