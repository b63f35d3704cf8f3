"""The reader driven by keys and clicks on a hand-written release (no analysis engine)."""

from __future__ import annotations

import asyncio
import dataclasses

from reader_fixtures import TEXT, TITLE, analysis, document
from rich.style import Style
from textual.app import App, ComposeResult
from textual.color import Color
from textual.geometry import Offset
from textual.selection import Selection

from interpol_tui.ui.annotations import release_text
from interpol_tui.ui.find_bar import FindBar
from interpol_tui.ui.legend import Legend
from interpol_tui.ui.marks import Mark
from interpol_tui.ui.quotes_panel import QuotesPanel
from interpol_tui.ui.reader import Reader
from interpol_tui.ui.reader_pane import ReaderPane

SIZE = (80, 30)


class ReaderApp(App[None]):
    """Just the reading column, showing the hand-written release."""

    def __init__(self, text: str = TEXT) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield ReaderPane()

    def on_mount(self) -> None:
        reader = self.query_one(Reader)
        reader.set_document(dataclasses.replace(document(), text=self.text), analysis())
        reader.focus()


def screen_lines(reader: Reader, body: bool = False) -> list[tuple[int, str]]:
    """Every rendered line on screen (or only the release's body), with its row."""
    first = reader._layout.header_height - int(reader.scroll_y) if body else 0
    rows = range(max(first, 0), reader.scrollable_content_region.height)
    return [(y, reader.render_line(y).text) for y in rows]


def style_of(reader: Reader, needle: str) -> Style:
    """The style of the first cell of ``needle`` as drawn in the release's body."""
    for y, text in screen_lines(reader, body=True):
        column = text.find(needle)
        if column >= 0:
            position = 0
            for segment in reader.render_line(y):
                if position + len(segment.text) > column:
                    return segment.style or Style()
                position += len(segment.text)
    raise AssertionError(f"{needle!r} is not on screen")


def legend_style(app: App[None], label: str) -> Style:
    """The style of ``label`` in the legend, as the screen shows it."""
    for strip in app.screen._compositor.render_strips():
        position = 0
        text = "".join(segment.text for segment in strip)
        column = text.find(label)
        if column >= 0:
            for segment in strip:
                if position + len(segment.text) > column:
                    return segment.style or Style()
                position += len(segment.text)
    raise AssertionError(f"{label!r} is not on screen")


async def test_e_and_shift_e_move_between_entities() -> None:
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.query_one(Reader)
        await pilot.press("e")
        assert reader.marks.entity is not None and reader.marks.entity.text == "LYON"
        await pilot.press("e", "e")
        assert reader.marks.entity is not None and reader.marks.entity.text == "Ana Ruiz"
        await pilot.press("E")
        assert reader.marks.entity is not None and reader.marks.entity.text == "France"
        # The mark is drawn: reverse video over the entity's own colours.
        assert style_of(reader, "France").reverse


async def test_quote_keys_copy_the_exact_citation() -> None:
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.query_one(Reader)
        assert reader.check_action("copy_quote", ()) is None  # shown, but disabled
        await pilot.press("y")
        assert app.clipboard == ""
        await pilot.press("right_square_bracket", "y")
        assert app.clipboard == (
            "“We will keep every port open to honest trade” — Ana Ruiz, " + TITLE + " (2024-05-03)"
        )
        await pilot.press("right_square_bracket", "y")
        assert app.clipboard.startswith("“Smugglers adapt quickly. So must we, and the Harbour")
        await pilot.press("left_square_bracket")
        assert reader.marks.mark == Mark("quote", 0)
        await pilot.press("e")  # an entity mark is not a quotation: y is disabled again
        assert reader.check_action("copy_quote", ()) is None


async def test_capital_y_copies_the_release() -> None:
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("Y")
        assert app.clipboard == release_text(document())


async def test_toggling_a_kind_removes_its_styling_by_key_and_by_click() -> None:
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.query_one(Reader)
        person = reader.get_component_rich_style("reader--person")
        plain = style_of(reader, "Director")
        assert style_of(reader, "Ana Ruiz").color == person.color != plain.color
        await pilot.press("1")
        await pilot.pause()
        assert "person" in reader.hidden_kinds
        assert style_of(reader, "Ana Ruiz").color == plain.color
        assert not style_of(reader, "Ana Ruiz").bold
        legend = app.query_one(Legend)
        assert "person" in legend.hidden
        assert legend_style(app, "Person").strike
        assert legend_style(app, "Place").color == style_of(reader, "LYON").color
        # Clicking "Person" in the legend (after the padding and "1 ") turns it back on.
        await pilot.click(Legend, offset=(4, 0))
        await pilot.pause()
        assert "person" not in reader.hidden_kinds
        assert style_of(reader, "Ana Ruiz").color == person.color
        await pilot.press("2", "e", "e", "e")  # hidden kinds are skipped by e
        assert reader.marks.entity is not None and reader.marks.entity.text == "Ana Ruiz"
        await pilot.press("e")
        assert reader.marks.entity is not None and reader.marks.entity.text == "Operation Lantern"


async def test_ctrl_f_finds_as_you_type_and_n_steps() -> None:
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.query_one(Reader)
        await pilot.press("ctrl+f")
        assert app.query_one(FindBar).has_class("-open")
        await pilot.press(*"ruiz")
        assert len(reader.marks.matches) == 3
        assert reader.marks.mark == Mark("match", 0)
        await pilot.press("enter")
        assert app.focused is reader
        await pilot.press("n")
        assert reader.marks.mark == Mark("match", 1)
        assert "2/3" in str(reader.border_subtitle)
        match = reader.get_component_rich_style("reader--match")
        assert style_of(reader, "Ruiz").bgcolor == match.bgcolor  # the first: marked, not current
        await pilot.press("N", "N")
        assert reader.marks.mark == Mark("match", 2)  # wrapped round to the last
        await pilot.press("escape")
        assert reader.marks.matches == [] and reader.border_subtitle is None
        assert reader.check_action("clear_marks", ()) is False  # escape is left to the screen


async def test_find_api_returns_the_count_and_scrolls_to_the_first_match() -> None:
    long_text = "\n\n".join(["Filler words for the reader."] * 60 + ["The needle is here."])
    app = ReaderApp(long_text)
    async with app.run_test(size=SIZE) as pilot:
        reader = app.query_one(Reader)
        assert reader.find("NEEDLE") == 1
        await pilot.pause()
        assert any("needle" in text for _, text in screen_lines(reader))
        assert style_of(reader, "needle").reverse  # the current match
        assert reader.find("absent") == 0
        assert reader.check_action("step", ("match", True)) is None


async def test_quotations_panel_lists_and_jumps() -> None:
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.query_one(Reader)
        await pilot.press("quotation_mark")
        assert isinstance(app.screen, QuotesPanel)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, QuotesPanel)
        assert reader.marks.mark == Mark("quote", 1)
        assert app.focused is reader


async def test_markup_in_text_and_title_stays_literal() -> None:
    app = ReaderApp()
    async with app.run_test(size=SIZE):
        reader = app.query_one(Reader)
        lines = [text for _, text in screen_lines(reader)]
        assert any("[red]now[/]" in line for line in lines)
        assert any("[bold]x[/]" in line for line in lines)
        assert not style_of(reader, "x[/]").bold


async def test_control_sequences_never_reach_the_screen() -> None:
    hostile = "Before \x1b]52;c;aGVsbG8=\x07 middle \x1b]0;pwned\x07 after \x9b31m end."
    app = ReaderApp(hostile)
    async with app.run_test(size=SIZE):
        reader = app.query_one(Reader)
        for y in range(reader.scrollable_content_region.height):
            for segment in reader.render_line(y):
                assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in segment.text)


async def test_selected_text_is_copied_with_the_release_line_breaks() -> None:
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.query_one(Reader)
        assert reader.check_action("copy_selection", ()) is False
        header = reader._layout.header_height
        # From the body's first character to the sixth of its second screen line.
        app.screen.selections = {reader: Selection(Offset(0, header), Offset(5, header + 1))}
        await pilot.pause()
        assert reader.check_action("copy_selection", ()) is True
        await pilot.press("ctrl+c")
        end = reader._layout.lines[header + 1].start + 5
        assert app.clipboard == TEXT[:end]
        assert "\n" not in app.clipboard  # one paragraph, however the screen wrapped it


async def test_clicking_an_entity_marks_it() -> None:
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.query_one(Reader)
        for y, text in screen_lines(reader, body=True):
            column = text.find("Operation")
            if column >= 0:
                # One cell of padding on the left; click the third letter.
                await pilot.click(Reader, offset=(1 + column + 2, y))
                break
        await pilot.pause()
        assert reader.marks.entity is not None
        assert reader.marks.entity.text == "Operation Lantern"


async def test_every_kind_stays_legible_on_every_colour_theme() -> None:
    def luminance(color: Color) -> float:
        def channel(value: int) -> float:
            v = value / 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        r, g, b = color.rgb
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)

    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.query_one(Reader)
        kinds = ["person", "organization", "location", "operation", "figure", "date", "quote"]
        # ANSI themes use the terminal's own palette, which only the terminal knows.
        themes = [name for name in app.available_themes if not name.startswith("ansi")]
        assert len(themes) > 10
        for theme in themes:
            app.theme = theme
            await pilot.pause()
            for kind in [*kinds, "match", "title"]:
                style = reader.get_component_rich_style(f"reader--{kind}")
                assert style.color is not None and style.bgcolor is not None
                fg = luminance(Color.from_rich_color(style.color))
                bg = luminance(Color.from_rich_color(style.bgcolor))
                ratio = (max(fg, bg) + 0.05) / (min(fg, bg) + 0.05)
                assert ratio >= 3.0, (theme, kind, ratio)


async def _find_bar_mounted(app: App[None]) -> FindBar:
    """The find bar, once mounted after the first frames (a hang guard, not a timing)."""
    for _ in range(300):
        if app.query(FindBar):
            return app.query_one(FindBar)
        await asyncio.sleep(0.01)
    raise AssertionError("the find bar was never mounted")


async def test_the_find_bar_follows_the_first_frame_between_reader_and_legend() -> None:
    app = ReaderApp()
    async with app.run_test(size=SIZE):
        pane = app.query_one(ReaderPane)
        await _find_bar_mounted(app)
        assert [type(child) for child in pane.children] == [Reader, FindBar, Legend]
        assert pane._mount_find_bar() is None  # mounted once only
        assert not app.query_one(FindBar).has_class("-open")  # hidden until used


async def test_a_find_asked_for_before_the_bar_is_mounted_mounts_and_opens_it() -> None:
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await (await _find_bar_mounted(app)).remove()  # as before its mount after the first frame
        reader = app.query_one(Reader)
        reader.post_message(Reader.FindRequested("ruiz"))
        for _ in range(5):  # the bar mounted, then its field
            await pilot.pause()
        bar = app.query_one(FindBar)
        assert bar.has_class("-open")
        assert [type(child) for child in app.query_one(ReaderPane).children] == [
            Reader,
            FindBar,
            Legend,
        ]
