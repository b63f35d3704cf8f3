"""The cleaner on real page formats, in sentences written for these tests.

Each rule has two or three constructions of its own: date stamps with what
pages print beside the date, localised dates, section labels and mastheads
above the headline, and datelines that are not the first words.
"""

from __future__ import annotations

import pytest

from interpol_tui.corpus.clean import clean_release
from interpol_tui.corpus.furniture import is_navigation, is_section_label
from interpol_tui.corpus.headline import find_dateline, is_masthead, is_place_line
from interpol_tui.corpus.localdates import date_shaped, local_date
from interpol_tui.corpus.stamps import labelled_date, lede_date, read_stamp

BODY = (
    "Officers from nine countries took part in the action, which targeted networks "
    "smuggling stolen cars through three ports, the agency said on Friday."
)

# -- date stamps -------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "iso", "place"),
    [
        ("14 May 2019 - Press release", "2019-05-14", None),
        ("3 March 2021 | News", "2021-03-03", None),
        ("09 July 2014 – Media Release", "2014-07-09", None),
        ("19 October 2022, 9:15am", "2022-10-19", None),
        ("Oct 19, 2022 at 10:30 PM CET", "2022-10-19", None),
        ("Published Mar 4, 2020 08:00 AM by The Harbour Gazette", "2020-03-04", None),
        ("MAY 2, 2016 - By Coastal Wire", "2016-05-02", None),
        ("Vienna, 12 May 2015", "2015-05-12", "Vienna"),
        ("The Hague, 3 June 2019", "2019-06-03", "The Hague"),
        ("Geneva, Switzerland, 4 April 2016", "2016-04-04", "Geneva, Switzerland"),
        ("14/09/2015", "2015-09-14", None),
        ("Last updated: 2025/05/12", "2025-05-12", None),
        ("Press release | 12 May 2025", "2025-05-12", None),
        ("News release · 12 May 2025 · 3 min read", "2025-05-12", None),
        ("Tuesday, 23 September 2025 - 10:26 am", "2025-09-23", None),
        ("Mon, 12/05/2023 - 10:00", "2023-05-12", None),
        ("Thu 4 May 2023", "2023-05-04", None),
        ("12th of May 2023", "2023-05-12", None),
        ("Date of publication: 12 May 2023", "2023-05-12", None),
        ("Issued on 12 May 2023", "2023-05-12", None),
        ("Posted on 12/05/2023 by the web team", "2023-05-12", None),
        ("٤ أبريل ٢٠١٦", "2016-04-04", None),
    ],
)
def test_date_stamps(line: str, iso: str, place: str | None) -> None:
    stamp = read_stamp(line)
    assert stamp is not None
    assert (stamp.date, stamp.place) == (iso, place)


@pytest.mark.parametrize(
    "line",
    [
        "Police met in Lyon, 22 March 2017",
        "22 March 2017 was a busy day for the police in Lyon",
        "14 May 2019 - the ministers agreed a plan",
        "Resolution 71/19 was adopted",
        "Press Release",
    ],
)
def test_sentences_and_headlines_with_dates_are_not_stamps(line: str) -> None:
    assert read_stamp(line) is None


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("12 марта 2019", "2019-03-12"),
        ("12 mars 2019", "2019-03-12"),
        ("12 de marzo de 2019", "2019-03-12"),
        ("١٢ مارس، ٢٠١٩", "2019-03-12"),
        ("Dienstag, 12. März 2019", "2019-03-12"),
    ],
)
def test_localised_date_lines(line: str, iso: str) -> None:
    stamp = read_stamp(line)
    assert stamp is not None and stamp.date == iso


@pytest.mark.parametrize(
    "line", ["Press Release", "Zone 12 of sector 2017 and more words here", "Article 12"]
)
def test_lines_not_shaped_like_dates_never_reach_dateparser(line: str) -> None:
    assert not date_shaped(line)
    assert local_date(line) is None


def test_labelled_date_keeps_the_rest_of_the_line() -> None:
    assert labelled_date("Date: 2021-02-03 Officers from five units met.") == (
        "2021-02-03",
        "Officers from five units met.",
    )
    assert labelled_date("date 2021-02-03") == ("2021-02-03", "")
    assert labelled_date("Officers met on 2021-02-03.") is None


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "14 May 2011 - The agency announced a new network of liaison officers.",
            ("2011-05-14", None),
        ),
        ("Photo: Agency9 May 2011 – Officials from the region met.", ("2011-05-09", None)),
        (
            "PARIS (Daily Wire - 4th June, 2020) Police have arrested four men.",
            ("2020-06-04", None),
        ),
        (
            "Vienna, 12 May 2015 - The office said that police had arrested many.",
            ("2015-05-12", "Vienna"),
        ),
        (
            "GENEVA, 4 June 2016 (City Wire) - Ministers from six countries met to agree a plan.",
            ("2016-06-04", "GENEVA"),
        ),
        (
            "LAGOS, Nigeria, 2 May 2025 – Police in five states arrested dozens of suspects.",
            ("2025-05-02", "LAGOS, Nigeria"),
        ),
        ("Police met on 22 March 2017 – the first time in years.", None),
        ("The report of 3 May 2019 said little.", None),
    ],
)
def test_lede_date(paragraph: str, expected: tuple[str, str | None] | None) -> None:
    assert lede_date(paragraph) == expected


def test_place_before_a_lede_date_is_the_dateline() -> None:
    cleaned = clean_release(f"Customs close a smuggling route\n\nGeneva, 2 June 2016 – {BODY}")
    assert (cleaned.date, cleaned.dateline) == ("2016-06-02", "Geneva")


# -- furniture above the headline -------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Skip Ribbon Commands",
        "Skip navigation",
        "Navigate Up",
        "Sign In",
        "Press Release",
        "Media Release",
        "Press Release/News",
        "News and announcements",
        "For Immediate Release",
        "Latest news and media releases, videos and stories",
        "|Printable version",
        "City Police logo",
        "Agency logo at HQ Vienna",
        "8,512 views",
        "Disclaimer: this page was translated automatically and may contain errors.",
        "Home > News > Press releases",
        "News / Cybercrime / Europe",
        "Back to press releases",
        "You are here: Home / News",
        "SC/15589",
        "SG/SM/22222-CT/10",
        "We use cookies to improve your experience on our website.",
    ],
)
def test_page_furniture(line: str) -> None:
    assert is_navigation(line)


@pytest.mark.parametrize(
    "line",
    [
        "Police unveil a new logo for the border service",
        "Skip the queue: police launch online reporting",
        "News of the arrests spread quickly across the region.",
        "Press freedom groups welcome the ruling",
        "Police / customs / border guards raid ports in the north",
        "Customs, police and border guards/coast guards raid ports",
        "Officers seized cookies laced with cannabis at the border.",
    ],
)
def test_headlines_that_use_furniture_words_stay(line: str) -> None:
    assert not is_navigation(line)
    assert not is_section_label(line)


def test_counter_number_over_its_label_is_removed() -> None:
    raw = f"8512\nReads\n\nCoast guard seizes fishing boats in night raid\n\n{BODY}"
    cleaned = clean_release(raw)
    assert cleaned.title == "Coast guard seizes fishing boats in night raid"
    assert "8512" not in cleaned.text


@pytest.mark.parametrize(
    ("masthead", "headline", "expected"),
    [
        ("Metropolitan Police Service", "Officers seize 40 stolen bicycles in raid", True),
        ("Organised CrimeFraudNews", "Fraud ring broken up after two-year inquiry", True),
        ("Border Agency", "Police", False),
        ("Officers seize bicycles", "Officers seize 40 stolen bicycles in raid", False),
        ("Operation Harbour", "Published 3 May 2018", False),
    ],
)
def test_masthead(masthead: str, headline: str, expected: bool) -> None:
    assert is_masthead(masthead, headline) is expected


def test_masthead_and_labels_above_the_headline_are_not_the_title() -> None:
    raw = (
        "Regional Crime Agency\n|Printable version\n"
        "Four arrested in regional crime agency fraud inquiry\n" + BODY
    )
    cleaned = clean_release(raw)
    assert cleaned.title == "Four arrested in regional crime agency fraud inquiry"
    assert cleaned.text == BODY
    raw = (
        "Skip navigation\nCity Police logo\n\nNews Room\n\n"
        "Latest news and media releases, videos and stories\n"
        "3 March 2021, 2:05pm\nMedia Release\n\n"
        "Harbour patrols find 30 kg of cocaine in a container\n\n" + BODY
    )
    cleaned = clean_release(raw)
    assert cleaned.title == "Harbour patrols find 30 kg of cocaine in a container"
    assert cleaned.date == "2021-03-03"
    assert cleaned.text == BODY


def test_stamp_with_release_label_is_not_the_title() -> None:
    raw = f"All news\n14 May 2019 - Press release\n\nCustoms close a smuggling route\n\n{BODY}"
    cleaned = clean_release(raw)
    assert (cleaned.title, cleaned.date) == ("Customs close a smuggling route", "2019-05-14")


def test_short_headline_over_a_stamp() -> None:
    raw = f"Operation Harbour\n\nPublished Mar 4, 2020 08:00 AM by The Harbour Gazette\n\n{BODY}"
    cleaned = clean_release(raw)
    assert (cleaned.title, cleaned.date) == ("Operation Harbour", "2020-03-04")
    # The byline names the publisher: it stays in the text.
    assert cleaned.text.startswith("Published Mar 4, 2020")


def test_date_in_the_headline_dates_the_release() -> None:
    raw = f"Briefing for journalists, Vienna, 14/09/2015\n\nOn 14 September, {BODY}"
    assert clean_release(raw).date == "2015-09-14"
    raw = f"Ministers meet in Rome, 2 October 2018\n\n{BODY}"
    assert clean_release(raw).date == "2018-10-02"


def test_localised_date_under_the_headline() -> None:
    raw = f"Customs close a smuggling route\n\n١٢ مارس، ٢٠١٩\n\nLAGOS, Nigeria – {BODY}"
    cleaned = clean_release(raw)
    assert (cleaned.date, cleaned.dateline) == ("2019-03-12", "LAGOS, Nigeria")
    assert "٢٠١٩" not in cleaned.text


def test_date_line_after_a_repeated_headline_and_a_disclaimer() -> None:
    raw = (
        "Customs close a smuggling route!\n\n3 March 2021\n\nCustoms close a smuggling route!\n\n"
        "Vienna, 3 March 2021\n\nPress Release\n\n" + BODY
    )
    cleaned = clean_release(raw)
    assert (cleaned.date, cleaned.dateline) == ("2021-03-03", "Vienna")
    assert cleaned.text == "Vienna, 3 March 2021\n\n" + BODY
    raw = (
        "Annual report shows more cases\n\nDisclaimer: this page was translated "
        "automatically and may contain errors.\n\nThe Hague, 3 June 2019\n\n" + BODY
    )
    cleaned = clean_release(raw)
    assert (cleaned.date, cleaned.dateline) == ("2019-06-03", "The Hague")


def test_place_line_over_a_date_line_is_the_dateline() -> None:
    raw = f"Networks targeted in joint action\n\nGeneva, Switzerland\n4 April 2016\n\n{BODY}"
    cleaned = clean_release(raw)
    assert (cleaned.date, cleaned.dateline) == ("2016-04-04", "Geneva, Switzerland")
    assert is_place_line("The Hague, the Netherlands")
    assert not is_place_line("Officers seize bicycles")


def test_labelled_date_on_the_first_line() -> None:
    cleaned = clean_release(f" date 2021-02-03 {BODY}\nA second line of text follows here.")
    assert cleaned.date == "2021-02-03"
    assert cleaned.text.startswith("Officers from nine countries")


def test_body_dates_do_not_date_the_release_after_a_long_lede() -> None:
    raw = f"Customs close a smuggling route\n\n{BODY}\n\n14 May 2019 - Press release"
    assert clean_release(raw).date is None


# -- datelines ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        ("Brussels – The ministers agreed a plan.", "Brussels"),
        ("The Hague, the Netherlands – Police met.", "The Hague, the Netherlands"),
        ("Geneva, Switzerland – Delegates met.", "Geneva, Switzerland"),
        ("LAGOS, Nigeria: An operation across the region ended.", "LAGOS, Nigeria"),
        ("PARIS (Daily Wire - 4th June, 2020) Police have arrested four men.", "PARIS"),
        ("NOTE: The meeting was moved.", None),
        ("LONDON, May 3 (Daily Wire) - Police said four men were held.", "LONDON"),
        ("Police met in Lyon – and agreed.", None),
        ("Officers said – The plan works.", None),
    ],
)
def test_datelines_in_mixed_case_and_other_forms(paragraph: str, dateline: str | None) -> None:
    assert find_dateline(paragraph)[0] == dateline


def test_dateline_after_a_standfirst() -> None:
    raw = (
        "Stolen cars found in port checks\n\n2 May 2025\n"
        "More than 300 containers were inspected over two weeks\n\n"
        f"LAGOS, Nigeria – {BODY}"
    )
    cleaned = clean_release(raw)
    assert (cleaned.title, cleaned.date, cleaned.dateline) == (
        "Stolen cars found in port checks",
        "2025-05-02",
        "LAGOS, Nigeria",
    )


def test_dateline_after_a_summary_lede() -> None:
    raw = (
        "Four held in port raids\n\nPolice have held four men in raids on the port.\n\n"
        f"PARIS (Daily Wire - 4th June, 2020) {BODY}"
    )
    cleaned = clean_release(raw)
    assert (cleaned.date, cleaned.dateline) == ("2020-06-04", "PARIS")


def test_headline_followed_by_unwrapped_prose_without_a_blank_line() -> None:
    cleaned = clean_release(f"Customs close a smuggling route\n{BODY}\n{BODY}")
    assert cleaned.title == "Customs close a smuggling route"
    assert cleaned.title_source == "headline"


def test_hard_wrapped_first_line_is_not_a_headline() -> None:
    raw = "Officers from nine countries took part in the\naction, which targeted networks.\n"
    assert clean_release(raw).title_source == "first_sentence"


def test_english_pages_never_import_dateparser() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from interpol_tui.corpus.clean import clean_release\n"
        "clean_release('Police meet in Lyon\\n\\n22 March 2017\\n\\n'\n"
        "              'Vienna, 3 May 2018 - Police met in the city.')\n"
        "print('dateparser' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_hard_wrapped_text_is_joined_back_into_paragraphs() -> None:
    raw = (
        "Harbour patrols find cocaine in a container\n"
        "Officers of the Coastal Police and the Port\n"
        "Authority of the city have found 30 kg of cocaine in a\n"
        "container that arrived from overseas on Monday.\n"
        "The drugs were hidden behind crates of bananas and\n"
        "were found by a dog team during a routine check.\n"
        "Two men were held:\n"
        "- Arrest\n"
        "of two suspected couriers\n"
    )
    cleaned = clean_release(raw)
    assert cleaned.title == "Harbour patrols find cocaine in a container"
    assert cleaned.text.split("\n\n") == [
        "Officers of the Coastal Police and the Port Authority of the city have found 30 kg "
        "of cocaine in a container that arrived from overseas on Monday.",
        "The drugs were hidden behind crates of bananas and were found by a dog team during "
        "a routine check.",
        "Two men were held:",
        "- Arrest of two suspected couriers",
    ]


def test_text_with_long_lines_is_never_joined() -> None:
    raw = f"Customs close a smuggling route\n{BODY}\n{BODY}\nA line without an end\n{BODY}"
    assert clean_release(raw).text.count("\n\n") == 3


def test_a_long_lede_is_not_cut_inside_a_number() -> None:
    lede = (
        "Police in nine countries have arrested 60 people and recovered 11,049 stolen "
        "artefacts during a month of checks at ports, airports and auction houses across "
        "the region. More follows."
    )
    assert clean_release(lede).title == (
        "Police in nine countries have arrested 60 people and recovered 11,049 stolen artefacts "
        "during a month of checks at ports"
    )
