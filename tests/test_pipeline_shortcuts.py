"""The cold pipeline's shortcuts give exactly what the plain code they replace gives.

The worker that analyses a release also encodes the analysis and makes its
digest; both were rewritten to cost less (the codec reads a span's values at
once, the figures beside each entity are found by bisection). Each is checked
here against the plain version it stands for, kept in this file, on the
seeds, the unseen releases and hostile spans the plain code treats one field
at a time.
"""

from __future__ import annotations

import dataclasses
import json
import random
import re
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from interpol_tui.analysis import chronology
from interpol_tui.analysis.grouping import Fact
from interpol_tui.analysis.model import DocumentAnalysis, EntitySpan, Figure
from interpol_tui.analysis.pipeline import analyse_document
from interpol_tui.analysis.release_facts import ReleaseFacts, release_facts
from interpol_tui.analysis.timeline import FigureNote, figures_beside, mention_rows, note_of
from interpol_tui.corpus.loader import load_corpus
from interpol_tui.corpus.model import Document
from interpol_tui.state import codec, fact_rows

UNSEEN = Path(__file__).parent / "data" / "unseen"


def _plain_encode(analysis: DocumentAnalysis, text: str) -> dict[str, list[list[Any]]]:
    """The codec's encoding as it was written first: every field of every span in turn."""
    encoded: dict[str, list[list[Any]]] = {}
    for group in codec._groups():
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
                if not isinstance(value, codec._PRIMITIVES) and not isinstance(value, list):
                    raise codec.CodecError(f"cannot store {type(value).__name__}")
                row.append(value)
            rows.append(row)
        if rows:
            encoded[group.name] = rows
    return encoded


def _plain_beside(analysis: DocumentAnalysis, mentions: Sequence[EntitySpan]) -> list[FigureNote]:
    """The figures beside ``mentions`` as first written: every figure against every mention."""
    return [
        note_of(f)
        for f in analysis.figures
        if any(f.sentence_start <= m.start < f.sentence_start + len(f.sentence) for m in mentions)
    ]


@pytest.fixture(scope="module")
def analysed(seeds_dir: Path) -> list[tuple[Document, DocumentAnalysis]]:
    corpus = load_corpus([seeds_dir, UNSEEN])
    return [(document, analyse_document(document)) for document in corpus.documents]


def test_encoding_is_the_plain_encoding(analysed: list[tuple[Document, DocumentAnalysis]]) -> None:
    assert len(analysed) > 10
    for document, analysis in analysed:
        assert codec.encode(analysis, document.text) == _plain_encode(analysis, document.text)


def _holding(span: object) -> DocumentAnalysis:
    """An analysis holding one span (an entity or a figure)."""
    if isinstance(span, EntitySpan):
        return DocumentAnalysis("a.txt", entities=(span,))
    assert isinstance(span, Figure)
    return DocumentAnalysis("a.txt", figures=(span,))


class _Label(str):
    """A str subclass: stored as text, but not by the fast path's exact type test."""


def test_encoding_of_odd_values_is_the_plain_encoding() -> None:
    text = "Officers seized 40 phones in Lyon. INTERPOL said so."
    figure = Figure(16, 18, "40", 40.0, None, None, "phones", text[:34], 0)
    entity = EntitySpan(28, 32, "Lyon", "location", "Lyon")
    odd: list[EntitySpan | Figure] = [
        # A text that is not its slice, a sentence found elsewhere, a subclass, a tuple.
        dataclasses.replace(entity, text="Paris", canonical=_Label("Lyon")),
        dataclasses.replace(entity, role=("a", "b")),  # type: ignore[arg-type]
        dataclasses.replace(figure, sentence="INTERPOL said so.", sentence_start=0),
        dataclasses.replace(figure, sentence="INTERPOL said so.", sentence_start=35),
        dataclasses.replace(figure, text=_Label("40"), counts=_Label("phones")),
    ]
    for span in odd:
        analysis = _holding(span)
        assert codec.encode(analysis, text) == _plain_encode(analysis, text), span
    unstorable: list[EntitySpan | Figure] = [
        dataclasses.replace(entity, role=object()),  # type: ignore[arg-type]
        dataclasses.replace(figure, low=frozenset({1})),  # type: ignore[arg-type]
    ]
    for bad in unstorable:
        analysis = _holding(bad)
        with pytest.raises(codec.CodecError):
            _plain_encode(analysis, text)
        with pytest.raises(codec.CodecError):
            codec.encode(analysis, text)


def test_figures_beside_each_entity_are_the_plain_ones(
    analysed: list[tuple[Document, DocumentAnalysis]],
) -> None:
    compared = 0
    for document, analysis in analysed:
        grouped: dict[tuple[str, str], list[EntitySpan]] = {}
        for entity in analysis.entities:
            grouped.setdefault((entity.type, entity.canonical.casefold()), []).append(entity)
        rows = {
            (row.type, row.canonical.casefold()): row
            for row in mention_rows(document.text, analysis)
        }
        assert rows.keys() == grouped.keys()
        for key, spans in grouped.items():
            plain = _plain_beside(analysis, spans)
            assert list(rows[key].figures) == plain, (document.id, key)
            assert list(figures_beside(analysis, spans)) == plain
            compared += bool(plain)
        only = next(iter(grouped), None)
        if only is not None:
            [row] = mention_rows(document.text, analysis, only)
            assert list(row.figures) == _plain_beside(analysis, grouped[only])
    assert compared > 20  # entities with figures beside them were compared


def test_figures_in_overlapping_and_unsorted_sentences() -> None:
    # Sentences as spans of any length, mentions in any order: the bisection must
    # find what the plain test finds, including a mention on a sentence's last
    # character and one just after it.
    text = "x" * 200
    figures = tuple(
        Figure(start, start + 1, "x", 1.0, None, None, "x", text[start : start + size], start)
        for start, size in ((0, 50), (10, 5), (40, 60), (49, 1), (120, 30), (150, 10))
    )
    analysis = DocumentAnalysis("a.txt", figures=figures)
    for starts in ((49,), (50,), (100, 12, 0), (149, 150), (199,), (), (14, 15, 160, 159)):
        mentions = [EntitySpan(s, s + 1, "x", "person", "X") for s in starts]
        assert list(figures_beside(analysis, mentions)) == _plain_beside(analysis, mentions), starts


def test_year_pattern_is_the_plain_lookbehind(
    analysed: list[tuple[Document, DocumentAnalysis]],
) -> None:
    plain = re.compile(r"(?<![\d/.,:-])(1[89]\d\d|20\d\d)(?![\d/]|,\d)")
    rng = random.Random(5)
    pieces = ["1999", "2021", "1850", "2100", "1799", "/", ".", ",", ":", "-", "a", " ", "0"]
    pieces += ["9", "19", "20", ",1", "\n", "x2019", "18", "’", "\u00a0"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(50_000)]
    texts += [document.text for document, _ in analysed]
    found = 0
    for text in texts:
        spans = [m.span(1) for m in plain.finditer(text)]
        found += len(spans)
        assert [m.span(1) for m in chronology._YEAR.finditer(text)] == spans, text
    assert found > 10_000


def _plain_encode_facts(release: ReleaseFacts) -> bytes:
    """The facts' stored form as first written: every field checked with isinstance."""
    sentences: dict[str, int] = {}

    def row(figure: Figure) -> list[Any]:
        values = [getattr(figure, name) for name in fact_rows.FIELDS]
        values[fact_rows._SENTENCE] = sentences.setdefault(figure.sentence, len(sentences))
        for name, value in zip(fact_rows.FIELDS, values, strict=True):
            if not isinstance(value, fact_rows._FIELD_TYPES[name]):
                raise TypeError(name)
        return values

    facts = [
        [row(f.figure), [row(r) for r in f.repeats], f.event, f.subject, f.complement]
        for f in release.facts
    ]
    data = {"s": list(sentences), "f": facts, "e": [list(e) for e in release.entities]}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 1)


def test_facts_rows_are_the_plain_rows(analysed: list[tuple[Document, DocumentAnalysis]]) -> None:
    for document, analysis in analysed:
        facts = release_facts(document.id, document.title, document.text, analysis)
        assert fact_rows.encode_facts(facts) == _plain_encode_facts(facts), document.id
    text = "Officers seized 40 phones in Lyon."
    figure = Figure(16, 18, "40", 40.0, None, None, "phones", text, 0)
    odd = [  # a bool is an int, a str subclass a str: both stored; a list is not
        dataclasses.replace(figure, value=True, counts=_Label("phones")),
        dataclasses.replace(figure, unit=["kg"]),  # type: ignore[arg-type]
    ]
    for one in odd:
        release = ReleaseFacts("a.txt", (Fact("a.txt", one),))
        try:
            plain: bytes | None = _plain_encode_facts(release)
        except TypeError:
            plain = None
        if plain is None:
            with pytest.raises(TypeError):
                fact_rows.encode_facts(release)
        else:
            assert fact_rows.encode_facts(release) == plain
