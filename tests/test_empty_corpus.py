"""A corpus with no readable release shows the empty-corpus screen, every time (issue 12 item 6).

The statistics pane builds its tabs after the first frame, and the analysis of
an empty corpus is instant: its result used to arrive while the tabs were half
built and crash the app (``NoMatches: '#quantities-status'``) in most starts.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Static

from interpol_tui.corpus.model import Corpus
from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.empty_state import EmptyCorpusScreen
from interpol_tui.ui.stats_pane import StatsPane

STARTS = 50
HANG_GUARD = 30.0
"""Seconds one start may take before the test fails (catches hangs, asserts no speed)."""


def _unreadable_corpora(tmp_path: Path) -> list[Path]:
    """One corpus of each kind the issue names: an empty file, all binary, a FIFO, /dev/zero."""
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "empty.txt").write_bytes(b"")
    binary = tmp_path / "binary"
    binary.mkdir()
    (binary / "a.txt").write_bytes(bytes(range(256)))
    (binary / "b.md").write_bytes(b"\x00" * 64)
    fifo = tmp_path / "fifo"
    fifo.mkdir()
    os.mkfifo(fifo / "pipe.txt")
    return [empty, binary, fifo, Path("/dev/zero")]


async def _start_once(corpus: Path, size: tuple[int, int]) -> str:
    app = InterpolApp([corpus])
    async with app.run_test(size=size) as pilot:
        while not isinstance(app.screen, EmptyCorpusScreen):
            await pilot.pause()
        await app.workers.wait_for_complete()  # the analysis and statistics have landed too
        await pilot.pause()
        assert isinstance(app.screen, EmptyCorpusScreen)
        return str(app.screen.query_one("#empty-message", Static).render())


async def test_an_unreadable_corpus_shows_the_empty_screen_on_every_start(tmp_path: Path) -> None:
    corpora = _unreadable_corpora(tmp_path)
    passed = 0
    for start in range(STARTS):
        corpus = corpora[start % len(corpora)]
        # Narrow and wide: the statistics pane starts hidden in one, shown in the other.
        size = (80, 24) if start % 2 else (120, 40)
        message = await asyncio.wait_for(_start_once(corpus, size), HANG_GUARD)
        assert "No readable releases" in message
        passed += 1
    assert passed == STARTS


class _PaneApp(App[None]):
    def compose(self) -> ComposeResult:
        yield StatsPane(id="stats")


async def test_statuses_arriving_while_the_tabs_are_built_are_shown_once_they_are() -> None:
    corpus = Corpus(documents=(), warnings=("a.txt: empty file, skipped",))
    app = _PaneApp()
    async with app.run_test() as pilot:
        pane = app.query_one(StatsPane)
        pane.corpus = corpus
        building = asyncio.create_task(pane.build())
        for _ in range(3):  # into recompose: the placeholder is gone, the tabs not yet there
            await asyncio.sleep(0)
        assert not pane.query("#stats-placeholder") and not pane.query("#quantities-status")
        pane.show_analyses(corpus, {})  # raised NoMatches before the fix
        await building
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(pane.query_one("#quantities-status", Static).render())
        assert status.startswith("0 releases")
        assert "0 releases" in str(pane.query_one("#stats-totals", Static).render())
