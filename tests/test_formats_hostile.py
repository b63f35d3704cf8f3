"""A folder of hostile pages and records: every command and the app open it, nothing leaks.

Each file is bad in its own way (escape sequences as character references,
scripts, a broken JSON line, a CSV with a quoted newline, binary garbage);
each bad record is one warning naming its file and line, the good ones load,
and no control character reaches any output.
"""

from __future__ import annotations

import csv
import json
import random
import unicodedata
from pathlib import Path

import pytest
from textual.pilot import Pilot

from interpol_tui.cli import main
from interpol_tui.corpus.loader import load_corpus
from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.document_list import DocumentList

ESCAPES = "&#27;]52;c;ZXZpbA==&#7;&#x1b;]0;owned&#x07;&#27;[31m"
RAW_ESCAPES = "\x1b]52;c;ZXZpbA==\x07\x1b[2J\u202e"


def _hostile_folder(folder: Path) -> Path:
    folder.mkdir()
    (folder / "page.html").write_text(
        "<html><head><meta property='og:title' content='Divers "
        f"{ESCAPES}recover stolen statues'><script>alert('{ESCAPES}')</script>"
        "<style>p{color:red}</style></head><body><article>"
        f"<p>ATHENS, Greece – Police divers{ESCAPES} recovered 12 stolen statues from the "
        "harbour floor.</p><p>“It took three weeks,” said Captain Eleni Varga.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    (folder / "notes.md").write_text(
        f"---\ntitle: Museum thefts {RAW_ESCAPES}drop by a fifth\ndate: 2022-04-01\n---\n\n"
        f"**ROME, Italy** – Reported thefts from museums fell by 20 per cent{ESCAPES}.\n",
        encoding="utf-8",
    )
    lines = [
        json.dumps(
            {
                "title": f"Stolen icons found{RAW_ESCAPES} in a lorry",
                "date": "2021-01-05",
                "text": f"SOFIA, Bulgaria – Officers found 40 stolen icons{RAW_ESCAPES}.",
            }
        ),
        '{"title": "broken", "text": "cut',
        "\x9b31m\x1b[2J not json either",
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with (folder / "sheet.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["title", "date", "text"])
        writer.writerow(
            [
                "Customs find rare birds in suitcases",
                "2020-08-14",
                f"LISBON, Portugal – Customs found 26 rare birds.\n\nThey{RAW_ESCAPES} were freed.",
            ]
        )
        writer.writerow(["Too few fields", "2020-08-15"])
    rng = random.Random(15)
    garbage = bytes(rng.randrange(256) for _ in range(2048))
    for name in ("garbage.html", "garbage.jsonl", "garbage.csv", "garbage.json"):
        (folder / name).write_bytes(garbage)
    return folder


EXPECTED_WARNINGS = {
    "feed.jsonl: line 2": "not valid JSON",
    "feed.jsonl: line 3": "not valid JSON",
    "feed.jsonl#1": "terminal control characters removed",
    "notes.md": "terminal control characters removed",
    "page.html": "terminal control characters removed",
    "sheet.csv: line 5": "2 fields where the header has 3",
    "sheet.csv#1": "terminal control characters removed",
    "garbage.html": "binary file",
    "garbage.jsonl": "binary file",
    "garbage.csv": "binary file",
    "garbage.json": "binary file",
}


def _forbidden(text: str) -> list[str]:
    return [
        char
        for char in text
        if (unicodedata.category(char) in ("Cc", "Cs") and char not in "\n")
        or "\u202a" <= char <= "\u202e"
    ]


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return _hostile_folder(tmp_path / "hostile")


def test_each_bad_record_or_file_is_one_warning_and_the_rest_loads(hostile: Path) -> None:
    corpus = load_corpus([hostile])
    assert sorted(doc.id for doc in corpus.documents) == [
        "feed.jsonl#1",
        "notes.md",
        "page.html",
        "sheet.csv#1",
    ]
    assert len(corpus.warnings) == len(EXPECTED_WARNINGS), corpus.warnings
    for start, phrase in EXPECTED_WARNINGS.items():
        (warning,) = [w for w in corpus.warnings if w.startswith(start + ":")]
        assert phrase in warning
    for doc in corpus.documents:
        for value in (doc.title, doc.text, doc.dateline or ""):
            assert _forbidden(value) == [], (doc.id, value)
            for leftover in ("52;c", "owned", "[31m", "[2J", "alert"):
                assert leftover not in value, (doc.id, value)
    titles = {doc.id: doc.title for doc in corpus.documents}
    assert titles["page.html"] == "Divers recover stolen statues"
    assert titles["notes.md"] == "Museum thefts drop by a fifth"
    assert titles["feed.jsonl#1"] == "Stolen icons found in a lorry"


@pytest.mark.parametrize(
    "command",
    [
        ["docs"],
        ["entities"],
        ["figures"],
        ["quotes"],
        ["stats"],
        ["search", "stolen"],
        ["warnings"],
    ],
    ids=lambda command: command[0],
)
@pytest.mark.parametrize("as_json", [False, True], ids=["table", "json"])
def test_no_command_prints_a_control_character(
    capsys: pytest.CaptureFixture[str], hostile: Path, command: list[str], as_json: bool
) -> None:
    args = [*command, "--corpus", str(hostile), *(["--json"] if as_json else [])]
    assert main(args) == 0
    captured = capsys.readouterr()
    assert captured.out.strip()
    assert _forbidden(captured.out) == []
    assert _forbidden(captured.err) == []


async def test_the_app_opens_the_hostile_folder(hostile: Path) -> None:
    app = InterpolApp(corpus_paths=[hostile])
    async with app.run_test(size=(100, 30)) as pilot:
        await _loaded(pilot)
        rows = app.screen.query_one("#documents", DocumentList).rows
        assert len(rows) == 4
        for _ in rows:
            await pilot.press("j")
        await pilot.press("w")
        await pilot.pause()
        strips = app.screen._compositor.render_strips()
        screen = "\n".join("".join(segment.text for segment in strip) for strip in strips)
        assert "feed.jsonl: line 2" in screen
        assert _forbidden(screen) == []


async def _loaded(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
