"""Markdown read as Markdown (markdown-it-py): front matter, the first heading, plain text.

Emphasis, links, images and HTML tags are markup, not words, so they leave
no trace in the clean text; headings, list items, quotations, table rows and
code blocks each become a paragraph, as they would be in a plain-text release.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from interpol_tui.corpus.dates import parse_date
from interpol_tui.corpus.formats.base import CONTROLS_REMOVED, Extracted
from interpol_tui.corpus.formats.markup import strip_dropped
from interpol_tui.corpus.formats.references import strip_control_references

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_FRONT_MATTER = re.compile(
    r"\A(?P<fence>---|\+\+\+)[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.|\+\+\+)[ \t]*(?:\n|\Z)", re.DOTALL
)
_YAML_PAIR = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$")
_TAG = re.compile(r"<[^>]*>")
_MAX_FRONT_MATTER = 64 * 1024
"""Front matter is a few lines; a 'fence' that long is text that happens to start with ---."""

_SILENT = frozenset(
    {"html_inline", "image", "link_open", "link_close", "em_open", "em_close"}
    | {"strong_open", "strong_close", "s_open", "s_close"}
)
"""Inline markup that is not words: its tokens leave nothing in the text."""


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def front_matter(source: str) -> tuple[dict[str, str], str, str | None]:
    """Split YAML (``---``) or TOML (``+++``) front matter off ``source``.

    Returns its simple ``key: value`` pairs (keys lowercased), the Markdown
    after it, and a note when front matter was there but could not be read.
    """
    match = _FRONT_MATTER.match(source)
    if match is None or len(match["body"]) > _MAX_FRONT_MATTER:
        return {}, source, None
    rest = source[match.end() :]
    pairs: dict[str, str] = {}
    if match["fence"] == "+++":
        try:
            table = tomllib.loads(match["body"])
        except tomllib.TOMLDecodeError:
            return {}, rest, "TOML front matter could not be read"
        pairs = {key.lower(): str(value) for key, value in table.items() if value is not None}
        return pairs, rest, None
    # Only the flat "key: value" lines matter (title, date): no YAML library is needed for them.
    for line in match["body"].split("\n"):
        pair = _YAML_PAIR.match(line)
        if pair and pair["value"]:
            pairs.setdefault(pair["key"].lower(), _unquote(pair["value"]))
    return pairs, rest, None


def _inline(children: Sequence[Token]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type not in _SILENT:
            parts.append(child.content)
    # Dropped markup (an image, a tag) leaves its spaces behind: collapse them.
    return "\n".join(" ".join(line.split()) for line in "".join(parts).split("\n")).strip()


def paragraphs(tokens: Sequence[Token]) -> tuple[list[str], str | None]:
    """The plain-text paragraphs of a parsed document, and its first block when a heading."""
    out: list[str] = []
    row: list[str] | None = None
    heading: str | None = None
    in_heading = False
    for token in tokens:
        if token.type == "heading_open":
            in_heading = True
        elif token.type == "heading_close":
            in_heading = False
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            if any(row):
                out.append(" | ".join(row))
            row = None
        elif token.type == "inline":
            text = _inline(token.children or ())
            if row is not None:
                row.append(text)
            elif text:
                if in_heading and not out:
                    heading = text
                out.append(text)
        elif token.type in ("fence", "code_block"):
            out.extend(line.strip() for line in token.content.split("\n") if line.strip())
        elif token.type == "html_block":
            text = " ".join(_TAG.sub(" ", token.content).split())
            if text:
                out.append(text)
    return out, heading


def extract(raw: str) -> Extracted | str:
    """The release in Markdown ``raw``: front matter title/date, else the first heading."""
    source, controls = strip_control_references(raw)
    pairs, markdown, note = front_matter(source)
    # Raw HTML is allowed in Markdown: a script's or a comment's words are no text either.
    markdown = strip_dropped(markdown)
    blocks, heading = paragraphs(_parser().parse(markdown))
    notes = [CONTROLS_REMOVED] if controls else []
    notes += [note] if note else []
    title = pairs.get("title") or heading
    date: str | None = None
    if stated := pairs.get("date") or pairs.get("published"):
        date = parse_date(stated)
        if date is None:
            notes.append(f"front matter date {stated[:40]!r} is not a date")
    if not blocks and not title:
        return "no text in the Markdown file, skipped"
    return Extracted(
        body="\n\n".join(blocks),
        title=title,
        date=date,
        url=pairs.get("url") or pairs.get("link"),
        title_source="front_matter" if pairs.get("title") else "heading",
        notes=tuple(notes),
    )
