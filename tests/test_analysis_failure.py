"""A release whose analysis raises loses it loudly: one warning naming it, the rest analysed."""

from __future__ import annotations

from pathlib import Path

import pytest

from interpol_tui.analysis import pipeline
from interpol_tui.analysis.model import DocumentAnalysis
from interpol_tui.corpus.loader import load_corpus
from interpol_tui.state.paths import StatePaths
from interpol_tui.state.reopen import analyse
from interpol_tui.state.snapshot import CorpusSnapshot
from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.main_screen import MainScreen

FAILING = "001_fdf3ecd901da1a00.txt"
real_analyse = pipeline.analyse_text


def _raising(doc_id: str, text: str, headline: str = "") -> DocumentAnalysis:
    if doc_id == FAILING:
        raise RecursionError("maximum recursion depth exceeded")
    return real_analyse(doc_id, text, headline)


def test_an_unexpected_error_is_counted_and_named_once(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "analyse_text", _raising)
    corpus = load_corpus([seeds_dir])
    snapshot = CorpusSnapshot.for_corpus(StatePaths.default(), corpus.roots, pytest.fail)
    warnings: list[str] = []
    analyses = analyse(corpus, snapshot, warn=warnings.append)
    assert analyses.failed == {FAILING}
    assert warnings == [
        f"{FAILING}: analysis failed (RecursionError: maximum recursion depth exceeded)"
    ]
    assert analyses[FAILING] == DocumentAnalysis(FAILING)
    assert all(analyses[d.id].entities for d in corpus.documents if d.id != FAILING)


async def test_the_browser_says_a_release_could_not_be_analysed(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "analyse_text", _raising)  # where the browser analyses
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert "1 release(s) could not be analysed: press w to list them" in messages
        screen = app.screen_stack[0]
        assert isinstance(screen, MainScreen)
        warnings = screen.session.preferences.warnings
        assert any(FAILING in w and "RecursionError" in w for w in warnings)
        assert len(screen.analyses) == 5
