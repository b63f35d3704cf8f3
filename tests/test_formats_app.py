"""The app opens a folder mixing every format, labels each release's format, and takes --fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from formats_corpus import RELEASES, write_formats
from textual.pilot import Pilot

from interpol_tui.cli import build_parser, main
from interpol_tui.commands.common import corpus_fields
from interpol_tui.corpus.formats.fields import FieldMap
from interpol_tui.corpus.loader import load_corpus
from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.document_list import DocumentList
from interpol_tui.ui.reader import Reader


async def _loaded(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def _screen_text(app: InterpolApp) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


async def test_the_app_lists_a_mixed_folder_with_the_text_versions_titles_and_dates(
    tmp_path: Path,
) -> None:
    folders = write_formats(tmp_path / "mixed")
    expected = load_corpus([tmp_path / "mixed"])
    app = InterpolApp(corpus_paths=[tmp_path / "mixed"])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        documents = app.screen.query_one("#documents", DocumentList)
        rows = documents.rows
        assert len(rows) == len(RELEASES) * 6
        assert [(d.id, d.title, d.date, d.dateline) for d in rows] == [
            (d.id, d.title, d.date, d.dateline) for d in expected.documents
        ]
        titles = {release.title for release in RELEASES}
        assert {doc.title for doc in rows} == titles
        screen = _screen_text(app)
        # A mixed corpus labels each release's format on its second line.
        assert "html" in screen and "csv" in screen and "markdown" in screen
        first_meta = screen.splitlines()[3].split("││")[0]  # the list pane's part
        assert "2022-02-28 · SINGA" in first_meta  # cut to make room for the label
        assert first_meta.rstrip("│ ").endswith(" html")
        documents.select_id("html/storm.html")
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen.query_one("#reader", Reader)
        assert reader.document is not None and reader.document.format == "html"
        assert "NOT TEXT" not in _screen_text(app)
    assert folders


async def test_a_corpus_of_one_format_shows_no_labels(seeds_dir: Path) -> None:
    app = InterpolApp(corpus_paths=[seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        meta = _screen_text(app).splitlines()[3].split("││")[0]
        assert " · " in meta or "undated" in meta
        assert not meta.rstrip("│ ").endswith("text")


def _csv(folder: Path) -> Path:
    folder.mkdir()
    path = folder / "export.csv"
    rows = [
        ["headline", "story", "when"],
        [
            "Customs officers seize 400 fake watches",
            "ROME, Italy – Customs officers seized 400 counterfeit watches at the port.",
            "3 June 2021",
        ],
    ]
    import csv

    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_fields_names_the_columns_for_the_cli(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _csv(tmp_path / "c")
    # Without --fields the story column is not a known text field: one warning, no release.
    assert main(["docs", "--corpus", str(path), "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert "export.csv: line 2: no text in field text/body/content" in captured.err
    spec = "title=headline,text=story,date=when"
    assert main(["docs", "--corpus", str(path), "--fields", spec, "--json"]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert record["doc"] == "export.csv#1"
    assert record["title"] == "Customs officers seize 400 fake watches"
    assert record["date"] == "2021-06-03"
    assert record["dateline"] == "ROME, Italy"


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("title", "expected ROLE=FIELD"),
        ("colour=x", "unknown role 'colour'"),
        ("title=a,title=b", "title is named twice"),
        ("title=", "expected ROLE=FIELD"),
    ],
)
def test_a_bad_fields_value_is_one_error(
    capsys: pytest.CaptureFixture[str], spec: str, message: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["docs", "--fields", spec])
    assert stopped.value.code == 2
    assert message in capsys.readouterr().err


async def test_fields_reach_the_app(tmp_path: Path) -> None:
    path = _csv(tmp_path / "c")
    args = build_parser().parse_args(
        ["--corpus", str(path), "--fields", "title=headline,text=story"]
    )
    fields = corpus_fields(args)
    assert fields == FieldMap({"title": "headline", "text": "story"})
    app = InterpolApp(corpus_paths=[path], fields=fields)
    async with app.run_test(size=(100, 30)) as pilot:
        await _loaded(pilot)
        (doc,) = app.screen.query_one("#documents", DocumentList).rows
        assert doc.title == "Customs officers seize 400 fake watches"
        assert doc.id == "export.csv#1"
