"""Hostile text: control sequences never survive loading, and never reach any output."""

from __future__ import annotations

import dataclasses
import json
import tempfile
import unicodedata
from pathlib import Path

import pytest
from bad_corpus import HOSTILE, SIZE_LIMIT, build_bad_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interpol_tui.analysis.pipeline import analyse_document
from interpol_tui.cli import main
from interpol_tui.commands import COMMAND_MODULES
from interpol_tui.corpus.loader import SourceFile, load_corpus, load_source
from interpol_tui.corpus.model import Document
from interpol_tui.corpus.sanitize import strip_controls, visible_controls

BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def forbidden(text: str, *, newline_ok: bool = True) -> list[str]:
    """The characters of ``text`` a terminal could act on (or that hide text direction)."""
    return [
        char
        for char in text
        if (unicodedata.category(char) in ("Cc", "Cs") and not (newline_ok and char == "\n"))
        or char in BIDI
    ]


def assert_clean_document(doc: Document) -> None:
    assert forbidden(doc.text) == []
    for line in (doc.title, doc.dateline or "", doc.id, *doc.warnings):
        assert forbidden(line, newline_ok=False) == [], line


def assert_clean_analysis(doc: Document) -> None:
    analysis = analyse_document(doc)
    for group in dataclasses.fields(analysis):
        spans = getattr(analysis, group.name)
        if not isinstance(spans, tuple):
            continue
        for span in spans:
            for value in dataclasses.astuple(span):
                if isinstance(value, str):
                    assert forbidden(value) == [], (group.name, value)


# -- the sanitizer -------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a\x1b]52;c;aGk=\x07b", "ab"),  # OSC 52 clipboard write, BEL-terminated
        ("a\x1b]52;c;aGk=\x1b\\b", "ab"),  # ST-terminated
        ("a\x1b]0;title\x07b", "ab"),  # window title
        ("a\x1b[2J\x1b[31mb", "ab"),  # CSI
        ("a\x9b31mb", "ab"),  # 8-bit CSI
        ("a\x9d52;c;aGk=\x9cb", "ab"),  # 8-bit OSC
        ("a\x1bPdcs\x1b\\b", "ab"),  # DCS
        ("a\u202eb\u2066c\u2069", "abc"),  # bidi override and isolates
        ("a\x1b]0;unterminated\nnext line", "a\nnext line"),  # ends at the line
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("cr\r\nlf\rold mac", "cr\nlf\nold mac"),
        ("[bold]markup[/]", "[bold]markup[/]"),  # not ours to interpret
        ("lone\ud800surrogate", "lonesurrogate"),
    ],
)
def test_strip_controls(raw: str, clean: str) -> None:
    assert strip_controls(raw) == clean


def test_visible_controls_shows_what_a_name_holds() -> None:
    assert visible_controls("a\x1b[31m\u202e\udce9.txt") == "a\\x1b[31m\\u202e\\xe9.txt"
    assert visible_controls("plain café.txt") == "plain café.txt"


# -- properties ----------------------------------------------------------------

PIECES = st.sampled_from(
    [
        "\x1b",
        "\x1b]52;c;",
        "\x1b]0;",
        "\x07",
        "\x1b\\",
        "\x1b[",
        "31m",
        "\x9b",
        "\x9d",
        "\x9c",
        "\u202e",
        "\u2066",
        "\r",
        "\n",
        "\n\n",
        "\t",
        "\x00",
        "\x7f",
        "\x85",
        "[bold]",
        "[/]",
        "INTERPOL",
        "Jürgen Stock",
        "said",
        "“",
        "”",
        '"',
        "195",
        "member countries",
        "22 March 2017",
        "LYON, France –",
        " ",
        ".",
    ]
)
HOSTILE_TEXT = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=HOSTILE_TEXT, encoding=st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]))
def test_loading_and_analysis_never_raise_nor_emit_controls(text: str, encoding: str) -> None:
    data = text.encode(encoding, errors="replace")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "release.txt"
        path.write_bytes(data)
        result = load_source(SourceFile(Path(folder), path, "release.txt"))
    if isinstance(result, str):
        assert forbidden(result, newline_ok=False) == []
        return
    assert_clean_document(result)
    assert_clean_analysis(result)


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_never_raise_nor_emit_controls(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "release.txt"
        path.write_bytes(data)
        result = load_source(SourceFile(Path(folder), path, "release.txt"))
    if isinstance(result, str):
        assert forbidden(result, newline_ok=False) == []
    else:
        assert_clean_document(result)
        assert_clean_analysis(result)


# -- every CLI output ----------------------------------------------------------


@pytest.fixture
def hostile_corpus(seeds_dir: Path, tmp_path: Path) -> Path:
    folder = build_bad_corpus(seeds_dir, tmp_path / "bad")
    (folder / "huge.txt").unlink()  # keep the default size limit out of it
    # A hostile file name too.
    (folder / "name\x1b]0;pwned\x07.txt").write_text(HOSTILE, encoding="utf-8")
    return folder


def _argv(command: str, corpus: Path) -> list[str]:
    if command == "paths":
        return [command]
    query = {
        "search": ["INTERPOL"],
        "timeline": ["INTERPOL"],
        "compare": ["pwned", "001_"],  # the hostile file's name against a seed
    }.get(command, [])
    return [command, *query, "--corpus", str(corpus)]


@pytest.mark.parametrize("as_json", [False, True], ids=["table", "json"])
@pytest.mark.parametrize("command", COMMAND_MODULES)
def test_no_cli_output_carries_control_characters(
    hostile_corpus: Path, capsys: pytest.CaptureFixture[str], command: str, as_json: bool
) -> None:
    status = main([*_argv(command, hostile_corpus), *(["--json"] if as_json else [])])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert forbidden(captured.out) == []
    assert forbidden(captured.err) == []
    if as_json:
        json.loads(captured.out)


def test_markup_in_a_title_is_literal_in_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "m.txt").write_text("[bold red]Police[/] meet [link=x]here\n\nBody.\n")
    assert main(["docs", "--corpus", str(tmp_path / "c")]) == 0
    assert "[bold red]Police[/] meet [link=x]here" in capsys.readouterr().out


def test_the_hostile_release_loads_with_one_warning(hostile_corpus: Path) -> None:
    corpus = load_corpus([hostile_corpus], max_bytes=SIZE_LIMIT)
    doc = corpus.by_id("hostile.txt")
    assert doc is not None
    assert doc.title == "Hostile release title red"
    assert "[bold]markup[/]" in doc.text
    assert "override" in doc.text
    assert doc.warnings == ("hostile.txt: terminal control characters removed",)
    named = corpus.by_id("name\\x1b]0;pwned\\x07.txt")
    assert named is not None
    assert_clean_document(named)
