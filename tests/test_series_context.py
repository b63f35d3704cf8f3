"""Series join figures only when they count the same thing in a like context (issue 11).

Sentences written for these tests: the same counted noun at different
meetings or operations (a tempting wrong join), and standing figures or
editions of one event that must still join.
"""

from __future__ import annotations

import pytest

from interpol_tui.analysis.grouping import Fact, facts_of, group_facts
from interpol_tui.analysis.model import Figure
from interpol_tui.analysis.series_context import (
    event_key,
    figure_complement,
    figure_event,
    figure_subject,
    like_events,
    like_subjects,
    named_events,
    release_event,
)


def figure(text: str, value: float, counts: str, sentence: str) -> Figure:
    at = sentence.index(text)
    return Figure(at, at + len(text), text, value, None, None, counts, sentence, 0)


def fact(doc_id: str, text: str, value: float, counts: str, sentence: str, title: str) -> Fact:
    (one,) = facts_of(
        doc_id, [figure(text, value, counts, sentence)], release_event(title, sentence)
    )
    return one


def joined(facts: list[Fact]) -> list[list[str]]:
    return sorted(sorted(f.doc_id for f in group) for group in group_facts(facts))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Operation Harbour Light II ended in May.", ["Operation Harbour Light II"]),
        (
            "Chiefs met at the European Regional Conference in Oslo.",
            ["European Regional Conference"],
        ),
        (
            "The annual Heads of Border Agencies (HBA) meeting opened.",
            ["Heads of Border Agencies (HBA) meeting"],
        ),
        ("Operation results were good and the meeting ended.", []),
    ],
)
def test_named_events(text: str, names: list[str]) -> None:
    assert named_events(text) == names


def test_editions_of_one_event_share_a_key() -> None:
    assert event_key("Operation Pangea XI") == event_key("Operation Pangea X")
    assert event_key("91st General Assembly") == event_key("General Assembly")
    assert event_key("Operation Harbour") != event_key("Operation Lighthouse")


def _event(counts: str, sentence: str, text: str, release: str | None) -> str | None:
    return figure_event(figure(text, 1, counts, sentence), sentence.index(text), release, "d")


def test_standing_and_bound_figures() -> None:
    standing = "The agency now counts 150 member states across four continents."
    assert _event("member states", standing, "150 member states", "x") is None
    bound = "Some 400 delegates will debate the budget."
    assert _event("delegates", bound, "400 delegates", "general assembly") == "general assembly"
    unnamed = "The operation ran in 12 countries."
    assert _event("countries", unnamed, "12 countries", None) == "doc:d"
    assert not like_events("doc:a", "doc:b")
    assert not like_events(None, "operation harbour")
    assert like_events("interpol general assembly", "general assembly")


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Customs seized 40 kg of heroin and 12 suspects were detained.", "12 suspects"),
        ("Police arrested 35 people in the capital.", "35 people"),
        ("Patrols ran for a month in a large regional port sweep across 9 ports.", "9 ports"),
        ("A new international border crackdown reached 8 countries.", "8 countries"),
    ],
)
def test_results_and_event_references_bind_to_the_release(sentence: str, text: str) -> None:
    assert _event("x", sentence, text, "operation harbour") == "operation harbour"


def test_a_yearly_total_is_standing_even_with_a_result_verb() -> None:
    sentence = "In 2021, officers arrested 5,100 suspects across the country."
    yearly = Figure(27, 40, "5,100 suspects", 5100, None, None, "suspects", sentence, 0, "2021")
    assert figure_event(yearly, 27, "operation harbour", "d") is None


@pytest.mark.parametrize(
    ("sentence", "text", "complement"),
    [
        ("They found 130 cases of waste dumping in ports.", "130 cases", "waste dumping"),
        ("Officers seized 2 tonnes of cocaine at sea.", "2 tonnes", "cocaine"),
        ("The unit handled 1,500 cases in 2012.", "1,500 cases", None),
        ("They met 30 heads of the agencies.", "30 heads", "agencies"),
    ],
)
def test_figure_complement(sentence: str, text: str, complement: str | None) -> None:
    assert figure_complement(sentence, sentence.index(text), len(text)) == complement


def test_cases_of_one_crime_do_not_join_cases_in_general() -> None:
    facts = [
        fact(
            "a", "1,200 cases", 1200, "cases", "The office opened 1,200 cases last year.", "Report"
        ),
        fact(
            "b",
            "900 cases",
            900,
            "cases",
            "The office opened 900 cases of migrant smuggling last year.",
            "Report",
        ),
    ]
    assert joined(facts) == [["a"], ["b"]]


def test_delegates_of_different_meetings_do_not_join() -> None:
    facts = [
        fact(
            "a",
            "some 650 delegates",
            650,
            "delegates",
            "Resolutions will be put to the some 650 delegates on Thursday.",
            "Ministers open the 90th General Assembly in Rome",
        ),
        fact(
            "b",
            "280 police officials",
            280,
            "delegates",
            "In all, 280 police officials from 120 countries attended the conference.",
            "Regional heads of police meet at the Americas Regional Conference",
        ),
    ]
    assert joined(facts) == [["a"], ["b"]]


def test_countries_of_different_operations_do_not_join() -> None:
    sentences = [
        ("a", "Operation Harbour covered 27 countries in West Africa.", "27 countries", 27),
        ("b", "Police in 11 countries took part in Operation Lighthouse.", "11 countries", 11),
        ("c", "Operation Sandstorm reached 14 countries over a month.", "14 countries", 14),
    ]
    facts = [fact(d, t, v, "countries", s, "Police results") for d, s, t, v in sentences]
    assert joined(facts) == [["a"], ["b"], ["c"]]


def test_countries_of_an_unnamed_operation_do_not_join_another_release() -> None:
    facts = [
        fact("a", "20 countries", 20, "countries", "The operation spanned 20 countries.", "Raids"),
        fact("b", "24 countries", 24, "countries", "The operation spanned 24 countries.", "Busts"),
    ]
    assert joined(facts) == [["a"], ["b"]]


def test_editions_of_one_operation_join() -> None:
    facts = [
        fact(
            "a",
            "90 countries",
            90,
            "countries",
            "Operation Pangea X involved police in 90 countries.",
            "Fake medicines seized",
        ),
        fact(
            "b",
            "110 countries",
            110,
            "countries",
            "Operation Pangea XI involved police in 110 countries.",
            "More fake medicines seized",
        ),
    ]
    assert joined(facts) == [["a", "b"]]


def test_standing_figures_join_whatever_the_release_is_about() -> None:
    facts = [
        fact(
            "a",
            "188 member countries",
            188,
            "member countries",
            "Its databases serve all 188 member countries.",
            "Chiefs meet at the European Regional Conference",
        ),
        fact(
            "b",
            "190 member countries",
            190,
            "member countries",
            "Officers in its 190 member countries can query them.",
            "Operation Harbour nets 300 arrests",
        ),
    ]
    assert joined(facts) == [["a", "b"]]


def test_large_groups_keep_events_apart_too() -> None:
    # More facts than PAIRWISE_LIMIT: grouped by exact phrase, and by event.
    facts = [
        fact(
            f"d{i}",
            "50 countries",
            50,
            "countries",
            f"Operation {'Harbour' if i % 2 else 'Lighthouse'} reached 50 countries.",
            "Results",
        )
        for i in range(200)
    ]
    groups = group_facts(facts)
    assert sorted(len(g) for g in groups) == [100, 100]
    assert all(len({f.event for f in g}) == 1 for g in groups)


@pytest.mark.parametrize(
    ("sentence", "text", "subject"),
    [
        ("The Union's 27 member states signed the pact.", "27 member states", None),
        ("The Andean Community’s 4 member states signed.", "4 member states", "andean community"),
        ("It links the 10 member states of ASEAN by radio.", "10 member states", "asean"),
        ("Its 196 member countries can query them.", "196 member countries", None),
        ("The Organization’s 195 member countries share data.", "195 member countries", None),
    ],
)
def test_figure_subject(sentence: str, text: str, subject: str | None) -> None:
    at = sentence.index(text)
    assert figure_subject(sentence, at, len(text)) == subject


def test_member_states_of_different_bodies_do_not_join() -> None:
    def states(doc_id: str, owner: str, value: int) -> Fact:
        text = f"{value} member states"
        sentence = f"Ministers of {owner} {text} adopted the maritime security plan."
        return fact(doc_id, text, value, "member states", sentence, "Ministers adopt a plan")

    named = [states("a", "the Pacific Alliance’s", 12), states("b", "the Andean Community’s", 15)]
    assert joined(named) == [["a"], ["b"]]
    # "its" names no owner: it joins a named one.
    assert joined([named[0], states("c", "its", 13)]) == [["a", "c"]]
    assert like_subjects(None, "andean community")
    assert not like_subjects("pacific alliance", "andean community")
