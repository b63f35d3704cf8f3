"""The facts of a whole corpus held as columns, for statistics over 100,000 releases.

A :class:`~interpol_tui.analysis.grouping.Fact` with its
:class:`~interpol_tui.analysis.model.Figure` objects costs about 500 bytes a
figure in Python objects; a large corpus has millions of figures. Here each
figure is a row of typed arrays (offsets, value, string ids into one pool of
the corpus's distinct strings) and each release's sentences one compressed
block, so a figure costs about a tenth of that. Facts and figures are made
as objects only when shown or printed (:meth:`FactColumns.figure`,
:meth:`FactColumns.fact`), and then equal to the ones they were made from.
"""

from __future__ import annotations

import itertools
import json
import zlib
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

from interpol_tui.analysis.grouping import Fact, phrase_key
from interpol_tui.analysis.model import Figure

FigureValues = list[Any]
"""A figure's field values in :class:`Figure` order, its sentence given by number."""
FactValues = tuple[FigureValues, Sequence[FigureValues], str | None, str | None, str | None]
"""A fact's figure, its repeats, and its event, subject and complement."""
EntityCounts = tuple[tuple[Any, str, int], ...]
"""A release's (type, canonical name, mentions) entity counts."""
SENTENCE_CACHE = 256
"""Releases whose sentences are kept decompressed (shown rows come release by release)."""
_EXACT = float(1 << 53)
"""Values beyond this may not survive as a float: they are kept as given."""
_MISSING = -2
"""Not a string id: a string the pool does not hold yet."""


class StringPool:
    """Each distinct string once, by an integer id (-1 for None)."""

    __slots__ = ("_ids", "strings")

    def __init__(self) -> None:
        self.strings: list[str] = []
        self._ids: dict[str | None, int] = {None: -1}

    def add(self, text: str | None) -> int:
        """The id of ``text``, added if new."""
        if text is None:
            return -1
        found = self._ids.get(text)
        if found is None:
            found = self._ids[text] = len(self.strings)
            self.strings.append(text)
        return found

    def ids(self, texts: Sequence[str | None]) -> list[int]:
        """``[self.add(t) for t in texts]``, with one dictionary look-up a known string."""
        # map with the look-up itself: no Python frame a string (millions at 50,000 releases)
        found = list(map(self._ids.get, texts, itertools.repeat(_MISSING)))
        if _MISSING in found:  # new strings, added in order (as add would)
            at = found.index(_MISSING)
            while True:
                found[at] = self.add(texts[at])
                try:
                    at = found.index(_MISSING, at + 1)
                except ValueError:
                    break
        return found

    def get(self, at: int) -> str | None:
        """The string of id ``at`` (None for -1)."""
        return None if at < 0 else self.strings[at]

    def seal(self) -> None:
        """Drop the look-up table once nothing more is added (it is most of the pool's size)."""
        self._ids = {None: -1}


class FactColumns:
    """Every fact of many releases, and their figures, as parallel arrays.

    Fact ``i`` belongs to release ``doc[i]`` (an index into ``doc_ids``); its
    figures are ``first[i]`` (the primary one) up to ``first[i + 1]`` (its
    repeats, in stored order), their sentences in block ``block[i]`` (one a
    call of :meth:`add_release`). Releases are added in corpus order.
    """

    def __init__(self) -> None:
        self.pool = StringPool()
        self.doc_ids: list[str] = []
        self._release_of: dict[str, int] = {}
        # Entity counts: release r's are entries entity_first[r] to entity_first[r + 1].
        self.entity_first = array("i", [0])
        self.entity_type, self.entity_name, self.entity_count = (array("i") for _ in range(3))
        self._sentences: list[bytes] = []
        self._decoded: OrderedDict[int, list[str]] = OrderedDict()
        # One entry a figure.
        # Offsets fit 32 bits (state.shapes.MAX_OFFSET); where a sentence starts is not checked.
        self.start, self.end, self.sentence_start = array("i"), array("i"), array("q")
        self.value = array("d")
        self._low: dict[int, float] = {}
        """The lower end of the few figures that are ranges, by figure number."""
        self.text, self.unit, self.qualifier, self.counts = (array("i") for _ in range(4))
        self.period, self.kind, self.zone, self.sentence = (array("i") for _ in range(4))
        self._exact: dict[int, float] = {}
        # One entry a fact.
        self.doc, self.block, self.first = array("i"), array("i"), array("i", [0])
        self.event, self.subject, self.complement, self.key = (array("i") for _ in range(4))

    def __len__(self) -> int:
        return len(self.doc)

    # -- building -------------------------------------------------------------
    def add_release(
        self,
        doc_id: str,
        sentences: Sequence[str],
        facts: Iterable[
            tuple[FigureValues, Sequence[FigureValues], str | None, str | None, str | None]
        ],
        entities: EntityCounts = (),
    ) -> None:
        """Add one release: its sentences, its facts as field values, its entity counts."""
        release = self._release_of.get(doc_id)
        if release is None:
            release = self._release_of[doc_id] = len(self.doc_ids)
            self.doc_ids.append(doc_id)
            if entities:
                kinds, names, counts = zip(*entities, strict=True)
                self.entity_type.extend(self.pool.ids(kinds))
                self.entity_name.extend(self.pool.ids(names))
                self.entity_count.extend(counts)
            self.entity_first.append(len(self.entity_count))
        block = len(self._sentences)
        self._sentences.append(_pack(sentences))
        rows = facts if isinstance(facts, list) else list(facts)
        if not rows:
            return
        figures, repeats, events, subjects, complements = zip(*rows, strict=True)
        ids = self.pool.ids
        # Column by column: a release's facts are added with a few calls a column, not a
        # few calls a field of every figure (this ran for each of 1.8 million at 50,000).
        self.doc.extend(array("i", [release]) * len(rows))
        self.block.extend(array("i", [block]) * len(rows))
        self.event.extend(ids(events))
        self.subject.extend(ids(subjects))
        self.complement.extend(ids(complements))
        self.key.extend(ids([phrase_key(figure[6]) for figure in figures]))
        base = len(self.start)
        if any(repeats):
            flat: list[FigureValues] = []
            for figure, more in zip(figures, repeats, strict=True):
                flat.append(figure)
                flat.extend(more)
            self._add_figures(flat)
            self.first.extend(base + n for n in itertools.accumulate(1 + len(r) for r in repeats))
        else:
            self._add_figures(figures)
            self.first.extend(range(base + 1, base + len(rows) + 1))

    def _add_figures(self, figures: Sequence[FigureValues]) -> None:
        """Add the field values of ``figures`` (in :class:`Figure` order), one column at a time."""
        (start, end, text, value, unit, qualifier, counts, sentence, sentence_start,
         period, kind, low, zone) = zip(*figures, strict=True)  # fmt: skip
        at = len(self.start)
        self.start.extend(start)
        self.end.extend(end)
        self.sentence_start.extend(sentence_start)
        self.value.extend(value)
        if max(map(abs, value)) > _EXACT:
            for offset, number in enumerate(value):
                if type(number) is not float and abs(number) > _EXACT:
                    self._exact[at + offset] = number
        if low.count(None) != len(low):
            for offset, lower in enumerate(low):
                if lower is not None:
                    self._low[at + offset] = lower
        ids = self.pool.ids
        self.text.extend(ids(text))
        self.unit.extend(ids(unit))
        self.qualifier.extend(ids(qualifier))
        self.counts.extend(ids(counts))
        self.period.extend(ids(period))
        self.kind.extend(ids(kind))
        self.zone.extend(ids(zone))
        self.sentence.extend(sentence)

    def add_release_facts(self, doc_id: str, facts: Sequence[Any], entities: EntityCounts) -> None:
        """Add one release from :class:`~interpol_tui.analysis.grouping.Fact` objects."""
        numbers: dict[str, int] = {}

        def values(figure: Figure) -> FigureValues:
            number = numbers.setdefault(figure.sentence, len(numbers))
            return [
                figure.start, figure.end, figure.text, figure.value, figure.unit,
                figure.qualifier, figure.counts, number, figure.sentence_start,
                figure.period, figure.kind, figure.low, figure.zone,
            ]  # fmt: skip

        rows = [
            (values(f.figure), [values(r) for r in f.repeats], f.event, f.subject, f.complement)
            for f in facts
        ]
        self.add_release(doc_id, list(numbers), rows, entities)

    def seal(self) -> None:
        """Done adding: drop what only adding needs."""
        self.pool.seal()
        self._release_of = {}

    # -- reading --------------------------------------------------------------
    def sentences(self, block: int) -> list[str]:
        """The sentences of block ``block`` (a few hundred blocks kept decoded)."""
        found = self._decoded.get(block)
        if found is None:
            found = self._decoded[block] = _unpack(self._sentences[block])
            if len(self._decoded) > SENTENCE_CACHE:
                self._decoded.popitem(last=False)
        else:
            self._decoded.move_to_end(block)
        return found

    def entity_counts(self) -> Iterator[tuple[str, EntityCounts]]:
        """Each release's id and its (type, canonical name, mentions) entity counts."""
        strings, first = self.pool.strings, self.entity_first
        kinds, names, counts = self.entity_type, self.entity_name, self.entity_count
        for release, doc_id in enumerate(self.doc_ids):
            entries = range(first[release], first[release + 1])
            yield (
                doc_id,
                tuple((strings[kinds[at]], strings[names[at]], counts[at]) for at in entries),
            )

    def drop_entity_counts(self) -> None:
        """Forget the entity counts (once the corpus's frequencies are made of them)."""
        self.entity_first = array("i", [0] * (len(self.doc_ids) + 1))
        self.entity_type, self.entity_name, self.entity_count = (array("i") for _ in range(3))

    def doc_id(self, fact: int) -> str:
        """The release id of fact ``fact``."""
        return self.doc_ids[self.doc[fact]]

    def primary(self, fact: int) -> int:
        """The figure number of fact ``fact``'s figure (its repeats follow it)."""
        return self.first[fact]

    def figure_value(self, figure: int) -> float:
        """Figure ``figure``'s value, as stored."""
        return self._exact.get(figure, self.value[figure])

    def figure_values(self, figures: Sequence[int]) -> list[float]:
        """:meth:`figure_value` of each of ``figures``."""
        values, exact = self.value, self._exact
        if not exact:  # nearly always: no value beyond a float's exact integers
            return [values[at] for at in figures]
        return [exact.get(at, values[at]) for at in figures]

    def figure(self, figure: int, block: int, *, sentence: bool = True) -> Figure:
        """Figure number ``figure`` (its sentence in block ``block``) as an object.

        Without ``sentence`` its sentence is left empty and no block is decompressed
        (for what shows only a figure's value and time).
        """
        get = self.pool.get
        low = self._low.get(figure)
        return Figure(
            self.start[figure],
            self.end[figure],
            get(self.text[figure]) or "",
            self.figure_value(figure),
            get(self.unit[figure]),
            get(self.qualifier[figure]),
            get(self.counts[figure]) or "",
            self.sentences(block)[self.sentence[figure]] if sentence else "",
            self.sentence_start[figure],
            get(self.period[figure]),
            get(self.kind[figure]) or "",
            low,
            get(self.zone[figure]) or "",
        )

    def figures(self, fact: int) -> tuple[Figure, tuple[Figure, ...]]:
        """Fact ``fact``'s figure and its repeats, as objects."""
        block, first, after = self.block[fact], self.first[fact], self.first[fact + 1]
        figure = self.figure(first, block)
        return figure, tuple(self.figure(at, block) for at in range(first + 1, after))

    def fact(self, fact: int) -> Fact:
        """Fact ``fact`` as an object, equal to the one it was added from."""
        figure, repeats = self.figures(fact)
        return Fact(self.doc_id(fact), figure, repeats, *self.context(fact))

    def context(self, fact: int) -> tuple[str | None, str | None, str | None]:
        """Fact ``fact``'s event, subject and complement."""
        get = self.pool.get
        return get(self.event[fact]), get(self.subject[fact]), get(self.complement[fact])

    def starts(self, fact: int) -> Iterator[int]:
        """The offsets of fact ``fact``'s figure and repeats."""
        return (self.start[at] for at in range(self.first[fact], self.first[fact + 1]))


def _pack(sentences: Sequence[str]) -> bytes:
    text = json.dumps(list(sentences), ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 1)


def _unpack(data: bytes) -> list[str]:
    found: list[str] = json.loads(zlib.decompress(data).decode("utf-8", "surrogatepass"))
    return found


class FactGroups(Sequence[Sequence[int]]):
    """Groups of fact numbers, one after another in one array (lists cost 100 bytes a fact)."""

    def __init__(self) -> None:
        self.members = array("i")
        self.ends = array("i", [0])

    def __len__(self) -> int:
        return len(self.ends) - 1

    @overload
    def __getitem__(self, index: int) -> array[int]: ...
    @overload
    def __getitem__(self, index: slice) -> list[array[int]]: ...
    def __getitem__(self, index: int | slice) -> array[int] | list[array[int]]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        at = range(len(self))[index]
        return self.members[self.ends[at] : self.ends[at + 1]]

    def __iter__(self) -> Iterator[array[int]]:
        # Sequence's own indexes each group through __getitem__ (millions at 50,000 releases).
        members, ends = self.members, self.ends
        for start, end in itertools.pairwise(ends):
            yield members[start:end]

    def append(self, group: Iterable[int]) -> None:
        """Add a group after the others."""
        self.members.extend(group)
        self.ends.append(len(self.members))

    def replace(self, index: int, group: Sequence[int]) -> None:
        """Put ``group`` (the same facts, in another order) in place of group ``index``."""
        self.members[self.ends[index] : self.ends[index + 1]] = array("i", group)
