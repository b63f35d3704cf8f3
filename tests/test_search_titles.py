"""Quick-open ranking: exact > prefix > every word > fuzzy; typos still find their release."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interpol_tui.corpus.loader import load_corpus
from interpol_tui.search import bitset
from interpol_tui.search.fold import fold, fold_with_map
from interpol_tui.search.titles import TitleIndex, allowed_edits, matched_positions

ROOT = Path(__file__).resolve().parent.parent


def _synthetic() -> ModuleType:
    """benchmarks/synthetic.py (not a package: loaded by path)."""
    if "synthetic" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "synthetic", ROOT / "benchmarks" / "synthetic.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["synthetic"] = module
        spec.loader.exec_module(module)
    return sys.modules["synthetic"]


@pytest.fixture(scope="module")
def seeds_index(seeds_dir: Path) -> TitleIndex:
    return TitleIndex.from_documents(load_corpus([seeds_dir]).documents)


@pytest.fixture(scope="module")
def crowded_index(seeds_dir: Path) -> TitleIndex:
    """The seeds among 3,000 synthetic titles (many of them about global coalitions)."""
    synthetic = _synthetic()
    entries = [(f"syn-{i}", synthetic.synthetic_title(i), None) for i in range(3000)]
    entries += [(d.id, d.title, d.date) for d in load_corpus([seeds_dir]).documents]
    return TitleIndex(entries)


GLOBAL_COALITION = "002_c1b84d1ab1064721.txt"


def _ids(index: TitleIndex, query: str, limit: int = 20) -> list[str]:
    return [m.doc_id for m in index.search(query, limit)]


def test_typo_query_finds_the_global_coalition_release_first(seeds_index: TitleIndex) -> None:
    matches = seeds_index.search("glbal coaliton")
    assert matches[0].doc_id == GLOBAL_COALITION
    assert matches[0].date == "2017-03-22"


def test_typo_query_finds_it_in_the_top_three_among_thousands(crowded_index: TitleIndex) -> None:
    assert GLOBAL_COALITION in _ids(crowded_index, "glbal coaliton reafirms", 3)
    assert GLOBAL_COALITION in _ids(crowded_index, "reafirms suport globl coaliton internatonal", 3)
    assert GLOBAL_COALITION in _ids(crowded_index, "interpol reaffirms support to global", 3)


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("oepration thundr", "Operation Thunder"),  # swapped and dropped letters
        ("mony laundring", "Money laundering"),
        ("jurgen stock", "Jürgen Stock"),  # accents folded
        ("JÜRGEN", "Jürgen Stock"),
        ("strasse", "Straße"),
    ],
)
def test_typos_case_and_accents(query: str, title: str) -> None:
    index = TitleIndex(
        [("a", title, None), ("b", "Something else entirely", None), ("c", "Operators", None)]
    )
    assert _ids(index, query, 1) == ["a"]


def test_exact_before_prefix_before_every_word_before_fuzzy() -> None:
    index = TitleIndex(
        [
            ("fuzzy", "Cybr crime sumit opens", None),
            ("words", "Opening of the cyber crime summit in Lyon", None),
            ("prefix", "Cyber crime summit opens in Lyon", None),
            ("exact", "Cyber crime summit", None),
            ("unrelated", "Wildlife trafficking report", None),
        ]
    )
    matches = index.search("cyber crime summit")
    assert [m.doc_id for m in matches] == ["exact", "prefix", "words", "fuzzy"]
    assert [m.kind for m in matches] == ["exact", "prefix", "word", "fuzzy"]
    assert matches[0].score > matches[1].score > matches[2].score > matches[3].score


def test_a_word_typed_in_full_beats_a_longer_word_it_only_starts() -> None:
    index = TitleIndex([("long", "Operations update", None), ("exact", "Operation update", None)])
    assert _ids(index, "operation") == ["exact", "long"]


def test_whole_words_with_a_typo_beat_words_that_only_start_alike() -> None:
    # "finand": one letter from "finland", and one from the start of "financing".
    index = TitleIndex(
        [
            ("financing", "Facial recognition helps catch a financing suspect", None),
            ("finland", "Facial recognition access boosts border security in Finland", None),
        ]
    )
    assert _ids(index, "facil finand")[0] == "finland"


def test_every_keystroke_of_a_typo_query_keeps_its_release_near_the_top(
    seeds_index: TitleIndex, crowded_index: TitleIndex
) -> None:
    query = "glbal coaliton reafirms"
    for end in range(len("glbal"), len(query) + 1):
        assert GLOBAL_COALITION in _ids(seeds_index, query[:end], 3), query[:end]
    # Among thousands of similar titles, once the words typed pick it out.
    for end in range(len("glbal coaliton reaf"), len(query) + 1):
        assert GLOBAL_COALITION in _ids(crowded_index, query[:end], 3), query[:end]


def test_results_do_not_depend_on_what_was_typed_before(crowded_index: TitleIndex) -> None:
    fresh = TitleIndex(
        [(f"syn-{i}", _synthetic().synthetic_title(i), None) for i in range(3000)]
        + [(m.doc_id, m.title, m.date) for m in crowded_index.search("interpol", 5)]
    )
    crowded_index.search("operation")  # fills the word cache
    assert crowded_index.search("oper")[:5] == fresh.search("oper")[:5]


def test_nothing_to_match() -> None:
    index = TitleIndex([("a", "Global Coalition", None)])
    assert index.search("") == []
    assert index.search("  ?!  ") == []
    assert index.search("zzzzqqq") == []
    assert index.search("global", limit=0) == []
    assert TitleIndex([]).search("global") == []


def test_three_letters_that_start_no_word_allow_one_typo() -> None:
    index = TitleIndex([("a", "Global Coalition", None)])
    assert _ids(index, "glb") == ["a"]


def test_matched_letters_are_highlighted_in_the_original_title() -> None:
    title = "INTERPOL reaffirms support to Global Coalition"
    positions = TitleIndex([("a", title, None)]).search("glbal coaliton")[0].positions
    shown = "".join(c if i in positions else "." for i, c in enumerate(title))
    assert shown == "." * 30 + "Gl.bal.Coalit.on"


def test_highlight_positions_survive_folding() -> None:
    title = "Jürgen Stock in Straße"
    positions = matched_positions(title, ["jurg", "strasse"])
    assert "".join(title[p] for p in positions) == "JürgStraße"


def test_fold() -> None:
    assert fold("Jürgen STOCK, Côte-d’Ivoire") == "jurgen stock  cote d ivoire"
    folded, origin = fold_with_map("Aß!")
    assert folded == "ass " and origin == [0, 1, 1, 2]


def test_allowed_edits_grow_with_word_length() -> None:
    assert [allowed_edits(n) for n in (1, 3, 4, 6, 7, 12)] == [0, 0, 1, 1, 2, 2]


@settings(max_examples=60, deadline=None)
@given(st.sets(st.integers(min_value=0, max_value=999)), st.integers(min_value=0, max_value=50))
def test_bitsets_agree_with_python_sets(ids: set[int], count: int) -> None:
    bits = bitset.from_ids(ids, 1000)
    assert bits.bit_count() == len(ids)
    assert bitset.lowest(bits, count, 1000) == sorted(ids)[:count]
    members = bitset.Members(bits, 1000)
    assert [i for i in range(1000) if i in members] == sorted(ids)


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=40))
def test_any_query_is_answered(query: str) -> None:
    index = TitleIndex([("a", "Global Coalition partners meet in Nairobi", None)])
    for match in index.search(query):
        assert all(0 <= p < len(match.title) for p in match.positions)
