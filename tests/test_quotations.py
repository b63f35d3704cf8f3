"""Quotations across the corpus: grouping by speaker, filters, citations, CSL-JSON, CLI, view."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from across_fixtures import write_corpus

from interpol_tui.analysis.corpus_quotes import (
    CorpusQuotation,
    by_speaker,
    corpus_quotations,
    csl_json,
    fold,
    of_speaker,
    speaker_role,
)
from interpol_tui.analysis.model import DocumentAnalysis, EntitySpan, Quote
from interpol_tui.analysis.pipeline import analyse_document
from interpol_tui.analysis.quotation_index import QuotationIndex
from interpol_tui.cli import main
from interpol_tui.corpus.loader import load_corpus
from interpol_tui.report.quote_export import quotations_csv, quotations_markdown

# The part of the CSL-JSON schema (citation-style-language/schema, csl-data.json,
# v1.0.2) our items use: an array of objects with a string ``id``, a ``type`` from
# the schema's enum, name variables as arrays of name objects, date variables
# with ``date-parts`` (one or two arrays of one to three integers), the rest strings.
CSL_TYPES = frozenset(
    """article article-journal article-magazine article-newspaper bill book broadcast chapter
    classic collection dataset document entry entry-dictionary entry-encyclopedia event figure
    graphic hearing interview legal_case legislation manuscript map motion_picture musical_score
    pamphlet paper-conference patent performance periodical personal_communication post
    post-weblog regulation report review review-book software song speech standard thesis
    treaty webpage""".split()  # noqa: SIM905
)
CSL_NAMES = frozenset({"author", "contributor", "editor", "interviewer", "recipient"})
CSL_DATES = frozenset({"accessed", "issued", "event-date", "original-date", "submitted"})
CSL_STRINGS = frozenset(
    {"id", "type", "genre", "title", "source", "note", "publisher", "URL", "abstract", "medium"}
)


def csl_errors(data: Any) -> list[str]:
    """Every way ``data`` breaks the CSL-JSON schema's required structure."""
    if not isinstance(data, list):
        return ["top level is not an array"]
    errors: list[str] = []
    for n, item in enumerate(data):
        if not isinstance(item, dict):
            errors.append(f"{n}: not an object")
            continue
        if not isinstance(item.get("id"), str | int):
            errors.append(f"{n}: id missing")
        if item.get("type") not in CSL_TYPES:
            errors.append(f"{n}: type {item.get('type')!r} not a CSL type")
        for key, value in item.items():
            if key in CSL_NAMES:
                ok = isinstance(value, list) and all(
                    isinstance(v, dict) and v and set(v) <= {"family", "given", "literal"}
                    for v in value
                )
            elif key in CSL_DATES:
                parts = value.get("date-parts") if isinstance(value, dict) else None
                ok = (
                    isinstance(parts, list)
                    and 1 <= len(parts) <= 2
                    and all(
                        isinstance(p, list) and 1 <= len(p) <= 3 and all(type(x) is int for x in p)
                        for p in parts
                    )
                )
            elif key in CSL_STRINGS:
                ok = isinstance(value, str)
            else:
                ok = False
            if not ok:
                errors.append(f"{n}: {key} is not valid")
    return errors


def quotation(**fields: Any) -> CorpusQuotation:
    """A quotation with defaults for what the test does not care about."""
    base: dict[str, Any] = {
        "doc_id": "a.txt",
        "title": "Title",
        "date": "2020-01-02",
        "text": "Words",
        "speaker": "Ana Ruiz",
        "role": None,
        "start": 0,
        "end": 5,
    }
    return CorpusQuotation(**(base | fields))


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus")


def test_corpus_quotations_carry_speaker_role_release_and_date(corpus_dir: Path) -> None:
    corpus = load_corpus([corpus_dir])
    analyses = {d.id: analyse_document(d) for d in corpus.documents}
    found = corpus_quotations(corpus, analyses)
    assert [q.date for q in found] == sorted(q.date or "" for q in found)
    first = found[0]
    assert (first.speaker, first.role, first.date) == (
        "Mira Kallas",
        "Director-General",
        "2019-05-14",
    )
    assert first.text.endswith("there first")  # the comma before "said" is dropped
    for q in found:
        assert q.title == corpus.by_id(q.doc_id).title  # type: ignore[union-attr]
    groups = by_speaker(found)
    assert [name for name, _ in groups][:2] == ["Mira Kallas", "Tomas Berg"]
    assert len(groups[0][1]) == 4


def test_role_is_the_titled_mention_before_the_quote() -> None:
    analysis = DocumentAnalysis(
        "a",
        entities=(
            EntitySpan(0, 3, "Ann", "person", "Ann Lee", "Chief"),
            EntitySpan(50, 53, "Ann", "person", "Ann Lee", "Former Chief"),
            EntitySpan(80, 83, "Bob", "person", "Bob", "Judge"),
        ),
    )
    assert speaker_role(analysis, "Ann Lee", 40) == "Chief"
    assert speaker_role(analysis, "ann lee", 60) == "Former Chief"
    assert speaker_role(analysis, "Bob", 10) == "Judge"  # only a mention after
    assert speaker_role(analysis, "Carl", 10) is None


def test_speaker_search_folds_case_accents_and_takes_a_surname() -> None:
    quotes = [quotation(speaker="Jürgen Stock"), quotation(speaker="Ana Stockwell")]
    assert [q.speaker for q in of_speaker(quotes, "jurgen stock")] == ["Jürgen Stock"]
    assert [q.speaker for q in of_speaker(quotes, "STOCK")] == ["Jürgen Stock"]
    assert [q.speaker for q in of_speaker(quotes, "stockw")] == ["Ana Stockwell"]
    assert of_speaker(quotes, "nobody") == []


def test_filter_matches_every_word_in_speaker_role_or_text() -> None:
    index = QuotationIndex(
        [
            quotation(text="Terrorism is global", speaker="Ann Lee", role="President"),
            quotation(text="Ports matter", speaker="Bob Roe"),
            quotation(text="Unsigned words", speaker=None),
        ]
    )
    assert [q.speaker for q in index.filter("")] == ["Ann Lee", "Bob Roe", None]
    assert [q.text for q in index.filter("president terror")] == ["Terrorism is global"]
    assert [q.text for q in index.filter("ROE ports")] == ["Ports matter"]
    assert index.filter("lee ports") == []


def test_citation_names_speaker_release_and_date_and_leaves_out_the_unknown() -> None:
    assert quotation(text="We act,").citation == "“We act” — Ana Ruiz, Title (2020-01-02)"
    assert quotation(speaker=None, date=None).citation == "“Words” — Title"


def test_csl_json_is_valid_and_keeps_quote_speaker_and_date() -> None:
    items = csl_json(
        [
            quotation(text="A", role="Director"),
            quotation(text="B", speaker=None, date="2021-07", start=9),
            quotation(text="C", date=None, start=20),
        ]
    )
    assert csl_errors(items) == []
    assert len({item["id"] for item in items}) == 3
    assert items[0]["issued"] == {"date-parts": [[2020, 1, 2]]}
    assert items[0]["contributor"] == [{"literal": "Ana Ruiz"}]
    assert items[0]["note"] == "“A” — Ana Ruiz, Director"
    assert items[1]["issued"] == {"date-parts": [[2021, 7]]}
    assert "issued" not in items[2]
    # The checker itself rejects what the schema rejects.
    assert csl_errors([{"id": "x", "type": "press-release"}])
    assert csl_errors([{"id": "x", "type": "article", "issued": {"date-parts": [["May"]]}}])


def test_csv_and_markdown_keep_sources_and_escape_markup() -> None:
    quotes = [quotation(text="# not a heading, [link](x)", role="Chief")]
    rows = list(csv.DictReader(io.StringIO(quotations_csv(quotes))))
    assert rows[0]["quotation"] == "# not a heading, [link](x)"
    assert (rows[0]["speaker"], rows[0]["role"], rows[0]["date"]) == (
        "Ana Ruiz",
        "Chief",
        "2020-01-02",
    )
    markdown = quotations_markdown(quotes)
    assert markdown.startswith("> \\# not a heading, \\[link\\](x)\n")
    assert "> — Ana Ruiz, Chief, Title (2020-01-02), `a.txt`" in markdown


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def test_cli_by_speaker_and_speaker_json(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = ["--corpus", str(corpus_dir)]
    grouped = json.loads(_run(capsys, "quotes", *corpus, "--by-speaker", "--json"))
    assert grouped[0]["speaker"] == "Mira Kallas"
    assert {q["role"] for q in grouped[0]["quotations"]} == {"Director-General"}
    texts = {doc.id: doc.text for doc in load_corpus([corpus_dir]).documents}
    one = json.loads(_run(capsys, "quotes", *corpus, "--speaker", "berg", "--json"))
    assert [q["speaker"] for q in one] == ["Tomas Berg"]
    assert texts[one[0]["doc"]][one[0]["start"] : one[0]["end"]].startswith(one[0]["text"])
    table = _run(capsys, "quotes", *corpus, "--by-speaker")
    assert "Mira Kallas (Director-General): 4 quotation(s)" in table


def test_cli_exports_csl_json(corpus_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "quotes", "--corpus", str(corpus_dir), "--format", "csl")
    assert csl_errors(json.loads(out)) == []
    md = _run(
        capsys, "quotes", "--corpus", str(corpus_dir), "--speaker", "Kallas", "--format", "md"
    )
    assert md.count("> — Mira Kallas") == 4


def test_cli_unknown_speaker_is_one_clear_error(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["quotes", "--corpus", str(corpus_dir), "--speaker", "Nobody"]) == 2
    assert "no quotations by 'Nobody'" in capsys.readouterr().err


def test_plain_quotes_json_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    records = json.loads(_run(capsys, "quotes", "--json"))
    assert set(records[0]) == {"doc", "text", "speaker", "start", "end", "group", "paragraphs"}


def test_quote_offsets_point_into_text_for_grouped_quotes() -> None:
    quotes = (
        Quote(0, 4, "abcd", "X", 0),
        Quote(10, 12, "ef", None, 0),
        Quote(20, 22, "gh", None, 1),
    )
    from interpol_tui.analysis.quotations import quotations_of

    assert [len(q.parts) for q in quotations_of(quotes)] == [2, 1]


def test_the_filter_finds_in_the_utf8_buffer_what_testing_each_text_finds() -> None:
    """Words with accents, curly quotes, non-Latin script and a lone surrogate (from a damaged
    file) are found in the folded UTF-8 buffer exactly where a test of each text finds them."""
    texts = [
        "Jürgen’s team seized 12 tonnes",
        "The team’s seizure was “historic”",
        "Ὀδυσσεύς sailed to Ithaca",
        "Émile said: l’équipe est prête",
        "broken \udcff byte kept as it came",
        "plain ascii words only",
        "ÉMILE again, louder",
    ]
    quotes = [
        quotation(text=t, speaker=s, start=n)
        for n, (t, s) in enumerate(
            zip(texts, ["Jürgen Stock", None, "Ana", "Émile", None, "Ana", "Émile"], strict=True)
        )
    ]
    index = QuotationIndex(quotes)
    shown = list(index.quotations)
    queries = [
        "",
        "’",
        "team’s",
        "jurgen",
        "JÜRGEN",
        "ὀδυσσ",
        "οδυσσ",
        "emile equipe",
        "\udcff",
        "e",
        "s team",
        "ana ascii",
        "zz",
    ]
    for query in queries:
        words = fold(query).split()
        expected = [
            row
            for row, q in enumerate(shown)
            if all(w in fold(" ".join(x for x in (q.speaker, q.role, q.text) if x)) for w in words)
        ]
        assert index.filter_rows(query) == expected, query
    assert sorted(q.text for q in shown) == sorted(texts)  # every text round-trips


def test_the_columns_order_quotations_as_by_speaker_and_sort_by_date_do() -> None:
    from interpol_tui.analysis.corpus_quotes import QuoteRow, sort_by_date
    from interpol_tui.analysis.quotation_index import QuoteColumns

    # Written by hand: releases out of date order, undated ones, ties in how often each is quoted,
    # two speakers whose names fold alike ("Lea Roy", "Léa Roy").
    releases = [
        ("c.txt", "C", "2021-05-01", [("Léa Roy", "one"), ("Bo Ek", "two")]),
        ("a.txt", "A", None, [(None, "three"), ("Lea Roy", "four")]),
        ("b.txt", "B", "2019", [("Bo Ek", "five"), ("Léa Roy", "six"), (None, "seven")]),
        ("d.txt", "D", "2019-01", [("Lea Roy", "eight")]),
    ]
    columns = QuoteColumns()
    plain = []
    for doc_id, title, date, rows in releases:
        made = [QuoteRow(text, who, None, n, n + 1) for n, (who, text) in enumerate(rows)]
        columns.add_release(doc_id, title, date, made)
        plain += [
            CorpusQuotation(doc_id, title, date, r.text, r.speaker, r.role, r.start, r.end)
            for r in made
        ]
    expected = [q for _, group in by_speaker(sort_by_date(plain)) for q in group]
    assert list(QuotationIndex(columns).quotations) == expected
