"""Pilot tests: the statistics tables size their columns from the pane's width and never
overflow it; a cell too long for its column ends in an ellipsis (issue 13, item 6)."""

from __future__ import annotations

from pathlib import Path

from app_fixtures import settle
from rich.cells import cell_len
from textual.pilot import Pilot

from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.column_fit import fit_columns
from interpol_tui.ui.entity_table import EntityTable
from interpol_tui.ui.figure_table import FigureTable
from interpol_tui.ui.quantity_table import QuantityTable
from interpol_tui.ui.stats_pane import StatsPane


def test_columns_get_what_they_want_when_it_fits_else_a_share_above_their_minimum() -> None:
    assert fit_columns(40, [5, 10, 8], [3, 3, 3]) == [5, 10, 8]
    widths = fit_columns(20, [10, 30, 4], [4, 6, 4])
    assert sum(widths) == 20 and widths[2] == 4  # a column that fits is not cut
    assert widths[1] > widths[0] >= 4  # the longer column gets more of the room
    assert fit_columns(5, [10, 10], [4, 4]) == [4, 4]  # never below the minimums


def _check(table: QuantityTable | FigureTable | EntityTable, where: str) -> list[int]:
    columns = list(table.ordered_columns)
    assert table.size.width > 0, where
    assert table.virtual_size.width <= table.size.width, where  # no column past the edge
    widths = [column.get_render_width(table) - 2 for column in columns]
    for row_key in list(table.rows)[:60]:
        for column, width, cell in zip(columns, widths, table.get_row(row_key), strict=True):
            text = cell.plain
            assert cell_len(text) <= width, (where, column.label, text)
    return widths


async def _figures(pilot: Pilot[None]) -> FigureTable:
    stats = pilot.app.screen.query_one(StatsPane)
    stats.action_show_tab(1)
    await pilot.pause()
    await pilot.pause()
    return pilot.app.screen.query_one(FigureTable)


async def test_tables_follow_the_terminal_width(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(app, pilot)
        quantities = app.screen.query_one(QuantityTable)
        wide = _check(quantities, "quantities 200")
        assert len(wide) == 5
        cut = [c for row in list(quantities.rows)[:60] for c in quantities.get_row(row)]
        assert any(c.plain.endswith("…") for c in cut)  # long titles are cut, and say so
        figures = await _figures(pilot)
        wide_figures = _check(figures, "figures 200")
        await pilot.resize_terminal(160, 50)
        await pilot.pause()
        await pilot.pause()
        narrower = _check(figures, "figures 160")
        assert sum(narrower) < sum(wide_figures)  # the columns follow the pane
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        await pilot.pause()
        assert _check(figures, "figures 200 again") == wide_figures


async def test_a_narrow_pane_drops_figure_columns_rather_than_overflow(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:  # the pane is about 34 columns
        await settle(app, pilot)
        figures = await _figures(pilot)
        _check(figures, "figures 120")
        assert [str(key.value) for key in figures.columns] == ["value", "quantity", "when"]
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        await pilot.pause()
        _check(figures, "figures 200")
        assert len(figures.columns) == 5


async def test_the_entities_table_fits_narrow_and_wide_panes(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        pilot.app.screen.query_one(StatsPane).action_show_tab(2)
        await pilot.pause()
        await pilot.pause()
        entities = app.screen.query_one(EntityTable)
        assert len(_check(entities, "entities 120")) == 2  # name and releases
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        await pilot.pause()
        assert len(_check(entities, "entities 200")) == 5


def test_a_title_column_takes_only_the_room_the_others_leave() -> None:
    # Values first: the figure is what the row is for; the title keeps its minimum.
    assert fit_columns(40, [10, 20, 30], [4, 6, 8], rest=2) == [10, 20, 10]
    assert fit_columns(60, [10, 20, 40], [4, 6, 8], rest=2) == [10, 20, 30]
    widths = fit_columns(20, [10, 20, 30], [4, 6, 8], rest=2)
    assert widths[2] == 8 and sum(widths) == 20  # the others share what is left
    assert fit_columns(80, [10, 20, 30], [4, 6, 8], rest=2) == [10, 20, 30]  # all fit


async def test_at_200_columns_values_are_whole_and_the_title_takes_the_rest(
    seeds_dir: Path,
) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(app, pilot)
        quantities = app.screen.query_one(QuantityTable)
        cells = [quantities.get_row(row) for row in list(quantities.rows)]
        values = [row[1].plain for row in cells]
        assert "some 4.5 billion…" in values  # was "some 4.5…" beside a wider title
        _check(quantities, "quantities 200")
