"""The plain browser start's short way through the arguments gives what the full parser gives."""

from __future__ import annotations

import pytest

from interpol_tui.cli import build_parser
from interpol_tui.commands.common import merge_corpus_options
from interpol_tui.commands.start_args import browser_args

PLAIN = [
    [],
    ["--corpus", "a"],
    ["--corpus=a", "--corpus", "b c"],
    ["--corp", "a"],  # an abbreviation, as argparse allows
    ["--no-cache", "--corpus", "a"],
    ["--follow-links"],
    ["--fields", "title=headline,text=body", "--corpus", "x.jsonl"],
    ["--corpus", "docs"],  # a command's name as a value is still a value
    ["--corpus", "-"],
]


@pytest.mark.parametrize("argv", PLAIN)
def test_a_plain_start_is_read_as_the_full_parser_reads_it(argv: list[str]) -> None:
    short = browser_args(argv)
    assert short is not None
    assert vars(short) == vars(merge_corpus_options(build_parser().parse_args(argv)))


NOT_PLAIN = [
    ["docs"],
    ["--corpus", "a", "stats", "--json"],
    ["-h"],
    ["--help"],
    ["--he"],
    ["--corpus"],  # no value: the full parser says so
    ["--corpus", ""],  # an empty path: the full parser's message
    ["--fields", "nonsense"],
    ["--bogus"],
    ["extra"],
]


@pytest.mark.parametrize("argv", NOT_PLAIN)
def test_anything_else_is_left_to_the_full_parser(argv: list[str]) -> None:
    assert browser_args(argv) is None


def test_version_is_answered_as_the_full_parser_answers_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as short:
        browser_args(["--version"])
    said = capsys.readouterr().out
    with pytest.raises(SystemExit) as full:
        build_parser().parse_args(["--version"])
    assert (short.value.code, said) == (full.value.code, capsys.readouterr().out)
    assert said.startswith("interpol-tui ")
