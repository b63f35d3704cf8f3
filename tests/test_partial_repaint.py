"""Pilot tests: what repaints only part of the screen leaves it as a whole repaint draws it.

The release list repaints only the two rows the cursor left and reached and
the border line with its position (``ui/border_text.py``); the load bar
repaints only when what it shows changes. Each screen here is compared, cell
by cell with its style, with the same screen after every widget is repainted
whole (the slow path).
"""

from __future__ import annotations

from pathlib import Path

from app_fixtures import settle
from note_corpus import write_notes
from rich.style import Style
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widget import Widget

from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.border_text import set_subtitle
from interpol_tui.ui.document_list import DocumentList
from interpol_tui.ui.load_bar import LoadBar

RELEASES = 40

Cells = list[list[tuple[str, Style | None]]]


def _note(index: int) -> str:
    return (
        f"Harbour note number {index}\n\nLYON, France – Note {index} of a test corpus "
        f"says that {index + 4} inspectors from {index % 5 + 2} ports met in Lyon.\n"
    )


def _corpus(folder: Path) -> Path:
    return write_notes(folder, RELEASES, _note)


def _cells(app: App[None]) -> Cells:
    """Every cell of the screen as last painted, with its style."""
    return [
        [(character, segment.style) for segment in strip for character in segment.text]
        for strip in app.screen._compositor.render_strips()
    ]


async def _repainted_whole(app: App[None], pilot: Pilot[None]) -> Cells:
    """The screen after every widget on it is repainted from scratch."""
    for widget in app.screen.query(Widget):
        widget.refresh()
    app.screen.refresh()
    await pilot.pause()
    return _cells(app)


async def test_moving_the_cursor_paints_the_list_as_a_whole_repaint_does(tmp_path: Path) -> None:
    app = InterpolApp([_corpus(tmp_path / "corpus")])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        documents = app.screen.query_one(DocumentList)
        # Within the view (two rows repainted), past its end (it scrolls), back, to both ends.
        for keys in (["j"], ["j", "j"], ["j"] * 14, ["k"] * 3, ["G"], ["k"], ["g"], ["j"]):
            await pilot.press(*keys)
            await settle(app, pilot)
            painted = _cells(app)
            assert painted == await _repainted_whole(app, pilot), keys
        assert documents.cursor == 1
        assert documents.border_subtitle == f"2/{RELEASES}"


class BorderApp(App[None]):
    def compose(self) -> ComposeResult:
        pane = Widget(id="pane")
        pane.styles.border = ("round", "white")
        yield pane


async def test_a_subtitle_set_on_its_line_alone_is_stored_and_drawn_as_textual_does() -> None:
    app = BorderApp()
    async with app.run_test(size=(30, 6)) as pilot:
        pane = app.query_one("#pane")
        for subtitle in ("1/40", "12/40 · 3,000 in all", "2/40", "2/40"):
            set_subtitle(pane, subtitle)
            await pilot.pause()
            painted, stored = _cells(app), pane._border_subtitle
            pane.border_subtitle = subtitle  # Textual's own setter, which repaints it whole
            assert pane._border_subtitle == stored
            assert painted == await _repainted_whole(app, pilot), subtitle
            assert "".join(c for c, _ in painted[5]).find(subtitle) > 0


class BarApp(App[None]):
    def compose(self) -> ComposeResult:
        yield LoadBar(id="loading")


async def test_the_load_bar_repaints_only_when_it_changes_and_shows_what_it_would() -> None:
    app = BarApp()
    async with app.run_test(size=(300, 3)) as pilot:
        bar = app.query_one(LoadBar)
        repaints: list[None] = []
        refresh = bar.refresh

        def counted(*args: object, **kwargs: object) -> Widget:
            repaints.append(None)
            return refresh(*args, **kwargs)  # type: ignore[arg-type]

        bar.refresh = counted  # type: ignore[method-assign]
        for done in range(0, 10_001, 7):  # a report every 7 of 10,000, as a worker sends them
            bar.update(total=10_000, progress=done)
            if done % 700 == 0:
                await pilot.pause()
                painted = _cells(app)
                bar.refresh = refresh  # type: ignore[method-assign]
                assert painted == await _repainted_whole(app, pilot), done
                bar.refresh = counted  # type: ignore[method-assign]
        # 296 cells and 101 percentages to show, not 1,429 reports.
        assert 296 <= len(repaints) <= 400
        bar.update(progress=10_000)
        await pilot.pause()
        assert "".join(c for c, _ in _cells(app)[0]).endswith("100%")
