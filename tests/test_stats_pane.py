"""Pilot tests of the statistics pane: choose a figure and land on its sentence, at any size."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TabbedContent

from interpol_tui.analysis.aggregate import Occurrence
from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.document_list import DocumentList
from interpol_tui.ui.entity_table import EntityTable
from interpol_tui.ui.export_dialog import ExportDialog
from interpol_tui.ui.figure_table import FILTER_DELAY, FigureTable
from interpol_tui.ui.main_screen import MainScreen
from interpol_tui.ui.quantity_table import QuantityTable
from interpol_tui.ui.reader import Reader
from interpol_tui.ui.stats_pane import StatsPane

MEMBERS_2018 = "001_fdf3ecd901da1a00.txt"
HEADS_OF_NCBS = "004_4c617bd0e601aa67.txt"
MODI = "003_876d9fa6a16443df.txt"


async def _ready(pilot: Pilot[None]) -> StatsPane:
    """Wait for loading, analysis and the statistics worker, one after the other."""
    app = pilot.app
    for _ in range(100):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if isinstance(app.screen, MainScreen):
            stats = app.screen.query_one(StatsPane)
            if stats.statistics is not None:
                await pilot.pause()
                return stats
    raise AssertionError("the statistics never arrived")


def _occurrence(stats: StatsPane, doc_id: str, text: str) -> Occurrence:
    assert stats.statistics is not None
    for quantity in stats.statistics.quantities:
        for occurrence in quantity.occurrences:
            if occurrence.doc_id == doc_id and occurrence.figure.text == text:
                return occurrence
    raise AssertionError(text)


def _assert_sentence_in_view(app: InterpolApp, doc_id: str, occurrence: Occurrence) -> None:
    reader = app.screen.query_one(Reader)
    assert reader.document is not None and reader.document.id == doc_id
    top = round(reader.scroll_y)
    height = reader.scrollable_content_region.height
    figure = occurrence.figure
    for offset in (figure.sentence_start, figure.start):
        assert top <= reader.line_of_offset(offset) < top + height, offset
    documents = app.screen.query_one(DocumentList)
    assert documents.current is not None and documents.current.id == doc_id
    assert reader.has_focus


async def test_choosing_a_quantity_figure_opens_its_release_at_the_sentence(
    seeds_dir: Path,
) -> None:
    app = InterpolApp(corpus_paths=[seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        stats = await _ready(pilot)
        assert stats.display
        table = stats.query_one(QuantityTable)
        table.focus()
        wanted = _occurrence(stats, MEMBERS_2018, "192 member countries")
        assert table.select_occurrence(MEMBERS_2018, wanted.figure.start)
        await pilot.pause()
        sentence = str(stats.query_one("#occurrence-sentence").render())
        assert "192 member countries" in sentence
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        _assert_sentence_in_view(app, MEMBERS_2018, wanted)
        assert stats.display  # beside the reader there is room for both
        reader = app.screen.query_one(Reader)
        mark = reader.marks.mark  # the figure itself is marked, not only scrolled to
        assert mark is not None and mark.kind == "figure"
        assert reader.marks.span(mark) == (wanted.figure.start, wanted.figure.end)
        # z lets the pane fill the screen, and gives the other panes their place back.
        table.focus()
        await pilot.press("z")
        assert app.screen.maximized is stats and table.columns_layout.name == "full"
        await pilot.press("z")
        await pilot.pause()
        assert app.screen.maximized is None and table.columns_layout.name == "tiny"


async def test_at_80x24_the_pane_fills_the_screen_and_reading_closes_it(seeds_dir: Path) -> None:
    app = InterpolApp(corpus_paths=[seeds_dir])
    async with app.run_test(size=(80, 24)) as pilot:
        stats = await _ready(pilot)
        assert not stats.display
        await pilot.press("s")
        await pilot.pause()
        assert stats.display and app.screen.maximized is stats
        assert stats.region.width == 80
        table = stats.query_one(QuantityTable)
        assert table.has_focus
        # The heading row of the database searches: enter reads the newest figure.
        searches = next(
            index
            for index, row in enumerate(table.row_items)
            if row.occurrence is None
            and row.quantity
            and row.quantity.counts == "database searches"
        )
        table.move_cursor(row=searches)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert not stats.display and app.screen.maximized is None
        wanted = _occurrence(stats, HEADS_OF_NCBS, "nearly eight billion times")
        _assert_sentence_in_view(app, HEADS_OF_NCBS, wanted)
        # Shown again, escape closes it (and s shows it once more).
        await pilot.press("s")
        await pilot.pause()
        assert stats.display
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert not stats.display
        await pilot.press("s")
        await pilot.pause()
        assert stats.display and app.screen.maximized is stats


async def test_figures_filter_as_you_type_sort_and_open(seeds_dir: Path) -> None:
    app = InterpolApp(corpus_paths=[seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        stats = await _ready(pilot)
        await pilot.press("tab", "tab")  # list -> reader -> statistics
        await pilot.press("f")
        await pilot.pause()
        assert stats.query_one(TabbedContent).active == "tab-figures"
        assert isinstance(app.focused, Input)
        figures = stats.query_one(FigureTable)
        everything = len(figures.shown)
        await pilot.press(*"member")
        await pilot.pause(FILTER_DELAY * 3)  # the filter applies once typing pauses
        await pilot.pause()
        assert 0 < len(figures.shown) < everything
        assert {row.figure.text for row in figures.shown} >= {"192 member countries", "196 members"}
        values = [row.figure.value for row in figures.shown]
        assert values == sorted(values, reverse=True)
        await pilot.press("enter")  # from the filter to the table
        assert figures.has_focus
        await pilot.press("o")
        assert figures.order == "quantity"
        await pilot.press("o")
        assert figures.order == "release"
        dates = [row.occurrence.date.sort_key for row in figures.shown]
        assert dates == sorted(dates)
        first = figures.shown[0]
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        _assert_sentence_in_view(app, first.occurrence.doc_id, first.occurrence)


async def test_choosing_an_entity_lists_the_releases_that_mention_it(seeds_dir: Path) -> None:
    app = InterpolApp(corpus_paths=[seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        stats = await _ready(pilot)
        stats.query_one(QuantityTable).focus()
        await pilot.press("3")
        await pilot.pause()
        entities = stats.query_one(EntityTable)
        assert entities.has_focus
        row = next(i for i, e in enumerate(entities.entities) if e.canonical == "Narendra Modi")
        entities.move_cursor(row=row)
        await pilot.press("enter")
        await pilot.pause()
        documents = app.screen.query_one(DocumentList)
        assert [d.id for d in documents.rows] == [MODI]
        status = str(stats.query_one("#entities-status").render())
        assert "1 release(s) mentioning Narendra Modi" in status
        await pilot.press("enter")  # the same entity again: every release
        await pilot.pause()
        assert len(documents.rows) == 5


async def test_export_writes_markdown_where_the_user_says(seeds_dir: Path, tmp_path: Path) -> None:
    app = InterpolApp(corpus_paths=[seeds_dir])
    target = tmp_path / "exports" / "figures.md"
    async with app.run_test(size=(120, 40)) as pilot:
        stats = await _ready(pilot)
        stats.query_one(QuantityTable).focus()
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        field = app.screen.query_one(Input)
        assert field.value.endswith("interpol-tui-figures.csv")
        field.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Figures across releases")
    assert "| member countries | 3 | 192 (~2018) → 195 (~2022) → 196 (~2024) |" in text


async def test_export_honours_the_figures_filter_and_counts_rows(
    seeds_dir: Path, tmp_path: Path
) -> None:
    from interpol_tui.ui.figure_table import FigureTable

    app = InterpolApp(corpus_paths=[seeds_dir])
    target = tmp_path / "members.csv"
    async with app.run_test(size=(120, 40)) as pilot:
        stats = await _ready(pilot)
        table = stats.query_one(FigureTable)
        table.filter_text = "member"
        await pilot.pause(0.3)
        expected = table.matching
        assert 0 < expected < len(table.all_rows)
        notes: list[str] = []
        app.notify = lambda message, **_: notes.append(str(message))  # type: ignore[method-assign]
        stats.export_to(target)
        await app.workers.wait_for_complete()
        await pilot.pause()
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 + expected  # the header, then only the matching figures
    assert all("member" in line.casefold() for line in lines[1:])
    assert any(f"Exported {expected} figure(s) matching “member”" in note for note in notes)


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("nearly eight billion searches", 10, "nearly…"),  # never "nearly ei"
        ("some 4.5 billion → nearly 8 billion", 19, "some 4.5 billion…"),
        ("INTERPOL reaffirms support to Global Coalition", 20, "INTERPOL reaffirms…"),
        ("Supercalifragilistic", 8, "Superca…"),  # one long word: cut inside it
        ("fits", 4, "fits"),
    ],
)
def test_clip_cuts_between_words(text: str, width: int, expected: str) -> None:
    from interpol_tui.ui.quantity_table import clip

    assert clip(text, width) == expected
    assert len(clip(text, width)) <= width
