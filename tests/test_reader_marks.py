"""The reader's pure rules: citations, quotation groups, find, stepping and painting order."""

from __future__ import annotations

from reader_fixtures import TEXT, TITLE, analysis, document

from interpol_tui.analysis.model import Quote
from interpol_tui.analysis.quotations import quotations_of
from interpol_tui.ui.annotations import (
    citation,
    find_matches,
    highlights_of,
    mentions_of,
    release_text,
    releases_mentioning,
)
from interpol_tui.ui.marks import Mark, ReleaseMarks


def test_citation_has_quote_speaker_title_and_date() -> None:
    quotation = quotations_of(analysis().quotes)[0]
    assert citation(quotation, document()) == (
        "“We will keep every port open to honest trade” — Ana Ruiz, " + TITLE + " (2024-05-03)"
    )


def test_citation_leaves_out_what_is_unknown() -> None:
    quote = Quote(0, 4, "LYON", None)
    (quotation,) = quotations_of([quote])
    assert citation(quotation, document(date=None)) == "“LYON” — " + TITLE


def test_citation_strips_control_characters() -> None:
    (quotation,) = quotations_of([Quote(0, 9, "a\x1b]52;c;eA==\x07b", "X\x9b")])
    text = citation(quotation, document())
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text


def test_multi_paragraph_quotation_is_one_and_joined() -> None:
    quotations = quotations_of(analysis().quotes)
    assert len(quotations) == 2
    assert quotations[1].text == (
        "Smugglers adapt quickly. So must we, and the Harbour Agency will,"
    )
    assert quotations[1].start == TEXT.index("Smugglers")
    assert citation(quotations[1], document()).startswith(
        "“Smugglers adapt quickly. So must we, and the Harbour Agency will” — Ana Ruiz, "
    )


def test_quotes_group_by_consecutive_equal_numbers() -> None:
    quotes = [Quote(0, 1, "a", None, 0), Quote(5, 6, "b", None, 0), Quote(9, 10, "c", None, 1)]
    assert [len(q.parts) for q in quotations_of(quotes)] == [2, 1]
    apart = [Quote(0, 1, "a", None, 0), Quote(5, 6, "b", None, 1), Quote(9, 10, "c", None, 0)]
    assert [len(q.parts) for q in quotations_of(apart)] == [1, 1, 1]


def test_find_is_literal_case_insensitive_and_spans_line_breaks() -> None:
    assert find_matches(TEXT, "harbour agency") == [
        (TEXT.index("Harbour Agency"), TEXT.index("Harbour Agency") + 14),
        (TEXT.rindex("Harbour Agency"), TEXT.rindex("Harbour Agency") + 14),
    ]
    assert find_matches(TEXT, "[bold]x[/]") == [
        (TEXT.index("[bold]"), TEXT.index("[bold]") + len("[bold]x[/]"))
    ]
    assert find_matches(TEXT, ".*") == []
    assert find_matches(TEXT, "   ") == []
    assert find_matches("one\n\ntwo", "one two") == [(0, 8)]


def test_release_text_has_title_meta_and_body() -> None:
    assert release_text(document()) == f"{TITLE}\n2024-05-03 · LYON, France\n\n{TEXT}\n"


def test_highlights_cover_every_kind_and_sit_on_their_text() -> None:
    spans = highlights_of(analysis())
    kinds = {h.kind for h in spans}
    assert kinds == {"person", "organization", "location", "operation", "figure", "date", "quote"}
    assert [h.start for h in spans] == sorted(h.start for h in spans)


def test_mentions_and_releases_match_by_canonical_and_type() -> None:
    first = analysis()
    ruiz = first.entities[2]
    assert [m.text for m in mentions_of(ruiz, first)] == ["Ana Ruiz", "Ruiz", "Ruiz"]
    other = analysis(doc_id="other.txt")
    found = releases_mentioning(ruiz, [first, other])
    assert [doc_id for doc_id, _ in found] == ["harbour.txt", "other.txt"]


def test_step_moves_from_the_mark_and_wraps() -> None:
    marks = ReleaseMarks()
    marks.load(analysis())
    landing = marks.step("entity", True, anchor=-1)
    assert landing == (Mark("entity", 0), False)
    marks.mark = landing[0]
    assert marks.entity is not None and marks.entity.text == "LYON"
    assert marks.step("entity", False, anchor=-1) == (Mark("entity", 8), True)
    marks.mark = Mark("entity", 8)
    assert marks.step("entity", True, anchor=0) == (Mark("entity", 0), True)


def test_step_from_an_anchor_when_the_mark_is_another_kind() -> None:
    marks = ReleaseMarks()
    marks.load(analysis())
    quote_start = TEXT.index("We will")
    marks.mark = Mark("quote", 0)
    landing = marks.step("entity", True, anchor=quote_start)
    assert landing is not None
    assert marks.entities[landing[0].index].start > quote_start
    assert marks.step("quote", True, anchor=0) == (Mark("quote", 1), False)


def test_hidden_kinds_are_not_painted_or_stepped_through() -> None:
    marks = ReleaseMarks()
    marks.load(analysis())
    line_end = TEXT.index("\n")
    painted = {component for _, _, component in marks.paint(0, line_end)}
    assert "reader--person" in painted
    marks.set_hidden(frozenset({"person"}))
    painted = {component for _, _, component in marks.paint(0, line_end)}
    assert "reader--person" not in painted and "reader--location" in painted
    assert all(e.type != "person" for e in marks.entities)


def test_paint_puts_quotes_under_entities_and_the_mark_on_top() -> None:
    marks = ReleaseMarks()
    marks.load(analysis())
    start = TEXT.index("So must")
    marks.mark = Mark("quote", 1)
    layers = [component for _, _, component in marks.paint(start, start + 60)]
    assert layers[0] == "reader--quote"
    assert layers.index("reader--organization") > layers.index("reader--quote")
    assert layers[-1] == "reader--current"


def test_find_marks_the_first_match_and_clear_forgets_it() -> None:
    marks = ReleaseMarks()
    marks.load(analysis())
    assert marks.find(TEXT, "ruiz") == 3
    assert marks.mark == Mark("match", 0)
    assert marks.step("match", True, anchor=0) == (Mark("match", 1), False)
    assert marks.find(TEXT, "ruiz", near=TEXT.index("Director Ruiz")) == 3
    assert marks.mark == Mark("match", 1)
    assert marks.find(TEXT, "ruiz", near=len(TEXT)) == 3
    assert marks.mark == Mark("match", 0)  # nothing after: wraps to the first
    marks.clear_find()
    assert marks.mark is None and marks.matches == []


def test_at_prefers_the_entity_over_its_quotation() -> None:
    marks = ReleaseMarks()
    marks.load(analysis())
    inside = TEXT.index("Harbour Agency will") + 2
    mark = marks.at(inside)
    assert mark is not None and mark.kind == "entity"
    assert marks.at(TEXT.index("So must")) == Mark("quote", 1)
    assert marks.at(TEXT.index("A note")) is None
