"""People set off by commas and described, companies and platforms, sections and labs.

Every sentence here was written for this test; each row fails when its rule is removed.
"""

from __future__ import annotations

import pytest

from interpol_tui.analysis.pipeline import analyse_text


def _named(text: str, kind: str) -> list[str]:
    return [e.text for e in analyse_text("x", text).entities if e.type == kind]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ringleader, Oskar Lindqvist, was arrested at the airport.", ["Oskar Lindqvist"]),
        ("Officers traced the courier, Mei Takahashi, based in Osaka.", ["Mei Takahashi"]),
        (
            "The extradition of Tomasz Wronski, wanted for armed robbery, followed.",
            ["Tomasz Wronski"],
        ),
        ("A fourth suspect, Abebe Girma, aged 52, remains at large.", ["Abebe Girma"]),
        # A place set off by commas is still a place.
        ("In the capital, Port Louis, was the meeting.", []),
    ],
)
def test_a_described_name_is_a_person(text: str, expected: list[str]) -> None:
    assert _named(text, "person") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The scam pages were reported to PayPal and Mastercard within a day.",
            ["PayPal", "Mastercard"],
        ),
        ("Follow the campaign on Instagram and YouTube.", ["Instagram", "YouTube"]),
        ("Analysts at the Forensic Imaging Lab matched the prints.", ["Forensic Imaging Lab"]),
        (
            "The Asset Tracing Section of the ministry froze the accounts.",
            ["Asset Tracing Section"],
        ),
    ],
)
def test_companies_platforms_sections_and_labs(text: str, expected: list[str]) -> None:
    assert _named(text, "organization") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Experts of the 1988 Committee briefed the 1988 Monitoring Team.",
            ["1988 Committee", "1988 Monitoring Team"],
        ),
        ("The 2231 Group of Experts will report in June.", ["2231 Group of Experts"]),
        # A head noun alone is no body: "the Police" after "Kenya Police Service".
        ("The Kenya Police Service said the Police would act.", ["Kenya Police Service"]),
    ],
)
def test_numbered_bodies_and_bare_heads(text: str, expected: list[str]) -> None:
    assert _named(text, "organization") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MARCH 3, 2021 - By Baltic Review\n\nPolice made arrests.", ["Baltic Review"]),
        (
            "Published Jan 3, 2019 9:00 AM by The Harbour Executive\n\nText.",
            ["The Harbour Executive"],
        ),
        (
            "(Nordic Daily News / Reuters - 3rd June, 2020) Police made arrests.",
            ["Nordic Daily News", "Reuters"],
        ),
        # A byline naming a person is no outlet.
        ("By Jane Smith\n\nPolice made arrests.", []),
    ],
)
def test_news_outlets_in_bylines_and_credits(text: str, expected: list[str]) -> None:
    assert _named(text, "organization") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A crime area defined in brackets is no body, nor is its acronym.
        ("Fakes breach Intellectual Property Rights (IPR) law. IPR crime grows.", []),
        # With a body's head, the same words name a unit.
        (
            "The Organized Crime Unit (OCU) said so. The OCU acted.",
            ["Organized Crime Unit", "OCU", "OCU"],
        ),
    ],
)
def test_crime_areas_defined_in_brackets(text: str, expected: list[str]) -> None:
    assert _named(text, "organization") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Help came from companies including Stripeline, Vantor Pay and Qubit Labs.",
            ["Stripeline", "Vantor Pay", "Qubit Labs"],
        ),
        (
            "The takedown was aided by the cybersecurity firm Nordsec Analytics.",
            ["Nordsec Analytics"],
        ),
        ("Tech firms such as Orbix and Kelvo joined the task force.", ["Orbix", "Kelvo"]),
    ],
)
def test_companies_named_as_such(text: str, expected: list[str]) -> None:
    assert _named(text, "organization") == expected
