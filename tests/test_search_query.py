"""Full-text query parsing: what users type becomes a safe FTS5 query or a clear message."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interpol_tui.search.query import ParsedQuery, QueryError, parse_query


def _parsed(text: str) -> ParsedQuery:
    parsed = parse_query(text)
    assert parsed is not None
    return parsed


@pytest.mark.parametrize(
    ("text", "match", "terms"),
    [
        ("interpol", '"interpol"', ("interpol",)),
        ("global coalition", '"global" AND "coalition"', ("global", "coalition")),
        ('"global coalition"', '"global coalition"', ("global coalition",)),
        ("“global coalition”", '"global coalition"', ("global coalition",)),  # curly quotes
        ("traffick*", '"traffick" *', ("traffick",)),
        ('"money laund*"', '"money laund" *', ("money laund",)),
        ("fraud AND phishing", '"fraud" AND "phishing"', ("fraud", "phishing")),
        ("fraud OR phishing", '"fraud" OR "phishing"', ("fraud", "phishing")),
        ("fraud NOT phishing", '"fraud" NOT "phishing"', ("fraud",)),
        ("fraud and phishing", '"fraud" AND "and" AND "phishing"', ("fraud", "and", "phishing")),
        ("(fraud OR theft) Lyon", '( "fraud" OR "theft" ) AND "Lyon"', ("fraud", "theft", "Lyon")),
        ("interpol NOT (europe OR asia)", '"interpol" NOT ( "europe" OR "asia" )', ("interpol",)),
        ("Jürgen", '"Jürgen"', ("Jürgen",)),
        ("title:stock", '"title:stock"', ("title:stock",)),  # no column filters reach FTS5
        ("NEAR(a b)", '"NEAR" AND ( "a" AND "b" )', ("NEAR", "a", "b")),
        ("x^y", '"x^y"', ("x^y",)),
    ],
)
def test_queries_become_quoted_fts5(text: str, match: str, terms: tuple[str, ...]) -> None:
    parsed = _parsed(text)
    assert parsed.match == match
    assert parsed.terms == terms
    assert parsed.notes == ()


@pytest.mark.parametrize("text", ["", "   ", '"', '""', "“"])
def test_nothing_typed_yet_is_not_an_error(text: str) -> None:
    assert parse_query(text) is None


def test_an_unbalanced_quote_is_closed_as_a_prefix_with_a_note() -> None:
    parsed = _parsed('"global coal')
    assert parsed.match == '"global coal" *'
    assert parsed.notes == ("closed the open quotation mark (its last word as a prefix)",)


def test_words_without_letters_are_ignored_with_a_note() -> None:
    parsed = _parsed("🙂 fraud")
    assert parsed.match == '"fraud"'
    assert "🙂" in parsed.notes[0]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("*", "Nothing to search for"),
        ("🙂", "Nothing to search for"),
        ("AND", "Nothing to search for"),
        ("NOT fraud", "“NOT” needs a search term before it"),
        ("AND fraud", "“AND” needs a search term before it"),
        ("fraud OR", "“OR” needs a search term after it"),
        ("fraud AND OR theft", "“OR” needs a search term before it"),
        ("(fraud", "An opening parenthesis is never closed"),
        ("fraud)", "A closing parenthesis has no opening one"),
        ("fraud ()", "Empty parentheses"),
        ("(fraud AND)", "“AND” needs a search term after it"),
    ],
)
def test_malformed_queries_explain_themselves(text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        parse_query(text)


@pytest.fixture(scope="module")
def fts() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 remove_diacritics 2')")
    db.execute("INSERT INTO t VALUES ('Jürgen Stock said the \"global\" coalition; e-mail')")
    return db


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30))
def test_every_accepted_query_is_valid_fts5(fts: sqlite3.Connection, text: str) -> None:
    try:
        parsed = parse_query(text)
    except QueryError:
        return
    if parsed is not None:
        fts.execute("SELECT rowid FROM t WHERE t MATCH ?", (parsed.match,)).fetchall()
