"""JSON form of :class:`DocumentAnalysis`, compact enough to cache a 10k-release corpus.

Each span becomes a list of its field values in declaration order (the
field names are stored once, as the file's schema). A span's ``text`` is
left out when it is exactly ``doc.text[start:end]`` — the span contract
says it always is — and a figure's ``sentence`` when it is the slice at
``sentence_start``; both are rebuilt from the document on reading.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any

from interpol_tui.analysis.model import DocumentAnalysis

_PRIMITIVES = (str, int, float, bool, type(None))


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
        groups.append(_Group(spec.name, span_type, names, tuples))
    return tuple(groups)


def schema() -> dict[str, list[str]]:
    """Field names of every span type, in the order values are stored."""
    return {group.name: list(group.fields) for group in _groups()}


def encode(analysis: DocumentAnalysis, text: str) -> dict[str, list[list[Any]]]:
    """Return the JSON form of ``analysis`` of a document whose clean text is ``text``."""
    encoded: dict[str, list[list[Any]]] = {}
    for group in _groups():
        rows: list[list[Any]] = []
        for span in getattr(analysis, group.name):
            row: list[Any] = []
            for name in group.fields:
                value = getattr(span, name)
                if name == "text" and value == text[span.start : span.end]:
                    value = None
                elif name == "sentence" and isinstance(value, str):
                    begin = getattr(span, "sentence_start", -1)
                    if text[begin : begin + len(value)] == value:
                        value = len(value)
                elif isinstance(value, tuple):
                    value = list(value)
                if not isinstance(value, _PRIMITIVES) and not isinstance(value, list):
                    raise CodecError(f"cannot store {type(value).__name__} in {group.name}")
                row.append(value)
            rows.append(row)
        if rows:
            encoded[group.name] = rows
    return encoded


def _at(group: _Group, name: str) -> int:
    return group.fields.index(name) if name in group.fields else -1


def decode(doc_id: str, data: Any, text: str) -> DocumentAnalysis:
    """Rebuild a DocumentAnalysis from :func:`encode`'s output; raise CodecError if malformed."""
    if not isinstance(data, dict):
        raise CodecError("analysis record is not an object")
    values: dict[str, tuple[Any, ...]] = {}
    # The figures of one sentence share one string: a slice per figure made a
    # release of many figures in long sentences cost hundreds of MB to read back.
    sentences: dict[tuple[int, int], str] = {}
    try:
        for group in _groups():
            # Positions looked up once per group: this loop runs for every span of
            # a 10k-release corpus, so it works on lists, not dicts.
            width, start_at, end_at = len(group.fields), _at(group, "start"), _at(group, "end")
            text_at, sentence_at = _at(group, "text"), _at(group, "sentence")
            sentence_start_at = _at(group, "sentence_start")
            tuple_at = [group.fields.index(name) for name in group.tuple_fields]
            make = group.span_type
            spans = []
            for stored in data.get(group.name, ()):
                row = list(stored)  # the stored rows may be written back unchanged
                if len(row) != width or type(row[start_at]) is not int:
                    raise CodecError(f"malformed {group.name} record")
                if text_at >= 0 and row[text_at] is None:
                    row[text_at] = text[row[start_at] : row[end_at]]
                if sentence_at >= 0 and type(row[sentence_at]) is int:
                    key = (row[sentence_start_at], row[sentence_at])
                    if key not in sentences:
                        sentences[key] = text[key[0] : key[0] + key[1]]
                    row[sentence_at] = sentences[key]
                for index in tuple_at:
                    if type(row[index]) is list:
                        row[index] = tuple(row[index])
                spans.append(make(*row))
            values[group.name] = tuple(spans)
    except (TypeError, ValueError, KeyError, IndexError) as error:
        raise CodecError(f"malformed analysis record: {error}") from error
    return DocumentAnalysis(doc_id, **values)
