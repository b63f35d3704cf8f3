"""Saved web pages (HTML) read with trafilatura: the article's title, date and body.

trafilatura tells the article from the page's navigation, sidebars and
footers, and reads the title and date from the page's metadata (``og:title``,
``article:published_time``, JSON-LD). A date is taken only where the page's
metadata states it (:func:`stated_date`), and otherwise found by our cleaner
the way it is found in a text release.
"""

from __future__ import annotations

import contextlib
import logging
import re
from functools import cache
from typing import TYPE_CHECKING, Any

from interpol_tui.corpus.dates import parse_date
from interpol_tui.corpus.formats.base import CONTROLS_REMOVED, Extracted
from interpol_tui.corpus.formats.markup import strip_dropped
from interpol_tui.corpus.formats.references import strip_control_references
from interpol_tui.corpus.headline import reads_as_headline

if TYPE_CHECKING:
    from configparser import ConfigParser

_BLOCKS = frozenset(("p", "head", "item", "quote", "code", "cell"))
_NOISY_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "readability")
INSTALL_HINT = "pip install trafilatura lxml_html_clean"
_HEAD_OPEN = re.compile(r"<head(?![\w:-])", re.IGNORECASE)
_HEAD_CLOSE = re.compile(r"</head\s*>", re.IGNORECASE)
_MAX_HEAD = 256 * 1024
"""Where a page never closes its head, this much of it is read for metadata."""
_TIME = re.compile(r"<time(?![\w:-])[^>]{0,300}>[^<]{0,100}</time\s*>", re.IGNORECASE)
_MAX_TIMES = 20


def _head(source: str) -> str:
    """The page's ``<head>``: two searches, so a page that never closes it costs one pass."""
    opening = _HEAD_OPEN.search(source)
    if opening is None:
        return ""
    closing = _HEAD_CLOSE.search(source, opening.end(), opening.end() + _MAX_HEAD)
    return source[opening.start() : closing.end() if closing else opening.end() + _MAX_HEAD]


@cache
def _config() -> ConfigParser:
    from trafilatura.settings import use_config

    for name in _NOISY_LOGGERS:
        # Its warnings would reach the CLI's stderr or the screen; ours say it once.
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)
    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")  # a short release is still a release
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    # The loader bounds the file; trafilatura's own cap would drop a page silently.
    config.set("DEFAULT", "MAX_FILE_SIZE", str(2**40))
    return config


def _text_of(element: Any) -> str:
    """The text of one block element, its line breaks kept, other whitespace collapsed."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        else:
            parts.append(_text_of(child))
        parts.append(child.tail or "")
    return "\n".join(" ".join(line.split()) for line in "".join(parts).split("\n"))


def _paragraphs(body: Any) -> list[str]:
    """One paragraph per block of trafilatura's article tree (a table row's cells joined)."""
    out: list[str] = []

    def walk(element: Any) -> None:
        for child in element:
            if child.tag == "row":
                cells = [_text_of(cell).replace("\n", " ") for cell in child]
                if any(cells):
                    out.append(" | ".join(cell for cell in cells if cell))
            elif child.tag in _BLOCKS and not any(c.tag in _BLOCKS for c in child):
                out.extend(line for line in _text_of(child).split("\n") if line.strip())
            else:
                if child.text and child.text.strip() and child.tag not in ("list", "table"):
                    out.append(" ".join(child.text.split()))
                walk(child)

    walk(body)
    return out


def stated_date(source: str) -> str | None:
    """The publication date the page's metadata states: its head and ``<time>`` elements.

    htmldate reads them (meta tags of every common kind, JSON-LD, ``datetime``
    attributes), but on a whole page it also guesses from dates in the text;
    given only the metadata, it cannot. Without metadata the cleaner looks
    for a date line, as in a text release.
    """
    parts = [_head(source), *_TIME.findall(source)[:_MAX_TIMES]]
    if not any(parts):
        return None
    from htmldate import find_date

    _config()  # its loggers silenced
    try:
        found = find_date(
            f"<html>{''.join(parts)}</html>", extensive_search=False, original_date=True
        )
    except (ValueError, TypeError, LookupError):
        return None
    return parse_date(found) if isinstance(found, str) else None


def _title_and_url(source: str) -> tuple[str | None, str | None]:
    """The page's title (``og:title``, JSON-LD, ``<title>``, ``<h1>``) and canonical address."""
    from trafilatura.metadata import (
        examine_meta,
        examine_title_element,
        extract_meta_json,
        extract_title,
        extract_url,
    )
    from trafilatura.utils import load_html

    tree = load_html(source)
    if tree is None:
        return None, None
    metadata = examine_meta(tree)
    # Malformed JSON-LD can raise anything in its parser; trafilatura guards the call alike.
    with contextlib.suppress(Exception):
        metadata = extract_meta_json(tree, metadata)
    title = metadata.title
    if not title:
        title = extract_title(tree)
        _, first, second = examine_title_element(tree)
        if title and title in (first, second):
            # "Site | Headline" or "Headline – Site": trafilatura takes the first
            # part; the headline is the part that reads as one (the longer, if both).
            parts = [part for part in (first, second) if part and reads_as_headline(part)]
            title = max(parts, key=len) if parts else title
    url = metadata.url or extract_url(tree)
    title = title if isinstance(title, str) and title.strip() else None
    return title, url if isinstance(url, str) else None


def extract(raw: str) -> Extracted | str:
    """The release in web page ``raw``, or why none was found."""
    source, controls = strip_control_references(strip_dropped(raw))
    try:
        from trafilatura import bare_extraction
    except ImportError as error:
        return f"HTML needs trafilatura ({error.msg}; {INSTALL_HINT}), skipped"
    try:
        # Its metadata pass also guesses the author, site, tags and date: the
        # title and address are read here instead, at a third of the cost.
        result = bare_extraction(
            source,
            with_metadata=False,
            include_comments=False,
            include_tables=True,
            config=_config(),
        )
        stated_title, url = _title_and_url(source)
    except (ValueError, TypeError, RecursionError, MemoryError, LookupError) as error:
        # Hostile markup can upset the parser in more ways than trafilatura catches.
        return f"the page could not be parsed ({type(error).__name__}), skipped"
    if result is None or isinstance(result, dict) or result.body is None:
        return "no article text found in the page, skipped"
    first = result.body[0] if len(result.body) else None
    headline: str | None = None
    if first is not None and first.tag == "head" and first.get("rend") == "h1":
        # The article's own headline: a title, never its first paragraph (the
        # dateline is looked for there), even where the metadata words it otherwise.
        headline = " ".join(_text_of(first).split())
        result.body.remove(first)
    blocks = _paragraphs(result.body)
    if not blocks:
        return "no article text found in the page, skipped"
    return Extracted(
        body="\n\n".join(blocks),
        title=stated_title or headline,
        date=stated_date(source),
        url=url,
        title_source="metadata",
        notes=(CONTROLS_REMOVED,) if controls else (),
    )
