"""ctrl+q while the corpus is analysed and indexed: the app leaves, state saved, no process left."""

from __future__ import annotations

import importlib.util
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hang import guard
from terminal_app import TerminalApp
from test_state_app import on_disk

from interpol_tui.corpus import pacing, pool
from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.document_list import DocumentList

ROOT = Path(__file__).resolve().parent.parent
RELEASES = 400
"""Enough releases that reading and analysis go to worker processes and take a while."""


@pytest.fixture(autouse=True)
def resumed() -> Iterator[None]:
    """Later tests in this process find background work allowed again."""
    yield
    pacing.resume()


@pytest.fixture
def busy_corpus(tmp_path: Path, isolated_dirs: Path) -> Path:
    """Synthetic releases (``benchmarks/synthetic.py``), never analysed before."""
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "benchmarks" / "synthetic.py")
    assert spec is not None and spec.loader is not None
    synthetic = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("synthetic", synthetic)
    spec.loader.exec_module(synthetic)
    folder = tmp_path / "busy"
    synthetic.write_corpus(folder, RELEASES)
    return folder


async def test_quitting_while_workers_run_saves_the_place_and_stops_them(
    busy_corpus: Path,
) -> None:
    app = InterpolApp(corpus_paths=[busy_corpus])
    with guard():
        async with app.run_test(size=(120, 40)) as pilot:
            documents = app.screen.query_one(DocumentList)
            while len(documents.rows) < RELEASES:
                await pilot.pause(0.05)
            await pilot.press("j", "j")
            moved_to = documents.current
            assert moved_to is not None
            busy = [w.name for w in app.workers if w.is_running]
            assert busy  # analysis (at least) is still under way
            await pilot.press("ctrl+q")
    assert pacing.stopping()  # paced loops saw it and ended
    assert not pool._live  # every pool was handed over to be stopped
    pool.terminate_all(timeout=20)
    _, _, positions = on_disk(busy_corpus)
    assert positions.last == moved_to.id


def test_ctrl_q_in_a_terminal_leaves_no_process_behind(busy_corpus: Path) -> None:
    """A real terminal (pty) and the real way out (``run_and_leave``)."""
    app = TerminalApp(busy_corpus)
    try:
        deadline = time.monotonic() + 60  # hang guards, not time limits
        assert app.wait_for(f"/{RELEASES}".encode(), deadline), "the app did not list the corpus"
        moved = f"2/{RELEASES}".encode()
        while moved not in app.screen and time.monotonic() < deadline:
            app.send(b"j")  # until the list has the focus and moves
            app.read_for(0.5)
        assert moved in app.screen
        app.send(b"\x11")  # ctrl+q, while analysis runs
        while app.process.poll() is None and time.monotonic() < deadline:
            app.read_for(0.1)
        assert app.process.returncode == 0
        left = time.monotonic() + 20
        while time.monotonic() < left:
            try:
                os.killpg(app.process.pid, 0)
            except ProcessLookupError:
                break  # nothing of the group is left
            time.sleep(0.1)
        else:
            pytest.fail("a worker process outlived the app")
    finally:
        app.close()
    _, _, positions = on_disk(busy_corpus)
    assert positions.last is not None  # saved on the way out
