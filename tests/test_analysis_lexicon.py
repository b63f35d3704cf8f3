"""The shared word lists: each defined once, and every reader of a list sees all of it."""

from __future__ import annotations

import pytest

from interpol_tui.analysis.classify import is_name_like
from interpol_tui.analysis.dates import find_dates
from interpol_tui.analysis.names import HONORIFICS, NAME_PARTICLES, TITLES
from interpol_tui.analysis.sentences import SentenceIndex
from interpol_tui.analysis.tokens import tokenize


@pytest.mark.parametrize(
    "name",
    [
        "Paolo di Stefano",  # "di", "della" and "ibn" were missing from one copy of the list
        "Maria della Rovere",
        "Khalid ibn Saud",
        "Ali bin Hassan",
        "Louis XIII",  # every roman numeral of the one list, not only II-IV
        "Pius VIII",
    ],
)
def test_name_particles_and_numerals_are_read_from_the_one_list(name: str) -> None:
    assert is_name_like(name.split(" "))


def test_a_lower_case_word_that_is_no_particle_still_ends_a_name() -> None:
    assert not is_name_like(["Paolo", "said", "Stefano"])
    assert not is_name_like(["The", "UNODC"])


def test_every_honorific_is_a_title_and_takes_its_point() -> None:
    assert all((word,) in TITLES for word in HONORIFICS)
    words = [t.text for t in tokenize("Mrs. Okafor and Prof. Lindqvist spoke.")]
    assert words[:4] == ["Mrs.", "Okafor", "and", "Prof."]
    assert {"de", "di", "della", "ibn", "bin", "van"} <= NAME_PARTICLES


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # Month abbreviations and honorifics come from the shared lists: no sentence ends there.
        ("The meeting on 4 Sept. 2023 was chaired by Dr. Osei. It ended early.", 2),
        ("Prof. Haddad opened it. Mr. Lund closed it.", 2),
    ],
)
def test_abbreviations_from_the_shared_lists_end_no_sentence(text: str, sentences: int) -> None:
    assert len(SentenceIndex(text).sentences) == sentences


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Officers met on Tuesday, 3 October 2023 in Lyon.", "2023-10-03"),
        ("The operation ran in March and ended in Sept 2021.", "2021-09"),
    ],
)
def test_dates_use_the_shared_month_and_weekday_names(text: str, iso: str) -> None:
    assert iso in [d.iso for d in find_dates(text)]
