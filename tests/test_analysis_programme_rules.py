"""Programmes and operations named in less usual ways.

Every sentence here was written for this test; each row fails when its rule is removed.
"""

from __future__ import annotations

import pytest

from interpol_tui.analysis.pipeline import analyse_text


def _typed(text: str) -> list[tuple[str, str]]:
    return [(e.type, e.text) for e in analyse_text("x", text).entities]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name described as a system, tool, platform or database after a comma.
        (
            "Customs officers used Seahawk, the agency’s secure messaging system, to share leads.",
            [("operation", "Seahawk")],
        ),
        (
            "Analysts queried Driftnet, the shared vessel database, every night.",
            [("operation", "Driftnet")],
        ),
        # "X and other tools": X is one of them.
        (
            "Border guards checked Argus Scanner and other tools at the crossing.",
            [("operation", "Argus Scanner")],
        ),
        # "a new programme to ...": a programme described after a comma.
        (
            "Delegates backed Lumen, a new programme to modernise data exchange.",
            [("operation", "Lumen")],
        ),
        # "a project manager": the noun is no head when another noun follows it.
        ("Police thanked Joanna Kim, a project manager at the bureau.", []),
        # A person described after a comma is no system.
        (
            "“It works,” said Anna Berg, the project’s lead analyst, in Lyon.",
            [("person", "Anna Berg"), ("location", "Lyon")],
        ),
        # A name whose head is "Capability" (a system) is a programme, with its acronym.
        (
            "Ministers launched the Rapid Alert Capability for Stolen Art (RACSA) in May.",
            [("operation", "Rapid Alert Capability for Stolen Art"), ("operation", "RACSA")],
        ),
        # A codename and its year keep a long name's "Operation".
        (
            "Operation Safe Harbour Seas 2025 ended with 40 arrests.",
            [("operation", "Operation Safe Harbour Seas 2025")],
        ),
        # "Operation" as the head of a name.
        (
            "The Redline Operation, named after a map, began in 2019.",
            [("operation", "Redline Operation")],
        ),
    ],
)
def test_programmes(text: str, expected: list[tuple[str, str]]) -> None:
    assert _typed(text) == expected
