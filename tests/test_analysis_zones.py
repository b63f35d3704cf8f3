"""Headline and caption figures, ranges with both ends, elliptical counts, numbers in names.

Every sentence here was written for this test; each row fails when its rule is removed.
"""

from __future__ import annotations

import pytest

from interpol_tui.analysis.captions import caption_spans
from interpol_tui.analysis.pipeline import analyse_text, headline_figures


def _headline(title: str) -> list[tuple[str, float, str]]:
    return [(f.text, f.value, f.zone) for f in headline_figures(title)]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # Title Case: the capitalised word before the number is no name ("Seize 40").
        ("Customs Officers Seize 40 kg of Heroin at Port", [("40 kg", 40.0, "headline")]),
        (
            "Police Free 31 Workers, Detain 6 Recruiters in Joint Raid",
            [("31 Workers", 31.0, "headline"), ("6 Recruiters", 6.0, "headline")],
        ),
        # Sentence case and a currency: read as the body reads it.
        (
            "Police recover EUR 12 million from fake charities",
            [("EUR 12 million", 12e6, "headline")],
        ),
        # A numbered name stays a name in a Title Case headline.
        ("Operation Lionfish 4 Ends in Lagos", []),
    ],
)
def test_headline_figures(title: str, expected: list[tuple[str, float, str]]) -> None:
    assert _headline(title) == expected


def test_headline_offsets_point_into_the_title() -> None:
    title = "Rangers Rescue 14 Lions From Traffickers"
    analysis = analyse_text("x", "The body says nothing new.", title)
    assert analysis.figures == ()
    (figure,) = analysis.headline_figures
    assert title[figure.start : figure.end] == figure.text == "14 Lions"
    assert figure.sentence == title and figure.sentence_start == 0


def test_no_headline_given_no_headline_figures() -> None:
    assert analyse_text("x", "Officers seized 12 rifles.").headline_figures == ()


def test_caption_paragraphs() -> None:
    text = (
        "Officers seized 12 rifles in the raid.\n\n"
        "Two of the 12 rifles, pictured at the customs depot in Mombasa.\n\n"
        "Inspectors checked 300 containers.\n\n"
        "Inspectors checked 300 containers.\n\n"
        "The operation ran for a month and found 40 forged permits."
    )
    analysis = analyse_text("x", text)
    zones = [(f.text, f.zone) for f in analysis.figures]
    assert ("12 rifles", "body") in zones
    assert ("300 containers", "caption") in zones
    assert ("40 forged permits", "body") in zones
    assert len(caption_spans(text)) == 3  # the pictured line and both copies of the repeat


@pytest.mark.parametrize(
    ("text", "low", "value"),
    [
        ("Fines for each offence run between EUR 500 and EUR 2,500.", 500.0, 2500.0),
        ("Between 150 and 200 officers searched the forest.", 150.0, 200.0),
        ("The scheme cost victims between 3 and 4 million pounds.", 3e6, 4e6),
    ],
)
def test_ranges_keep_both_ends(text: str, low: float, value: float) -> None:
    (figure,) = analyse_text("x", text).figures
    assert (figure.low, figure.value, figure.qualifier) == (low, value, "between")


def test_a_single_figure_has_no_lower_end() -> None:
    (figure,) = analyse_text("x", "Officers seized 900 parrots.").figures
    assert figure.low is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Eight traffickers were charged in May. Five were jailed and three are at large.",
            [
                ("Eight traffickers", "traffickers"),
                ("Five", "traffickers"),
                ("three", "traffickers"),
            ],
        ),
        (
            "Agents stopped 60 lorries, including 14 loaded with stolen copper.",
            [("60 lorries", "lorries"), ("14", "lorries")],
        ),
        # Nothing counted before it: a bare number is still no figure.
        ("Of those, 7 were released.", []),
        # A year as subject is a date, never an elliptical count.
        ("Officers made 20 arrests. In 2021 was the first raid.", [("20 arrests", "arrests")]),
    ],
)
def test_elliptical_counts(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.text, f.counts) for f in analyse_text("x", text).figures] == expected


def test_a_number_inside_an_operation_name_is_no_figure() -> None:
    text = "Operation 40 Nights at Port ended with 12 arrests."
    assert [f.text for f in analyse_text("x", text).figures] == ["12 arrests"]
