"""What the statistics worker makes for the tables (``ui/stats_fill.py``) is what the tables
made for themselves on the UI thread before."""

from __future__ import annotations

from pathlib import Path

import pytest

from interpol_tui.analysis.aggregate import Quantity, Statistics, corpus_statistics
from interpol_tui.analysis.pipeline import analyse_document
from interpol_tui.corpus.loader import load_corpus
from interpol_tui.report.export import compact_value
from interpol_tui.report.figure_rows import FigureRows
from interpol_tui.ui import quantity_table
from interpol_tui.ui.quantity_table import shown_quantities, trend_cell
from interpol_tui.ui.stats_fill import prepare_tables


@pytest.fixture(scope="module")
def statistics(seeds_dir: Path) -> Statistics:
    corpus = load_corpus([seeds_dir])
    analyses = {d.id: analyse_document(d) for d in corpus.documents}
    return corpus_statistics(corpus, analyses)


def _plain(statistics: Statistics, most: int) -> tuple[list[Quantity], list[Quantity], int, int]:
    """The table's own choice, as ``QuantityTable.show`` made it row by row."""
    rows, recurring = 0, []
    for quantity in statistics.recurring:
        if rows >= most:
            break
        recurring.append(quantity)
        rows += 1 + len(quantity.occurrences)
    room = max(most - rows, 0)
    standalone = statistics.standalone
    hidden = len(statistics.quantities) - len(recurring) - min(len(standalone), room)
    trends = (len(trend_cell(q).plain) for q in statistics.recurring[:most])
    shown = statistics.quantities[:most]
    figures = (len(compact_value(o.figure)) for q in shown for o in q.occurrences)
    longest = max((*trends, *figures), default=4)
    return recurring, list(standalone[:room]), hidden, longest


@pytest.mark.parametrize("most", [1, 3, 4, 5, 7, 8, 12, 30, 600])
def test_the_quantities_shown_are_the_tables_own_choice(
    statistics: Statistics, most: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(quantity_table, "MAX_TABLE_ROWS", most)
    recurring, standalone, hidden, longest = _plain(statistics, most)
    shown = shown_quantities(statistics)
    assert list(shown.recurring) == recurring
    assert [q.index for q in shown.recurring] == [q.index for q in recurring]
    assert list(shown.standalone) == standalone
    assert (shown.hidden, shown.longest_value) == (hidden, longest)


def test_the_figures_first_order_is_the_tables_own(statistics: Statistics) -> None:
    figures = FigureRows(statistics)
    prepared = prepare_tables(statistics, figures)
    assert list(prepared.figure_orders["value"]) == list(figures.order("value"))
    assert prepared.quantities.statistics is statistics


async def test_entity_rows_added_in_turns_are_all_there_once_in_order(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app_fixtures import settle

    from interpol_tui.ui import entity_table
    from interpol_tui.ui.app import InterpolApp
    from interpol_tui.ui.entity_table import EntityTable

    monkeypatch.setattr(entity_table, "ROWS_A_TURN", 7)  # 48 entities: seven turns
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one(EntityTable)
        entities = list(table.entities)
        assert len(entities) > 7 * 3
        table.show(entities, 5)
        table.show(entities, 5)  # again before the first's turns ran: theirs are dropped
        for _ in range(600):  # hang guard
            await pilot.pause(0.02)
            if not any(w.group == "entity-rows" and w.is_running for w in app.workers):
                break
        await pilot.pause()
        names = [table.get_row(key)[1].plain for key in table.rows]
        assert len(names) == len(entities)
        assert names == [entity_table.clip(e.canonical, 32) for e in entities]
