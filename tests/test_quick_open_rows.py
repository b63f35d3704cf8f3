"""Quick-open's short cuts in drawing its rows (``ui/title_row.RowVisual``: heights known
without drawing; no looking for links) draw exactly what the plain way draws."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from textual.app import App, ComposeResult
from textual.widgets import OptionList, Static

from interpol_tui.search.titles import TitleIndex
from interpol_tui.ui import quick_open
from interpol_tui.ui.quick_open import QuickOpen

TITLES = [
    "Évian customs officers seize 40 tonnes of counterfeit pesticides",
    "EVIAN police and customs meet on counterfeit medicines",
    "Customs in Évora and Vigo share a watch list for stolen vessels",
    "Counterfeit: a regional operation against fake spare parts, with 12 arrests",
    "Two lines\nin one counterfeit title",
    "A tab\tin a title about customs cooperation",
    "Zürich hosts the customs chiefs' annual meeting on cooperation across borders, "
    "with a title long enough to be cut at any width this test uses",
]


class Host(App[None]):
    """Something behind the modal, as the main screen is."""

    def compose(self) -> ComposeResult:
        yield Static("behind " * 300)


async def _screen(query: str, plain: bool, width: int, monkeypatch: pytest.MonkeyPatch) -> str:
    documents = [
        SimpleNamespace(id=f"r{i}", title=title, date="2024-05-0" + str(i) if i % 3 else None)
        for i, title in enumerate(TITLES)
    ]
    index = TitleIndex((d.id, d.title, d.date) for d in documents)
    indexer = SimpleNamespace(indexes=SimpleNamespace(titles=index), when_ready=lambda f: f())
    if plain:  # the way before the short cuts: Textual draws each row to measure it
        monkeypatch.setattr(quick_open, "RowVisual", lambda widget, row: row)
    app = Host()
    async with app.run_test(size=(width, 30)) as pilot:
        app.push_screen(QuickOpen(indexer, documents))  # type: ignore[arg-type]
        await pilot.pause()
        if plain:
            app.screen.query_one(OptionList).auto_links = True
        await pilot.press(*query)
        await pilot.pause()
        await pilot.pause()
        return app.export_screenshot()


@pytest.mark.parametrize("width", [40, 80, 120])
@pytest.mark.parametrize("query", ["", "evian", "customs coop", "conterfeit"])
async def test_the_rows_are_drawn_as_the_plain_way_draws_them(
    query: str, width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = await _screen(query, False, width, monkeypatch)
    slow = await _screen(query, True, width, monkeypatch)
    assert "behind" in fast and "2024-05-0" in fast  # rows (their dates), over the screen
    assert fast == slow
