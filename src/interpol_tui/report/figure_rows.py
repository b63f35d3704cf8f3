"""Every figure of the statistics as numbered rows: sorted and filtered on columns, made when read.

The all-figures table of a 100,000-release corpus has millions of rows; each
is three integers here (its quantity, its occurrence in it, its figure), and
a :class:`~interpol_tui.report.export.FigureRow` is made only for a row that
is drawn or exported. Orders are made from ranks of the values, phrases,
dates and offsets (one integer a row); a filter tests each distinct string
once, then each row by the ids of its strings. Both give what sorting and
searching the rows themselves give (``tests/test_figure_rows.py``).
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal, overload

from interpol_tui.report.export import FigureRow

if TYPE_CHECKING:
    from interpol_tui.analysis.aggregate import Quantity, Statistics

FigureSort = Literal["value", "quantity", "release"]
QUANTITY_CACHE = 256
"""Quantities kept made (a drawn page of rows comes from a few hundred at most)."""


def _ranks(values: Iterable[Any], key: Callable[[Any], Any]) -> dict[Any, int]:
    """Each distinct value's place in the order of ``key`` (equal keys share a place)."""
    ranks: dict[Any, int] = {}
    previous: object = None
    place = -1
    for value in sorted(set(values), key=key):
        current = key(value)
        if place < 0 or current != previous:
            place += 1
            previous = current
        ranks[value] = place
    return ranks


class _MadeWhenRead(Sequence[FigureRow]):
    """Rows by number, each made when read: the whole table and a selection of it alike."""

    def _numbers(self) -> Sequence[int]:
        raise NotImplementedError

    def _make(self, number: int) -> FigureRow:
        raise NotImplementedError

    def __len__(self) -> int:
        return len(self._numbers())

    @overload
    def __getitem__(self, index: int) -> FigureRow: ...
    @overload
    def __getitem__(self, index: slice) -> list[FigureRow]: ...
    def __getitem__(self, index: int | slice) -> FigureRow | list[FigureRow]:
        numbers = self._numbers()
        if isinstance(index, slice):
            return [self._make(n) for n in numbers[index]]
        return self._make(numbers[index])

    def __iter__(self) -> Iterator[FigureRow]:
        return map(self._make, self._numbers())


class FigureRows(_MadeWhenRead):
    """The rows of :func:`~interpol_tui.report.export.figure_rows`, numbered, made when read."""

    def __init__(self, statistics: Statistics) -> None:
        self.statistics = statistics
        quantities = statistics.quantities
        facts = quantities.facts
        self.quantity, self.position, self.figure = array("i"), array("i"), array("i")
        first, starts = facts.first, facts.start
        for index in range(len(quantities)):
            for position, fact in enumerate(quantities.fact_numbers(index)):
                low, high = first[fact], first[fact + 1]
                # In text order, as figure_rows gives them (the primary first on a tie).
                figures = (
                    range(low, high)
                    if high - low == 1
                    else sorted(range(low, high), key=starts.__getitem__)
                )
                for figure in figures:
                    self.quantity.append(index)
                    self.position.append(position)
                    self.figure.append(figure)
        self._made: OrderedDict[int, Quantity] = OrderedDict()
        self._folded: list[str] | None = None

    def _numbers(self) -> Sequence[int]:
        return range(len(self.figure))

    def _make(self, number: int) -> FigureRow:
        return self.row(number)

    def _quantity(self, index: int) -> Quantity:
        found = self._made.get(index)
        if found is None:
            found = self._made[index] = self.statistics.quantities.quantity(index)
            if len(self._made) > QUANTITY_CACHE:
                self._made.popitem(last=False)
        return found

    def row(self, index: int) -> FigureRow:
        """Row ``index`` as an object."""
        quantity = self._quantity(self.quantity[index])
        position = self.position[index]
        occurrence = quantity.occurrences[position]
        facts = self.statistics.quantities.facts
        fact = self.statistics.quantities.fact_at(self.quantity[index], position)
        at = self.figure[index] - facts.first[fact]
        figure = occurrence.figure if at == 0 else occurrence.repeats[at - 1]
        return FigureRow(quantity, occurrence, figure, at != 0, position)

    # -- columns of the rows ---------------------------------------------------
    def _facts_of_rows(self) -> array[int]:
        fact_at = self.statistics.quantities.fact_at
        return array("i", map(fact_at, self.quantity, self.position))

    def order(self, sort: FigureSort) -> array[int]:
        """The row numbers in the order ``sort`` (what sorting the rows with ``figure_table``'s
        keys gives, ties in row order)."""
        quantities = self.statistics.quantities
        facts, dates = quantities.facts, quantities.dates
        strings = facts.pool.strings
        figures = self.figure
        labels = array("i", map(quantities.label_of, self.quantity))
        docs = array("i", map(facts.doc.__getitem__, self._facts_of_rows()))
        by_label = _ranks(labels, lambda at: strings[at].casefold())
        start_of = facts.start.__getitem__
        if sort == "value":
            value_of, unit_of = facts.figure_value, facts.unit.__getitem__
            by_value = _ranks(map(value_of, figures), lambda v: -v)
            by_unit = _ranks(map(unit_of, figures), lambda u: strings[u] if u >= 0 else "")
            units, names = len(by_unit), len(by_label)
            key = [
                (by_value[value_of(f)] * units + by_unit[unit_of(f)]) * names + by_label[label]
                for f, label in zip(figures, labels, strict=True)
            ]
        else:
            date_rank = _ranks(
                range(len(facts.doc_ids)), lambda r: dates[facts.doc_ids[r]].sort_key
            )
            by_start = _ranks(map(start_of, figures), int)
            starts = len(by_start)
            if sort == "quantity":
                dated = len(date_rank)
                key = [
                    (by_label[label] * dated + date_rank[doc]) * starts + by_start[start_of(f)]
                    for f, label, doc in zip(figures, labels, docs, strict=True)
                ]
            else:
                by_id = _ranks(range(len(facts.doc_ids)), facts.doc_ids.__getitem__)
                releases = len(by_id)
                key = [
                    (date_rank[doc] * releases + by_id[doc]) * starts + by_start[start_of(f)]
                    for f, doc in zip(figures, docs, strict=True)
                ]
        # The row number in the lowest bits: one list sorted in place, ties in row order.
        shift = max(len(figures), 1).bit_length()
        for row in range(len(key)):
            key[row] = key[row] << shift | row
        key.sort()
        mask = (1 << shift) - 1
        return array("i", (k & mask for k in key))

    def matching(self, needle: str, order: Sequence[int]) -> list[int]:
        """The rows of ``order`` whose figure wording, counted phrase, quantity, release
        title or id contain ``needle`` (already case-folded), as in one text joined by spaces."""
        quantities = self.statistics.quantities
        facts, titles = quantities.facts, self.statistics.titles
        if self._folded is None:
            self._folded = [text.casefold() for text in facts.pool.strings]
        folded = self._folded
        releases = [f"{titles.get(d, '')} {d}".casefold() for d in facts.doc_ids]
        # Each piece between spaces lies within one of the joined texts: rows with none
        # holding the longest piece cannot match; the others are tested joined.
        piece = max(needle.split(" "), key=len)
        hit = bytes(piece in text for text in folded) + b"\0"  # id -1 (None) never hits
        doc_hit = bytes(piece in text for text in releases)
        figures = self.figure
        rows_facts = self._facts_of_rows()
        found = bytearray(map(hit.__getitem__, map(facts.text.__getitem__, figures)))
        for more in (
            map(hit.__getitem__, map(facts.counts.__getitem__, figures)),
            map(hit.__getitem__, map(quantities.label_of, self.quantity)),
            map(doc_hit.__getitem__, map(facts.doc.__getitem__, rows_facts)),
        ):
            found = bytearray(a | b for a, b in zip(found, more, strict=True))
        if piece == needle:
            return [row for row in order if found[row]]
        strings = facts.pool.strings

        def joined(row: int) -> str:
            figure = figures[row]
            doc_id = facts.doc_ids[facts.doc[rows_facts[row]]]
            parts = (
                strings[facts.text[figure]],
                strings[facts.counts[figure]],
                strings[quantities.label_of(self.quantity[row])],
                titles.get(doc_id, ""),
                doc_id,
            )
            return " ".join(parts).casefold()

        return [row for row in order if found[row] and needle in joined(row)]


class SelectedRows(_MadeWhenRead):
    """Some rows of a :class:`FigureRows`, by number, made when read (what a filter keeps)."""

    def __init__(self, rows: FigureRows, numbers: Sequence[int]) -> None:
        self.rows = rows
        self.numbers = numbers

    def _numbers(self) -> Sequence[int]:
        return self.numbers

    def _make(self, number: int) -> FigureRow:
        return self.rows.row(number)
