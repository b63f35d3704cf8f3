"""``stats`` runs with the cyclic collector off, and gives it back as it was."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import interpol_tui.analysis.aggregate as aggregate
from interpol_tui.cli import main
from interpol_tui.commands.collector import collector_off


@pytest.mark.parametrize("on", [True, False])
def test_the_collector_is_off_inside_and_as_it_was_after(on: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if on else gc.disable()
        with collector_off():
            assert not gc.isenabled()
        assert gc.isenabled() is on
        with pytest.raises(KeyError), collector_off():
            raise KeyError("a failed command")
        assert gc.isenabled() is on
    finally:
        gc.enable() if was else gc.disable()


def test_stats_makes_its_statistics_with_the_collector_off(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[bool] = []
    plain = aggregate.corpus_statistics

    def statistics(*args: object, **kwargs: object) -> aggregate.Statistics:
        seen.append(gc.isenabled())
        return plain(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(aggregate, "corpus_statistics", statistics)
    assert gc.isenabled()
    assert main(["stats", "--no-cache", "--corpus", str(seeds_dir)]) == 0
    assert "quantities cited by several releases" in capsys.readouterr().out
    assert seen == [False]
    assert gc.isenabled()  # the command gave it back
