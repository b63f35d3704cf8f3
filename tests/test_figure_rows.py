"""The all-figures rows, numbered on columns, sort and filter as the rows themselves do.

:class:`FigureRows` replaces a list of every row with its search text; each
of its shortcuts (orders made from ranks, a filter that tests each distinct
string once) is checked here against sorting and searching the row objects.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from across_fixtures import write_corpus

from interpol_tui.analysis.aggregate import Statistics, corpus_statistics
from interpol_tui.analysis.pipeline import analyse_document
from interpol_tui.corpus.loader import load_corpus
from interpol_tui.report.export import FigureRow, figure_rows
from interpol_tui.report.figure_rows import FigureRows, FigureSort, SelectedRows

SORTS: tuple[FigureSort, ...] = ("value", "quantity", "release")


@pytest.fixture(scope="module")
def statistics(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Statistics:
    extra = write_corpus(tmp_path_factory.mktemp("across"))
    corpus = load_corpus([seeds_dir, extra])
    return corpus_statistics(corpus, {d.id: analyse_document(d) for d in corpus.documents})


def _key(sort: FigureSort) -> Callable[[FigureRow], tuple[object, ...]]:
    """The keys the table sorted its row objects by."""
    if sort == "value":
        return lambda r: (-r.figure.value, r.figure.unit or "", r.quantity.counts.casefold())
    if sort == "quantity":
        return lambda r: (r.quantity.counts.casefold(), r.occurrence.date.sort_key, r.figure.start)
    return lambda r: (r.occurrence.date.sort_key, r.occurrence.doc_id, r.figure.start)


def _haystack(row: FigureRow, statistics: Statistics) -> str:
    title = statistics.titles.get(row.occurrence.doc_id, "")
    parts = (row.figure.text, row.figure.counts, row.quantity.counts, title, row.occurrence.doc_id)
    return " ".join(parts).casefold()


def test_rows_are_the_figure_rows(statistics: Statistics) -> None:
    rows = FigureRows(statistics)
    expected = list(figure_rows(statistics))
    assert len(expected) > 30 and any(row.repeat for row in expected)
    assert list(rows) == expected
    assert rows[3] == expected[3] and rows[-1] == expected[-1] and rows[2:6] == expected[2:6]


@pytest.mark.parametrize("sort", SORTS)
def test_each_order_is_the_rows_sorted(statistics: Statistics, sort: FigureSort) -> None:
    rows = FigureRows(statistics)
    expected = list(figure_rows(statistics))
    key = _key(sort)
    assert list(rows.order(sort)) == sorted(range(len(expected)), key=lambda i: key(expected[i]))


def test_the_filter_finds_what_searching_each_row_finds(statistics: Statistics) -> None:
    rows = FigureRows(statistics)
    expected = list(figure_rows(statistics))
    haystacks = [_haystack(row, statistics) for row in expected]
    order = rows.order("value")
    first = haystacks[0]
    joint = first.index(" ", len(expected[0].figure.text) - 1)
    needles = [
        "countries", "member", "2023", ".txt", "interpol", "zzz-nowhere", "e",
        first[max(joint - 3, 0) : joint + 4],  # across the figure's wording and its phrase
        "countries member", "member countries",
    ]  # fmt: skip
    for needle in needles:
        found = rows.matching(needle, order)
        assert found == [i for i in order if needle in haystacks[i]], needle
    assert rows.matching(first[max(joint - 3, 0) : joint + 4], order)
    selected = SelectedRows(rows, rows.matching("countries", order))
    assert list(selected) == [expected[i] for i in order if "countries" in haystacks[i]]
