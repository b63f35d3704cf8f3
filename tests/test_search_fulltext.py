"""Full-text search over the seeds: ranking, phrases, prefixes, operators, snippets, names."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interpol_tui.analysis.model import DocumentAnalysis, EntitySpan, Quote
from interpol_tui.analysis.searchable import names_by_doc, names_text
from interpol_tui.corpus.loader import load_corpus
from interpol_tui.corpus.model import Corpus, Document
from interpol_tui.search.fulltext import FullTextIndex, merge_adjacent, parse_marked
from interpol_tui.search.indexes import build_indexes
from interpol_tui.search.query import parse_query

GLOBAL_COALITION = "002_c1b84d1ab1064721.txt"
MODI = "003_876d9fa6a16443df.txt"


@pytest.fixture(scope="module")
def corpus(seeds_dir: Path) -> Corpus:
    return load_corpus([seeds_dir])


@pytest.fixture(scope="module")
def index(corpus: Corpus) -> FullTextIndex:
    fulltext = FullTextIndex()
    assert fulltext.add(corpus.documents)
    return fulltext


def _docs(index: FullTextIndex, query: str) -> list[str]:
    results = index.search(query)
    assert results.error is None, results.error
    return [hit.doc_id for hit in results.hits]


def test_every_seed_is_indexed(index: FullTextIndex) -> None:
    assert len(index) == 5


def test_a_phrase_finds_only_releases_holding_it(index: FullTextIndex, corpus: Corpus) -> None:
    found = _docs(index, '"Global Coalition"')
    holding = [d.id for d in corpus.documents if "global coalition" in d.text.casefold()]
    assert found and sorted(found) == sorted(holding)
    assert found[0] == GLOBAL_COALITION  # in its title, and said five times


def test_words_are_all_required(index: FullTextIndex, corpus: Corpus) -> None:
    found = set(_docs(index, "coalition Tillerson"))
    assert found == {GLOBAL_COALITION}
    assert set(_docs(index, "coalition AND Tillerson")) == found


def test_or_and_not(index: FullTextIndex, corpus: Corpus) -> None:
    either = set(_docs(index, "Tillerson OR Modi"))
    assert either == {GLOBAL_COALITION, MODI}
    without = set(_docs(index, "INTERPOL NOT Tillerson"))
    assert GLOBAL_COALITION not in without and len(without) == 4


def test_prefix(index: FullTextIndex, corpus: Corpus) -> None:
    found = set(_docs(index, "Tiller*"))
    assert found == {GLOBAL_COALITION}
    assert _docs(index, "Tiller") == []


def test_accents_and_case_fold(index: FullTextIndex) -> None:
    assert set(_docs(index, "jurgen")) == set(_docs(index, "JÜRGEN"))
    assert len(_docs(index, "jurgen")) == 5


def test_snippets_mark_the_hit_terms(index: FullTextIndex) -> None:
    hits = index.search("Tillerson").hits
    assert len(hits) == 1
    snippet = hits[0].snippet
    assert [snippet.text[s:e] for s, e in snippet.marks] == ["Tillerson"]
    assert "\x02" not in snippet.text and "\x03" not in snippet.text


def test_locate_points_into_the_clean_text(index: FullTextIndex, corpus: Corpus) -> None:
    query = parse_query("secretary general jurgen stock")
    assert query is not None
    document = corpus.by_id(GLOBAL_COALITION)
    assert document is not None
    location = index.locate(query, GLOBAL_COALITION)
    assert location is not None
    assert document.text[location.offset : location.offset + len(location.text)] == location.text
    # Neighbouring hits are joined, so the reader can find the whole name.
    assert location.text == "Secretary General Jürgen Stock"
    assert all(
        document.text[s:e].casefold().startswith(("secretary", "stock")) for s, e in location.spans
    )


def test_locate_without_a_body_hit(index: FullTextIndex) -> None:
    query = parse_query("reaffirms")  # only in the title
    assert query is not None
    assert index.locate(query, GLOBAL_COALITION) is None
    assert index.locate(query, "no-such-doc") is None


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("AND", "Nothing to search for"),
        ("NOT stock", "needs a search term before it"),
        ("(stock", "never closed"),
        ("*", "Nothing to search for"),
    ],
)
def test_malformed_queries_give_a_message_not_an_exception(
    index: FullTextIndex, text: str, error: str
) -> None:
    results = index.search(text)
    assert results.hits == ()
    assert results.error is not None and error in results.error


def test_empty_query_has_no_hits_and_no_error(index: FullTextIndex) -> None:
    results = index.search("   ")
    assert results.hits == () and results.error is None and results.query is None


def test_unbalanced_quote_still_searches(index: FullTextIndex) -> None:
    results = index.search('"global coal')
    assert results.error is None
    assert GLOBAL_COALITION in [hit.doc_id for hit in results.hits]
    assert results.notes


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=30))
def test_no_query_raises(index: FullTextIndex, text: str) -> None:
    results = index.search(text)
    assert results.error is None or isinstance(results.error, str)


def _document(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, path=Path(doc_id), title=f"Release {doc_id}", date=None,
                    dateline=None, text=text)  # fmt: skip


def test_entity_names_are_searchable_once_added() -> None:
    body = "The Secretary General said the network works."
    docs = (_document("a", body), _document("b", "Nothing about anyone."))
    speaker = DocumentAnalysis(
        doc_id="a",
        entities=(
            EntitySpan(4, 21, "Secretary General", "person", "Jürgen Stock", "Secretary General"),
        ),
        quotes=(Quote(0, 10, "The Secret", "Jürgen Stock"),),
    )
    indexes = build_indexes(Corpus(documents=docs))
    assert indexes is not None
    assert indexes.fulltext.search("Stock").hits == ()
    indexes.add_names(names_by_doc([speaker]))
    assert [hit.doc_id for hit in indexes.fulltext.search("stock").hits] == ["a"]
    # Built with the analysis from the start: the same.
    built = build_indexes(Corpus(documents=docs), names_by_doc([speaker]))
    assert built is not None
    assert [hit.doc_id for hit in built.fulltext.search("jurgen").hits] == ["a"]
    assert names_text(speaker).splitlines() == ["Jürgen Stock", "Secretary General"]


def test_building_can_be_cancelled(corpus: Corpus) -> None:
    assert build_indexes(corpus, cancelled=lambda: True) is None


def test_marked_text_parsing() -> None:
    snippet = parse_marked("a \x02bc\x03 d \x02e\x03")
    assert snippet.text == "a bc d e"
    assert snippet.marks == ((2, 4), (7, 8))
    assert merge_adjacent("Jürgen Stock, x", [(0, 6), (7, 12), (14, 15)]) == [(0, 12), (14, 15)]
