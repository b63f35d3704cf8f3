"""``analyse_corpus``: one analysis per document, progress reports, cancellation."""

from __future__ import annotations

from interpol_tui.analysis.pipeline import analyse_corpus, analyse_document
from interpol_tui.corpus.loader import load_corpus
from interpol_tui.corpus.seeds import bundled_seeds


def test_every_document_analysed_with_progress() -> None:
    corpus = load_corpus([bundled_seeds()])
    seen: list[tuple[int, int]] = []
    results = analyse_corpus(corpus, progress=lambda done, total: seen.append((done, total)))
    assert list(results) == [doc.id for doc in corpus.documents]
    assert seen == [(i, 5) for i in range(1, 6)]
    first = corpus.documents[0]
    assert results[first.id] == analyse_document(first)
    assert results[first.id].doc_id == first.id


def test_cancelled_stops_between_documents() -> None:
    corpus = load_corpus([bundled_seeds()])
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls > 2

    results = analyse_corpus(corpus, cancelled=cancelled)
    assert list(results) == [doc.id for doc in corpus.documents[:2]]


def test_spans_are_sorted_and_point_into_the_text() -> None:
    for doc in load_corpus([bundled_seeds()]).documents:
        analysis = analyse_document(doc)
        for spans in (analysis.entities, analysis.figures, analysis.quotes, analysis.dates):
            assert [s.start for s in spans] == sorted(s.start for s in spans)
            assert all(doc.text[s.start : s.end] == s.text for s in spans)
