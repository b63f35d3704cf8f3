"""The cleaner on text written for these tests: glue, dates, headlines and furniture."""

from __future__ import annotations

import pytest

from interpol_tui.corpus.clean import clean_release
from interpol_tui.corpus.dates import date_line, parse_date
from interpol_tui.corpus.furniture import indentation, is_navigation
from interpol_tui.corpus.glue import repair_sentences, split_glued_headings
from interpol_tui.corpus.headline import (
    find_dateline,
    headline_from_sentence,
    reads_as_headline,
)

# -- glued sentences ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Officials from the U.S. and the U.K. met in Lyon.",
        "The U.S.-led coalition met.",
        "(U.S.) officers attended.",
        "Some 4.5 billion searches were made.",
        "Version 2.0 ships today.",
        "ISIS, also known as Da’esh, lost ground.",
        "Read it at https://www.interpol.int/News-and-Events/News.Today or later.",
        "See www.Interpol.Int/Notices for more.",
        "Write to press@Interpol.Int for details.",
        "Some drugs, e.g. Cocaine, were seized.",
        "Crimes, i.e. Fraud, rose.",
        "The meeting opened at 10:30 in Lyon.",
        "The ratio was 3:2 overall.",
        "Resolution 71/19 was endorsed.",
        "Mr Stock said so.",
        "It is done. The next step follows.",
    ],
)
def test_repair_leaves_correct_text_alone(text: str) -> None:
    assert repair_sentences(text) == text


@pytest.mark.parametrize(
    ("glued", "repaired"),
    [
        ("against terrorists.Addressing the", "against terrorists. Addressing the"),
        ("the end.”The next", "the end.” The next"),
        ("and Asia.“Whilst the", "and Asia. “Whilst the"),
        ("Is it?Yes it is!Then", "Is it? Yes it is! Then"),
        ("priorities:Counter the threat;Promote", "priorities: Counter the threat; Promote"),
        ("rose 40%.Officials", "rose 40%. Officials"),
        ("the meeting (Lyon).It was", "the meeting (Lyon). It was"),
        ("He left.I stayed.", "He left. I stayed."),
        ("Plan B.The next", "Plan B. The next"),
        ("wait...The rest", "wait... The rest"),
        ("The U.S. Department said.The rest", "The U.S. Department said. The rest"),
        ("seized 4.5 tonnes.Police said", "seized 4.5 tonnes. Police said"),
        ("known as Da’esh.The group", "known as Da’esh. The group"),
    ],
)
def test_repair_inserts_the_missing_space(glued: str, repaired: str) -> None:
    assert repair_sentences(glued) == repaired


def test_repair_keeps_urls_and_addresses_whole() -> None:
    text = "Visit https://www.interpol.int/en/News.Then write to media@interpol.int.Thanks"
    repaired = repair_sentences(text)
    assert "https://www.interpol.int/en/News" in repaired
    assert "media@interpol.int" in repaired


def test_repair_only_adds_spaces() -> None:
    text = "One.Two:three;Four. U.S. e.g. 4.5 Da’esh.Five?Six!Seven.”Eight"
    assert repair_sentences(text).replace(" ", "") == text.replace(" ", "")


def test_glued_heading_becomes_its_own_paragraph() -> None:
    paragraph = (
        "The report is out this year.Intercepting criminal proceedsIn the past "
        "10 months police recovered funds."
    )
    assert split_glued_headings(repair_sentences(paragraph)) == [
        "The report is out this year.",
        "Intercepting criminal proceeds",
        "In the past 10 months police recovered funds.",
    ]


def test_long_or_punctuated_run_is_not_a_heading() -> None:
    # More than ten words, or words with punctuation, are prose, not a heading.
    prose = "police in many countries across three continents worked hard all yearThe results"
    assert split_glued_headings(prose) == [prose]
    punctuated = "Police, customs and courts workedThe results"
    assert split_glued_headings(punctuated) == [punctuated]


# -- dates ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("22 March 2017", "2017-03-22"),
        ("March 22, 2017", "2017-03-22"),
        ("March 22 2017", "2017-03-22"),
        ("2017-03-22", "2017-03-22"),
        ("22nd March 2017", "2017-03-22"),
        ("1 Jan 2020", "2020-01-01"),
        ("Sept. 3, 2019", "2019-09-03"),
        ("29 February 2016", "2016-02-29"),
        ("22 MARCH 2017", "2017-03-22"),
        ("22/03/2017", "2017-03-22"),
        ("03/22/2017", "2017-03-22"),
        ("٢٢ March ٢٠١٧", "2017-03-22"),
    ],
)
def test_parse_date_formats(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "text",
    [
        "31 February 2017",
        "29 February 2017",
        "2017-13-01",
        "2017-02-30",
        "32 March 2017",
        "March 2017",
        "22 Mars 2017",
        "31/02/2017",
        "Resolution 71/19",
        "",
        "the 22 March meeting",
    ],
)
def test_invalid_or_partial_dates_are_none(text: str) -> None:
    assert parse_date(text) is None
    assert date_line(text) is None


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("22 March 2017", "2017-03-22"),
        ("Published: 22 March 2017", "2017-03-22"),
        ("Posted on March 22, 2017", "2017-03-22"),
        ("Wednesday, 22 March 2017", "2017-03-22"),
        ("  2017-03-22.  ", "2017-03-22"),
    ],
)
def test_date_line(line: str, iso: str) -> None:
    assert date_line(line) == iso


@pytest.mark.parametrize(
    "line",
    [
        "Addressing the 22 March 2017 meeting, he spoke.",
        "22 March 2017 was a busy day for the police in Lyon and elsewhere",
        "Friday",
    ],
)
def test_date_inside_a_sentence_is_not_a_date_line(line: str) -> None:
    assert date_line(line) is None


def test_release_date_comes_from_the_date_line() -> None:
    raw = "All news\n22 March 2017\n\nPolice meet in Lyon\n\nLYON, France – Police met."
    cleaned = clean_release(raw)
    assert cleaned.date == "2017-03-22"
    assert cleaned.title == "Police meet in Lyon"
    assert "22 March 2017" not in cleaned.text


def test_date_line_under_the_headline() -> None:
    cleaned = clean_release("Police meet in Lyon\nMarch 22, 2017\n\nPolice met on Monday.")
    assert cleaned.date == "2017-03-22"
    assert cleaned.title == "Police meet in Lyon"
    assert cleaned.text == "Police met on Monday."


def test_dates_in_the_body_do_not_date_the_release() -> None:
    raw = "Police meet in Lyon\n\nThe meeting on 22 March 2017 was long.\n\n23 March 2017\n"
    cleaned = clean_release(raw)
    assert cleaned.date is None
    assert "23 March 2017" in cleaned.text


def test_no_date_stated_is_none() -> None:
    assert clean_release("Police meet in Lyon\n\nIn 2017 police met.").date is None


# -- headlines and datelines ------------------------------------------------


def test_long_paragraph_never_becomes_the_title() -> None:
    paragraph = ("police from many countries met to discuss crime and cooperation " * 7).strip()
    assert len(paragraph) >= 400
    cleaned = clean_release(paragraph.capitalize() + "\n\nA second paragraph follows.")
    assert len(cleaned.title) <= 160
    assert cleaned.title != paragraph
    assert cleaned.title_source == "first_sentence"
    assert paragraph.capitalize() in cleaned.text


def test_long_line_without_spaces_is_cut() -> None:
    cleaned = clean_release("x" * 400)
    assert len(cleaned.title) <= 101
    assert cleaned.title.endswith("…")


def test_long_first_sentence_is_cut_at_a_clause() -> None:
    lede = (
        "LYON, France – Police chiefs from 120 countries have met in Lyon, the home of the "
        "organization's headquarters, to discuss new ways to share information on crime "
        "across borders and continents in the years ahead. More follows."
    )
    cleaned = clean_release(lede)
    assert cleaned.title == "Police chiefs from 120 countries have met in Lyon"
    assert cleaned.dateline == "LYON, France"


def test_headline_like_caption_is_preferred_over_the_lede() -> None:
    raw = (
        "LYON, France – Police chiefs have met in Lyon to discuss crime.\n"
        "        \n"
        "            Police chiefs listen to the opening speech in the main hall.\n"
        "            Police chiefs meet in Lyon\n"
        "                1 /\n"
        "                2\n"
        "More text of the article.\n"
    )
    cleaned = clean_release(raw)
    assert cleaned.title == "Police chiefs meet in Lyon"
    assert cleaned.title_source == "caption"
    assert "1 /" not in cleaned.text
    assert "Police chiefs listen" not in cleaned.text
    assert cleaned.captions == (
        "Police chiefs listen to the opening speech in the main hall.",
        "Police chiefs meet in Lyon",
    )


def test_empty_text_falls_back_to_the_given_title() -> None:
    cleaned = clean_release("\n\n   \n", fallback_title="release-17")
    assert cleaned.title == "release-17"
    assert cleaned.title_source == "filename"
    assert cleaned.text == ""


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Police chiefs meet in Lyon", True),
        ("INTERPOL reaffirms support to Global Coalition as international partner", True),
        ("Police met.", False),
        ("the meeting went on", False),
        ("Two words", False),
        ("LYON, France – Police met", False),
        ("word " * 30, False),
    ],
)
def test_reads_as_headline(line: str, expected: bool) -> None:
    assert reads_as_headline(line) is expected


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        ("NEW DELHI, India – Prime Minister Modi spoke.", "NEW DELHI, India"),
        ("WASHINGTON DC, USA – The head spoke.", "WASHINGTON DC, USA"),
        ("UNITED NATIONS, New York – The UN spoke.", "UNITED NATIONS, New York"),
        ("LYON, France (INTERPOL) – Police met.", "LYON, France"),
        ("SINGAPORE – Police met.", "SINGAPORE"),
        ("Police met in Lyon – and agreed.", None),
        ("In Lyon, France – police met.", None),
        ("The U.S. – a big country.", None),
    ],
)
def test_find_dateline(paragraph: str, dateline: str | None) -> None:
    assert find_dateline(paragraph)[0] == dateline


def test_headline_from_sentence_skips_the_dateline() -> None:
    assert headline_from_sentence("LYON, France – Police met in Lyon. More.") == (
        "Police met in Lyon"
    )


def test_title_keeps_untrusted_markup_as_text() -> None:
    cleaned = clean_release("Police [bold]meet[/] in Lyon\n\nBody [/] text.")
    assert cleaned.title == "Police [bold]meet[/] in Lyon"
    assert cleaned.text == "Body [/] text."


# -- furniture --------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Related posts",
        "Scroll to Top",
        "All news",
        "To read more INTERPOL news, click here.",
        "Click here to subscribe",
        "1 /",
        "1 / 3",
        "3",
        "Share this article",
        "Page 2 of 5",
        "Back to top »",
        "SHARE",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_navigation(line)


@pytest.mark.parametrize(
    "line",
    [
        "See the related posts on the left of the page for more on this.",
        "Police scroll to the top of the list of suspects.",
        "1,000 victims were rescued.",
        "2017",
        "Next year the meeting moves to Vienna.",
        "",
    ],
)
def test_article_lines_are_not_furniture(line: str) -> None:
    assert not is_navigation(line)


def test_furniture_is_removed_by_line_not_by_substring() -> None:
    raw = (
        "Police meet in Lyon\n\nSee the related posts below.\n\nRelated posts\n\n"
        "Scroll to Top\nShare\n"
    )
    cleaned = clean_release(raw)
    assert cleaned.text == "See the related posts below."
    assert cleaned.removed == ("Related posts", "Scroll to Top", "Share")


def test_blank_runs_and_trailing_spaces_are_dropped() -> None:
    raw = "Police meet in Lyon   \n\n\n\n\nFirst paragraph.   \n\n\n\nSecond paragraph.\t\n\n"
    cleaned = clean_release(raw)
    assert cleaned.text == "First paragraph.\n\nSecond paragraph."


def test_control_characters_are_stripped() -> None:
    cleaned = clean_release("Police meet in Lyon\n\nBody\x1b]52;c;aGVsbG8=\x07 text.")
    assert "\x1b" not in cleaned.text
    assert "\x07" not in cleaned.text


def test_indentation_counts_tabs_as_four() -> None:
    assert indentation("\t  x") == 6
    assert indentation("x") == 0


def test_datelines_with_accented_capitals_are_found() -> None:
    from interpol_tui.corpus.headline import find_dateline

    assert find_dateline("BOGOTÁ, Colombia – Police arrested")[0] == "BOGOTÁ, Colombia"
    assert find_dateline("SÃO PAULO, Brazil – A network")[0] == "SÃO PAULO, Brazil"
    assert find_dateline("Police in Bogotá – a sentence")[0] is None
