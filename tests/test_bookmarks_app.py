"""The app remembers: bookmarks, the last release and its position, theme, panes, highlights;
and it survives bad corpora: warnings view, empty state, reload, hostile text."""

from __future__ import annotations

import html
import unicodedata
from pathlib import Path

import pytest
from app_fixtures import settle, writable_copy
from bad_corpus import BAD_FILES, HOSTILE, SIZE_LIMIT, build_bad_corpus

from interpol_tui.corpus.loader import load_corpus
from interpol_tui.state import Bookmarks, ReleaseIndex, SettingsFile, StatePaths
from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.document_list import DocumentList
from interpol_tui.ui.empty_state import EmptyCorpusScreen
from interpol_tui.ui.main_screen import MainScreen
from interpol_tui.ui.reader import Reader
from interpol_tui.ui.session import top_offset
from interpol_tui.ui.warnings_screen import WarningsScreen

SIZE = (120, 40)


@pytest.fixture
def corpus(seeds_dir: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    return writable_copy(seeds_dir, folder)


def saved_bookmarks(folder: Path) -> frozenset[str]:
    """The bookmarks on disk, as a new run on ``folder`` finds them."""
    index = ReleaseIndex.of(load_corpus([folder]))
    return Bookmarks(StatePaths.default(), pytest.fail).load(index)


def main_screen(app: InterpolApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


async def test_bookmark_survives_a_restart(corpus: Path, isolated_dirs: Path) -> None:
    app = InterpolApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "j")
        await pilot.press("b")
        await settle(app, pilot)
        marked = main_screen(app).query_one(Reader).document
        assert marked is not None and marked.id.startswith("002_")
        assert main_screen(app).session.bookmarks.ids == {marked.id}
    assert saved_bookmarks(corpus) == {marked.id}

    again = InterpolApp([corpus])
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        screen = main_screen(again)
        documents = screen.query_one(DocumentList)
        assert screen.session.bookmarks.ids == {marked.id}
        assert documents._markers == {marked.id}
        await pilot.press("B")  # only bookmarks
        await pilot.pause()
        assert [doc.id for doc in documents.rows] == [marked.id]
        await pilot.press("B")
        await pilot.pause()
        assert len(documents.rows) == 5
        await pilot.press("b")  # the open release is the bookmarked one: un-bookmark
        await settle(again, pilot)
        assert documents._markers == frozenset()
    assert saved_bookmarks(corpus) == frozenset()
    # Everything the app wrote is under the platformdirs folders, nowhere else.
    places = StatePaths.default()
    written = [path for path in isolated_dirs.rglob("*") if path.is_file()]
    assert written
    for path in written:
        assert any(
            path.is_relative_to(folder)
            for folder in (places.config_dir, places.state_dir, places.cache_dir)
        ), path


async def test_quitting_at_once_loses_no_change(corpus: Path) -> None:
    app = InterpolApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("b")
        app.theme = "gruvbox"
        await pilot.press("ctrl+q")
    assert saved_bookmarks(corpus) == {"000_6946df92a9c960cd.txt"}
    assert InterpolApp([corpus]).preferences.settings.theme == "gruvbox"


async def test_last_release_and_position_are_restored(corpus: Path) -> None:
    app = InterpolApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "j", "j")
        await pilot.press("tab")
        reader = main_screen(app).query_one(Reader)
        assert reader.has_focus
        await pilot.press("pagedown")
        await pilot.pause()
        assert reader.scroll_y > 0
        opened = reader.document
        assert opened is not None
        offset = top_offset(reader)
        assert offset > 0
        # No wait for the periodic save: quitting saves.
    # Narrower: the text wraps differently, and the same words are on the top line.
    app2 = InterpolApp([corpus])
    async with app2.run_test(size=(100, 34)) as pilot:
        await settle(app2, pilot)
        reader = main_screen(app2).query_one(Reader)
        assert reader.document is not None and reader.document.id == opened.id
        assert main_screen(app2).query_one(DocumentList).current == reader.document
        restored = top_offset(reader)
        assert restored <= offset < restored + reader.size.width
        # Other releases open at the top; back on this one, the position returns.
        await pilot.press("k")
        await pilot.pause()
        assert reader.scroll_y == 0
        await pilot.press("j")
        await pilot.pause()
        assert top_offset(reader) == restored


async def test_theme_panes_and_highlights_persist(corpus: Path) -> None:
    app = InterpolApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.theme = "nord"
        await pilot.press("s")  # hide statistics
        reader = main_screen(app).query_one(Reader)
        reader.focus()
        await pilot.press("1")  # hide person highlights
        await settle(app, pilot)
        assert "person" in reader.hidden_kinds
    settings = InterpolApp([corpus]).preferences.settings
    assert settings.theme == "nord"
    assert dict(settings.panes) == {"stats": False}
    assert "person" not in settings.highlight_kinds
    app2 = InterpolApp([corpus])
    async with app2.run_test(size=SIZE) as pilot:
        await settle(app2, pilot)
        assert app2.theme == "nord"
        assert main_screen(app2).stats_visible is False
        assert "person" in main_screen(app2).query_one(Reader).hidden_kinds


async def test_reload_keeps_the_open_release_and_sees_changes(corpus: Path) -> None:
    app = InterpolApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = main_screen(app)
        await pilot.press("j", "j", "j")
        await pilot.pause()
        current = screen.query_one(Reader).document
        assert current is not None
        (corpus / "zzz_new.txt").write_text("A new release in Lyon\n\nPolice met in Lyon.\n")
        (corpus / "000_6946df92a9c960cd.txt").unlink()
        await pilot.press("r")
        await settle(app, pilot)
        assert screen.corpus is not None
        ids = [doc.id for doc in screen.corpus.documents]
        assert "zzz_new.txt" in ids and "000_6946df92a9c960cd.txt" not in ids
        reader = screen.query_one(Reader)
        assert reader.document is not None and reader.document.id == current.id
        documents = screen.query_one(DocumentList)
        assert documents.current is not None and documents.current.id == current.id
        # The open release itself gone: reload falls back to the list's cursor.
        Path(current.path).unlink()
        await pilot.press("r")
        await settle(app, pilot)
        assert reader.document is not None and reader.document.id != current.id


async def test_reopening_skips_analysis_unless_no_cache(
    corpus: Path, analysed_ids: list[str]
) -> None:
    calls = analysed_ids
    # --no-cache analyses everything (and refreshes the cache); then nothing is analysed.
    for use_cache, expected in ((False, 5), (True, 0)):
        calls.clear()
        app = InterpolApp([corpus], use_cache=use_cache)
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            assert len(main_screen(app).analyses) == 5
        assert len(calls) == expected, use_cache


async def test_warnings_view_lists_every_bad_file(seeds_dir: Path, tmp_path: Path) -> None:
    bad = build_bad_corpus(seeds_dir, tmp_path / "bad")
    SettingsFile(StatePaths.default(), pytest.fail).save(max_file_bytes=SIZE_LIMIT)
    app = InterpolApp([bad])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = main_screen(app)
        assert screen.corpus is not None
        assert len(screen.corpus.documents) == 10
        await pilot.press("w")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, WarningsScreen)
        lines = list(view.query_one("Log").lines)  # type: ignore[attr-defined]
        for name in BAD_FILES:
            assert sum(name in line for line in lines) == 1, name
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_corrupt_state_is_a_warning_in_the_app(corpus: Path) -> None:
    paths = StatePaths.default()
    paths.state_dir.mkdir(parents=True)
    paths.bookmarks_file.write_text("{broken")
    paths.config_dir.mkdir(parents=True)
    paths.settings_file.write_text('{"theme": "no-such-theme", "max_file_bytes": "big"}')
    app = InterpolApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.theme != "no-such-theme"
        warnings = app.preferences.warnings
        assert any("bookmarks.json" in w and "moved aside" in w for w in warnings)
        assert any("max_file_bytes" in w for w in warnings)
        await pilot.press("w")
        await pilot.pause()
        lines = list(app.screen.query_one("Log").lines)  # type: ignore[attr-defined]
        assert any("bookmarks.json" in line for line in lines)


async def test_empty_corpus_shows_the_empty_state_and_reload_recovers(tmp_path: Path) -> None:
    folder = tmp_path / "nothing"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "image.txt").write_bytes(b"\x00\x01\x02")
    app = InterpolApp([folder])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        empty = app.screen
        assert isinstance(empty, EmptyCorpusScreen)
        message = str(empty.query_one("#empty-message").render())
        assert "No readable releases" in message
        assert "empty.txt: empty file" in message and "image.txt: binary file" in message
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WarningsScreen)
        await pilot.press("escape")
        await pilot.pause()
        (folder / "good.txt").write_text("Police meet in Lyon\n\nPolice met.\n")
        await pilot.press("r")
        await settle(app, pilot)
        screen = main_screen(app)
        reader = screen.query_one(Reader)
        assert reader.document is not None and reader.document.id == "good.txt"


async def test_hostile_text_never_reaches_the_screen(tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "name\x1b]0;x\x07[b]markup.txt").write_text(HOSTILE, encoding="utf-8")
    # A title that is broken markup: shown as typed, in the list, header and reader.
    (folder / "z.txt").write_text("[b]Police[/b] meet [/] in Lyon\n\nBody [red]text[/red].\n")
    app = InterpolApp([folder])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = main_screen(app)
        assert screen.corpus is not None and len(screen.corpus.documents) == 3
        for expected in ("[bold]markup[/]", "[bold]markup[/]", "[b]Police[/b] meet [/] in"):
            shot = app.export_screenshot()
            leaked = {c for c in shot if unicodedata.category(c) == "Cc" and c not in "\n\t"}
            assert leaked == set()
            assert "\u202e" not in shot
            assert expected in html.unescape(shot).replace("\xa0", " ")
            await pilot.press("j")
            await settle(app, pilot)
        assert "[red]text[/red]" in html.unescape(app.export_screenshot()).replace("\xa0", " ")
