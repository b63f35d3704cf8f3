"""Cross-release aggregation against the gold annotation's ``cross_document`` section.

The figures here are built from the gold annotation (its wording and counted
phrases), located in our clean text, so these tests check the grouping,
ordering and dating logic on its own; test_aggregate_pipeline.py checks the
same on what our own analysis finds.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from interpol_tui.analysis.aggregate import Quantity, Statistics, corpus_statistics, format_value
from interpol_tui.analysis.model import DocumentAnalysis, Figure
from interpol_tui.corpus.loader import load_corpus
from interpol_tui.corpus.model import Corpus

KINDS = {"rate": "rate", "multiplier": "factor", "duration": "duration"}


def _sentence(text: str, at: int) -> tuple[int, str]:
    starts = [m.end() for m in re.finditer(r"[.!?][”’\"]?\s+|\n", text[:at])]
    start = starts[-1] if starts else 0
    end_match = re.search(r"[.!?][”’\"]?(?=\s)|\n", text[at:])
    end = at + end_match.end() if end_match else len(text)
    return start, text[start:end]


def gold_analyses(gold: dict[str, Any], corpus: Corpus) -> dict[str, DocumentAnalysis]:
    """DocumentAnalysis objects holding the gold figures, located in the clean text."""
    analyses = {}
    for entry in gold["documents"]:
        doc = corpus.by_id(entry["file"])
        assert doc is not None
        figures = []
        for item in entry["figures"]:
            start = doc.text.find(item["text"])
            assert start >= 0, item["text"]
            sentence_start, sentence = _sentence(doc.text, start)
            figures.append(
                Figure(
                    start=start,
                    end=start + len(item["text"]),
                    text=item["text"],
                    value=float(item["value"]),
                    unit=item["unit"],
                    qualifier=item["qualifier"],
                    counts=item["counts"],
                    sentence=sentence,
                    sentence_start=sentence_start,
                    period=item["period"],
                    kind=KINDS.get(item.get("kind", "count"), "count"),
                )
            )
        analyses[doc.id] = DocumentAnalysis(doc.id, figures=tuple(figures))
    return analyses


@pytest.fixture(scope="module")
def seeds(seeds_dir: Any) -> Corpus:
    return load_corpus([seeds_dir])


@pytest.fixture(scope="module")
def statistics(gold: dict[str, Any], seeds: Corpus) -> Statistics:
    return corpus_statistics(seeds, gold_analyses(gold, seeds))


def _holding(statistics: Statistics, doc_id: str, text: str) -> Quantity:
    for quantity in statistics.quantities:
        for occurrence in quantity.occurrences:
            figures = (occurrence.figure, *occurrence.repeats)
            if occurrence.doc_id == doc_id and any(f.text == text for f in figures):
                return quantity
    raise AssertionError(f"no quantity holds {text!r} of {doc_id}")


def _gold_groups(gold: dict[str, Any], same_metric: bool) -> list[tuple[str, list[Any]]]:
    """The gold's groups; one metric counted at different events is no series (issue 11)."""
    groups = gold["cross_document"]["figures_by_counts"].items()
    return [
        (name, g["occurrences"])
        for name, g in groups
        if (g["same_metric"] and not _different_events(g)) is same_metric
    ]


def _different_events(group: dict[str, Any]) -> bool:
    return "different events" in group.get("note", "")


def test_every_same_metric_group_of_the_gold_is_one_quantity(
    gold: dict[str, Any], statistics: Statistics
) -> None:
    for name, occurrences in _gold_groups(gold, True):
        # The gold puts the per-second rate next to the yearly totals but says
        # to show it separately; it is a different kind of figure.
        counted = [o for o in occurrences if not o["counts"].endswith("per second")]
        quantities = {_holding(statistics, o["file"], o["text"]).index for o in counted}
        assert len(quantities) == 1, name
        quantity = _holding(statistics, counted[0]["file"], counted[0]["text"])
        assert quantity.releases == len({o["file"] for o in counted}), name


def test_figures_measuring_different_things_stay_apart(
    gold: dict[str, Any], statistics: Statistics
) -> None:
    for name, occurrences in _gold_groups(gold, False):
        quantities = [_holding(statistics, o["file"], o["text"]) for o in occurrences]
        assert len({q.index for q in quantities}) == len(quantities), name
    rate = _holding(statistics, "004_4c617bd0e601aa67.txt", "over 250 searches every second")
    assert not rate.recurring


def test_the_same_noun_at_different_events_is_no_series(
    gold: dict[str, Any], statistics: Statistics
) -> None:
    groups = gold["cross_document"]["figures_by_counts"]
    apart = [name for name, group in groups.items() if _different_events(group)]
    assert sorted(apart) == ["countries attending", "delegates"]
    for name in apart:
        for occurrence in groups[name]["occurrences"]:
            quantity = _holding(statistics, occurrence["file"], occurrence["text"])
            assert not quantity.recurring, name
            assert quantity.trend is None


def test_member_countries_rise_in_release_order_with_inferred_dates(
    statistics: Statistics,
) -> None:
    quantity = _holding(statistics, "001_fdf3ecd901da1a00.txt", "192 member countries")
    assert [o.doc_id[:3] for o in quantity.occurrences] == ["001", "003", "004"]
    assert [o.figure.value for o in quantity.occurrences] == [192, 195, 196]
    assert quantity.trend == "rising"
    assert [c.absolute if c else None for c in quantity.changes] == [None, 3, 1]
    # 003 states 195 twice (a quotation and the body): one fact, counted once.
    (middle,) = [o for o in quantity.occurrences if o.doc_id.startswith("003")]
    assert len(middle.repeats) == 1
    assert all(o.date.inferred for o in quantity.occurrences)


def test_database_searches_from_2017_to_2023(statistics: Statistics) -> None:
    quantity = _holding(statistics, "004_4c617bd0e601aa67.txt", "nearly eight billion times")
    assert [(o.when, o.figure.value) for o in quantity.occurrences] == [
        ("2017", 4.5e9),
        ("2023", 8e9),
    ]
    change = quantity.changes[1]
    assert change is not None and change.approximate
    assert change.relative == pytest.approx(0.78, abs=0.01)
    assert change.label == "≈+3.5 billion (+78%)"


def test_release_dates_agree_with_the_gold_chronology(
    gold: dict[str, Any], statistics: Statistics
) -> None:
    for entry in gold["cross_document"]["chronology"]:
        date = statistics.dates[entry["file"]]
        assert date.inferred is (not entry["stated"])
        assert date.year is not None
        # Text evidence gives the earliest year the release can be from.
        assert date.year <= int(entry["date"][:4]), entry["file"]
    years = {doc[:3]: d.year for doc, d in statistics.dates.items()}
    assert years == {"000": 2016, "001": 2018, "002": 2017, "003": 2022, "004": 2024}
    assert statistics.dates["003_876d9fa6a16443df.txt"].method == "figures"
    assert statistics.dates["002_c1b84d1ab1064721.txt"].label == "2017-03-22"


def test_recurring_quantities_come_first(statistics: Statistics) -> None:
    flags = [q.recurring for q in statistics.quantities]
    assert flags == sorted(flags, reverse=True)
    # member countries, database searches, foreign terrorist profiles; not the
    # delegates or countries attending of two different meetings.
    assert sum(flags) == 3
    assert len(statistics.quantities) > 15  # standalone figures are listed too


@pytest.mark.parametrize(
    ("value", "text"),
    [(192, "192"), (43000, "43,000"), (4.5e9, "4.5 billion"), (6e7, "60 million"), (0.25, "0.25")],
)
def test_format_value(value: float, text: str) -> None:
    assert format_value(value) == text
