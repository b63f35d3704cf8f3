"""Shared fixtures: every test runs with platformdirs pointed into its own tmp_path."""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest
from hang import guard

from interpol_tui.corpus.seeds import bundled_seeds

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point HOME and the XDG dirs at tmp_path so no test touches the real home directory."""
    home = tmp_path / "home"
    for name, sub in (
        ("HOME", ""),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_DATA_HOME", ".local/share"),
    ):
        path = home / sub
        path.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(path))
    return home


class _NoEnding:
    """``os`` as ui/leaving.py sees it in tests: all of it but ``_exit``.

    Leaving ends the browser's process at once; reached from a test (the
    command line driven with a stand-in app, say) that would end pytest
    itself, silently and with status 0, its remaining tests never run.
    """

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    def _exit(self, status: int) -> NoReturn:
        raise AssertionError(f"ui/leaving.py would have ended the test process ({status})")


@pytest.fixture(autouse=True)
def no_process_end(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test ends the test process through ui/leaving.py (see :class:`_NoEnding`)."""
    from interpol_tui.ui import leaving

    monkeypatch.setattr(leaving, "os", _NoEnding())


@pytest.fixture(autouse=True)
def collector_as_found() -> Iterator[None]:
    """Each test leaves the garbage collector on if it found it on.

    The command line turns the collector off until the first frame
    (ui/heap.py); a test that drives it with a stand-in app never draws one,
    and left it off for every later test.
    """
    from interpol_tui.ui import heap

    was_on = gc.isenabled()
    yield
    heap.resume_after_start()
    if was_on and not gc.isenabled():
        gc.enable()


@pytest.fixture
def analysed_ids(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The release ids the analysis is asked for from now on, in order (a spy on
    ``pipeline.analyse_text``; in this process only, so where the jobs run inline)."""
    from interpol_tui.analysis import pipeline

    calls: list[str] = []
    real = pipeline.analyse_text

    def counting(doc_id: str, text: str, headline: str = "") -> Any:
        calls.append(doc_id)
        return real(doc_id, text, headline)

    monkeypatch.setattr(pipeline, "analyse_text", counting)
    return calls


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    """The hand-made annotation of the seeds (tests/data/seed-gold.json)."""
    data: dict[str, Any] = json.loads((DATA / "seed-gold.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The bundled corpus."""
    return bundled_seeds()


@pytest.fixture
def hang_guard() -> Iterator[None]:
    """Fail the test if it runs for minutes instead of hanging the suite (see tests/hang.py)."""
    with guard():
        yield
