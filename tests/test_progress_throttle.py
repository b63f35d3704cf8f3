"""Progress reports from workers are thinned out, but the first and the last always arrive."""

from __future__ import annotations

from interpol_tui.ui.progress import ThrottledProgress


def test_many_fast_reports_are_thinned_keeping_first_and_last() -> None:
    seen: list[tuple[int, int]] = []
    progress = ThrottledProgress(lambda done, total: seen.append((done, total)), interval=3600)
    for done in range(1, 10_001):
        progress(done, 10_000)
    assert seen == [(1, 10_000), (10_000, 10_000)]


def test_every_report_passes_when_the_interval_is_zero() -> None:
    seen: list[int] = []
    progress = ThrottledProgress(lambda done, total: seen.append(done), interval=0)
    for done in range(5):
        progress(done, 10)
    assert seen == [0, 1, 2, 3, 4]


def test_an_empty_corpus_reports_its_end() -> None:
    seen: list[tuple[int, int]] = []
    progress = ThrottledProgress(lambda done, total: seen.append((done, total)), interval=3600)
    progress(0, 0)
    progress(0, 0)
    assert seen == [(0, 0), (0, 0)]
