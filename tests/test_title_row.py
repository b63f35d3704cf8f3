"""Quick-open's result line drawn straight to segments is the line the Rich grid draws."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.style import Style

from interpol_tui.ui.quick_open import highlighted_title
from interpol_tui.ui.title_row import GRID_BELOW, TitleRow, grid_row

TITLES = [
    "Customs officers seize 40 tonnes of counterfeit pesticides in a port operation",
    "Short",
    "",
    "北京 hosts a regional meeting on 税关 cooperation against smuggling networks",
    "Police in Lagos and Accra arrest 12 suspects 🚨 after a joint investigation",
    "A title with a tab\tand    several   spaces between its words, long enough to cut",
    "Two lines\nin one title",
    "Gulf states and 31 partners agree on a shared watch list for stolen vessels",
]
DATES = ["2024-03-07", None, "1999-12-31"]
MATCH = Style(bold=True, underline=True, color="cyan")
DATE_STYLE = Style(color="grey50")


def _cells(console: Console, renderable: object, width: int) -> list[list[tuple[str, Style]]]:
    options = console.options.update_width(width)
    lines = console.render_lines(renderable, options, pad=True)  # type: ignore[arg-type]
    return [
        [(character, segment.style or Style()) for segment in line for character in segment.text]
        for line in lines
    ]


@pytest.mark.parametrize("width", [GRID_BELOW - 4, GRID_BELOW, 25, 31, 40, 57, 80, 104, 130])
def test_the_line_is_cell_for_cell_what_the_grid_draws(width: int) -> None:
    console = Console(width=200, color_system="truecolor", legacy_windows=False)
    for title in TITLES:
        for date in DATES:
            for positions in ([], [0, 1, 2, 10, 11, 40, 41, 42], list(range(60))):
                text = highlighted_title(title, [p for p in positions if p < len(title)], MATCH)
                fast = _cells(console, TitleRow(text, date, DATE_STYLE), width)
                slow = _cells(console, grid_row(text, date, DATE_STYLE), width)
                assert fast == slow, (title, date, width)
                assert all(cell_len("".join(c for c, _ in line)) == width for line in fast)


async def test_the_rows_height_without_drawing_is_textuals_measured_height() -> None:
    """RowVisual answers one line without drawing where TitleRow draws itself; Textual's
    own measure (drawing the row) says the same at every width, for every title."""
    from textual._context import active_app
    from textual.app import App
    from textual.visual import RichVisual
    from textual.widgets import OptionList

    from interpol_tui.ui.title_row import RowVisual

    app: App[None] = App()
    async with app.run_test(size=(120, 40)):
        token = active_app.set(app)
        try:
            widget = OptionList()
            await app.screen.mount(widget)
            for title in [*TITLES, "Évian: 3 OFFICIERS arrêtés à Zürich", "x" * 300]:
                for date in [*DATES, "a date far longer than its column"]:
                    row = TitleRow(highlighted_title(title, [0, 2], MATCH), date, DATE_STYLE)
                    for width in (1, 5, GRID_BELOW - 1, GRID_BELOW, 30, 77, 118, 300):
                        fast = RowVisual(widget, row).get_height(widget.styles, width)
                        slow = RichVisual(widget, row).get_height(widget.styles, width)
                        assert fast == slow, (title, date, width)
        finally:
            active_app.reset(token)
