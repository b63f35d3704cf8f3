"""Pilot tests: each pane shows where the focus is, the statistics pane without restyling its
widgets (issue 13, item 4: ``tab`` must be instant)."""

from __future__ import annotations

from pathlib import Path

from app_fixtures import settle
from textual.color import Color

from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.key_bar import KeyBar
from interpol_tui.ui.quantity_table import QuantityTable
from interpol_tui.ui.stats_pane import StatsPane


def _border(app: InterpolApp) -> Color:
    return app.screen.query_one(StatsPane).styles.border_top[1]


def _primary(app: InterpolApp) -> Color:
    return Color.parse(app.theme_variables["primary"])


async def test_stats_border_takes_the_accent_while_focus_is_inside(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        resting = _border(app)
        assert resting != _primary(app)
        app.screen.query_one(QuantityTable).focus()
        await pilot.pause()
        assert _border(app) == _primary(app)
        app.theme = "textual-light"  # the accent follows the theme while focused
        await pilot.pause()
        await pilot.pause()
        assert _border(app) == _primary(app)
        await pilot.press("tab")  # out of the pane: its own border again
        await pilot.pause()
        assert not isinstance(app.focused, QuantityTable)
        assert _border(app) != _primary(app)


async def test_focus_moves_restyle_only_the_two_widgets(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        restyled: list[int] = []
        update_nodes = app.stylesheet.update_nodes

        def counting(nodes: object, animate: bool = False) -> None:
            listed = list(nodes)  # type: ignore[call-overload]
            restyled.append(len(listed))
            update_nodes(listed, animate=animate)

        app.stylesheet.update_nodes = counting  # type: ignore[method-assign]
        for _ in range(3):  # round the three panes, into and out of the statistics
            await pilot.press("tab")
            await pilot.pause()
        assert isinstance(app.focused, type(app.screen.query_one("#documents")))
        # The blurred and the focused widget, each with its own children (none): never a
        # whole pane's worth, as a ``:focus-within`` rule on the pane had it.
        assert restyled and max(restyled) <= 2, restyled


async def test_key_bar_is_redrawn_on_the_focus_change_itself(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        bar = app.screen.query_one(KeyBar)
        refreshed: list[object] = []
        refresh = bar.refresh

        def counting(*args: object, **kwargs: object) -> object:
            refreshed.append(app.screen.focused)
            return refresh(*args, **kwargs)  # type: ignore[arg-type]

        bar.refresh = counting  # type: ignore[method-assign]
        app.screen.set_focus(app.screen.query_one(QuantityTable))
        # Before any frame is drawn: the bar asked to be drawn for the new focus.
        assert refreshed and refreshed[-1] is app.screen.query_one(QuantityTable)
