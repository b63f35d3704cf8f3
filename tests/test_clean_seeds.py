"""The cleaner against the hand-made gold annotation of the five bundled releases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from interpol_tui.corpus.clean import CleanRelease, clean_release

SEED_FILES = [
    "000_6946df92a9c960cd.txt",
    "001_fdf3ecd901da1a00.txt",
    "002_c1b84d1ab1064721.txt",
    "003_876d9fa6a16443df.txt",
    "004_4c617bd0e601aa67.txt",
]


def _gold_doc(gold: dict[str, Any], name: str) -> dict[str, Any]:
    for doc in gold["documents"]:
        if doc["file"] == name:
            return dict(doc)
    raise AssertionError(f"{name} is not in the gold file")


def _clean(seeds_dir: Path, name: str) -> CleanRelease:
    return clean_release((seeds_dir / name).read_text(encoding="utf-8"))


def _paragraphs(cleaned: CleanRelease) -> list[str]:
    return cleaned.text.split("\n\n")


def test_gold_lists_exactly_the_bundled_seeds(gold: dict[str, Any], seeds_dir: Path) -> None:
    assert sorted(gold["meta"]["files"]) == SEED_FILES
    assert sorted(p.name for p in seeds_dir.glob("*.txt")) == SEED_FILES


@pytest.mark.parametrize("name", SEED_FILES)
def test_title_matches_gold_exactly(gold: dict[str, Any], seeds_dir: Path, name: str) -> None:
    assert _clean(seeds_dir, name).title == _gold_doc(gold, name)["title"]


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("000_6946df92a9c960cd.txt", "caption"),
        ("001_fdf3ecd901da1a00.txt", "headline"),
        ("002_c1b84d1ab1064721.txt", "headline"),
        ("003_876d9fa6a16443df.txt", "first_sentence"),
        ("004_4c617bd0e601aa67.txt", "headline"),
    ],
)
def test_title_source(seeds_dir: Path, name: str, source: str) -> None:
    assert _clean(seeds_dir, name).title_source == source


@pytest.mark.parametrize("name", SEED_FILES)
def test_date_matches_gold(gold: dict[str, Any], seeds_dir: Path, name: str) -> None:
    expected = "2017-03-22" if name.startswith("002") else None
    assert _gold_doc(gold, name)["date"] == expected
    assert _clean(seeds_dir, name).date == expected


@pytest.mark.parametrize("name", SEED_FILES)
def test_dateline_matches_gold(gold: dict[str, Any], seeds_dir: Path, name: str) -> None:
    dateline = _gold_doc(gold, name)["dateline"]
    # The gold "raw" form ends with the dash that separates it from the lede.
    expected = dateline["raw"].rstrip(" –—-") if dateline else None
    assert _clean(seeds_dir, name).dateline == expected


def test_datelines_have_the_gold_place(gold: dict[str, Any], seeds_dir: Path) -> None:
    for name in SEED_FILES:
        dateline = _gold_doc(gold, name)["dateline"]
        found = _clean(seeds_dir, name).dateline
        if dateline:
            assert found is not None
            assert found.split(",")[0] == dateline["place"]


@pytest.mark.parametrize("name", SEED_FILES)
def test_no_boilerplate_line_survives(gold: dict[str, Any], seeds_dir: Path, name: str) -> None:
    doc = _gold_doc(gold, name)
    cleaned = _clean(seeds_dir, name)
    furniture = {line.strip() for line in doc["boilerplate"]}
    furniture |= {h["text"] for h in doc.get("header_lines", [])}
    lines = {line.strip() for line in cleaned.text.split("\n")}
    assert furniture & lines == set()
    # Nor does the title stay as the first paragraph of the body.
    assert _paragraphs(cleaned)[0] != cleaned.title


def test_caption_repeated_in_body_keeps_the_body_sentence(seeds_dir: Path) -> None:
    # Seed 000's second caption also occurs inside the first body sentence:
    # furniture is removed by line, never by substring.
    cleaned = _clean(seeds_dir, SEED_FILES[0])
    assert (
        "By endorsing the review of GA Resolution 71/19 (2016), UN member states recognized"
        in cleaned.text
    )


@pytest.mark.parametrize("name", SEED_FILES)
def test_no_blank_runs_or_trailing_spaces(seeds_dir: Path, name: str) -> None:
    text = _clean(seeds_dir, name).text
    assert "\n\n\n" not in text
    assert text == text.strip()
    for line in text.split("\n"):
        assert line == line.strip()
    assert all(_paragraphs(_clean(seeds_dir, name)))


def _junctions(doc: dict[str, Any], key: str) -> list[tuple[str, str]]:
    return [tuple(item.split("|", 1)) for item in doc[key]]  # type: ignore[misc]


def _repaired(text: str, left: str, right: str) -> bool:
    return f"{left} {right}" in text or f"{left}\n\n{right}" in text


@pytest.mark.parametrize("name", SEED_FILES)
def test_glued_sentences_are_repaired(gold: dict[str, Any], seeds_dir: Path, name: str) -> None:
    doc = _gold_doc(gold, name)
    text = _clean(seeds_dir, name).text
    for left, right in _junctions(doc, "glued_sentences"):
        assert left + right not in text, f"still glued: {left}|{right}"
        assert _repaired(text, left, right), f"not repaired: {left}|{right}"


@pytest.mark.parametrize("name", SEED_FILES)
def test_glued_list_items_are_repaired(gold: dict[str, Any], seeds_dir: Path, name: str) -> None:
    doc = _gold_doc(gold, name)
    text = _clean(seeds_dir, name).text
    for left, right in _junctions(doc, "glued_list_items"):
        assert left + right not in text
        assert _repaired(text, left, right), f"not repaired: {left}|{right}"


@pytest.mark.parametrize("name", SEED_FILES)
def test_glued_headings_become_paragraphs(gold: dict[str, Any], seeds_dir: Path, name: str) -> None:
    doc = _gold_doc(gold, name)
    cleaned = _clean(seeds_dir, name)
    for left, right in _junctions(doc, "glued_headings"):
        assert f"{left}\n\n{right}" in cleaned.text, f"heading not split: {left}|{right}"
    for heading in doc["subheadings"]:
        assert heading in _paragraphs(cleaned)


def test_gold_has_glue_to_check(gold: dict[str, Any]) -> None:
    # Guard against the parametrised tests above passing on empty lists.
    counts = {
        key: sum(len(doc[key]) for doc in gold["documents"])
        for key in ("glued_sentences", "glued_list_items", "glued_headings")
    }
    assert counts == {"glued_sentences": 23, "glued_list_items": 7, "glued_headings": 2}


@pytest.mark.parametrize("name", SEED_FILES)
def test_every_figure_survives(gold: dict[str, Any], seeds_dir: Path, name: str) -> None:
    doc = _gold_doc(gold, name)
    text = _clean(seeds_dir, name).text
    assert doc["figures"]
    missing = [figure["text"] for figure in doc["figures"] if figure["text"] not in text]
    assert missing == []


@pytest.mark.parametrize("name", SEED_FILES)
def test_every_quote_survives(gold: dict[str, Any], seeds_dir: Path, name: str) -> None:
    doc = _gold_doc(gold, name)
    text = _clean(seeds_dir, name).text
    assert doc["quotes"]
    missing = [quote["text"] for quote in doc["quotes"] if quote["text"] not in text]
    assert missing == []


@pytest.mark.parametrize("name", SEED_FILES)
def test_every_word_of_the_article_survives(
    gold: dict[str, Any], seeds_dir: Path, name: str
) -> None:
    # Nothing but furniture, captions and the title/date lines is dropped: the
    # words of the raw file, minus those, are the words of the clean text.
    doc = _gold_doc(gold, name)
    raw = (seeds_dir / name).read_text(encoding="utf-8")
    cleaned = _clean(seeds_dir, name)
    dropped = {line.strip() for line in doc["boilerplate"]}
    dropped |= {h["text"] for h in doc.get("header_lines", [])}
    dropped.add(cleaned.title)
    kept = " ".join(line for line in raw.split("\n") if line.strip() not in dropped)
    squash = str.maketrans("", "", " \n\t\u00a0")
    assert cleaned.text.translate(squash) == kept.translate(squash)


def test_removed_lines_are_reported(seeds_dir: Path) -> None:
    cleaned = _clean(seeds_dir, SEED_FILES[4])
    assert set(cleaned.removed) >= {
        "To read more INTERPOL news, click here.",
        "Related posts",
        "Scroll to Top",
    }


def test_captions_of_the_gallery_are_kept_aside(gold: dict[str, Any], seeds_dir: Path) -> None:
    cleaned = _clean(seeds_dir, SEED_FILES[3])
    doc = _gold_doc(gold, SEED_FILES[3])
    sentences = [line for line in doc["boilerplate"] if len(line) > 10]
    assert list(cleaned.captions) == sentences
