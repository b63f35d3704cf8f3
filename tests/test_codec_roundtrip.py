"""What the snapshot stores of an analysis reads back equal, for every field the model has."""

from __future__ import annotations

from pathlib import Path

import pytest

from interpol_tui.analysis.pipeline import analyse_document, analyse_text
from interpol_tui.corpus.loader import load_corpus
from interpol_tui.state import codec

UNSEEN = Path(__file__).parent / "data" / "unseen"


@pytest.mark.parametrize("which", ["seeds", "unseen"])
def test_every_analysis_reads_back_equal(seeds_dir: Path, which: str) -> None:
    corpus = load_corpus([seeds_dir if which == "seeds" else UNSEEN])
    for document in corpus.documents:
        analysis = analyse_document(document)
        stored = codec.encode(analysis, document.text)
        assert codec.decode(document.id, stored, document.text) == analysis, document.id


def test_ranges_and_headline_figures_read_back() -> None:
    # A range's lower end is ``float | None``: None must not fail the number check,
    # and headline figures (offsets into the title) are stored beside the body's.
    text = "Officers seized between EUR 3,000 and EUR 6,000 in cash and 40 phones.\n"
    analysis = analyse_text("a.txt", text, "Police seize 2 tonnes of cocaine")
    assert {figure.low for figure in analysis.figures} == {3000, None}
    assert [figure.value for figure in analysis.headline_figures] == [2]
    stored = codec.encode(analysis, text)
    assert codec.decode("a.txt", stored, text) == analysis
