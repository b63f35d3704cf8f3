"""The parts of aggregation on text written for these tests: dates, phrases, grouping."""

from __future__ import annotations

from pathlib import Path

import pytest

from interpol_tui.analysis.aggregate import corpus_statistics
from interpol_tui.analysis.chronology import (
    ReleaseDate,
    SeriesPoint,
    infer_from_text,
    place_by_series,
    years_in_text,
)
from interpol_tui.analysis.frequencies import entity_frequencies
from interpol_tui.analysis.grouping import (
    facts_of,
    group_facts,
    lemma,
    phrase_key,
    phrase_similarity,
)
from interpol_tui.analysis.model import DocumentAnalysis, EntitySpan, Figure
from interpol_tui.corpus.model import Corpus, Document


def doc(doc_id: str, text: str, date: str | None = None) -> Document:
    return Document(doc_id, Path(doc_id), doc_id.upper(), date, None, text)


def figure(text: str, value: float, counts: str, sentence: str, **extra: object) -> Figure:
    at = sentence.index(text)
    fields: dict[str, object] = {"unit": None, "qualifier": None, "period": None, "kind": "count"}
    fields.update(extra)
    return Figure(
        start=at,
        end=at + len(text),
        text=text,
        value=value,
        counts=counts,
        sentence=sentence,
        sentence_start=0,
        **fields,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2023 alone, the bureaus exchanged 18 million messages.", [(2023, True)]),
        ("In 2017, officers conducted 4.5 billion searches.", [(2017, True)]),
        ("The office was opened in 2004, further strengthening ties.", [(2004, False)]),
        ("In 2030, we will have reached the goals.", [(2030, False)]),
        ("It supports the UN 2030 Agenda for Sustainable Development.", []),
        ("Crime must be halved by 2030.", []),
        ("Resolution 71/19 (2016) was reviewed; 1,2017 is not a year.", [(2016, False)]),
        ("INTERPOL joined in July 2015.", [(2015, False)]),
    ],
)
def test_years_in_text(text: str, expected: list[tuple[int, bool]]) -> None:
    assert [(year, done) for year, done, _, _ in years_in_text(text)] == expected


def test_a_stated_date_wins_and_a_completed_year_dates_the_release() -> None:
    assert infer_from_text(doc("a", "In 2019, x.", "2017-03-22")).label == "2017-03-22"
    inferred = infer_from_text(doc("b", "Founded in 1997. In 2023 alone, it grew."))
    assert (inferred.iso, inferred.method, inferred.label) == ("2024", "text", "~2024")
    assert inferred.evidence is not None and "In 2023 alone" in inferred.evidence
    assert infer_from_text(doc("c", "No years here.")).label == "undated"


def test_place_by_series_interpolates_only_in_a_steady_series() -> None:
    dates = {
        "a": ReleaseDate("a", "2010", "text"),
        "b": ReleaseDate("b", "2020", "stated"),
        "c": ReleaseDate("c", None),
        "d": ReleaseDate("d", "2015", "text"),
    }
    steady = [SeriesPoint("a", 100, "100 members"), SeriesPoint("b", 200, "200 members")]
    placed = place_by_series(dates, [[*steady, SeriesPoint("c", 175, "175 members")]])
    assert (placed["c"].iso, placed["c"].method) == ("2017", "figures")
    assert placed["c"].evidence == "175 members, between 100 members (~2010) and 200 members (2020)"
    zigzag = [*steady, SeriesPoint("d", 300, "300"), SeriesPoint("c", 150, "150")]
    assert place_by_series(dates, [zigzag])["c"].iso is None
    outside = [*steady, SeriesPoint("c", 250, "250")]
    assert place_by_series(dates, [outside])["c"].iso is None


def test_phrases_are_lemmatised_and_compared_fuzzily() -> None:
    assert lemma("countries") == "country"
    assert lemma("searches") == "search"
    assert lemma("access") == "access"
    assert phrase_key("the member countries") == "member country"
    assert phrase_similarity("member country", "member country") == 1.0
    assert phrase_similarity("member", "member country") >= 0.7
    assert phrase_similarity("foreign terrorist profile", "foreign terrorist profil") > 0.9
    assert phrase_similarity("asset seized", "criminal proceed recovered") < 0.5


def test_one_fact_stated_twice_in_a_release_is_folded() -> None:
    first = "Police across 195 countries work together."
    second = "Data comes from its 195 member countries."
    facts = facts_of(
        "x",
        [
            figure("195 countries", 195, "countries", first),
            figure("195 member countries", 195, "member countries", second),
            figure("195 countries", 196, "countries", first),
        ],
    )
    assert len(facts) == 2
    assert facts[0].figure.text == "195 member countries"
    assert [f.text for f in facts[0].repeats] == ["195 countries"]


def test_grouping_joins_near_phrases_and_keeps_kinds_units_and_magnitudes_apart() -> None:
    def held(text: str, value: float, counts: str, **extra: object) -> Figure:
        return figure(text, value, counts, f"The agency holds {text} in its files.", **extra)

    profiles = "foreign terrorist profiles"
    facts = [
        *facts_of("a", [held(f"40,000 {profiles}", 4e4, profiles)]),
        *facts_of("b", [held("41,000 foreign terrorist profile", 4.1e4, profiles[:-1])]),
        # Same words, but a thousand times more: not the same quantity.
        *facts_of("c", [held(f"40 million {profiles}", 4e7, profiles)]),
        # Same words, but money.
        *facts_of("d", [held(f"USD 40,000 {profiles}", 4e4, profiles, unit="USD")]),
    ]
    groups = sorted((sorted(f.doc_id for f in g) for g in group_facts(facts)), key=len)
    assert groups == [["c"], ["d"], ["a", "b"]]


def test_an_ambiguous_bare_phrase_needs_agreeing_context() -> None:
    # Release "b" counts "countries" twice (attendance and an operation), so the
    # word alone does not say which of them release "a"'s countries are.
    a = figure("60 countries", 60, "countries", "Data came from more than 60 countries.")
    b1 = figure("136 countries", 136, "countries", "Officials from 136 countries attended.")
    b2 = figure("34 countries", 34, "countries", "The raids spanned 34 countries.")
    facts = [*facts_of("a", [a]), *facts_of("b", [b1, b2])]
    assert all(len(g) == 1 for g in group_facts(facts))


def test_statistics_of_a_small_corpus_and_entity_frequencies() -> None:
    s1 = "The network connected 190 member countries."
    s2 = "In 2021, the network counted 194 member countries."
    corpus = Corpus((doc("one", s1, "2019-05-01"), doc("two", s2)))
    stock = EntitySpan(0, 3, "The", "person", "Jane Roe")
    unit = EntitySpan(4, 11, "network", "organization", "Network")
    members = "member countries"
    analyses = {
        "one": DocumentAnalysis(
            "one", (stock, unit), (figure("190 member countries", 190, members, s1),)
        ),
        "two": DocumentAnalysis(
            "two", (unit, unit), (figure("194 member countries", 194, members, s2),)
        ),
    }
    statistics = corpus_statistics(Corpus(corpus.documents), analyses)
    (quantity,) = statistics.quantities
    assert quantity.counts == "member countries"
    assert [o.date.label for o in quantity.occurrences] == ["2019-05-01", "~2022"]
    frequencies = entity_frequencies(analyses, ["one", "two"])
    assert [(e.canonical, e.releases, e.mentions) for e in frequencies] == [
        ("Network", 2, 3),
        ("Jane Roe", 1, 1),
    ]
    assert frequencies[0].doc_ids == ("one", "two")


def test_compact_values_keep_every_digit_and_abbreviate_words() -> None:
    from interpol_tui.analysis.model import Figure
    from interpol_tui.report.export import compact_value

    def figure(value: float, qualifier: str | None = None, unit: str | None = None) -> Figure:
        return Figure(0, 1, "x", value, unit, qualifier, "things", "x", 0)

    assert compact_value(figure(8e9, "nearly")) == "~8bn"
    assert compact_value(figure(4.5e9, "some")) == "~4.5bn"
    assert compact_value(figure(43000, "more than")) == ">43,000"
    assert compact_value(figure(60e6, unit="USD")) == "USD 60m"
    assert compact_value(figure(12, unit="%")) == "12%"
    assert compact_value(figure(5, "precisely")) == "precisely 5"
