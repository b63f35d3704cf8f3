"""Statistics kept as columns give what the objects they stand for give.

The facts of a corpus are held as arrays and made into Fact, Figure and
Quantity objects only when read; each shortcut is checked against the
object it replaces: facts made back from the columns, rows decoded into
them (and refused as :func:`decode_facts` refuses them), quantities ranked
as the object-by-object grouping ranks them, and tables printed from rows
made twice as from rows held.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Mapping
from pathlib import Path

import pytest

from interpol_tui.analysis.aggregate import Occurrence, Quantity, changes_of, corpus_statistics
from interpol_tui.analysis.chronology import (
    ReleaseDate,
    SeriesPoint,
    place_by_series,
    release_dates,
)
from interpol_tui.analysis.fact_columns import FactColumns
from interpol_tui.analysis.grouping import Fact, group_facts, label_of
from interpol_tui.analysis.model import Figure
from interpol_tui.analysis.pipeline import analyse_document
from interpol_tui.analysis.release_facts import ReleaseFacts, release_facts
from interpol_tui.commands.table import print_cells, print_table
from interpol_tui.corpus.loader import load_corpus
from interpol_tui.corpus.model import Corpus
from interpol_tui.state.fact_rows import decode_facts, decode_into, encode_facts


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> tuple[Corpus, list[ReleaseFacts]]:
    corpus = load_corpus([seeds_dir])
    found = [release_facts(d.id, d.title, d.text, analyse_document(d)) for d in corpus.documents]
    return corpus, found


def _all_facts(found: list[ReleaseFacts]) -> list[Fact]:
    return [fact for release in found for fact in release.facts]


def test_facts_made_back_from_columns_equal_the_facts_added(
    seeds: tuple[Corpus, list[ReleaseFacts]],
) -> None:
    _, found = seeds
    from_objects, from_rows = FactColumns(), FactColumns()
    for release in found:
        from_objects.add_release_facts(release.doc_id, release.facts, release.entities)
        assert decode_into(from_rows, release.doc_id, encode_facts(release))
    facts = _all_facts(found)
    assert any(f.repeats for f in facts) and any(f.event for f in facts)
    for columns in (from_objects, from_rows):
        columns.seal()
        assert [columns.fact(i) for i in range(len(columns))] == facts
        assert list(columns.entity_counts()) == [(r.doc_id, r.entities) for r in found]


def test_values_a_float_cannot_hold_come_back_as_stated() -> None:
    huge = 2**60 + 1
    figure = Figure(0, 5, "many", huge, None, None, "things", "many things", 0, low=huge - 2)
    columns = FactColumns()
    columns.add_release_facts("d", [Fact("d", figure)], ())
    assert columns.fact(0).figure == figure
    assert columns.figure_value(columns.first[0]) == huge
    plain = Figure(6, 8, "12", 12.0, None, None, "things", "12 things", 6)
    columns.add_release_facts("e", [Fact("e", plain)], ())
    figures = [1, 0, 1]  # with and without a value kept as stated
    values = columns.figure_values(figures)
    assert values == [columns.figure_value(f) for f in figures] == [12.0, huge, 12.0]
    assert type(values[1]) is int


def test_figure_values_are_each_figures_value(seeds: tuple[Corpus, list[ReleaseFacts]]) -> None:
    _, found = seeds
    columns = FactColumns()
    for release in found:
        columns.add_release_facts(release.doc_id, release.facts, release.entities)
    figures = list(range(len(columns.value)))[::-1]
    assert columns.figure_values(figures) == [columns.figure_value(f) for f in figures]


@pytest.mark.parametrize("row", [b"not zlib", b"", b"x\x9c\x03\x00\x00\x00\x00\x01"])
def test_a_row_decode_facts_refuses_adds_nothing(row: bytes) -> None:
    columns = FactColumns()
    assert decode_facts("d", row) is None
    assert not decode_into(columns, "d", row)
    assert len(columns) == 0 and columns.doc_ids == []


def _quantities_object_by_object(
    corpus: Corpus, found: list[ReleaseFacts]
) -> tuple[list[Quantity], Mapping[str, ReleaseDate]]:
    """The quantities as they were made before columns: one object per fact and figure."""
    groups = group_facts(_all_facts(found))
    dates = release_dates(corpus)
    series = [
        [SeriesPoint(f.doc_id, f.figure.value, f.figure.text) for f in group]
        for group in groups
        if len(group) > 1
    ]
    dates = place_by_series(dates, series)
    quantities = []
    for group in groups:
        found_here = [Occurrence(f.doc_id, dates[f.doc_id], f.figure, f.repeats) for f in group]
        if len(found_here) > 1:
            found_here.sort(key=lambda o: (o.date.sort_key, o.when, o.figure.start))
        occurrences = tuple(found_here)
        quantities.append(Quantity(label_of(group), occurrences, changes_of(occurrences)))
    order = {doc.id: index for index, doc in enumerate(corpus.documents)}

    def rank(quantity: Quantity) -> tuple[object, ...]:
        first = quantity.occurrences[0]
        releases = quantity.releases
        when = first.date.sort_key if releases > 1 else (0, "")
        return -releases, when, order.get(first.doc_id, 0), first.figure.start

    quantities.sort(key=rank)
    return quantities, dates


def test_quantities_from_columns_equal_those_made_object_by_object(
    seeds: tuple[Corpus, list[ReleaseFacts]],
) -> None:
    corpus, found = seeds
    expected, dates = _quantities_object_by_object(corpus, found)
    statistics = corpus_statistics(corpus, {d.id: analyse_document(d) for d in corpus.documents})
    assert list(statistics.quantities) == expected
    assert [q.index for q in statistics.quantities] == list(range(len(expected)))
    assert dict(statistics.dates) == dates
    assert len(statistics.recurring) == sum(q.recurring for q in expected) > 0
    assert list(statistics.recurring) + list(statistics.standalone) == expected
    standalone = statistics.standalone
    for index, quantity in enumerate(standalone):
        first = quantity.occurrences[0]
        assert standalone.head(index) == (
            first.figure.text,
            quantity.counts,
            first.when,
            first.doc_id,
        )
    assert list(statistics.quantities[2:5]) == expected[2:5]


def test_a_table_of_rows_made_twice_prints_as_one_of_rows_held() -> None:
    rows = [["a", "bb", "c\nd"], ["eeee", "f", "g"], ["h", "i", "jjjjjjj"]]
    held, streamed = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(held):
        print_table(["one", "two", "three"], rows, max_widths=[2, 2, 2])
    with contextlib.redirect_stdout(streamed):
        print_cells(
            ["one", "two", "three"],
            lambda: ([v.replace("\n", " ") for v in row] for row in rows),
            max_widths=[2, 2, 2],
        )
    assert streamed.getvalue() == held.getvalue()
    assert "c d" in held.getvalue()
