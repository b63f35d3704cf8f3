"""Moving through the list: the reader and header follow without extra work per release."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets._header import HeaderTitle

from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.document_list import DocumentList
from interpol_tui.ui.reader import Reader
from interpol_tui.ui.stats_pane import StatsPane


async def _loaded(pilot: Pilot[None]) -> None:
    """Wait until the corpus, its analysis and the statistics tabs are all in place.

    Under load the tabs are built, and the commands they enable published, some
    frames after the workers end: a test counting footer updates must start after that.
    """
    stats = pilot.app.screen.query_one(StatsPane)
    for _ in range(500):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if stats.built and not any(worker.is_running for worker in pilot.app.workers):
            break
    await pilot.pause(0.1)


async def test_the_header_and_the_scroll_range_follow_the_cursor(seeds_dir: Path) -> None:
    app = InterpolApp(corpus_paths=[seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        documents = app.screen.query_one(DocumentList)
        reader = app.screen.query_one(Reader)
        heights = set()
        for _ in range(len(documents.rows) - 1):
            await pilot.press("j")
            await pilot.pause()
            current = documents.current
            assert current is not None and reader.document is current
            assert app.screen.sub_title == current.title
            title = app.screen.query_one(HeaderTitle)
            assert current.title in str(title.render())
            lines = reader.line_of_offset(len(current.text)) + 1
            assert reader.virtual_size.height >= lines
            assert reader.max_scroll_y == max(reader.virtual_size.height - reader.size.height, 0)
            heights.add(reader.virtual_size.height)
            await pilot.press("tab", "end")  # the reader scrolls to this release's end
            await pilot.pause()
            assert reader.scroll_y == reader.max_scroll_y
            assert reader.vertical_scrollbar.window_virtual_size == reader.virtual_size.height
            await pilot.press("shift+tab")
        assert len(heights) > 1  # the releases differ in length


async def test_footer_is_rebuilt_only_when_the_reader_enables_or_disables_a_command(
    seeds_dir: Path,
) -> None:
    app = InterpolApp(corpus_paths=[seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        # The statistics, computed in a worker the analysis starts, refresh the
        # bindings once when they arrive: wait for them, or that counts here.
        stats = app.screen.query_one(StatsPane)
        for _ in range(200):  # hang guard
            if stats.statistics is not None:
                break
            await _loaded(pilot)
        assert stats.statistics is not None
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        published: list[object] = []
        app.screen.bindings_updated_signal.subscribe(reader, published.append)
        document = reader.document
        assert document is not None
        reader.set_document(document, reader.analysis)  # same commands apply
        await pilot.pause()
        assert published == []
        reader.show_message("Nothing")  # nothing to copy or find any more
        await pilot.pause()
        assert published == [app.screen]
        assert reader.check_action("find", ()) is None
