"""Pilot tests of the across-release views: corpus quotations (and more as they land)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from across_fixtures import write_corpus
from textual.pilot import Pilot
from textual.widgets import Input

from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.export_dialog import ExportDialog
from interpol_tui.ui.line_list import LineList
from interpol_tui.ui.main_screen import MainScreen
from interpol_tui.ui.quotations_screen import QuotationsScreen
from interpol_tui.ui.reader import Reader

SIZE = (120, 40)


async def _analysed(pilot: Pilot[None]) -> MainScreen:
    app = pilot.app
    for _ in range(100):
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        if isinstance(screen, MainScreen) and screen.analyses:
            return screen
    raise AssertionError("the analysis never arrived")


async def _gathered(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus")


async def test_quotations_filter_open_and_copy(corpus_dir: Path) -> None:
    app = InterpolApp([corpus_dir])
    async with app.run_test(size=SIZE) as pilot:
        main = await _analysed(pilot)
        await pilot.press("Q")
        await _gathered(pilot)
        view = app.screen
        assert isinstance(view, QuotationsScreen)
        assert len(view.shown) == 5
        await pilot.press(*"berg")
        await pilot.pause()
        assert [q.speaker for q in view.shown] == ["Tomas Berg"]
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"honest")
        await pilot.pause()
        assert [q.text for q in view.shown] == [
            "Container fraud costs honest traders billions every year"
        ]
        await pilot.press("down", "y")
        assert app.clipboard == (
            "“Container fraud costs honest traders billions every year” — Mira Kallas, "
            "Harbour Watch alliance widens cooperation on container fraud (2021-03-02)"
        )
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is main
        reader = main.query_one(Reader)
        assert reader.document is not None and reader.document.id == "2021-harbour.txt"


async def test_quotations_export_writes_csl_json_of_the_shown(
    corpus_dir: Path, tmp_path: Path
) -> None:
    app = InterpolApp([corpus_dir])
    target = tmp_path / "out.json"
    async with app.run_test(size=SIZE) as pilot:
        await _analysed(pilot)
        await pilot.press("Q", *"kallas")
        await _gathered(pilot)
        await pilot.press("down", "x")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    items = json.loads(target.read_text(encoding="utf-8"))
    assert len(items) == 4 and all(i["contributor"] == [{"literal": "Mira Kallas"}] for i in items)


async def test_quotations_view_fits_a_small_terminal(corpus_dir: Path) -> None:
    app = InterpolApp([corpus_dir])
    async with app.run_test(size=(80, 24)) as pilot:
        await _analysed(pilot)
        await pilot.press("Q")
        await _gathered(pilot)
        options = app.screen.query_one(LineList)
        assert options.size.height >= 12
        assert options.cursor == 0  # the first quotation, under its speaker's heading
        assert options.render_line(0).text.startswith("Mira Kallas")
        assert options.render_line(1).text.startswith("  “Ports are where smugglers")
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_mark_two_releases_and_compare(corpus_dir: Path) -> None:
    from interpol_tui.ui.compare_screen import CompareScreen
    from interpol_tui.ui.document_list import DocumentList

    app = InterpolApp([corpus_dir])
    async with app.run_test(size=SIZE) as pilot:
        main = await _analysed(pilot)
        documents = main.query_one(DocumentList)
        documents.focus()
        await pilot.press("C")
        assert isinstance(app.screen, MainScreen)  # nothing marked: a hint, no view
        await pilot.press("j", "m", "j", "m")
        assert documents.compare_marks == ("2021-harbour.txt", "2024-harbour.txt")
        assert documents.render_line(3).text.startswith("1 ")  # the mark is drawn
        await pilot.press("m")  # unmark the second
        assert list(documents.compare_marks) == ["2021-harbour.txt"]
        await pilot.press("m", "C")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, CompareScreen)
        assert [p.label for p in view.comparison.figures] == ["member states 42 → 45"]
        await pilot.press("escape")
        assert app.screen is main


async def test_compare_view_fits_80_columns(corpus_dir: Path) -> None:
    from interpol_tui.ui.compare_screen import CompareScreen
    from interpol_tui.ui.document_list import DocumentList

    app = InterpolApp([corpus_dir])
    async with app.run_test(size=(80, 24)) as pilot:
        main = await _analysed(pilot)
        main.query_one(DocumentList).focus()
        await pilot.press("m", "j", "m", "C")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.query_one("#comparison").size.width <= 78


async def test_entity_card_opens_the_timeline_and_a_release_from_it(corpus_dir: Path) -> None:
    from interpol_tui.ui.entity_card import EntityCard
    from interpol_tui.ui.messages import EntityCardRequested
    from interpol_tui.ui.timeline_screen import TimelineScreen

    app = InterpolApp([corpus_dir])
    async with app.run_test(size=SIZE) as pilot:
        main = await _analysed(pilot)
        kallas = next(
            e for e in main.analyses["2019-harbour.txt"].entities if e.text == "Mira Kallas"
        )
        main.post_message(EntityCardRequested("2019-harbour.txt", kallas))
        await pilot.pause()
        assert isinstance(app.screen, EntityCard)
        await pilot.press("t")
        await _gathered(pilot)
        view = app.screen
        assert isinstance(view, TimelineScreen) and view.timeline is not None
        assert [s.role for s in view.timeline.roles] == [
            "Director-General",
            "former Director-General",
        ]
        assert view.query_one("#timeline-chart").display
        await pilot.press("end", "enter")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is main
        reader = main.query_one(Reader)
        assert reader.document is not None and reader.document.id == "2024-harbour.txt"


async def test_corpus_through_time_filters_the_list_to_a_period(corpus_dir: Path) -> None:
    from interpol_tui.ui.corpus_time import CorpusTimeScreen
    from interpol_tui.ui.document_list import DocumentList

    app = InterpolApp([corpus_dir])
    async with app.run_test(size=(80, 24)) as pilot:
        main = await _analysed(pilot)
        await pilot.press("T")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, CorpusTimeScreen)
        assert [p for p, _ in view.periods] == ["2019", "2020", "2021", "2022", "2023", "2024"]
        assert view.periods[view.index][0] == "2024"  # the latest period with releases
        await pilot.press("left", "left", "left")
        await pilot.pause()
        assert "2021: 1 release(s)" in str(view.query_one("#time-status").render())
        await pilot.press("enter")
        await pilot.pause()
        documents = main.query_one(DocumentList)
        assert [d.id for d in documents.rows] == ["2021-harbour.txt"]
        await pilot.press("T", "a")
        await pilot.pause()
        assert len(documents.rows) == 3


def test_the_views_and_sparkline_are_not_imported_at_start_up() -> None:
    import subprocess
    import sys

    code = (
        "import sys, interpol_tui.cli, interpol_tui.ui.app\n"
        "late = ('sparkline', 'corpus_time', 'timeline', 'compare',\n"
        "        'quotations_screen', 'across')\n"
        "print([m for m in sys.modules if m.rsplit('.', 1)[-1].strip('_') in late])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


async def test_quotations_are_gathered_once_per_analysis(corpus_dir: Path) -> None:
    app = InterpolApp([corpus_dir])
    async with app.run_test(size=SIZE) as pilot:
        await _analysed(pilot)
        await pilot.press("Q")
        first = app.screen
        assert isinstance(first, QuotationsScreen)
        await _gathered(pilot)
        await pilot.press("escape", "Q")
        second = app.screen
        assert isinstance(second, QuotationsScreen) and second is not first
        assert second.index is first.index  # reused at once, not gathered again
        assert len(second.shown) == 5


async def test_a_long_timeline_lists_its_releases_under_period_headings(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import interpol_tui.ui.timeline_screen as timeline_screen
    from interpol_tui.ui.messages import EntityCardRequested

    monkeypatch.setattr(timeline_screen, "PERIOD_HEADINGS_FROM", 1)
    app = InterpolApp([corpus_dir])
    async with app.run_test(size=SIZE) as pilot:
        main = await _analysed(pilot)
        assert main.across.index is not None  # gathered in the background
        kallas = next(
            e for e in main.analyses["2019-harbour.txt"].entities if e.text == "Mira Kallas"
        )
        main.post_message(EntityCardRequested("2019-harbour.txt", kallas))
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, timeline_screen.TimelineScreen)
        assert view.timeline is not None  # looked up at once, no worker
        listing = view.query_one(LineList)
        lines = [listing.render_line(y).text.strip() for y in range(9)]
        assert lines[0].startswith("2019") and "1 release(s)" in lines[0]
        assert lines[3].startswith("2021") and lines[6].startswith("2024")
        assert listing.cursor == 1  # the first release, under its heading
        await pilot.press("j", "enter")  # the heading is skipped
        await pilot.pause()
        await pilot.pause()
        reader = main.query_one(Reader)
        assert reader.document is not None and reader.document.id == "2021-harbour.txt"


async def test_quotations_gather_on_their_own_when_no_index_was_built(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from interpol_tui.ui.across_indexing import AcrossIndexer

    monkeypatch.setattr(AcrossIndexer, "build", lambda self, corpus, analyses: None)
    app = InterpolApp([corpus_dir])
    async with app.run_test(size=SIZE) as pilot:
        main = await _analysed(pilot)
        assert main.across.index is None
        await pilot.press("Q")
        view = app.screen
        assert isinstance(view, QuotationsScreen)
        await _gathered(pilot)
        assert view.index is not None and len(view.shown) == 5
        assert "5 of 5 quotations" in str(view.query_one("#quotations-status").render())
