"""The same release saved as text, Markdown, HTML or a record reads the same everywhere.

Same title, date, dateline and clean text, so the same analysis; every CLI
report on a folder of one format equals the report on the text versions (doc
ids aside), and a folder mixing them all opens in the app.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from formats_corpus import RELEASES, write_formats

from interpol_tui.analysis.pipeline import analyse_document
from interpol_tui.cli import main
from interpol_tui.corpus.loader import load_corpus
from interpol_tui.corpus.model import Document

SLUGS = {release.slug for release in RELEASES}


@pytest.fixture
def formats(tmp_path: Path) -> dict[str, Path]:
    return write_formats(tmp_path / "corpus")


def _slug(doc_id: str) -> str:
    """The release a doc id names: ``html/storm.html`` and ``export.csv#storm`` are ``storm``."""
    name = doc_id.rsplit("#", 1)[-1] if "#" in doc_id else doc_id
    return name.rsplit("/", 1)[-1].split(".")[0]


def _by_slug(documents: tuple[Document, ...]) -> dict[str, Document]:
    found = {_slug(doc.id): doc for doc in documents}
    assert set(found) == SLUGS, [doc.id for doc in documents]
    return found


def _sources(formats: dict[str, Path]) -> dict[str, Path]:
    """Each way the releases were saved: the three folders and the three records files."""
    records = formats["records"]
    return {
        "markdown": formats["markdown"],
        "html": formats["html"],
        "jsonl": records / "export.jsonl",
        "json": records / "export.json",
        "csv": records / "export.csv",
    }


def test_every_format_gives_the_text_versions_title_date_dateline_and_text(
    formats: dict[str, Path],
) -> None:
    text = _by_slug(load_corpus([formats["text"]]).documents)
    for release in RELEASES:
        assert text[release.slug].title == release.title
        assert text[release.slug].date == release.date
        assert text[release.slug].dateline == release.dateline
    for fmt, path in _sources(formats).items():
        corpus = load_corpus([path])
        assert corpus.warnings == (), (fmt, corpus.warnings)
        for slug, doc in _by_slug(corpus.documents).items():
            expected = text[slug]
            assert doc.format == fmt
            assert (doc.title, doc.date, doc.dateline) == (
                expected.title,
                expected.date,
                expected.dateline,
            ), fmt
            assert doc.text == expected.text, fmt
            assert "NOT TEXT" not in doc.text
            assert "**" not in doc.text and "](" not in doc.text
            assert not doc.title.startswith("#")


def test_every_format_gives_the_same_analysis(formats: dict[str, Path]) -> None:
    def spans(doc: Document) -> dict[str, Any]:
        fields = dataclasses.asdict(analyse_document(doc))
        fields.pop("doc_id")
        return fields

    text = {
        slug: spans(doc) for slug, doc in _by_slug(load_corpus([formats["text"]]).documents).items()
    }
    assert all(value["entities"] and value["figures"] for value in text.values())
    for fmt, path in _sources(formats).items():
        for slug, doc in _by_slug(load_corpus([path]).documents).items():
            assert spans(doc) == text[slug], (fmt, slug)


def _report(capsys: pytest.CaptureFixture[str], command: list[str], path: Path) -> Any:
    """A command's JSON with every doc id replaced by the release it names."""
    assert main([*command, "--corpus", str(path), "--json"]) == 0
    value = json.loads(capsys.readouterr().out)

    def normal(item: Any) -> Any:
        if isinstance(item, dict):
            return {
                key: _slug(value)
                if key == "doc"
                else [_slug(doc) for doc in value]
                if key == "docs"
                else normal(value)
                for key, value in item.items()
                # Where the release came from differs by format, nothing else may.
                if key not in ("title_source", "format", "url")
            }
        if isinstance(item, list):
            return [normal(value) for value in item]
        return item

    return normal(value)


@pytest.mark.parametrize(
    "command",
    [["docs"], ["entities"], ["figures"], ["quotes"], ["stats"], ["search", "INTERPOL"]],
    ids=lambda command: command[0],
)
def test_every_cli_report_is_the_same_for_every_format(
    capsys: pytest.CaptureFixture[str], formats: dict[str, Path], command: list[str]
) -> None:
    expected = _report(capsys, command, formats["text"])
    assert expected
    for fmt, path in _sources(formats).items():
        assert _report(capsys, command, path) == expected, fmt


def test_a_mixed_folder_reads_each_release_the_same_in_every_format(
    formats: dict[str, Path], tmp_path: Path
) -> None:
    corpus = load_corpus([formats["text"].parent])
    assert corpus.warnings == ()
    assert len(corpus.documents) == len(RELEASES) * 6
    assert {doc.format for doc in corpus.documents} == {
        "text",
        "markdown",
        "html",
        "jsonl",
        "json",
        "csv",
    }
    seen: dict[str, set[tuple[str, str | None, str | None, str]]] = {}
    for doc in corpus.documents:
        seen.setdefault(_slug(doc.id), set()).add((doc.title, doc.date, doc.dateline, doc.text))
    assert all(len(versions) == 1 for versions in seen.values()), seen


def test_docs_json_says_each_releases_format_and_url(
    capsys: pytest.CaptureFixture[str], formats: dict[str, Path]
) -> None:
    assert main(["docs", "--corpus", str(formats["text"].parent), "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    formats_by_doc = {record["doc"]: record["format"] for record in records}
    assert formats_by_doc["html/storm.html"] == "html"
    assert formats_by_doc["markdown/storm.md"] == "markdown"
    assert formats_by_doc["records/export.jsonl#storm"] == "jsonl"
    assert formats_by_doc["records/export.csv#storm"] == "csv"
    assert formats_by_doc["text/storm.txt"] == "text"
    urls = {record["doc"]: record["url"] for record in records}
    assert urls["html/storm.html"] == "https://news.example.org/storm"
    assert urls["records/export.json#vienna"] == "https://news.example.org/vienna"
    assert urls["text/storm.txt"] is None


@pytest.mark.parametrize("command", ["figures", "entities", "quotes"])
def test_a_mixed_folder_gives_every_version_of_a_release_the_same_report(
    capsys: pytest.CaptureFixture[str], formats: dict[str, Path], command: str
) -> None:
    assert main([command, "--corpus", str(formats["text"].parent), "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    by_version: dict[str, dict[str, list[Any]]] = {}
    for record in records:
        version = by_version.setdefault(_slug(record["doc"]), {}).setdefault(record["doc"], [])
        version.append({key: value for key, value in record.items() if key != "doc"})
    # The Vienna release quotes nobody.
    assert set(by_version) == (SLUGS - {"vienna"} if command == "quotes" else SLUGS)
    for slug, versions in by_version.items():
        assert len(versions) == 6, (slug, list(versions))
        first, *others = versions.values()
        assert first
        assert all(other == first for other in others), slug
