"""Saved web pages: metadata beats text heuristics; hostile pages give one warning at most."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from interpol_tui.corpus.formats.markup import strip_dropped
from interpol_tui.corpus.loader import load_corpus
from interpol_tui.corpus.model import Corpus, Document

ARTICLE = (
    "<p>HANOI, Viet Nam – Customs and police officers from eight countries seized "
    "1,200 kg of pangolin scales during a joint operation.</p>\n"
    "<p>The seizures were made at ports and airports over three weeks.</p>\n"
)


def _page(head: str = "", article: str = ARTICLE, before: str = "", after: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>{before}"
        f"<article>{article}</article>{after}<footer>© Example News</footer></body></html>"
    )


def _load_page(tmp_path: Path, page: str | bytes, max_bytes: int = 5 * 1024 * 1024) -> Corpus:
    folder = tmp_path / "pages"
    folder.mkdir(exist_ok=True)
    path = folder / "page.html"
    if isinstance(page, str):
        path.write_text(page, encoding="utf-8")
    else:
        path.write_bytes(page)
    return load_corpus([folder], max_bytes=max_bytes)


def _one(corpus: Corpus) -> Document:
    (doc,) = corpus.documents
    return doc


def test_metadata_title_and_date_beat_the_text(tmp_path: Path) -> None:
    page = _page(
        head="<title>News | Site</title>"
        "<meta property='og:title' content='Wildlife traffickers hit by joint operation'>"
        "<meta property='article:published_time' content='2020-10-05T08:00:00Z'>",
        article="<h1>Pangolin scale seizures in Asia</h1><p>Posted 9 October 2020</p>" + ARTICLE,
    )
    doc = _one(_load_page(tmp_path, page))
    assert doc.title == "Wildlife traffickers hit by joint operation"
    assert doc.title_source == "metadata"
    assert doc.date == "2020-10-05"
    # The page's own headline and byline date are neither text nor the first paragraph.
    assert doc.dateline == "HANOI, Viet Nam"
    assert doc.text.startswith("HANOI, Viet Nam – Customs")
    assert "Pangolin scale seizures" not in doc.text and "Posted" not in doc.text
    assert "Home" not in doc.text and "Example News" not in doc.text


def test_without_metadata_the_page_reads_like_text(tmp_path: Path) -> None:
    page = _page(
        article="<h2>Pangolin scales seized at eight ports</h2><p>5 October 2020</p>" + ARTICLE
    )
    doc = _one(_load_page(tmp_path, page))
    assert doc.title == "Pangolin scales seized at eight ports"
    assert doc.date == "2020-10-05"  # found by the cleaner, as in a text file
    assert doc.dateline == "HANOI, Viet Nam"


@pytest.mark.parametrize(
    "mention",
    [
        "The operation ran until 30 September 2020.",
        "Case file 2020-09-30 was opened at the court.",
        "The suspects appear in court on 2020/10/02 at 10:00.",
    ],
)
def test_a_date_only_in_running_text_is_not_the_pages_date(tmp_path: Path, mention: str) -> None:
    page = _page(head="<title>Scales seized</title>", article=ARTICLE + f"<p>{mention}</p>")
    assert _one(_load_page(tmp_path, page)).date is None


def test_json_ld_and_time_elements_are_metadata(tmp_path: Path) -> None:
    json_ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "Scales seized at eight ports", '
        '"datePublished": "2020-10-05T08:00:00Z"}</script>'
    )
    doc = _one(_load_page(tmp_path, _page(head=json_ld)))
    assert doc.date == "2020-10-05"
    assert doc.title == "Scales seized at eight ports"
    timed = ARTICLE.replace("<p>The", "<p><time datetime='2019-02-11'>11 February</time> The")
    assert _one(_load_page(tmp_path, _page(article=timed))).date == "2019-02-11"


def test_scripts_styles_comments_and_svg_never_reach_the_text(tmp_path: Path) -> None:
    junk = (
        "<script>var text = 'SCRIPT TEXT';</script><style>p { content: 'STYLE TEXT' }</style>"
        "<!-- COMMENT TEXT <script> --><svg><text>SVG TEXT</text></svg>"
        "<SCRIPT type='module'>document.write('<p>WRITTEN TEXT</p>')</SCRIPT >"
    )
    doc = _one(_load_page(tmp_path, _page(before=junk, article=ARTICLE + junk, after=junk)))
    for leftover in ("SCRIPT", "STYLE", "COMMENT", "SVG", "WRITTEN"):
        assert leftover not in doc.text
    assert "pangolin scales" in doc.text


def test_strip_dropped_is_one_pass_and_keeps_similar_tags() -> None:
    assert strip_dropped("a<scripts>b</scripts>c<script>d") == "a<scripts>b</scripts>c"
    assert (
        strip_dropped("<style-box>kept</style-box><Style>x</STYLE>")
        == "<style-box>kept</style-box>"
    )
    assert strip_dropped("<!-- <script> -->after") == "after"
    # Thousands of unclosed openings: cut once, at the first.
    assert strip_dropped("text" + "<script>" * 50_000) == "text"


@pytest.mark.parametrize(
    "escape",
    ["&#27;[31m", "&#x1b;]0;owned&#x7;", "&#X1B;]52;c;ZXZpbA==&#7;", "\x1b[2J", "&#0027;[1m"],
)
def test_escape_sequences_in_a_page_are_stripped_whole(tmp_path: Path, escape: str) -> None:
    page = _page(
        head=f"<meta property='og:title' content='Safe {escape}title for the page'>",
        article=f"<p>HANOI, Viet Nam – Officers {escape}seized scales in a joint operation.</p>",
    )
    doc = _one(_load_page(tmp_path, page))
    for leftover in ("[31m", "]0;", "owned", "52;c", "[2J", "[1m", "\x1b"):
        assert leftover not in doc.text and leftover not in doc.title
    assert doc.title == "Safe title for the page"
    assert doc.warnings == ("page.html: terminal control characters removed",)


def test_c1_references_read_as_a_browser_reads_them(tmp_path: Path) -> None:
    page = _page(article="<p>HANOI, Viet Nam &#150; Officers met &#147;today&#148; in Hanoi.</p>")
    doc = _one(_load_page(tmp_path, page))
    assert "HANOI, Viet Nam – Officers met “today” in Hanoi." in doc.text


def test_malformed_pages_load_or_give_one_warning(tmp_path: Path) -> None:
    soup = (
        "<html><body><div><p>HANOI, Viet Nam – Officers <b>met <i>in</b> Hanoi</i> to "
        "share intelligence on smuggling routes.<p>They <table><td>agreed</div></span> "
        "to meet again.</ul></p></body>"
    )
    doc = _one(_load_page(tmp_path, soup))
    assert "share intelligence on smuggling routes" in doc.text
    deep = "<html><body>" + "<div>" * 20_000 + ARTICLE + "</div>" * 3 + "<p>no end"
    corpus = _load_page(tmp_path, deep)
    assert len(corpus.documents) + len(corpus.warnings) >= 1
    assert len([w for w in corpus.warnings if "page.html" in w]) <= 1


def test_a_page_without_an_article_is_one_warning(tmp_path: Path) -> None:
    corpus = _load_page(tmp_path, "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert corpus.documents == ()
    assert corpus.warnings == ("page.html: no article text found in the page, skipped",)


def test_a_huge_page_is_bounded(tmp_path: Path) -> None:
    limit = 64 * 1024
    # Markup takes room: a page may be four times the limit of a text release ...
    script = "<script>" + "x = 1;\n" * (limit // 3) + "</script>"
    doc = _one(_load_page(tmp_path, _page(before=script), max_bytes=limit))
    assert "x = 1" not in doc.text
    # ... and no more.
    corpus = _load_page(tmp_path, _page(before=script * 3), max_bytes=limit)
    assert corpus.documents == ()
    (warning,) = corpus.warnings
    assert warning.startswith("page.html: ") and "over the 262,144-byte limit" in warning


def test_a_binary_garbled_page_loads_or_gives_one_warning(tmp_path: Path) -> None:
    rng = random.Random(15)
    page = bytearray(_page(article=ARTICLE * 20).encode("utf-8"))
    for _ in range(300):
        page[rng.randrange(len(page))] = rng.randrange(128, 256)
    corpus = _load_page(tmp_path, bytes(page))
    assert len(corpus.warnings) == 1 and corpus.warnings[0].startswith("page.html: ")
    for doc in corpus.documents:
        assert "\x00" not in doc.text
    page[100:110] = b"\x00" * 10
    corpus = _load_page(tmp_path, bytes(page))
    assert corpus.warnings == ("page.html: binary file, not text, skipped",)


def test_trafilatura_is_imported_only_when_a_page_is_read(tmp_path: Path) -> None:
    text_folder = tmp_path / "text"
    text_folder.mkdir()
    (text_folder / "a.txt").write_text("A title of a release\n\nLYON, France – Text.\n")
    page = tmp_path / "page.html"
    page.write_text(_page(), encoding="utf-8")
    script = (
        "import sys\n"
        "import interpol_tui.cli, interpol_tui.ui.app\n"
        "from interpol_tui.corpus.loader import load_corpus\n"
        f"load_corpus([{str(text_folder)!r}])\n"
        "print('trafilatura' in sys.modules, 'lxml' in sys.modules)\n"
        f"load_corpus([{str(page)!r}])\n"
        "print('trafilatura' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert out.split() == ["False", "False", "True"]


def test_without_trafilatura_a_page_is_one_warning_saying_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    corpus = _load_page(tmp_path, _page())
    (warning,) = corpus.warnings
    assert warning.startswith("page.html: HTML needs trafilatura")
    assert "pip install trafilatura lxml_html_clean" in warning


def test_an_article_over_the_limit_of_a_text_release_is_one_warning(tmp_path: Path) -> None:
    limit = 16 * 1024
    article = "<p>HANOI, Viet Nam – Officers met.</p>" + "<p>More officers met again.</p>" * 700
    corpus = _load_page(tmp_path, _page(article=article), max_bytes=limit)
    assert corpus.warnings == ("page.html: article text over the 16,384-byte limit, skipped",)


def test_a_page_that_never_closes_its_head_is_read_in_one_pass(tmp_path: Path) -> None:
    from interpol_tui.corpus.formats.html import stated_date

    head = "<head><meta property='article:published_time' content='2018-04-09'>"
    assert stated_date(head + "<head>" * 100_000) == "2018-04-09"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Example News | Pangolin scales seized at eight ports",
            "Pangolin scales seized at eight ports",
        ),
        (
            "Pangolin scales seized at eight ports – Example News",
            "Pangolin scales seized at eight ports",
        ),
        (
            "Regional Police Bureau » Wildlife officers seize scales",
            "Wildlife officers seize scales",
        ),
        ("Police News - Arrests", "Police News"),  # neither part reads as a headline
    ],
)
def test_the_headline_part_of_a_title_element_is_the_title(
    tmp_path: Path, title: str, expected: str
) -> None:
    # Broken JSON-LD stated no title; the <title> is all there is.
    head = (
        f"<title>{title}</title>"
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": [}</script>'
    )
    doc = _one(_load_page(tmp_path, _page(head=head)))
    assert doc.title == expected
    assert doc.dateline == "HANOI, Viet Nam"


def test_a_saved_pages_assets_folder_is_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    assets = folder / "Scales seized_files"
    assets.mkdir(parents=True)
    (folder / "Scales seized.html").write_text(_page(), encoding="utf-8")
    (assets / "ad-frame.html").write_text(_page(article="<p>Buy a new car today.</p>"), "utf-8")
    (assets / "style.css").write_text("p { color: red }")
    # A folder so named without its page beside it is read as any other.
    (folder / "notes_files").mkdir()
    (folder / "notes_files" / "n.txt").write_text(
        "Officers met in Lyon\n\nLYON, France – They met.\n"
    )
    corpus = load_corpus([folder])
    assert sorted(doc.id for doc in corpus.documents) == ["Scales seized.html", "notes_files/n.txt"]
    assert corpus.warnings == ()
