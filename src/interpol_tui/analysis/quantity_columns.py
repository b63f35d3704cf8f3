"""The quantities of a corpus as columns: which facts each holds, in order; rows made when read.

:class:`QuantityList` is the ``quantities`` of
:class:`~interpol_tui.analysis.aggregate.Statistics` for a large corpus: a
sequence whose items are :class:`~interpol_tui.analysis.aggregate.Quantity`
objects made as they are read (and then dropped), from the fact numbers of
each quantity in occurrence order (one array) and its label (a string id).
"""

from __future__ import annotations

import itertools
from array import array
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, overload

from interpol_tui.analysis.chronology import ReleaseDate
from interpol_tui.analysis.fact_columns import FactColumns, FactGroups
from interpol_tui.analysis.grouping import phrase_key

if TYPE_CHECKING:
    from interpol_tui.analysis.aggregate import Occurrence, Quantity


def when_of(period: str | None, date: ReleaseDate) -> str:
    """The time a figure refers to: its stated period when that is a year, else the date."""
    if period and period.isdigit() and len(period) == 4:
        return period
    return date.label


def label_id(facts: FactColumns, group: Sequence[int]) -> int:
    """The string id of the counted phrase that names a group: the most used, then the fullest.

    As :func:`~interpol_tui.analysis.grouping.label_of`, on fact numbers.
    """
    first, counts, starts = facts.first, facts.counts, facts.start
    if len(group) == 1 and first[group[0] + 1] - first[group[0]] == 1:
        return counts[first[group[0]]]  # most groups of a large corpus: one figure
    phrases: Counter[int] = Counter()
    for fact in group:
        # Each fact's figures in text order, as Fact.figures gives them.
        for at in sorted(range(first[fact], first[fact + 1]), key=starts.__getitem__):
            phrases[counts[at]] += 1
    strings = facts.pool.strings

    def rank(phrase: int) -> tuple[int, int, int]:
        text = strings[phrase]
        return phrases[phrase], len(phrase_key(text).split()), -len(text)

    return max(phrases, key=rank)


def occurrence_order(
    facts: FactColumns, group: list[int], dates: Mapping[str, ReleaseDate]
) -> list[int]:
    """``group``'s facts by their release's date, the figure's own time, then text order."""
    if len(group) == 1:
        return group
    first, strings, periods = facts.first, facts.pool.strings, facts.period

    def key(fact: int) -> tuple[object, ...]:
        date = dates[facts.doc_id(fact)]
        period = periods[first[fact]]
        when = when_of(strings[period] if period >= 0 else None, date)
        return date.sort_key, when, facts.start[first[fact]]

    return sorted(group, key=key)


class QuantityList(Sequence["Quantity"]):
    """Quantities held as fact numbers; each read makes its :class:`Quantity`."""

    def __init__(
        self,
        facts: FactColumns,
        dates: Mapping[str, ReleaseDate],
        members: array[int],
        offsets: array[int],
        labels: array[int],
        span: range | None = None,
        recurring: int = 0,
    ) -> None:
        self.facts = facts
        self.dates = dates
        self._members = members
        self._offsets = offsets
        self._labels = labels
        self._span = range(len(labels)) if span is None else span
        self.recurring = recurring
        """How many quantities of the whole list more than one release cites (they come first)."""

    def __len__(self) -> int:
        return len(self._span)

    @overload
    def __getitem__(self, index: int) -> Quantity: ...
    @overload
    def __getitem__(self, index: slice) -> QuantityList: ...
    def __getitem__(self, index: int | slice) -> Quantity | QuantityList:
        if isinstance(index, slice):
            span = self._span[index]
            return QuantityList(
                self.facts, self.dates, self._members, self._offsets, self._labels, span,
                self.recurring,
            )  # fmt: skip
        return self.quantity(self._span[index])

    def __iter__(self) -> Iterator[Quantity]:
        return map(self.quantity, self._span)

    def head(self, index: int) -> tuple[str, str, str, str]:
        """Item ``index`` of this list, as its first figure's wording, the label, its time and
        release id (the row of a figure cited once, without making the quantity)."""
        at = self._span[index]
        facts = self.facts
        fact = self._members[self._offsets[at]]
        figure, strings = facts.first[fact], facts.pool.strings
        doc_id = facts.doc_id(fact)
        period = facts.period[figure]
        when = when_of(strings[period] if period >= 0 else None, self.dates[doc_id])
        return strings[facts.text[figure]], strings[self._labels[at]], when, doc_id

    def heads(self) -> Iterator[tuple[str, str, str, str]]:
        """:meth:`head` of each item in turn (the standalone table prints millions)."""
        facts, dates = self.facts, self.dates
        strings, first, texts, periods = facts.pool.strings, facts.first, facts.text, facts.period
        members, offsets, labels = self._members, self._offsets, self._labels
        docs, doc_ids = facts.doc, facts.doc_ids
        shown: dict[int, str] = {}  # each release's date label, made once
        for at in self._span:
            fact = members[offsets[at]]
            figure = first[fact]
            release = docs[fact]
            label = shown.get(release)
            if label is None:
                label = shown[release] = dates[doc_ids[release]].label
            period = periods[figure]
            text = strings[period] if period >= 0 else None
            when = text if text and text.isdigit() and len(text) == 4 else label  # when_of
            yield strings[texts[figure]], strings[labels[at]], when, doc_ids[release]

    def fact_at(self, index: int, position: int) -> int:
        """The fact of occurrence ``position`` of quantity ``index`` (of the whole list)."""
        return self._members[self._offsets[index] + position]

    def label_of(self, index: int) -> int:
        """The string id of the label of quantity ``index`` (of the whole list)."""
        return self._labels[index]

    def fact_numbers(self, index: int) -> array[int]:
        """The facts of quantity ``index`` (of the whole list), in occurrence order."""
        return self._members[self._offsets[index] : self._offsets[index + 1]]

    def quantity(self, index: int) -> Quantity:
        """Quantity ``index`` of the whole list, as an object."""
        from interpol_tui.analysis.aggregate import Occurrence, Quantity, changes_of

        facts, dates = self.facts, self.dates
        found: list[Occurrence] = []
        for fact in self.fact_numbers(index):
            doc_id = facts.doc_id(fact)
            figure, repeats = facts.figures(fact)
            found.append(Occurrence(doc_id, dates[doc_id], figure, repeats))
        occurrences = tuple(found)
        label = self.facts.pool.strings[self._labels[index]]
        return Quantity(label, occurrences, changes_of(occurrences), index)

    def summaries(self) -> Iterator[Quantity]:
        """This list's quantities without their sentences or repeats: what a table of their
        values shows (label, releases, trend, each value with its time) at a fraction of
        the cost, every figure's block of sentences left compressed."""
        from interpol_tui.analysis.aggregate import Occurrence, Quantity, changes_of

        facts, dates, strings = self.facts, self.dates, self.facts.pool.strings
        for index in self._span:
            found = []
            for fact in self.fact_numbers(index):
                doc_id = facts.doc_id(fact)
                figure = facts.figure(facts.first[fact], -1, sentence=False)
                found.append(Occurrence(doc_id, dates[doc_id], figure))
            occurrences = tuple(found)
            label = strings[self._labels[index]]
            yield Quantity(label, occurrences, changes_of(occurrences), index)


def quantity_list(
    facts: FactColumns,
    groups: FactGroups,
    dates: Mapping[str, ReleaseDate],
    order: Mapping[str, int],
) -> QuantityList:
    """The quantities of ``groups``, ranked: most releases first; recurring ones by date; then
    in corpus and text order (as :func:`~interpol_tui.analysis.aggregate.statistics_of`)."""
    # The label is chosen over the group in fact order, as label_of is given it.
    labels = array("i")
    first, starts, docs, counts = facts.first, facts.start, facts.doc, facts.counts
    place_of = [order.get(doc_id, 0) for doc_id in facts.doc_ids]  # by release number
    several: list[int] = []  # groups cited by more than one release: few, ranked by date
    keys: list[int] = []  # the others: by corpus order, then text order, as one integer each
    shift = max(len(groups), 1).bit_length()
    for number, group in enumerate(groups):
        head = group[0]
        if len(group) == 1 and first[head + 1] - first[head] == 1:
            labels.append(counts[first[head]])  # label_id's own answer for one figure
        else:  # before the group is put in occurrence order
            labels.append(label_id(facts, group))
        if len(group) > 1:
            group = occurrence_order(facts, list(group), dates)
            groups.replace(number, group)
            if len({docs[fact] for fact in group}) > 1:
                several.append(number)
                continue
            head = group[0]
        keys.append((place_of[docs[head]] << 32 | starts[first[head]]) << shift | number)

    def rank(number: int) -> tuple[object, ...]:
        members = groups[number]
        head = members[0]
        doc_id = facts.doc_id(head)
        releases = len({docs[fact] for fact in members})
        return -releases, dates[doc_id].sort_key, order.get(doc_id, 0), starts[first[head]]

    several.sort(key=rank)
    keys.sort()
    mask = (1 << shift) - 1
    members, offsets, ranked_labels = array("i"), array("i", [0]), array("i")
    for number in itertools.chain(several, (key & mask for key in keys)):
        members.extend(groups[number])
        offsets.append(len(members))
        ranked_labels.append(labels[number])
    return QuantityList(facts, dates, members, offsets, ranked_labels, recurring=len(several))
