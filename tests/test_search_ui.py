"""Pilot tests: ``ctrl+p`` quick-open and ``/`` full-text search, as a user drives them."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.document_list import DocumentList
from interpol_tui.ui.main_screen import MainScreen
from interpol_tui.ui.marks import Mark
from interpol_tui.ui.quick_open import QuickOpen
from interpol_tui.ui.reader import Reader
from interpol_tui.ui.search_screen import FullTextSearch
from interpol_tui.ui.title_row import RowVisual, TitleRow

GLOBAL_COALITION = "002_c1b84d1ab1064721.txt"


async def _loaded(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def _main(app: InterpolApp) -> MainScreen:
    screen = app.screen_stack[0]
    assert isinstance(screen, MainScreen)
    return screen


def _reader(app: InterpolApp) -> Reader:
    return _main(app).query_one("#reader", Reader)


def _status(app: InterpolApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def _row(prompt: object) -> TitleRow:
    """The line of a quick-open row (a title and its date), inside its visual."""
    assert isinstance(prompt, RowVisual)
    return prompt.row


def _title_cell(prompt: object) -> Text:
    """The title of a quick-open row."""
    return _row(prompt).title


async def test_ctrl_p_typo_and_enter_open_the_release(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, QuickOpen)  # ours, not the command palette
        await pilot.press(*"glbal coaliton")
        await pilot.pause()
        results = app.screen.query_one(OptionList)
        first = results.get_option_at_index(0)
        assert first.id == GLOBAL_COALITION
        title = _title_cell(first.prompt)
        highlighted = "".join(title.plain[s.start : s.end] for s in title.spans)
        assert highlighted == "GlbalCoaliton"  # G·l·(o)·b·a·l C·o·a·l·i·t·(i)·o·n
        assert _row(first.prompt).date.plain == "2017-03-22"
        assert "best of 5" in _status(app, "#quick-open-status")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert _reader(app).document is not None
        assert _reader(app).document.id == GLOBAL_COALITION
        documents = app.screen.query_one(DocumentList)
        assert documents.current is not None and documents.current.id == GLOBAL_COALITION


async def test_quick_open_lists_releases_moves_and_closes(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        before = _reader(app).document
        await pilot.press("ctrl+p")
        await pilot.pause()
        results = app.screen.query_one(OptionList)
        assert results.option_count == 5  # nothing typed: the releases in order
        await pilot.press("down", "down")
        assert results.highlighted == 2
        await pilot.press("up")
        assert results.highlighted == 1
        await pilot.press(*"zzqxj")
        await pilot.pause()
        assert results.option_count == 0
        assert "No title matches" in _status(app, "#quick-open-status")
        await pilot.press("enter")  # nothing to open: stays
        assert isinstance(app.screen, QuickOpen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert _reader(app).document is before


async def test_the_command_palette_moved_to_ctrl_k(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def _search(pilot: Pilot[None], query: str) -> FullTextSearch:
    await pilot.press("slash")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, FullTextSearch)
    await pilot.press(*query)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return screen


async def test_slash_search_opens_the_hit_and_n_steps_through_hits(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        screen = await _search(pilot, "coalition")
        hits = screen.query_one(OptionList)
        assert hits.option_count >= 1
        prompt = hits.get_option_at_index(0).prompt
        assert isinstance(prompt, Text)
        assert prompt.plain.startswith("INTERPOL reaffirms support to Global Coalition")
        marked = {prompt.plain[s.start : s.end].casefold() for s in prompt.spans[1:]}
        assert marked == {"coalition"}  # the snippet's hit terms, after the bold title
        assert "release(s)" in _status(app, "#search-status")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        reader = _reader(app)
        assert isinstance(app.screen, MainScreen)
        assert reader.document is not None and reader.document.id == GLOBAL_COALITION
        assert reader.has_focus
        assert reader.marks.query == "Coalition"
        assert len(reader.marks.matches) >= 3
        assert reader.marks.mark == Mark("match", 0)
        await pilot.press("n")
        assert reader.marks.mark == Mark("match", 1)
        await pilot.press("N")
        assert reader.marks.mark == Mark("match", 0)
        # The hit is on screen.
        start = reader.marks.matches[0][0]
        line = reader.line_of_offset(start)
        assert reader.scroll_y <= line < reader.scroll_y + reader.scrollable_content_region.height


async def test_search_joins_a_name_and_remembers_the_query(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        await _search(pilot, "jurgen stock")
        assert app.screen.query_one(OptionList).option_count == 5
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert _reader(app).marks.query == "Jürgen Stock"
        await pilot.press("slash")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "jurgen stock"


async def test_a_malformed_query_shows_a_message_and_keeps_the_hits(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        screen = await _search(pilot, "stock OR")
        assert "needs a search term after it" in _status(app, "#search-status")
        await pilot.press("backspace", "backspace", "backspace")
        await app.workers.wait_for_complete()
        await pilot.pause()
        hits = screen.query_one(OptionList).option_count
        assert hits == 5
        screen.query_one(Input).value = "stock AND ("  # pasted: no good query in between
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "never closed" in _status(app, "#search-status")
        assert screen.query_one(OptionList).option_count == hits
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_the_index_is_built_after_loading_and_gets_the_names(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        await app.workers.wait_for_complete()  # the names are added by a worker of their own
        indexer = _main(app).search_indexer
        assert indexer.ready and indexer.indexes is not None
        assert len(indexer.indexes.titles) == 5 and len(indexer.indexes.fulltext) == 5
        database = indexer.indexes.fulltext._db
        named = database.execute("SELECT count(*) FROM releases WHERE names != ''").fetchone()
        assert named == (5,)
        assert indexer.indexes.fulltext.search("Tillerson").hits[0].doc_id == GLOBAL_COALITION
