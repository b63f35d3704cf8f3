"""Markdown is read as Markdown: front matter, the first heading as title, no markup left."""

from __future__ import annotations

from pathlib import Path

import pytest

from interpol_tui.corpus.loader import load_corpus
from interpol_tui.corpus.model import Document


def _load(tmp_path: Path, source: str, name: str = "release.md") -> Document:
    folder = tmp_path / "md"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(source, encoding="utf-8")
    corpus = load_corpus([folder])
    (doc,) = corpus.documents
    return doc


def test_the_first_heading_is_the_title_and_no_markup_is_left(tmp_path: Path) -> None:
    doc = _load(
        tmp_path,
        "# Border police in **five** countries trade *best practice*\n\n"
        "__ACCRA, Ghana__ – Officers from [five countries](https://example.org/x) met "
        "on Tuesday. ![a photo](photo.jpg)\n"
        "They agreed on `shared` checks<br> at crossings.\n",
    )
    assert doc.title == "Border police in five countries trade best practice"
    assert doc.title_source == "heading"
    assert doc.dateline == "ACCRA, Ghana"
    assert doc.text == (
        "ACCRA, Ghana – Officers from five countries met on Tuesday. "
        "They agreed on shared checks at crossings."
    )
    for markup in ("#", "*", "__", "](", "![", "`", "<br>"):
        assert markup not in doc.text and markup not in doc.title


def test_front_matter_gives_title_and_date_over_the_heading(tmp_path: Path) -> None:
    doc = _load(
        tmp_path,
        "---\ntitle: 'Coast guards train on drone patrols'\ndate: 2021-09-07\n"
        "tags: [training]\n---\n\n# Drone patrol training\n\n"
        "**VALLETTA, Malta** — Coast guards from nine countries trained on drones.\n",
    )
    assert doc.title == "Coast guards train on drone patrols"
    assert doc.title_source == "front_matter"
    assert doc.date == "2021-09-07"
    # The heading that differs from the front matter's title is text, not dropped.
    assert doc.text.startswith("Drone patrol training\n\nVALLETTA, Malta — Coast guards")


def test_toml_front_matter_and_a_written_date(tmp_path: Path) -> None:
    doc = _load(
        tmp_path,
        '+++\ntitle = "Stolen car database reaches a new record"\n'
        'date = "12 January 2020"\n+++\n\n'
        "PARIS, France – Searches of the stolen car database rose by a third.\n",
    )
    assert doc.title == "Stolen car database reaches a new record"
    assert doc.date == "2020-01-12"
    assert doc.dateline == "PARIS, France"


def test_a_front_matter_date_that_is_no_date_is_a_warning(tmp_path: Path) -> None:
    doc = _load(
        tmp_path,
        "---\ntitle: Harbour checks find forged papers\ndate: soon\n---\n\n"
        "Port officers found 30 forged documents during checks.\n",
    )
    assert doc.date is None
    assert doc.warnings == ("release.md: front matter date 'soon' is not a date",)


def test_lists_headings_quotes_and_tables_become_paragraphs(tmp_path: Path) -> None:
    doc = _load(
        tmp_path,
        "# Results of the week-long checks\n\n"
        "MANILA, Philippines – The checks found:\n\n"
        "- 14 stolen passports\n- 3 wanted persons\n\n"
        "1. first day\n2. second day\n\n"
        "## What comes next\n\n"
        "> “We will go on,” said the commander.\n\n"
        "| country | arrests |\n|---|---|\n| Philippines | 12 |\n",
    )
    assert doc.text.split("\n\n") == [
        "MANILA, Philippines – The checks found:",
        "14 stolen passports",
        "3 wanted persons",
        "first day",
        "second day",
        "What comes next",
        "“We will go on,” said the commander.",
        "country | arrests",
        "Philippines | 12",
    ]


def test_without_a_leading_heading_the_cleaner_finds_the_title(tmp_path: Path) -> None:
    doc = _load(
        tmp_path,
        "Judges and prosecutors discuss evidence from abroad\n\n"
        "ROME, Italy – Judges met to discuss evidence gathered abroad.\n\n"
        "## Background\n\nThe network was set up in 2015.\n",
    )
    assert doc.title == "Judges and prosecutors discuss evidence from abroad"
    assert doc.title_source == "headline"
    assert "Background" in doc.text


def test_unclosed_front_matter_is_text(tmp_path: Path) -> None:
    doc = _load(tmp_path, "---\ntitle: never closed\n\nOfficers met in Lima to plan checks.\n")
    assert doc.date is None
    assert "Officers met in Lima" in doc.text


@pytest.mark.parametrize(
    "escape",
    ["&#27;[31m", "&#x1B;]0;owned&#7;", "&#x1b;]52;c;ZXZpbA==&#x07;", "\x1b[2J", "&#155;"],
)
def test_escape_sequences_written_as_references_are_stripped_whole(
    tmp_path: Path, escape: str
) -> None:
    doc = _load(
        tmp_path,
        f"# Safe {escape}title for a release\n\nLYON, France – Text {escape}here stays.\n",
    )
    for leftover in ("[31m", "]0;", "owned", "52;c", "[2J", "\x1b", "\x9b"):
        assert leftover not in doc.text and leftover not in doc.title
    assert "here stays." in doc.text
    if escape != "&#155;":  # that one is "›" in a browser, not a control
        assert doc.warnings == ("release.md: terminal control characters removed",)


def test_scripts_styles_and_comments_in_markdown_leave_no_words(tmp_path: Path) -> None:
    doc = _load(
        tmp_path,
        "# Dog units trained to find hidden cash\n\n"
        "<script>track('SCRIPT WORDS')</script>\n\n"
        "BERN, Switzerland – Twelve dog units <!-- COMMENT WORDS --> finished training.\n\n"
        "<style>p { color: red } /* STYLE WORDS */</style>\n",
    )
    assert doc.text == "BERN, Switzerland – Twelve dog units finished training."
