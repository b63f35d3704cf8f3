"""Issue 12's freezes: each hostile input at the size that froze the program, or larger.

Every test runs under the hang guard (30 s: it catches the minutes these took,
it asserts no speed; benchmarks/growth.py measures the growth) and checks
that the result is still right, not merely that it came back.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from pathological import FAMILIES, WRAPPED_LINE, Family, Pipeline, family, write_release

from interpol_tui.analysis.chunks import find_chunks
from interpol_tui.analysis.sentences import MAX_SENTENCE_CHARS, split_sentences
from interpol_tui.analysis.tokens import tokenize
from interpol_tui.corpus.glue import repair_sentences, split_glued_headings
from interpol_tui.corpus.headline import headline_from_sentence
from interpol_tui.ui.wrap import wrap_ranges

pytestmark = pytest.mark.usefixtures("hang_guard")


@pytest.mark.parametrize("hostile", FAMILIES, ids=lambda f: f.name)
def test_each_family_goes_through_the_whole_program(hostile: Family, tmp_path: Path) -> None:
    write_release(tmp_path / "corpus", hostile.build(hostile.issue_size))
    run = Pipeline(tmp_path / "corpus", tmp_path / "state").run()
    assert run.corpus is not None and len(run.corpus.documents) == 1
    assert run.warnings == []  # analysed, not given up on
    text = run.corpus.documents[0].text
    layout = run.layouts[0]
    body = [line for line in layout.lines if line.header is None]
    assert body[0].start == 0 and body[-1].end == len(text)
    assert all(a.end == b.start or a.end + 2 == b.start for a, b in itertools.pairwise(body))


def test_initialisms_repeated_for_30_kb_are_left_alone() -> None:
    text = "U.S." * 30_000
    assert repair_sentences(text) == text
    assert repair_sentences("e.g.A" * 10_000) == "e.g.A" * 10_000


def test_glue_is_still_repaired_after_a_long_space_free_run() -> None:
    # The facts about the run (it holds a full stop) carry across its junctions.
    run = "U.S." * 20_000
    assert repair_sentences(run + "end.The next") == run + "end.The next"
    assert repair_sentences("x" * 50_000 + ".The next") == "x" * 50_000 + ". The next"
    address = "see www." + "a" * 50_000 + ".The"
    assert repair_sentences(address) == address


def test_many_rejected_heading_junctions_in_one_paragraph() -> None:
    paragraph = "a, bcdThe " * 20_000
    assert split_glued_headings(paragraph) == [paragraph.strip()]


def test_a_lede_with_a_long_run_of_spaces_becomes_a_short_title() -> None:
    title = headline_from_sentence("officers" + " " * 200_000 + "met, and then " + "x " * 80)
    assert title.startswith("officers") and len(title) <= 101


def test_forty_thousand_dots_are_not_a_sentence_end() -> None:
    text = "Officers said" + "." * 40_000 + "x"
    sentences = split_sentences(text)
    assert sentences[0].start == 0 and sentences[-1].end == len(text)
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in sentences)
    # The run still ends a sentence where a capital follows it.
    text = "Officers said" + "." * 40_000 + " Then"
    assert [text[s.start : s.end][-4:] for s in split_sentences(text)][-1] == "Then"


def test_a_two_megabyte_word_wraps_into_full_lines() -> None:
    text = "A" * 2_000_000
    lines = wrap_ranges(text, 0, len(text), 80)
    assert len(lines) == 25_000
    assert all(end - start == 80 for start, end in lines)


def test_a_long_word_of_wide_characters_wraps_by_cells() -> None:
    text = "字" * 100_001
    lines = wrap_ranges(text, 0, len(text), 80)
    assert all(end - start == 40 for start, end in lines[:-1])
    assert lines[-1] == (100_000, 100_001)


def test_thousands_of_opening_marks_do_not_recurse() -> None:
    text = "Officers met. " + "“ " * 5_000 + "Police said so."
    chunks = find_chunks(text, tokenize(text))
    police = next(c for c in chunks if c.tokens[0].text == "Police")
    assert police.sentence_initial  # the marks stand between a sentence end and it


def test_a_name_run_cannot_grow_without_end() -> None:
    text = "United Nations (UN) " * 3_000
    # Runs are cut at 24 tokens; one step adds at most four ("(UN) General").
    assert max(len(c.tokens) for c in find_chunks(text, tokenize(text))) <= 27


def test_the_opening_marks_family_keeps_its_analysis(tmp_path: Path) -> None:
    hostile = family("opening marks")
    write_release(tmp_path / "corpus", hostile.build(20_000))
    run = Pipeline(tmp_path / "corpus", tmp_path / "state").run()
    assert run.warnings == []
    (analysis,) = run.analyses.values()
    assert [(e.text, e.type) for e in analysis.entities] == [
        ("LYON", "location"),
        ("France", "location"),
    ]


# The bounds that keep the work linear are rules too: each is tested here.


def test_a_run_without_sentence_ends_is_cut_at_spaces() -> None:
    text = "officers from many countries met " * 100
    sentences = split_sentences(text)
    assert len(sentences) > 1
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(text[s.end] == " " for s in sentences[:-1])
    assert " ".join(text[s.start : s.end] for s in sentences).strip() == text.strip()
    # Ordinary sentences are untouched.
    assert len(split_sentences("Police met. They talked. Then they left.")) == 3


def test_a_heading_is_short_in_characters_as_well_as_words() -> None:
    short = "Regional cooperation against organised crime in southern africa"
    assert split_glued_headings(short + "The meeting opened.") == [short, "The meeting opened."]
    long = " ".join(["internationalisationprogrammes"] * 9) + " meetings"
    assert len(long) > 200 and len(long.split()) <= 10
    assert split_glued_headings(long + "The meeting opened.") == [long + "The meeting opened."]


def test_a_speaker_is_looked_for_close_before_the_quotation() -> None:
    from interpol_tui.analysis.pipeline import analyse_text

    opener = "LYON, France – Secretary General Jürgen Stock said "
    quotation = "with these words: “We will act now, together and at once.”"
    near = analyse_text("near", opener + quotation)
    assert [q.speaker for q in near.quotes] == ["Jürgen Stock"]
    filler = "and the officers from many countries met in the hall to talk " * 8
    far = analyse_text("far", opener + filler + quotation)
    assert [q.speaker for q in far.quotes] == [None]  # 488 characters back: too far


def test_a_long_release_gets_a_snippet_around_its_first_hit() -> None:
    from interpol_tui.corpus.model import Document
    from interpol_tui.search.fulltext import LONG_BODY, FullTextIndex

    body = "officers met " * 2_000 + "in Lyon the Interpol team met. " + "Police " * 40_000
    assert len(body) > LONG_BODY
    index = FullTextIndex()
    index.add([Document("long", Path("long.txt"), "Long release", None, None, body)])
    (hit,) = index.search("interpol").hits
    start, end = hit.snippet.marks[0]
    assert hit.snippet.text[start:end] == "Interpol"
    assert hit.snippet.text.startswith("…") and hit.snippet.text.endswith("…")
    assert len(hit.snippet.text.split()) <= 25
    (hit,) = index.search("police").hits  # 40,000 hits in one release
    marked = "".join(hit.snippet.text[a:b] for a, b in hit.snippet.marks)
    assert marked.count("Police") == hit.snippet.text.count("Police") > 1
    location = index.locate(index.search("interpol").query, "long")  # type: ignore[arg-type]
    assert location is not None and location.text == "Interpol"
    assert body[location.offset : location.offset + 8] == "Interpol"


def test_a_snippet_is_short_in_characters_too() -> None:
    from interpol_tui.corpus.model import Document
    from interpol_tui.search.fulltext import SNIPPET_CHARS, FullTextIndex

    body = "LYON – Police" + "." * 12_000 + " officers met."  # short enough for FTS5's snippet
    index = FullTextIndex()
    index.add([Document("dots", Path("dots.txt"), "Dots", None, None, body)])
    (hit,) = index.search("police").hits
    assert len(hit.snippet.text) <= SNIPPET_CHARS + 2  # and an ellipsis at each cut
    start, end = hit.snippet.marks[0]
    assert hit.snippet.text[start:end] == "Police"


def test_figures_of_one_sentence_share_its_text_fresh_and_from_the_cache() -> None:
    from interpol_tui.analysis.pipeline import analyse_text
    from interpol_tui.state import codec

    text = "LYON – " + "5% of " * 2_000 + "officers."
    analysis = analyse_text("figures", text)
    first, second = analysis.figures[0], analysis.figures[1]
    assert first.sentence_start == second.sentence_start and first.sentence is second.sentence
    decoded = codec.decode("figures", codec.encode(analysis, text), text)
    assert decoded == analysis
    assert decoded.figures[0].sentence is decoded.figures[1].sentence


def test_forty_thousand_distinct_figures_are_grouped_in_one_pass() -> None:
    import dataclasses

    from interpol_tui.analysis.grouping import facts_of
    from interpol_tui.analysis.pipeline import analyse_text

    (figure,) = analyse_text("one", "LYON – 12 officers met.").figures
    figures = [dataclasses.replace(figure, value=float(i), start=i) for i in range(40_000)]
    figures.append(dataclasses.replace(figure, start=40_001))  # 12 officers again
    facts = facts_of("many", figures)
    assert len(facts) == 40_000
    assert [len(f.repeats) for f in facts if f.figure.value == 12.0] == [1]


def test_six_megabytes_of_hard_wrapped_lines_join_into_one_paragraph() -> None:
    from interpol_tui.corpus.clean import clean_release

    cleaned = clean_release("Hard-wrapped release for a test\n\n" + WRAPPED_LINE * 100_000)
    assert cleaned.text == " ".join([WRAPPED_LINE.strip()] * 100_000)


def test_many_stamp_like_header_lines_are_read_quickly() -> None:
    from interpol_tui.corpus.clean import clean_release

    stamp = "A" + "a" * 75 + "! 12 May 2020\n"  # no place before the date: never a stamp
    cleaned = clean_release("Headline of a stamped release\n\n" + stamp * 200 + "Body text.\n")
    assert cleaned.date is None and cleaned.text.count("12 May 2020") == 200
