"""figure_subject skips its owner search where no "’s" or "'s" is near: the same answers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from interpol_tui.analysis import series_context
from interpol_tui.analysis.series_context import figure_subject

PIECES = ["the", "EU", "Union", "INTERPOL", "ASEAN", "’s", "'s", "s", "member", "states"]
PIECES += ["of", "in", "Europe", "countries", "its", "The Organization", ",", "new", "’", "'"]


def _plain(sentence: str, at: int, length: int) -> str | None:
    """figure_subject as it was: the owner searched for in every window."""
    before = series_context._OWNER_BEFORE.search(
        sentence[max(0, at - series_context._BEFORE_CHARS) : at]
    )
    after = sentence[at + length : at + length + series_context._BEFORE_CHARS]
    match = before or series_context._OWNER_AFTER.match(after)
    if match is None:
        return None
    words = [w.lower() for w in match["owner"].split() if w.lower() not in ("the", "of")]
    if not words or (len(words) == 1 and words[0] in series_context._GENERIC_OWNERS):
        return None
    return " ".join(words)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=12),
    st.sampled_from(["", " ", "\u00a0"]),
    st.lists(st.sampled_from(PIECES), max_size=8),
)
def test_the_subject_is_the_plain_searchs(before: list[str], glue: str, after: list[str]) -> None:
    head = " ".join(before).replace(" ’s", "’s").replace(" 's", "'s") + glue
    sentence = f"{head}27 member states {' '.join(after)}"
    assert figure_subject(sentence, len(head), 2) == _plain(sentence, len(head), 2)


def test_an_owner_is_still_found() -> None:
    sentence = "the EU’s 27 member states and INTERPOL's 196 member countries"
    assert figure_subject(sentence, sentence.index("27"), 2) == "eu"
    assert figure_subject(sentence, sentence.index("196"), 3) == "interpol"
