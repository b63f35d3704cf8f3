"""Two releases compared: shared names, like figures with their change, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from across_fixtures import write_corpus

from interpol_tui.analysis.compare import compare_releases
from interpol_tui.analysis.model import DocumentAnalysis, EntitySpan, Figure
from interpol_tui.analysis.pipeline import analyse_document
from interpol_tui.cli import main
from interpol_tui.corpus.loader import load_corpus
from interpol_tui.corpus.model import Document


def _doc(doc_id: str, date: str | None, text: str = "Text.") -> Document:
    return Document(doc_id, Path(doc_id), f"Title {doc_id}", date, None, text)


def _figure(value: float, counts: str, sentence: str) -> Figure:
    at = sentence.index(str(int(value)))
    text = f"{int(value)} {counts}"
    return Figure(at, at + len(text), text, value, None, None, counts, sentence, 0)


def test_older_release_comes_first_and_like_figures_pair() -> None:
    old = _doc("old", "2019-01-01")
    new = _doc("new", "2023-06-01")
    s_old = "The network now has 40 member states across the region."
    s_new = "The network now has 44 member states across the region."
    analyses = {
        "old": DocumentAnalysis(
            "old",
            entities=(
                EntitySpan(0, 3, "Ann", "person", "Ann Lee"),
                EntitySpan(5, 8, "ABC", "organization", "ABC"),
            ),
            figures=(
                _figure(40, "member states", s_old),
                _figure(7, "ships", "It seized 7 ships."),
            ),
        ),
        "new": DocumentAnalysis(
            "new",
            entities=(
                EntitySpan(0, 3, "ann", "person", "ANN LEE"),
                EntitySpan(5, 8, "XYZ", "organization", "XYZ"),
            ),
            figures=(_figure(44, "member states", s_new),),
        ),
    }
    comparison = compare_releases(new, old, analyses)  # given newest first
    assert (comparison.before.id, comparison.after.id) == ("old", "new")
    assert [p.label for p in comparison.figures] == ["member states 40 → 44"]
    assert comparison.figures[0].change.label == "+4 (+10%)"
    people, organisations, operations = comparison.entities
    assert people.shared == ("Ann Lee",)  # case folded
    assert (organisations.only_before, organisations.only_after) == (("ABC",), ("XYZ",))
    assert operations.shared == operations.only_before == ()


def test_unlike_figures_do_not_pair() -> None:
    a, b = _doc("a", "2020"), _doc("b", "2021")
    analyses = {
        "a": DocumentAnalysis("a", figures=(_figure(40, "arrests", "Police made 40 arrests."),)),
        "b": DocumentAnalysis("b", figures=(_figure(90, "vessels", "Crews boarded 90 vessels."),)),
    }
    assert compare_releases(a, b, analyses).figures == ()


def test_undated_releases_keep_the_order_given() -> None:
    a, b = _doc("a", None), _doc("b", None)
    analyses = {"a": DocumentAnalysis("a"), "b": DocumentAnalysis("b")}
    assert compare_releases(b, a, analyses).before.id == "b"


def test_synthetic_alliance_compared(tmp_path: Path) -> None:
    corpus = load_corpus([write_corpus(tmp_path / "c")])
    analyses = {d.id: analyse_document(d) for d in corpus.documents}
    by_id = {d.id: d for d in corpus.documents}
    comparison = compare_releases(by_id["2024-harbour.txt"], by_id["2021-harbour.txt"], analyses)
    assert [p.label for p in comparison.figures] == ["member states 42 → 45"]
    assert comparison.entities[0].only_after == ("Tomas Berg",)


def test_cli_compare_json_on_the_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "004_4c617bd0e601aa67.txt", "001", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["before"]["doc"] == "001_fdf3ecd901da1a00.txt"
    labels = [f["label"] for f in data["figures"]]
    assert "member countries 192 → 196" in labels
    pair = data["figures"][labels.index("member countries 192 → 196")]
    assert (pair["before"]["value"], pair["after"]["value"], pair["change"]["absolute"]) == (
        192,
        196,
        4,
    )
    assert "Jürgen Stock" in data["entities"]["person"]["shared"]


def test_cli_compare_text_and_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "004", "001"]) == 0
    out = capsys.readouterr().out
    assert "member countries" in out and "people in both: Jürgen Stock" in out
    assert main(["compare", "004", "nothing-like-this"]) == 2
    assert "no release 'nothing-like-this'" in capsys.readouterr().err
    assert main(["compare", "004", "004"]) == 2
    assert main(["compare", "00", "001"]) == 2
    assert "names 5 releases" in capsys.readouterr().err
