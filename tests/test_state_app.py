"""The app's state follows the releases: a moved corpus keeps it; a killed app loses ~1 s."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from app_fixtures import settle, writable_copy
from terminal_app import TerminalApp

from interpol_tui.corpus.loader import load_corpus
from interpol_tui.state import Bookmarks, ReadingPositions, ReadMarks, ReleaseIndex, StatePaths
from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.document_list import DocumentList
from interpol_tui.ui.main_screen import MainScreen
from interpol_tui.ui.reader import Reader
from interpol_tui.ui.session import SAVE_EVERY, top_offset

SIZE = (120, 40)


@pytest.fixture
def corpus(seeds_dir: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "first" / "releases"
    return writable_copy(seeds_dir, folder)


def screen_of(app: InterpolApp) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


def on_disk(folder: Path) -> tuple[frozenset[str], frozenset[str], ReadingPositions]:
    """Bookmarks, read marks and positions as a new run on ``folder`` would find them."""
    index = ReleaseIndex.of(load_corpus([folder]))
    paths = StatePaths.default()
    positions = ReadingPositions(paths, pytest.fail)
    positions.load(index)
    bookmarks = Bookmarks(paths, pytest.fail).load(index)
    return bookmarks, ReadMarks(paths, pytest.fail).load(index), positions


async def test_moving_the_corpus_folder_keeps_bookmarks_marks_and_place(
    corpus: Path, tmp_path: Path
) -> None:
    app = InterpolApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "j", "b", "enter")  # bookmark 002, open it: read
        await pilot.press("pagedown")
        await settle(app, pilot)
        reader = screen_of(app).query_one(Reader)
        opened = reader.document
        assert opened is not None and opened.id.startswith("002_")
        offset = top_offset(reader)
        assert offset > 0
    moved = tmp_path / "second" / "renamed"
    moved.parent.mkdir()
    shutil.move(corpus, moved)
    again = InterpolApp([moved])
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        screen = screen_of(again)
        reader = screen.query_one(Reader)
        assert reader.document is not None and reader.document.id == opened.id
        assert top_offset(reader) <= offset < top_offset(reader) + reader.size.width
        assert screen.session.bookmarks.ids == {opened.id}
        assert screen.session.read_marks.ids == {opened.id}
        documents = screen.query_one(DocumentList)
        assert documents._markers == {opened.id} and documents._read == {opened.id}


async def test_state_is_on_disk_within_a_second_without_quitting(corpus: Path) -> None:
    app = InterpolApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "enter", "pagedown", "pagedown")
        await pilot.press("b")
        reader = screen_of(app).query_one(Reader)
        opened = reader.document
        assert opened is not None
        offset = top_offset(reader)
        await pilot.pause(SAVE_EVERY + 0.5)
        await settle(app, pilot)
        # Read while the app still runs: this is what a killed terminal leaves behind.
        bookmarks, read, positions = on_disk(corpus)
        assert bookmarks == {opened.id}
        assert read == {opened.id}
        assert (positions.last, positions.offset(opened.id)) == (opened.id, offset)


async def test_read_marks_show_in_the_list_and_toggle(corpus: Path) -> None:
    app = InterpolApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = screen_of(app)
        documents = screen.query_one(DocumentList)
        first = documents.rows[0].id
        # Moving through the list previews releases; only opening one reads it.
        await pilot.press("j", "k")
        assert screen.session.read_marks.ids == frozenset()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.session.read_marks.ids == {first}
        documents.focus()
        await pilot.press("j")  # the cursor on the second row, off the first and third
        await pilot.pause()
        read_title = list(documents.render_line(0))[1].style  # row 1's title line
        unread_title = list(documents.render_line(4))[1].style  # row 3's
        assert unread_title is not None and read_title is not None
        assert unread_title.bold and not read_title.bold
        assert read_title.color != unread_title.color
        await pilot.press("k", "u")  # mark it unread again
        await pilot.pause()
        assert screen.session.read_marks.ids == frozenset()
        await pilot.press("u")
        await pilot.pause()
        assert screen.session.read_marks.ids == {first}
        await pilot.press("u")
        await pilot.pause()
    assert on_disk(corpus)[1] == frozenset()


def test_a_killed_app_keeps_what_it_did_until_a_second_before(
    corpus: Path, isolated_dirs: Path
) -> None:
    """A real terminal (pty), real keys, then SIGKILL: no ctrl+q, no exit handlers."""
    app = TerminalApp(corpus)
    try:
        deadline = time.monotonic() + 30  # hang guard
        assert app.wait_for(b"INTERPOL", deadline), "the app did not draw its list"
        app.read_for(2.0)  # the list has loaded; give analysis a moment
        for key in (b"j", b"j", b"b", b"\r"):
            app.send(key)
            app.read_for(0.3)
        # Wait (a hang guard, not a time limit: the Pilot test above measures the
        # second) until the app, still running, has saved all three.
        saved = time.monotonic() + 20
        while time.monotonic() < saved:
            app.read_for(SAVE_EVERY / 2)
            bookmarks, read, positions = on_disk(corpus)
            if bookmarks and read and positions.last in read:
                break
    finally:
        app.close()  # SIGKILL: no ctrl+q, no exit handlers
    bookmarks, read, positions = on_disk(corpus)
    # Which release the keys reached depends on when the list took the focus;
    # what matters here is that all three records of it were on disk.
    (opened,) = bookmarks
    assert opened != sorted(path.name for path in corpus.iterdir())[0]  # the j's moved
    assert read == {opened}
    assert positions.last == opened
