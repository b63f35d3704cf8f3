"""Pilot tests: the statistics tables size their columns from the pane's width and never
overflow it; a cell too long for its column ends in an ellipsis (issue 13, item 6)."""

from __future__ import annotations

from pathlib import Path

from app_fixtures import settle
from rich.cells import cell_len
from textual.pilot import Pilot

from interpol_tui.report.export import compact_value, stated_value
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
        assert "some 4.5 billion searches" in values  # was "some 4.5 billion…", then whole
        _check(quantities, "quantities 200")
        _values_whole(quantities, "quantities 200")


def _values_whole(table: QuantityTable, where: str) -> None:
    """Every value cell is one of its figure's forms, whole: as written, its value in words or
    in a few cells ("some 4.5 billion searches", "some 4.5 billion", "~4.5bn"), never cut."""
    for index, item in enumerate(table.row_items):
        cell = table.get_row_at(index)[1].plain
        if item.quantity is None:
            continue  # a heading or a note, not a value
        if item.occurrence is not None:
            figure = item.occurrence.figure
            forms = {figure.text, stated_value(figure), compact_value(figure)}
        elif len(table.columns) == 5:  # a quantity's heading: its values in date order
            figures = [o.figure for o in item.quantity.occurrences]
            forms = {" → ".join(stated_value(f) for f in figures)}
            forms.add(" → ".join(compact_value(f) for f in figures))
        else:
            continue  # the narrow layouts show the trend there
        assert cell in forms, (where, cell, forms)


async def test_at_80x24_every_value_is_whole_and_the_title_yields_first(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("s")  # the pane fills the screen at this width
        await pilot.pause()
        await pilot.pause()
        quantities = app.screen.query_one(QuantityTable)
        widths = _check(quantities, "quantities 80")
        assert len(widths) == 5
        _values_whole(quantities, "quantities 80")  # was "some 4.5…", "192 member…"
        values = [quantities.get_row_at(i)[1].plain for i in range(len(quantities.row_items))]
        assert "some 4.5 billion" in values and "192 member countries" in values
        # The release's title yields first: the values column is the wider.
        assert widths[1] > widths[4]
        for size in ((120, 40), (200, 60), (100, 30)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            if quantities.size.width:
                _check(quantities, f"quantities {size}")
                _values_whole(quantities, f"quantities {size}")


def test_the_most_important_column_gets_what_it_needs_before_the_others_get_more() -> None:
    from interpol_tui.ui.cell_forms import ColumnRoom, Forms, column_room, share_by_importance

    title, value = ColumnRoom(8, 10, 40), ColumnRoom(6, 24, 30)
    assert share_by_importance(30, [title, value], order=[1, 0]) == [8, 22]  # the value first
    assert share_by_importance(34, [title, value], order=[1, 0]) == [10, 24]  # then the title
    assert share_by_importance(80, [title, value], order=[1, 0]) == [40, 30]  # all it wants
    assert share_by_importance(50, [title, value], order=[1, 0]) == [20, 30]  # the title last
    assert share_by_importance(10, [title, value], order=[1, 0]) == [8, 6]  # floors, at least
    cells = [Forms.of("some 4.5 billion searches", "some 4.5 billion", "~4.5bn"), Forms.of("7")]
    assert column_room(cells, "Value", floor=15, need=30) == ColumnRoom(6, 16, 25)
    assert cells[0].at(20).plain == "some 4.5 billion"  # shortened, never cut
    assert cells[0].at(4).plain == "~4.…"  # narrower than every form: the last, cut
