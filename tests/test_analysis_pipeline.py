"""``analyse_corpus``: one analysis per document, progress reports, cancellation."""

from __future__ import annotations

import pytest

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


def test_components_run_in_their_declared_priority_order() -> None:
    from interpol_tui.analysis.pipeline import COMPONENTS

    names = [c.name for c in COMPONENTS]
    # Dates and period phrases claim their numbers before figures read any.
    assert names.index("dates") < names.index("figures")
    assert names.index("periods") < names.index("figures") < names.index("proportions")
    assert names.index("entities") < names.index("quotes")


@pytest.mark.parametrize(
    ("text", "figures", "dates"),
    [
        # A number inside a date is the date's, never a figure.
        ("On 14 June 2022 officers seized 40 rifles.", ["40 rifles"], ["14 June 2022"]),
        ("Since May 2019, 12 suspects have been held.", ["12 suspects"], ["May 2019"]),
        # A number inside a counted period phrase is the period's.
        ("In the past 18 months, 300 victims were identified.", ["300 victims"], []),
        # A proportion beside a figure is its own; one inside a figure is the figure's.
        (
            "Some 250 officers, a third of them women, took part.",
            ["Some 250 officers", "a third"],
            [],
        ),
        ("Traffickers earned half a million euros.", ["half a million euros"], []),
    ],
)
def test_one_overlap_policy_earlier_components_claim_first(
    text: str, figures: list[str], dates: list[str]
) -> None:
    from interpol_tui.analysis.pipeline import analyse_text

    analysis = analyse_text("x", text)
    assert [f.text for f in analysis.figures] == figures
    assert [d.text for d in analysis.dates] == dates


def test_claims_answer_overlap_and_freedom() -> None:
    from interpol_tui.analysis.overlap import Claims

    claims = Claims(20)
    claims.claim(5, 9)
    assert claims.overlaps(8, 12) and claims.overlaps(0, 6)
    assert claims.free(9, 20) and claims.free(0, 5)
    assert not claims.overlaps(9, 9)
