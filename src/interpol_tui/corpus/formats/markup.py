"""Markup that never holds article text, cut from a page (or a Markdown file) before parsing."""

from __future__ import annotations

import re

_DROPPED = ("script", "style", "template", "svg", "math")
"""Elements whose content is never article text; cut before parsing, so a page
that is mostly script costs the parser nothing."""
_OPENING = {tag: re.compile(rf"<{tag}(?![\w:-])", re.IGNORECASE) for tag in _DROPPED}
# JSON-LD is the page's metadata (headline, datePublished), not script: it stays.
_OPENING["script"] = re.compile(r"<script(?![\w:-])(?![^>]*ld\+json)", re.IGNORECASE)
_CLOSING = {tag: re.compile(rf"</{tag}\s*>", re.IGNORECASE) for tag in _DROPPED}
_COMMENT, _COMMENT_END = re.compile("<!--"), re.compile("-->")


def _cut(source: str, opening: re.Pattern[str], closing: re.Pattern[str]) -> str:
    """Remove every span from an ``opening`` match to the next ``closing`` match.

    Searched from where the last cut ended, so the page is read once however
    many spans it has; an unclosed span runs to the end of the page (as a
    browser would read an unclosed ``<script>``).
    """
    kept: list[str] = []
    position = 0
    while (start := opening.search(source, position)) is not None:
        kept.append(source[position : start.start()])
        end = closing.search(source, start.end())
        position = len(source) if end is None else end.end()
    kept.append(source[position:])
    return "".join(kept)


def strip_dropped(source: str) -> str:
    """``source`` without comments and the elements that never hold article text."""
    if "<" not in source:
        return source
    # Comments first: a commented-out <script> must not start a cut.
    source = _cut(source, _COMMENT, _COMMENT_END)
    for tag in _DROPPED:
        source = _cut(source, _OPENING[tag], _CLOSING[tag])
    return source


_MARKUP = re.compile(r"</(?:p|div|li|h[1-6]|span|a|strong|em|b|i|td)\s*>|<br\s*/?>", re.IGNORECASE)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|blockquote|section|article|header|footer)"
    r"(?![\w:-])[^>]*>",
    re.IGNORECASE,
)
_ANY_TAG = re.compile(r"<[a-zA-Z/!][^>]*>")


def holds_markup(text: str) -> bool:
    """True when a record's text is an HTML fragment (``<p>…</p>``), not plain text."""
    return "<" in text and _MARKUP.search(text) is not None


def fragment_text(fragment: str) -> str:
    """The plain text of an HTML fragment: blocks become paragraphs, tags and entities go."""
    import html

    text = _BLOCK_TAG.sub("\n\n", strip_dropped(fragment))
    text = html.unescape(_ANY_TAG.sub("", text))
    paragraphs = (" ".join(part.split()) for part in re.split(r"\n\s*\n", text))
    return "\n\n".join(part for part in paragraphs if part)
