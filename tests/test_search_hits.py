"""Long releases find their hits in Python; they must be where FTS5's highlight() puts them."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from interpol_tui.corpus.model import Document
from interpol_tui.search.fulltext import FullTextIndex, merge_adjacent, parse_marked
from interpol_tui.search.hits import hit_spans, term_pattern
from interpol_tui.search.query import parse_query

WORDS = ("Police", "police", "policeman", "Jürgen", "jurgen", "Stock's", "global", "coalition")
SEPARATORS = (" ", "  ", ", ", "-", "\n\n", ". ", "’")
QUERIES = ("police", "police*", "jurgen", '"global coalition"', "stock", "polic* OR jürgen")


def _spans(text: str, query: str) -> list[tuple[int, int]]:
    parsed = parse_query(query)
    assert parsed is not None
    pattern = term_pattern(parsed.terms, parsed.prefixed)
    assert pattern is not None
    return hit_spans(text, pattern)


def test_accents_case_prefixes_and_phrases() -> None:
    text = "Jürgen Stock met the global-coalition of policemen; Police said."
    assert [text[a:b] for a, b in _spans(text, "jurgen")] == ["Jürgen"]
    assert [text[a:b] for a, b in _spans(text, "police")] == ["Police"]
    assert [text[a:b] for a, b in _spans(text, "police*")] == ["policemen", "Police"]
    assert [text[a:b] for a, b in _spans(text, '"global coalition"')] == ["global-coalition"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=30),
    st.sampled_from(QUERIES),
)
def test_the_same_hits_as_fts5(parts: list[tuple[str, str]], query: str) -> None:
    text = "".join(word + separator for word, separator in parts) + "end"
    index = FullTextIndex()
    index.add([Document("d", Path("d.txt"), "t", None, None, text)])
    parsed = parse_query(query)
    assert parsed is not None
    row = index._db.execute(
        "SELECT highlight(releases, 1, '\x02', '\x03') FROM releases WHERE releases MATCH ?",
        (parsed.match,),
    ).fetchone()
    expected = [] if row is None else merge_adjacent(text, parse_marked(row[0]).marks)
    found = _spans(text, query) if row is not None else []
    assert found == expected
