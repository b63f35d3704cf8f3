"""The stored form of a release's facts (:mod:`interpol_tui.analysis.release_facts`).

One compressed JSON row a release: its figures' sentences once each, then
each fact as the field values of its figure and repeats (a sentence by its
number), its event, subject and complement, then the entity counts. The row
stands alone: statistics read neither the release's text nor its analysis.

Reading trusts nothing: a value of the wrong type, an offset out of range or
a sentence number that is not there makes the row unusable (None), and the
facts are made again from the analysis. Short strings that recur across a
corpus (counted phrases, units, kinds, events, entity names) are interned, so
that 100,000 releases hold each once.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import math
import operator
import sys
import zlib
from typing import Any

from interpol_tui.analysis.fact_columns import FactColumns
from interpol_tui.analysis.grouping import Fact
from interpol_tui.analysis.model import ENTITY_TYPES, Figure
from interpol_tui.analysis.release_facts import ReleaseFacts
from interpol_tui.state.shapes import MAX_OFFSET

_NUMBER = (int, float)
_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "start": (int,), "end": (int,), "text": (str,), "value": _NUMBER,
    "unit": (str, type(None)), "qualifier": (str, type(None)), "counts": (str,),
    "sentence": (int,), "sentence_start": (int,), "period": (str, type(None)),
    "kind": (str,), "low": (*_NUMBER, type(None)), "zone": (str,),
}  # fmt: skip
"""The stored type of each :class:`Figure` field (the sentence as its number)."""
FIELDS = tuple(field.name for field in dataclasses.fields(Figure))
_SIGNATURES = frozenset(itertools.product(*(_FIELD_TYPES[name] for name in FIELDS)))
"""Every allowed tuple of value types: a row is checked with one set lookup."""
_INTERNED = tuple(
    FIELDS.index(name) for name in ("unit", "qualifier", "counts", "period", "kind", "zone")
)
_SENTENCE = FIELDS.index("sentence")
_OFFSETS = tuple(FIELDS.index(name) for name in ("start", "end", "sentence_start"))
_VALUE = FIELDS.index("value")
_SHARED_INTS = tuple(range(1 << 16))
"""Offsets below this are shared objects: millions of figures then hold no int of their own."""
_ENTITY_TYPES = frozenset(ENTITY_TYPES)


class _Damaged(ValueError):
    """A stored row is not what :func:`encode_facts` writes."""


_VALUES = operator.attrgetter(*FIELDS)
_PLAIN_TYPES = tuple(frozenset(kinds) for kinds in (_FIELD_TYPES[name] for name in FIELDS))
"""Each field's stored types as a set: a value of exactly one of them needs no isinstance."""


FactParts = tuple[list[str], list[list[Any]], list[list[Any]]]
"""A release's facts as stored: its sentences, each fact's values, its entity counts."""


def encode_facts(release: ReleaseFacts) -> bytes:
    """The stored form of one release's facts."""
    return encode_parts(facts_parts(release))


def facts_parts(release: ReleaseFacts) -> FactParts:
    """What :func:`encode_facts` stores of ``release``, as plain values (checked storable)."""
    sentences: dict[str, int] = {}

    def row(figure: Figure) -> list[Any]:
        values = list(_VALUES(figure))
        values[_SENTENCE] = sentences.setdefault(figure.sentence, len(sentences))
        if tuple(map(type, values)) in _SIGNATURES:
            return values  # every field of a stored type: the loop below would pass them all
        for at, value in enumerate(values):
            if type(value) in _PLAIN_TYPES[at]:
                continue  # the check below, without a call per field of every figure
            if not isinstance(value, _FIELD_TYPES[FIELDS[at]]):  # a new Figure field must be stored
                raise TypeError(f"cannot store figure {FIELDS[at]} {value!r:.40}")
        return values

    facts = [
        [row(f.figure), [row(r) for r in f.repeats], f.event, f.subject, f.complement]
        for f in release.facts
    ]
    return list(sentences), facts, [list(e) for e in release.entities]


def encode_parts(parts: FactParts) -> bytes:
    """The stored form of a release's :func:`facts_parts`."""
    sentences, facts, entities = parts
    data = {"s": sentences, "f": facts, "e": entities}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 1)


def add_parts(columns: FactColumns, doc_id: str, parts: FactParts) -> None:
    """Add a release's :func:`facts_parts`, made by this program just now (not read from a
    file, so not checked), to ``columns``: as :func:`decode_into` adds its stored form."""
    sentences, facts, entities = parts
    counts = tuple((sys.intern(kind), sys.intern(name), count) for kind, name, count in entities)
    columns.add_release(doc_id, sentences, facts, counts)  # type: ignore[arg-type]


def _checked(values: Any, sentences: int) -> list[Any]:
    """A stored figure's field values, checked (its sentence still a number below ``sentences``)."""
    if type(values) is not list or tuple(map(type, values)) not in _SIGNATURES:
        raise _Damaged("malformed figure")
    if not 0 <= values[_SENTENCE] < sentences:
        raise _Damaged("no such sentence")
    start, end, sentence_start = (values[at] for at in _OFFSETS)
    if not 0 <= start <= end <= MAX_OFFSET or sentence_start < 0:
        raise _Damaged("figure offsets out of range")
    if not math.isfinite(values[_VALUE]):
        raise _Damaged("figure value not finite")
    return values


def _figure(values: Any, sentences: list[str]) -> Figure:
    values = _checked(values, len(sentences))
    for at in _INTERNED:
        if values[at] is not None:
            values[at] = sys.intern(values[at])
    for at in _OFFSETS:
        if 0 <= values[at] < len(_SHARED_INTS):
            values[at] = _SHARED_INTS[values[at]]
    values[_SENTENCE] = sentences[values[_SENTENCE]]
    return Figure(*values)


def _fact(doc_id: str, values: Any, sentences: list[str]) -> Fact:
    if type(values) is not list or len(values) != 5 or type(values[1]) is not list:
        raise _Damaged("malformed fact")
    figure, repeats, *context = values
    for at, value in enumerate(context):  # event, subject, complement
        if value is not None:
            if type(value) is not str:
                raise _Damaged("a fact's context is not text")
            context[at] = sys.intern(value)
    return Fact(
        doc_id,
        _figure(figure, sentences),
        tuple([_figure(r, sentences) for r in repeats]) if repeats else (),
        *context,
    )


def _entity(values: Any) -> tuple[str, str, int]:
    if type(values) is not list or len(values) != 3:
        raise _Damaged("malformed entity count")
    kind, name, count = values
    if kind not in _ENTITY_TYPES or type(name) is not str or type(count) is not int or count < 1:
        raise _Damaged("bad entity count")
    return sys.intern(kind), sys.intern(name), count


def _parts(data: bytes) -> tuple[list[str], list[Any], list[Any]]:
    """A stored row's sentences, facts and entity counts, each of the right type."""
    text = zlib.decompress(data).decode("utf-8", "surrogatepass")
    parsed = json.loads(text, parse_constant=_no_constant)
    if type(parsed) is not dict:
        raise _Damaged("not an object")
    sentences, facts, entities = parsed.get("s"), parsed.get("f"), parsed.get("e")
    if type(sentences) is not list or type(facts) is not list or type(entities) is not list:
        raise _Damaged("missing parts")
    if not all(type(s) is str for s in sentences):
        raise _Damaged("a sentence is not text")
    return sentences, facts, entities


_ROW_ERRORS = (zlib.error, ValueError, IndexError, TypeError, RecursionError, OverflowError)
"""What reading a damaged row can raise (UnicodeError is a ValueError; OverflowError: a
value too large for a float)."""


def decode_facts(doc_id: str, data: bytes) -> ReleaseFacts | None:
    """The facts stored by :func:`encode_facts`, or None when the row cannot be trusted."""
    try:
        sentences, facts, entities = _parts(data)
        return ReleaseFacts(
            doc_id,
            tuple(_fact(doc_id, fact, sentences) for fact in facts),
            tuple(_entity(entity) for entity in entities),
        )
    except _ROW_ERRORS:
        return None


def decode_into(columns: FactColumns, doc_id: str, data: bytes) -> bool:
    """Add the facts stored by :func:`encode_facts` to ``columns``; False (nothing added)
    when the row cannot be trusted. Checks what :func:`decode_facts` checks, a column of
    the release's figures at a time (``tests/test_stats_shortcuts.py``)."""
    try:
        sentences, facts, entities = _parts(data)
        if not all(type(v) is list and len(v) == 5 and type(v[1]) is list for v in facts):
            raise _Damaged("malformed fact")
        rows = [(figure, repeats, *context) for figure, repeats, *context in facts]
        if rows:
            figures, repeats, *context = zip(*rows, strict=True)
            if not set(map(type, itertools.chain(*context))) <= _CONTEXT_TYPES:
                raise _Damaged("a fact's context is not text")
            _check_figures([*figures, *itertools.chain(*repeats)], len(sentences))
        counts = _entities(entities)
    except _ROW_ERRORS:
        return False
    columns.add_release(doc_id, sentences, rows, counts)
    return True


_CONTEXT_TYPES = frozenset({str, type(None)})


def _check_figures(figures: list[Any], sentences: int) -> None:
    """What :func:`_checked` checks of each figure, for many figures (a column at a time)."""
    if not all(type(values) is list and len(values) == len(FIELDS) for values in figures):
        raise _Damaged("malformed figure")
    columns = list(zip(*figures, strict=True))
    for types, column in zip(_PLAIN_TYPES, columns, strict=True):
        if not set(map(type, column)) <= types:
            raise _Damaged("malformed figure")
    numbers = columns[_SENTENCE]
    if min(numbers) < 0 or max(numbers) >= sentences:
        raise _Damaged("no such sentence")
    starts, ends, sentence_starts = (columns[at] for at in _OFFSETS)
    if (
        min(starts) < 0
        or max(ends) > MAX_OFFSET
        or not all(map(operator.le, starts, ends))
        or min(sentence_starts) < 0
    ):
        raise _Damaged("figure offsets out of range")
    if not all(map(math.isfinite, columns[_VALUE])):
        raise _Damaged("figure value not finite")


def _entities(entities: list[Any]) -> tuple[tuple[str, str, int], ...]:
    """What :func:`_entity` checks of each entity count, for a release's (not interned:
    the columns keep each string once)."""
    if not all(type(values) is list and len(values) == 3 for values in entities):
        raise _Damaged("malformed entity count")
    if entities:
        kinds, names, mentions = zip(*entities, strict=True)
        if (
            not set(kinds) <= _ENTITY_TYPES
            or not set(map(type, names)) <= {str}
            or not set(map(type, mentions)) <= {int}
            or min(mentions) < 1
        ):
            raise _Damaged("bad entity count")
        # Interned as decode_facts does: the same names elsewhere (digests) share them.
        return tuple(zip(map(sys.intern, kinds), map(sys.intern, names), mentions, strict=True))
    return ()


def _no_constant(name: str) -> None:
    raise _Damaged(f"{name} is not a number")
