# ruff: noqa: E501
"""Three synthetic releases of one invented alliance over five years, for the across-release views.

A Director-General quoted in each, a successor, an operation in two editions and a
member count that grows (40, 42, 45). Written for these tests; no real release text.
"""

from __future__ import annotations

from pathlib import Path

RELEASES: dict[str, str] = {
    "2019-harbour.txt": (
        "Harbour Watch alliance grows to 40 member states\n"
        "\n"
        "LISBON, Portugal – 14 May 2019\n"
        "\n"
        "The Harbour Watch alliance now counts 40 member states, its Director-General Mira Kallas announced on Tuesday at the annual meeting of the North Sea Customs Union.\n"
        "\n"
        "Operation Tidewater, which ran in 12 ports, led to 310 arrests and the seizure of 2.5 tonnes of cocaine.\n"
        "\n"
        "“Ports are where smugglers meet the law, and we intend to be there first,” said Director-General Kallas.\n"
        "\n"
        "“No single customs service can watch every container,” she added.\n"
    ),
    "2021-harbour.txt": (
        "Harbour Watch alliance widens cooperation on container fraud\n"
        "\n"
        "OSLO, Norway – 2 March 2021\n"
        "\n"
        "The Harbour Watch alliance, now 42 member states strong, has agreed a common system for flagging suspect containers.\n"
        "\n"
        "Speaking in Oslo, Director-General Mira Kallas said the North Sea Customs Union would share its risk data with the alliance.\n"
        "\n"
        "“Container fraud costs honest traders billions every year,” said Ms Kallas.\n"
        "\n"
        "A second edition of Operation Tidewater, across 15 ports, led to 420 arrests.\n"
    ),
    "2024-harbour.txt": (
        "New chief for the Harbour Watch alliance\n"
        "\n"
        "LISBON, Portugal – 9 October 2024\n"
        "\n"
        "The Harbour Watch alliance of 45 member states has appointed Tomas Berg as its Director-General.\n"
        "\n"
        "Former Director-General Mira Kallas welcomed the choice. “The alliance is in safe hands,” said Kallas.\n"
        "\n"
        "“Our first task is to bring terrorism financing through ports to light,” said Director-General Tomas Berg.\n"
    ),
}


def write_corpus(folder: Path) -> Path:
    """Write :data:`RELEASES` into ``folder``; return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in RELEASES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
