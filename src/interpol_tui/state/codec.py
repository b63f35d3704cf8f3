"""JSON form of :class:`DocumentAnalysis`, compact enough to cache a 10k-release corpus.

Each span becomes a list of its field values in declaration order (the
field names are stored once, as the file's schema). A span's ``text`` is
left out when it is exactly ``doc.text[start:end]`` — the span contract
says it always is — and a figure's ``sentence`` when it is the slice at
``sentence_start``; both are rebuilt from the document on reading.

Reading trusts nothing: every value is checked against its field's type
hint (a ``Literal`` against its values, a float for being finite) and every
offset against the document, so a damaged record raises CodecError and is
analysed again instead of reaching the UI.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import operator
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

from interpol_tui.analysis.model import ENTITY_TYPES, DocumentAnalysis, EntitySpan
from interpol_tui.state.shapes import MAX_OFFSET

_PRIMITIVES = (str, int, float, bool, type(None))
Check = Callable[[Any], bool]

NAMED_VALUES: dict[tuple[type, str], frozenset[str]] = {
    (EntitySpan, "type"): frozenset(ENTITY_TYPES),
}
"""Span fields typed ``str`` whose value must be one of a registry's names (the UI looks
each up: an unknown entity type has no style, column or component class)."""


class CodecError(ValueError):
    """The analysis model holds something this codec cannot store, or the data is malformed."""


@dataclasses.dataclass(frozen=True, slots=True)
class _Group:
    """One tuple-of-spans field of DocumentAnalysis."""

    name: str
    span_type: type
    fields: tuple[str, ...]
    tuple_fields: frozenset[str]
    """Span fields that are tuples (JSON lists converted back on reading)."""
    signatures: frozenset[tuple[type, ...]]
    """Every combination of the types the fields may have, from their type hints
    (``text`` may be None and ``sentence`` a length: both stand for a slice of the text)."""
    checks: tuple[tuple[int, Check], ...]
    """Value checks of the fields that need one (range, finite, one of a Literal's)."""
    start_at: int
    end_at: int
    text_at: int
    sentence_at: int
    sentence_start_at: int
    tuple_at: tuple[int, ...]


def _is_number(value: Any) -> bool:
    # A float or an int (the types were checked); either way finite and of a sane size.
    # Any other type got here through a union (``float | None``): its own check is its type.
    if type(value) not in (float, int):
        return True
    if type(value) is float:
        return math.isfinite(value) and abs(value) < 2**53
    return bool(abs(value) < 2**53)


def _is_count(value: Any) -> bool:
    return 0 <= value <= MAX_OFFSET if type(value) is int else True


def _check_for(hint: Any, owner: str) -> tuple[frozenset[type], Check | None]:
    """The types a stored value of type ``hint`` may have, and the check of its value if any.

    Raises CodecError for a type hint the codec cannot check, so that a change
    to the model cannot make the cache trust what it does not know.
    """
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is int:
        return frozenset({int}), _is_count
    if hint is float:
        return frozenset({float, int}), _is_number
    if hint in (str, bool, type(None)):
        return frozenset({hint}), None
    if origin is typing.Literal and all(type(a) is str for a in args):
        allowed = frozenset(args)
        return frozenset({str}), lambda v: v in allowed
    if origin in (typing.Union, types.UnionType):
        parts = [_check_for(a, owner) for a in args]
        checks = [c for _, c in parts if c is not None]
        kinds = frozenset().union(*(k for k, _ in parts))
        if len(checks) <= 1:  # the common case, without a generator per value
            return kinds, checks[0] if checks else None
        return kinds, lambda v: all(c(v) for c in checks)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        kinds, check = _check_for(args[0], owner)
        return frozenset({list}), lambda v: all(
            type(i) in kinds and (check is None or check(i)) for i in v
        )
    raise CodecError(f"{owner} has a field of type {hint!r} the codec cannot check")


def _is_tuple(hint: Any) -> bool:
    if typing.get_origin(hint) is tuple:
        return True
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return any(_is_tuple(arg) for arg in typing.get_args(hint))
    return False


@cache
def _groups() -> tuple[_Group, ...]:
    """Describe DocumentAnalysis's span fields (computed once from its type hints)."""
    groups: list[_Group] = []
    hints = typing.get_type_hints(DocumentAnalysis)
    for spec in dataclasses.fields(DocumentAnalysis):
        if spec.name == "doc_id":
            continue
        args = typing.get_args(hints[spec.name])
        if typing.get_origin(hints[spec.name]) is not tuple or not args:
            raise CodecError(f"DocumentAnalysis.{spec.name} is not a tuple of spans")
        span_type = args[0]
        if not dataclasses.is_dataclass(span_type) or not isinstance(span_type, type):
            raise CodecError(f"DocumentAnalysis.{spec.name} does not hold dataclasses")
        span_hints = typing.get_type_hints(span_type)
        specs = dataclasses.fields(span_type)
        if any(not f.init or f.kw_only for f in specs):
            raise CodecError(f"{span_type.__name__} cannot be built from positional values")
        names = tuple(f.name for f in specs)
        tuples = frozenset(n for n in names if _is_tuple(span_hints[n]))
        stored_as = {**span_hints, "text": str | None, "sentence": str | int}
        kinds_checks = [_check_for(stored_as[n], span_type.__name__) for n in names]
        for index, name in enumerate(names):
            if (allowed := NAMED_VALUES.get((span_type, name))) is not None:
                kinds_checks[index] = (frozenset({str}), allowed.__contains__)
        # Offsets are checked against the document below, not here.
        checks = tuple(
            (at, check)
            for at, (_, check) in enumerate(kinds_checks)
            if check is not None and names[at] not in ("start", "end", "sentence_start")
        )
        if "start" not in names or "end" not in names:
            raise CodecError(f"{span_type.__name__} has no start and end")
        at = {name: names.index(name) for name in names}
        groups.append(
            _Group(
                spec.name,
                span_type,
                names,
                tuples,
                frozenset(itertools.product(*(kinds for kinds, _ in kinds_checks))),
                checks,
                at["start"],
                at["end"],
                at.get("text", -1),
                at.get("sentence", -1),
                at.get("sentence_start", -1),
                tuple(at[name] for name in sorted(tuples)),
            )
        )
    return tuple(groups)


def schema() -> dict[str, list[str]]:
    """Field names of every span type, in the order values are stored."""
    return {group.name: list(group.fields) for group in _groups()}


_STORED_AS_IS = frozenset({str, int, float, bool, type(None)})
"""Value types stored unchanged (exactly these: a subclass or a tuple takes the full check)."""


def encode(analysis: DocumentAnalysis, text: str) -> dict[str, list[list[Any]]]:
    """Return the JSON form of ``analysis`` of a document whose clean text is ``text``.

    Each span's values are read at once and only the text, the sentence and
    values of another type than the plain ones are looked at one by one
    (:func:`_encode_value`, the rule for every field; a loop over every field
    of every span was a tenth of a worker's time a release).
    """
    encoded: dict[str, list[list[Any]]] = {}
    for group in _groups():
        values_of = operator.attrgetter(*group.fields)
        text_at, sentence_at = group.text_at, group.sentence_at
        rows: list[list[Any]] = []
        for span in getattr(analysis, group.name):
            row = list(values_of(span)) if len(group.fields) > 1 else [values_of(span)]
            if text_at >= 0 and row[text_at] == text[span.start : span.end]:
                row[text_at] = None
            if sentence_at >= 0 and type(row[sentence_at]) is str:
                row[sentence_at] = _encode_value(group, span, "sentence", row[sentence_at], text)
            if not _STORED_AS_IS.issuperset(map(type, row)):  # most rows: all plain
                for at, value in enumerate(row):
                    if type(value) not in _STORED_AS_IS:
                        row[at] = _encode_value(group, span, group.fields[at], value, text)
            rows.append(row)
        if rows:
            encoded[group.name] = rows
    return encoded


def _encode_value(group: _Group, span: Any, name: str, value: Any, text: str) -> Any:
    """The stored form of one field's value (a span's ``text`` equal to its slice aside)."""
    if name == "sentence" and isinstance(value, str):
        begin = getattr(span, "sentence_start", -1)
        if text[begin : begin + len(value)] == value:
            value = len(value)
    elif isinstance(value, tuple):
        value = list(value)
    if not isinstance(value, _PRIMITIVES) and not isinstance(value, list):
        raise CodecError(f"cannot store {type(value).__name__} in {group.name}")
    return value


def _spans(
    group: _Group, rows: list[Any], text: str, sentences: dict[tuple[int, int], str]
) -> tuple[Any, ...]:
    """The spans of one group's stored rows, each checked and completed; CodecError if damaged.

    Runs for every span of a 10k-release corpus: the group's layout is bound to
    locals once, and each row's types are checked with one set lookup (a loop
    over the fields tripled the cost of reading the cache).
    """
    width, signatures, checks = len(group.fields), group.signatures, group.checks
    start_at, end_at, text_at = group.start_at, group.end_at, group.text_at
    sentence_at, sentence_start_at = group.sentence_at, group.sentence_start_at
    tuple_at, make, size = group.tuple_at, group.span_type, len(text)
    spans = []
    for stored in rows:
        if type(stored) is not list or len(stored) != width:
            raise CodecError(f"malformed {group.name} record")
        if tuple(map(type, stored)) not in signatures:
            raise CodecError(f"{group.name} record: a value of the wrong type")
        row = list(stored)  # the stored rows may be written back unchanged
        for at, check in checks:
            if not check(row[at]):
                raise CodecError(f"{group.name} record: bad {group.fields[at]} {row[at]!r:.40}")
        start, end = row[start_at], row[end_at]
        if not 0 <= start <= end <= size:
            raise CodecError(f"{group.name} record: span {start}-{end} outside the text")
        if text_at >= 0 and row[text_at] is None:
            row[text_at] = text[start:end]
        if sentence_start_at >= 0:
            begin = row[sentence_start_at]
            length = row[sentence_at] if sentence_at >= 0 else 0
            if type(length) is not int:  # the sentence itself was stored
                length = 0
            if not (0 <= begin <= size and 0 <= length <= size - begin):
                raise CodecError(f"{group.name} record: sentence outside the text")
            if sentence_at >= 0 and type(row[sentence_at]) is int:
                key = (begin, length)
                if key not in sentences:
                    sentences[key] = text[begin : begin + length]
                row[sentence_at] = sentences[key]
        for at in tuple_at:
            row[at] = tuple(row[at])
        spans.append(make(*row))
    return tuple(spans)


def decode(doc_id: str, data: Any, text: str) -> DocumentAnalysis:
    """Rebuild a DocumentAnalysis from :func:`encode`'s output; raise CodecError if malformed."""
    if type(data) is not dict:
        raise CodecError("analysis record is not an object")
    values: dict[str, tuple[Any, ...]] = {}
    # The figures of one sentence share one string: a slice per figure made a
    # release of many figures in long sentences cost hundreds of MB to read back.
    sentences: dict[tuple[int, int], str] = {}
    for group in _groups():
        rows = data.get(group.name, [])
        if type(rows) is not list:
            raise CodecError(f"{group.name} is not a list")
        try:
            values[group.name] = _spans(group, rows, text, sentences)
        except (TypeError, ValueError) as error:
            if isinstance(error, CodecError):
                raise
            raise CodecError(f"malformed {group.name} record: {error}") from error
    return DocumentAnalysis(doc_id, **values)
