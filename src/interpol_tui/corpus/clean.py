"""Turn a scraped release into clean text with its title, date and dateline."""

from __future__ import annotations

from dataclasses import dataclass

from interpol_tui.corpus.dates import date_line
from interpol_tui.corpus.furniture import indentation, is_navigation
from interpol_tui.corpus.glue import repair_sentences, split_glued_headings
from interpol_tui.corpus.headline import find_dateline, headline_from_sentence, reads_as_headline
from interpol_tui.corpus.sanitize import strip_controls

# Lines indented this deep inside a page whose prose is flush left are the
# captions of an image gallery, not article text.
_CAPTION_INDENT = 8


@dataclass(frozen=True, slots=True)
class CleanRelease:
    """The result of cleaning one release."""

    text: str
    title: str
    title_source: str
    date: str | None
    dateline: str | None
    captions: tuple[str, ...]
    removed: tuple[str, ...]
    """Furniture lines that were dropped (kept for diagnostics and tests)."""


def _is_gallery(lines: list[str]) -> bool:
    """True when some prose is flush left, so deeply indented lines are captions."""
    return any(line[:1] and not line[:1].isspace() for line in lines)


def clean_release(raw: str, fallback_title: str = "Untitled release") -> CleanRelease:
    """Clean ``raw`` scraped text: strip furniture, repair glue, find title/date/dateline."""
    lines = strip_controls(raw).split("\n")
    gallery = _is_gallery(lines)
    captions: list[str] = []
    removed: list[str] = []
    content: list[tuple[str, bool]] = []  # (line, preceded by a blank line)
    date: str | None = None
    blank_before = True
    for line in lines:
        stripped = line.strip()
        if not stripped:
            blank_before = True
            continue
        if is_navigation(stripped):
            removed.append(stripped)
        elif gallery and line[:1] in (" ", "\t") and indentation(line) >= _CAPTION_INDENT:
            captions.append(stripped)
        elif date is None and not content and (found := date_line(stripped)):
            date = found
            removed.append(stripped)
        elif date is None and len(content) == 1 and (found := date_line(stripped)):
            # "Title / 22 March 2017": a byline date right under the headline.
            date = found
            removed.append(stripped)
        else:
            content.append((stripped, blank_before))
            blank_before = False
            continue
        blank_before = True

    title, source = _choose_title(content, captions, fallback_title)
    if source == "headline":
        content = content[1:]
    paragraphs: list[str] = []
    for line, _ in content:
        paragraphs.extend(split_glued_headings(repair_sentences(line)))
    dateline = find_dateline(paragraphs[0])[0] if paragraphs else None
    return CleanRelease(
        text="\n\n".join(paragraphs),
        title=title,
        title_source=source,
        date=date,
        dateline=dateline,
        captions=tuple(captions),
        removed=tuple(removed),
    )


def _choose_title(
    content: list[tuple[str, bool]], captions: list[str], fallback: str
) -> tuple[str, str]:
    """Pick the headline: a headline line, else a headline-like caption, else the lede."""
    if content:
        first, _ = content[0]
        followed_by_break = len(content) == 1 or content[1][1]
        if reads_as_headline(first) and followed_by_break:
            return first, "headline"
    for caption in captions:
        if reads_as_headline(caption):
            return caption, "caption"
    if content:
        title = headline_from_sentence(repair_sentences(content[0][0]))
        if title:
            return title, "first_sentence"
    return fallback, "filename"
