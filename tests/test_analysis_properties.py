"""Property tests: analysis never raises and every span lies inside the text it came from."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interpol_tui.analysis.model import DocumentAnalysis
from interpol_tui.analysis.pipeline import analyse_text

# Pieces of press-release English, marks and numbers that exercise every rule.
PIECES = [
    "Secretary General",
    "Jürgen Stock",
    "Stock",
    "Mr",
    "said",
    "concluded",
    "the Head of",
    "INTERPOL",
    "Interpol’s",
    "United Nations",
    "(UN)",
    "UN",
    "General Assembly",
    "Operation",
    "operations",
    "Haechi IV",
    "database",
    "I-Familia",
    "Central and South",
    "America",
    "Chad",
    "NEW DELHI",
    "–",
    "“",
    "”",
    "‘",
    "’",
    '"',
    "'",
    "(",
    ")",
    ",",
    ".",
    ":",
    ";",
    "\n\n",
    "nearly",
    "more than",
    "some",
    "over",
    "a",
    "thousandfold",
    "ninety-nine",
    "four-day",
    "eight billion",
    "4.5",
    "billion",
    "1,000",
    "USD",
    "$",
    "€",
    "60",
    "million",
    "%",
    "per cent",
    "71/19",
    "2178",
    "Resolution",
    "22 March",
    "July 2015",
    "In 2017",
    "In the past 10 months",
    "2023",
    "alone",
    "times",
    "queried",
    "databases",
    "searches",
    "every second",
    "members",
    "countries",
    "delegates",
    "from",
    "officials",
    "Al-Raisi",
    "President",
    "Prime Minister",
    "he",
    "added",
    "National Central Bureaus",
    "(NCBs)",
    "NCBs",
    "Vienna Declaration",
    "Global Policing Goals",
    "the",
    "of",
    "and",
    "1 /",
    "3",
]


def _check(text: str, analysis: DocumentAnalysis) -> None:
    spans = [*analysis.entities, *analysis.figures, *analysis.quotes, *analysis.dates]
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text
    for figure in analysis.figures:
        start = figure.sentence_start
        assert text[start : start + len(figure.sentence)] == figure.sentence
        assert figure.value == figure.value  # never NaN
    for kind in (analysis.entities, analysis.figures, analysis.quotes, analysis.dates):
        starts = [span.start for span in kind]
        assert starts == sorted(starts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_unicode_never_raises(text: str) -> None:
    _check(text, analyse_text("doc", text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=60), st.sampled_from([" ", "", "\n"]))
def test_press_release_fragments_never_raise(pieces: list[str], glue: str) -> None:
    text = glue.join(pieces)
    _check(text, analyse_text("doc", text))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(PIECES), st.text(alphabet=st.characters(), max_size=8)),
        max_size=40,
    )
)
def test_fragments_mixed_with_noise_never_raise(pieces: list[str]) -> None:
    text = " ".join(pieces)
    _check(text, analyse_text("doc", text))
