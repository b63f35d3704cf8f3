"""Pilot tests: open the app on the seeds, move through the list, read, sort, get help."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Static

from interpol_tui.corpus.model import Document
from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.document_list import ROW_HEIGHT, DocumentList, fit
from interpol_tui.ui.help_screen import HelpScreen, key_label
from interpol_tui.ui.main_screen import help_sections
from interpol_tui.ui.reader import Reader
from interpol_tui.ui.stats_pane import StatsPane


async def _loaded(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def _titles(gold: dict[str, Any]) -> list[str]:
    return [doc["title"] for doc in gold["documents"]]


def _list(app: InterpolApp) -> DocumentList:
    return app.screen.query_one("#documents", DocumentList)


def _reader(app: InterpolApp) -> Reader:
    return app.screen.query_one("#reader", Reader)


def _screen_text(app: InterpolApp) -> str:
    """The characters on screen, line by line (what a user would see)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


async def test_opens_on_the_seeds_with_five_releases(seeds_dir: Path, gold: dict[str, Any]) -> None:
    app = InterpolApp(corpus_paths=[seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        documents = _list(app)
        assert [doc.title for doc in documents.rows] == _titles(gold)
        assert documents.has_focus
        # The reader starts on the first release of the list.
        assert _reader(app).document is documents.rows[0]
        assert documents.border_title == "Releases · as loaded"
        assert documents.border_subtitle == "1/5"


async def test_j_k_move_and_the_reader_follows(seeds_dir: Path, gold: dict[str, Any]) -> None:
    titles = _titles(gold)
    app = InterpolApp(corpus_paths=[seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        documents = _list(app)
        await pilot.press("j", "j")
        assert documents.cursor == 2
        reader = _reader(app)
        assert reader.document is not None
        assert reader.document.title == titles[2]
        await pilot.press("k")
        assert reader.document.title == titles[1]
        await pilot.press("down", "down", "down", "down", "down")
        assert documents.cursor == 4  # stops at the last release
        await pilot.press("up")
        assert reader.document.title == titles[3]
        await pilot.press("home")
        assert documents.cursor == 0


async def test_enter_opens_the_release_in_the_reader(seeds_dir: Path, gold: dict[str, Any]) -> None:
    app = InterpolApp(corpus_paths=[seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        await pilot.press("j", "j", "j", "enter")
        await pilot.pause()
        reader = _reader(app)
        assert reader.has_focus
        assert reader.document is not None
        assert reader.document.title == _titles(gold)[3]
        # The header of the reader shows the title and the dateline.
        screen = _screen_text(app)
        assert "Prime Minister Narendra Modi has officially" in screen
        assert "NEW DELHI, India" in screen


async def test_reader_header_shows_date_and_dateline(seeds_dir: Path) -> None:
    app = InterpolApp(corpus_paths=[seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        await pilot.press("j", "j")
        await pilot.pause()
        screen = _screen_text(app)
        assert "2017-03-22 · WASHINGTON DC, USA" in screen
        assert "WASHINGTON DC, USA – The head of INTERPOL" in screen


async def test_o_cycles_the_sort_and_shows_it_in_the_pane_title(seeds_dir: Path) -> None:
    app = InterpolApp(corpus_paths=[seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        documents = _list(app)
        await pilot.press("j")  # cursor on 001
        await pilot.press("o")
        assert documents.sort_key == "date"
        assert documents.border_title == "Releases · newest first"
        assert documents.border_subtitle == "3/5"
        # The only dated release first, then the undated in corpus order.
        assert [d.id[:3] for d in documents.rows] == ["002", "000", "001", "003", "004"]
        # The same release stays under the cursor.
        assert documents.current is not None
        assert documents.current.id.startswith("001")
        await pilot.press("o")
        assert documents.sort_key == "title"
        titles = [d.title for d in documents.rows]
        assert titles == sorted(titles, key=str.casefold)
        assert documents.border_title == "Releases · title A–Z"
        assert "Releases · title A–Z" in _screen_text(app)
        await pilot.press("o")
        assert documents.sort_key == "corpus"
        assert [d.id[:3] for d in documents.rows] == ["000", "001", "002", "003", "004"]


def _help_text(app: InterpolApp) -> str:
    static = app.screen.query_one(Static)
    console = Console(file=io.StringIO(), width=200, color_system=None)
    console.print(static.content)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(output, str)
    return output


async def test_question_mark_opens_help_listing_every_key(seeds_dir: Path) -> None:
    app = InterpolApp(corpus_paths=[seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = _help_text(app)
        described = 0
        for title, bindings in help_sections():
            assert title in text
            for binding in bindings:
                if isinstance(binding, Binding) and binding.description:
                    assert key_label(binding.key) in text
                    assert binding.description in text
                    described += 1
        assert described >= 10
        for key in ("tab", "shift+tab", "j / down", "k / up", "enter", "?", "ctrl+q", "o", "s"):
            assert key in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_tab_moves_between_the_panes(seeds_dir: Path) -> None:
    app = InterpolApp(corpus_paths=[seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        assert app.focused is _list(app)
        await pilot.press("tab")
        assert app.focused is _reader(app)
        await pilot.press("tab")
        stats = app.screen.query_one(StatsPane)
        assert app.focused is not None
        assert stats in (app.focused, *app.focused.ancestors)
        await pilot.press("tab")
        assert app.focused is _list(app)
        await pilot.press("shift+tab")
        assert app.focused is not None
        assert stats in (app.focused, *app.focused.ancestors)


async def test_s_hides_and_shows_the_statistics(seeds_dir: Path) -> None:
    app = InterpolApp(corpus_paths=[seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        stats = app.screen.query_one(StatsPane)
        assert stats.display
        await pilot.press("s")
        assert not stats.display
        await pilot.press("s")
        assert stats.display


async def test_click_moves_the_cursor_and_double_click_opens(
    seeds_dir: Path, gold: dict[str, Any]
) -> None:
    app = InterpolApp(corpus_paths=[seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        documents = _list(app)
        # Row 2 starts on content line 4; the border takes the widget's first line.
        await pilot.click("#documents", offset=(5, 1 + 2 * ROW_HEIGHT))
        await pilot.pause()
        assert documents.cursor == 2
        assert documents.has_focus
        await pilot.double_click("#documents", offset=(5, 1 + 3 * ROW_HEIGHT + 1))
        await pilot.pause()
        assert documents.cursor == 3
        reader = _reader(app)
        assert reader.has_focus
        assert reader.document is not None
        assert reader.document.title == _titles(gold)[3]


@pytest.mark.parametrize(("width", "height"), [(80, 24), (200, 60)])
async def test_layout_at_small_and_large_sizes(
    seeds_dir: Path, gold: dict[str, Any], width: int, height: int
) -> None:
    app = InterpolApp(corpus_paths=[seeds_dir])
    async with app.run_test(size=(width, height)) as pilot:
        await _loaded(pilot)
        documents, reader = _list(app), _reader(app)
        stats = app.screen.query_one(StatsPane)
        assert documents.region.width >= 24
        assert reader.region.width > documents.region.width
        assert documents.region.right <= reader.region.x
        assert reader.region.height >= height - 4
        screen = _screen_text(app)
        assert "Releases · as loaded" in screen
        assert "1/5" in screen
        assert "Reader" in screen
        if width >= 100:
            assert stats.display
            assert stats.region.width >= 26
            assert reader.region.right <= stats.region.x
            assert stats.region.right <= width
            assert "Statistics" in screen
            assert "5 releases" in screen
            # Every title shows whole or cut to the list's width with an ellipsis.
            room = documents.scrollable_content_region.width - 2
            for title in _titles(gold):
                assert fit(title, room) in screen
                assert fit(title, room).endswith("…") == (len(title) > room)
        else:
            # Too narrow for three panes: statistics start hidden, `s` shows them.
            assert not stats.display
            await pilot.press("s")
            await pilot.pause()
            assert stats.display
            assert stats.region.width > 0
            assert "…" in screen  # long titles are cut with an ellipsis


async def test_resize_keeps_the_panes(seeds_dir: Path) -> None:
    app = InterpolApp(corpus_paths=[seeds_dir])
    async with app.run_test(size=(200, 60)) as pilot:
        await _loaded(pilot)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert _list(app).region.width >= 24
        assert _reader(app).region.width > 0
        await pilot.press("j")
        assert _reader(app).document is _list(app).rows[1]


# -- the list on its own ---------------------------------------------------------


def _synthetic(count: int) -> list[Document]:
    return [
        Document(
            id=f"r{index:06d}.txt",
            path=Path(f"r{index:06d}.txt"),
            title=f"Release number {count - index} about police cooperation",
            date=f"20{index % 20:02d}-01-01" if index % 3 else None,
            dateline="LYON, France" if index % 2 else None,
            text="Body.",
        )
        for index in range(count)
    ]


async def test_list_of_ten_thousand_scrolls_and_sorts(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Police meet\n\nBody.\n", encoding="utf-8")
    app = InterpolApp(corpus_paths=[tmp_path])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        documents = _list(app)
        documents.set_documents(_synthetic(10_000))
        await pilot.pause()
        assert documents.virtual_size.height == 10_000 * ROW_HEIGHT
        assert documents.border_subtitle == "1/10,000"
        await pilot.press("end")
        await pilot.pause()
        assert documents.cursor == 9_999
        assert documents.border_subtitle == "10,000/10,000"
        assert documents.scroll_y > 19_000
        assert "Release number 1 about" in _screen_text(app)
        await pilot.press("pageup", "k")
        assert 9_970 < documents.cursor < 9_999
        kept = documents.current
        await pilot.press("o")
        assert documents.current is kept
        dates = [d.date for d in documents.rows if d.date]
        assert dates == sorted(dates, reverse=True)
        assert all(d.date is None for d in documents.rows[len(dates) :])


async def test_filter_shows_count_and_empty_message(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Police meet\n\nBody.\n", encoding="utf-8")
    app = InterpolApp(corpus_paths=[tmp_path])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        documents = _list(app)
        documents.set_documents(_synthetic(50))
        documents.set_filter(frozenset({"r000007.txt", "r000009.txt"}))
        await pilot.pause()
        assert [d.id for d in documents.rows] == ["r000007.txt", "r000009.txt"]
        assert documents.border_subtitle == "1/2 · 50 in all"
        documents.set_filter(frozenset())
        await pilot.pause()
        assert "No release matches." in _screen_text(app)
        documents.set_filter(None)
        assert len(documents.rows) == 50


async def test_untrusted_title_is_not_markup(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Police [bold]meet[/] in [red]Lyon\n\nBody.\n", "utf-8")
    app = InterpolApp(corpus_paths=[tmp_path])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        assert "Police [bold]meet[/] in [red]Lyon" in _screen_text(app)


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("Police meet", 20, "Police meet"),
        ("Police meet in Lyon", 10, "Police me…"),
        ("Police", 6, "Police"),
        ("Police", 0, ""),
        ("警察の会議", 5, "警察…"),
    ],
)
def test_fit_cuts_with_an_ellipsis(text: str, width: int, expected: str) -> None:
    assert fit(text, width) == expected
