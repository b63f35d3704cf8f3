"""The load bar: a line that says how much of the corpus is read or analysed."""

from __future__ import annotations

from textual.app import App, ComposeResult

from interpol_tui.ui.load_bar import LoadBar


class BarApp(App[None]):
    def compose(self) -> ComposeResult:
        yield LoadBar(id="loading")


async def test_the_bar_says_loading_until_a_total_is_known_then_fills() -> None:
    app = BarApp()
    async with app.run_test(size=(40, 3)) as pilot:
        bar = app.query_one(LoadBar)
        assert str(bar.render()) == "Loading…"
        bar.update(total=200, progress=50)
        await pilot.pause()
        line = str(bar.render())
        assert line.endswith(" 25%") and len(line) == 40
        assert line.count("━") == 40 - len(line.lstrip("━"))  # the bar fills the rest
        bar.update(progress=400)  # more than the total: full, never past it
        assert str(bar.render()).endswith("100%") and bar.percentage == 1.0
