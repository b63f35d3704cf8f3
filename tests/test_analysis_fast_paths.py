"""The analysis's fast paths give exactly what the plain code they replace gives.

Each shortcut of the per-release analysis (a scan read without match objects,
a pattern rewritten so the regex engine can skip ahead, a check that skips a
rule when its words are absent) is compared here with the plain version,
written out in this file, on sentences of our own, the seeds and random text.
"""

from __future__ import annotations

import dataclasses
import random
import re
from pathlib import Path

import pytest

from interpol_tui.analysis import captions, chunks, dates, figures, token_search, tokens
from interpol_tui.analysis.model import Figure
from interpol_tui.analysis.number_reader import START_FORMS
from interpol_tui.analysis.operations import operation_lists
from interpol_tui.analysis.pipeline import analyse_text
from interpol_tui.analysis.release import name_words
from interpol_tui.analysis.tokens import Token, tokenize

SEEDS = Path(__file__).parent.parent / "seeds"
UNSEEN = Path(__file__).parent / "data" / "unseen"

SENTENCES = [
    "Dr. Andreas Mueller of the U.S. Marshals Service said 1 533 cases were closed.",
    "K. Shanmugam met officers in Côte d’Ivoire; 30\u00a0000 parcels (2,5 tonnes) were seized.",
    "INTERPOL’s I-Familia database held ninety-nine profiles, O'Brien said: “Da’esh 3G B2B”.",
    "Operation Haechi V. Officers seized 54kg and 12 km of cable, 1.000.000 USD, 7/24.",
    "  \n\n\tTrailing space, tabs\tand a dot at the end. ",
    "snake_case_words, ²superscripts, ٣ Arabic digits, ＦＵＬＬ width and 12\u202f345 items",
    "St. Kitts, No. 5, U.N.-led, e.g. A. B. Smith and 1 23 4567 89 000",
    "",
]


_PLAIN_TOKEN = re.compile(
    r"(?P<number>[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?![0-9.,])|[0-9]+(?:[.,][0-9]+)*)"
    r"|(?P<word>[A-Z]\.(?:[A-Z]\.)+|[^\W\d_]\w*(?:-\w+|['’][^\W\d_]{2}\w*)*)"
    r"|(?P<punct>\S)"
)
"""The tokenizer's pattern as it was written first (not possessive, numbers first)."""


def _plain_tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokenising as it was written first: one match object per token."""
    stop = len(text) if end is None else end
    found = [
        Token(m.group(), m.start(), m.end(), m.lastgroup or "punct")
        for m in _PLAIN_TOKEN.finditer(text, start, stop)
    ]
    for point in reversed(tokens._abbreviation_points(text, start, stop)):
        index = next((i for i, t in enumerate(found) if t.start >= point), len(found))
        if 0 < index < len(found) and found[index].start == point:
            word = found[index - 1]
            found[index - 1 : index + 1] = [Token(word.text + ".", word.start, point + 1, "word")]
    return found


def _fields(found: list[Token]) -> list[tuple[str, int, int, str]]:
    return [(t.text, t.start, t.end, t.kind) for t in found]


def _random_texts(count: int) -> list[str]:
    rng = random.Random(14)
    alphabet = "aZ9 .,-’'\u00a0\u202f\n()“”Dr.K.0123_é²\t"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80))) for _ in range(count)]


def _release_texts() -> list[str]:
    return [
        p.read_text(encoding="utf-8") for p in sorted([*SEEDS.glob("*"), *UNSEEN.glob("*.txt")])
    ]


@pytest.mark.parametrize("text", SENTENCES)
def test_tokenize_matches_the_plain_tokenizer(text: str) -> None:
    assert _fields(tokenize(text)) == _fields(_plain_tokenize(text))


def test_tokenize_matches_on_releases_random_text_and_slices() -> None:
    texts = _release_texts() + _random_texts(400)
    assert len(texts) > 400
    for text in texts:
        assert _fields(tokenize(text)) == _fields(_plain_tokenize(text))
        middle = len(text) // 3
        assert _fields(tokenize(text, middle, 2 * middle)) == _fields(
            _plain_tokenize(text, middle, 2 * middle)
        )


def test_tokens_are_whole_tokens() -> None:
    """The fast tokenizer's objects behave as ones made by the constructor."""
    (token,) = tokenize("INTERPOL")
    assert repr(token) == "Token('INTERPOL', 0, 8, 'word')"
    assert token.is_capitalised and token.is_upper
    assert [(t.text, t.kind) for t in tokenize("12 345 cases")] == [
        ("12 345", "number"),
        ("cases", "word"),
    ]


def test_only_the_listed_characters_fold_to_ascii_letters() -> None:
    """The photo-word shortcut trusts lower() on any text without these characters."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    folding = {
        chr(code)
        for code in range(128, 0x110000)
        if not 0xD800 <= code <= 0xDFFF and letter.fullmatch(chr(code))
    }
    assert folding == captions.FOLD_TO_ASCII


def test_photo_words_shortcut_on_text_beyond_ascii() -> None:
    pieces = [
        "pictured", "PHOTO", "Photograph", "credit:", "seen here", "shown HERE", "such as here",
        "including this man", "from left to right", "(l-r)", "(L-R)", "(Photo", "Image:",
        "“", "”", "–", "’", "é", "ſ", "İ", "ı", "\u212a", "PİCTURED", "ımage", "here", "left",
        "word", " ", "\n",
    ]  # fmt: skip
    rng = random.Random(20)
    found = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        full = captions._PHOTO_WORDS.search(text) is not None
        found += full
        assert captions._has_photo_words(text) == full, text
    assert found > 500


def _plain_zoned(figures: list[Figure], text: str) -> tuple[Figure, ...]:
    captions_found = captions.caption_spans(text)
    return tuple(
        dataclasses.replace(f, zone="caption")
        if any(a <= f.start < b for a, b in captions_found)
        else f
        for f in figures
    )


def test_caption_zones_match_the_plain_search() -> None:
    caption = "Officers pictured with 40 kg of cocaine seized in 2 raids."
    body = "Police seized 40 kg of cocaine and arrested 12 people in 3 countries."
    text = "\n\n".join([body, caption, body + " Then 5 more.", caption, "Photo: 9 officers"])
    figures = list(analyse_text("z", text).figures)
    plain = _plain_zoned([dataclasses.replace(f, zone="body") for f in figures], text)
    assert figures == list(plain)
    assert {f.zone for f in figures} == {"body", "caption"}
    for path in sorted(SEEDS.glob("*")):
        doc = analyse_text(path.name, path.read_text(encoding="utf-8"))
        unzoned = [dataclasses.replace(f, zone="body") for f in doc.figures]
        assert doc.figures == _plain_zoned(unzoned, path.read_text(encoding="utf-8"))


_LIST_TEXTS = [
    "Operations Epervier (Chad, Mali), Libertad and Sawiyan ran; an operation codenamed ‘Thunder’.",
    "INTERPOL-led, code-named Blue Amber, operationoperation, co-operation, -operation operations",
    "the operation-led code-name Lionfish and the codename Trigger, Pre-Operation and operations.",
]


def test_token_search_matches_the_loops_over_tokens() -> None:
    words = frozenset({"operations", "Operations", "operation", "code-named", "codename", "a"})
    for text in _LIST_TEXTS + _release_texts() + _random_texts(300):
        found = tokenize(text)
        assert token_search.indexes_of_words(text, found, words) == [
            i for i, t in enumerate(found) if t.text in words
        ]
        assert token_search.tokens_holding(text, found, "-") == [t for t in found if "-" in t.text]
        assert operation_lists(found, text) == operation_lists(found)


def test_operation_lists_found_through_the_text() -> None:
    text = _LIST_TEXTS[0]
    names = [canonical for _start, _end, canonical in operation_lists(tokenize(text), text)]
    assert names == [
        "Operation Epervier",
        "Operation Libertad",
        "Operation Sawiyan",
        "Operation Thunder",
    ]


def test_slash_patterns_need_a_slash() -> None:
    """A number's slash test runs its regexes only where a slash is written near it."""
    pieces = ["/", " / ", "1", "71", " ", "\u00a0", "a", "-", "19"]
    rng = random.Random(6)
    matched = 0
    for _ in range(5_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))[:6]
        for pattern, search in ((figures._SLASH_AFTER, False), (figures._SLASH_BEFORE, True)):
            full = (pattern.search if search else pattern.match)(text) is not None
            matched += full
            assert full <= ("/" in text), text
    assert matched > 100


def _plain_coarse(found: list[Token]) -> list[int]:
    """The figures' coarse filter as it was first written: one test of every token."""
    return [
        i
        for i, t in enumerate(found)
        if t.kind == "number"
        or (
            t.kind == "word"
            and (
                t.text in START_FORMS
                or "-" in t.text
                or ("fold" in t.text and t.text.endswith("fold"))
            )
        )
    ]


def test_coarse_number_filter_matches_the_plain_one() -> None:
    own = [
        "Seizures rose fourfold to 3,000 - a tenfold-fold rise; a four-day, Ten-fold scaffold.",
        "An A a- -fold fold folded twenty-one One 12-month foldfold 7-fold - – 1 533 units.",
    ]
    for text in own + _release_texts() + _random_texts(300):
        found = tokenize(text)
        assert figures._coarse_candidates(text, found) == _plain_coarse(found)
        assert token_search.indexes_holding(text, found, "fold") == [
            i for i, t in enumerate(found) if "fold" in t.text
        ]


def _plain_months(text: str) -> list[tuple[int, int, str | None]]:
    """The month dates as first written: every date pattern tried around every anchor."""
    found = dates._Dates(text)
    for anchor in dates._MONTH_ANCHOR.finditer(text):
        if anchor.start() and text[anchor.start() - 1].isalpha():
            continue
        low = max(0, anchor.start() - dates._WINDOW)
        high = min(len(text), anchor.end() + dates._WINDOW)
        for pattern in dates._DATES:
            for match in pattern.finditer(text, low, high):
                if match.start() <= anchor.start() < match.end():
                    groups = match.groupdict()
                    iso = dates._iso(groups.get("year"), groups["month"], groups.get("day"))
                    found.add(match.start(), match.end(), iso)
        for match in dates._MONTH_ALONE.finditer(text, low, anchor.end()):
            found.add(match.start("date"), match.end("date"), None)
    return [(d.start, d.end, d.iso) for d in found.spans]


def _months(text: str) -> list[tuple[int, int, str | None]]:
    found = dates._Dates(text)
    found.months()
    return [(d.start, d.end, d.iso) for d in found.spans]


def test_month_dates_tried_only_beside_a_digit() -> None:
    pieces = [
        "22", "March", "May", "Sept.", "Sep", "September", "2024", "1999", "Monday,", "Friday",
        " ", "  ", ", ", "–", "-", "to", "and", "in", "since", "early", "5th", "\u0663\u0662",
        "x", "officers", "\n", "Jan", "October", "th",
    ]  # fmt: skip
    rng = random.Random(11)
    dated = 0
    texts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(3_000)]
    for text in texts + _release_texts():
        plain = _plain_months(text)
        dated += bool(plain)
        assert _months(text) == plain, text
    assert dated > 1_000


_PIECE_SENTENCES = [
    "“We will keep supporting our partners,” said Commissioner Mei Tombusoulel.",
    "BERLIN, Germany – The partners met (UN) in Côte d’Ivoire; Jürgen’s team, Ørsted and İzmir.",
    'No digits here: only words, commas; colons: and ‘single quotes’ or "double" ones!',
    "Al-Raisi, ninety-nine well- known co-operation -led – — INTERPOL’s O'Brien Da’esh",
    "Totals: 1 533 cases, 30\u00a0000 parcels, 12\u202f345 items, 1 23 4567, 2,5 and 7.5.",
    "words 12 345 more 000 words, 12 word 345 and 99 000 000 people 1 000a 9 000.",
    "e\u0301te\u0301 (combining), ²squared, ٣ digits, ＦＵＬＬ width, Ωmega, 中文 text, ǅ.",
    "Double  spaces,  a tab\there, a\u00a0no-break, a line\nbreak and\n\nparagraph “end”.",
    "Dr. Andreas met K. Shanmugam, St. Kitts and U.S. Marshals; e.g. A. B. Smith Jr. left.",
    " leading and trailing spaces ",
    "(UN) (alone) (2024) “Quote” ‘Single’ word) word( “word ,word .word ;",
    "one-word. word.” word,” “word” ‘word’ (word), word!? word?! – word –",
    "snake_case words_with_underscores and 3G, B2B, 54kg, 12km, A4, x2.",
]


@pytest.mark.parametrize("text", _PIECE_SENTENCES)
def test_tokenize_by_pieces_matches_the_token_pattern(text: str) -> None:
    """Pieces of letters (with a mark before or after) read without the pattern."""
    fields = _fields(tokenize(text))
    assert fields == _fields(tokens.tokenize_plain(text)) == _fields(_plain_tokenize(text))
    for start in range(0, len(text), 7):
        for stop in (start + 1, start + 13, len(text)):
            assert _fields(tokenize(text, start, stop)) == _fields(
                tokens.tokenize_plain(text, start, stop)
            )


def test_tokenize_by_pieces_on_random_words() -> None:
    """Random runs of words, marks, numbers and spaces of every kind, cut anywhere."""
    rng = random.Random(21)
    pieces = [
        "word", "Word", "WORD", "Côte", "d’Ivoire", "Jürgen", "ß", "İ", "中文", "e\u0301",
        "²", "٣", "_", "12", "345", "000", "1.5", "2,5", "-", "–", "’", "'", "“", "”", "‘",
        "(", ")", ",", ".", ";", ":", "!", "?", '"', " ", " ", " ", "  ", "\u00a0", "\u202f",
        "\n", "\n\n", "\t", "Dr", "K", "U.S.", "St",
    ]  # fmt: skip
    for _ in range(3_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        assert _fields(tokenize(text)) == _fields(tokens.tokenize_plain(text)), text
        start = rng.randint(0, len(text))
        stop = rng.randint(start, len(text))
        assert _fields(tokenize(text, start, stop)) == _fields(
            tokens.tokenize_plain(text, start, stop)
        ), (text, start, stop)


def _plain_grow(found: list[Token], i: int) -> int:
    """A name run grown as first written: the bracket and bridge rules tried at every end."""
    j = i + 1
    limit = min(len(found), i + chunks._MAX_RUN_TOKENS)
    while j < limit:
        if not chunks._adjacent(found[j - 1], found[j]):
            break
        if chunks._is_name_token(found[j]):
            j += 1
            continue
        step = chunks._bracketed_acronym(found, j) or chunks._bridge(found, j)
        if not step:
            break
        j += step
    return j


_RUN_SENTENCES = [
    "The United Nations (UN) General Assembly met the UN 2030 Agenda for Sustainable Development.",
    "Red Notice and 47 Purple Notices; the Thai Police and the Federal Police; Office of Chiefs.",
    "the District Court on Monday 12 May; Côte d’Ivoire and the Port of Callao (Peru) – Lyon.",
    "Operation Pangea XVI, Project Stadia 2, INTERPOL’s Cyber Unit of the Federal Police in 2024.",
]


def test_name_runs_end_as_the_plain_rules_end_them(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _RUN_SENTENCES + _release_texts() + _PIECE_SENTENCES
    quick = [chunks.find_chunks(text, tokenize(text)) for text in texts]
    monkeypatch.setattr(chunks, "_grow", _plain_grow)
    plain = [chunks.find_chunks(text, tokenize(text)) for text in texts]
    shape = [[(c.start, c.end, c.sentence_initial, c.first) for c in run] for run in quick]
    assert shape == [[(c.start, c.end, c.sentence_initial, c.first) for c in run] for run in plain]
    assert sum(map(len, quick)) > 500


def test_a_run_without_brackets_names_its_own_words() -> None:
    """The segmenting of a run takes a part's texts for its name words when no "(" is in it."""
    for text in _RUN_SENTENCES + _release_texts():
        for run in chunks.find_chunks(text, tokenize(text)):
            texts = [t.text for t in run.tokens]
            for i in range(len(texts)):
                for j in range(i + 1, len(texts) + 1):
                    if "(" not in texts:
                        assert name_words(list(run.tokens[i:j])) == texts[i:j]


def test_a_run_carries_what_its_tokens_give() -> None:
    """A name run's texts, name words, joined name and end index, made once, are its tokens'."""
    sentences = [
        *_RUN_SENTENCES,
        "The UNITED NATIONS OFFICE (UNODC) and “Interpol’s” Côte-d’Ivoire desk – no digits here.",
        "Ask ( ) Here (A) And (BB) Then ( CC ) Now; the Office of the Prosecutor (OTP) said.",
    ]
    seen = 0
    for text in sentences + _release_texts():
        tokens = tokenize(text)
        for run in chunks.find_chunks(text, tokens):
            texts = [t.text for t in run.tokens]
            assert list(run.texts) == texts
            assert list(run.names) == name_words(list(run.tokens))
            assert run.name == " ".join(name_words(list(run.tokens)))
            assert run.stop == run.first + len(run.tokens)
            assert (run.start, run.end) == (run.tokens[0].start, run.tokens[-1].end)
            assert tokens[run.first : run.stop] == list(run.tokens)
            seen += "(" in texts
    assert seen >= 3  # runs with an acronym in brackets, whose name words leave it out
