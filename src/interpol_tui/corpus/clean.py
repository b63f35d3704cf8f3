"""Turn a scraped release into clean text with its title, date and dateline."""

from __future__ import annotations

from dataclasses import dataclass, field

from interpol_tui.corpus.dates import find_date
from interpol_tui.corpus.furniture import indentation, is_counter_label, is_navigation
from interpol_tui.corpus.glue import repair_sentences, split_glued_headings
from interpol_tui.corpus.headline import (
    find_dateline,
    headline_from_sentence,
    is_masthead,
    is_place_line,
    reads_as_headline,
)
from interpol_tui.corpus.sanitize import strip_controls
from interpol_tui.corpus.stamps import labelled_date, lede_date, read_stamp

# Lines indented this deep inside a page whose prose is flush left are the
# captions of an image gallery, not article text.
_CAPTION_INDENT = 8
# A line this long, or a sentence of this many words, is article prose: the
# page's header (headline, stamps, labels) ends there.
_PROSE_CHARS = 160
_PROSE_WORDS = 5
# Lines of text that are never wrapped are longer than this: a headline
# followed directly by one needs no blank line between them.
_UNWRAPPED_CHARS = 100
# Hard-wrapped text (an e-mail, a PDF copy): no line longer than this, and at
# least half the lines filled to this share of the longest.
_WRAP_MAX_CHARS = 100
_WRAP_FILLED = 0.6
_WRAP_MIN_LINES = 4
_OPEN_WORDS = frozenset(
    "a an the of to and or in on at by for from with as that which who its their".split()  # noqa: SIM905
)
_SENTENCE_END = ".!?:;”\"'"
_LEDE_PARAGRAPHS = 3
"""Paragraphs searched for a dateline or a date stamp at the top of the text."""


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


@dataclass
class _Header:
    """What the top of the page says: its date, the place printed with it."""

    date: str | None = None
    place: str | None = None
    dated_headline: bool = False
    """A date stamp sits right under the first line (so that line is the headline)."""
    place_lines: list[str] = field(default_factory=list)
    """Stamps that name a place or a publisher: they stay in the text."""


def _is_gallery(lines: list[str]) -> bool:
    """True when some prose is flush left, so deeply indented lines are captions."""
    return any(line[:1] and not line[:1].isspace() for line in lines)


def _ends_header(line: str, content: list[tuple[str, bool]]) -> bool:
    """True when ``line`` is article prose, so the page's header is over.

    The first line is the headline candidate: it may end with "!" or "?", and
    so may a repeat of it; any other sentence ends the header.
    """
    if len(line) > _PROSE_CHARS:
        return True
    if not content or line.casefold() == content[0][0].casefold():
        return False
    return len(line.split()) >= _PROSE_WORDS and line[-1] in '.!?”"’'


def _is_counter(stripped: list[str], index: int) -> bool:
    """A lone number over "Views" (or the label itself): a page's counter."""
    if is_counter_label(stripped[index]):
        return True
    if not stripped[index].replace(",", "").isdigit():
        return False
    following = next((s for s in stripped[index + 1 :] if s), "")
    return is_counter_label(following)


def clean_release(raw: str, fallback_title: str = "Untitled release") -> CleanRelease:
    """Clean ``raw`` scraped text: strip furniture, repair glue, find title/date/dateline."""
    lines = strip_controls(raw).split("\n")
    stripped_lines = [line.strip() for line in lines]
    gallery = _is_gallery(lines)
    captions: list[str] = []
    removed: list[str] = []
    content: list[tuple[str, bool]] = []  # (line, preceded by a blank line)
    header = _Header()
    in_header = True
    blank_before = True
    for index, line in enumerate(lines):
        stripped = stripped_lines[index]
        if not stripped:
            blank_before = True
            continue
        if is_navigation(stripped) or _is_counter(stripped_lines, index):
            removed.append(stripped)
        elif gallery and line[:1] in (" ", "\t") and indentation(line) >= _CAPTION_INDENT:
            captions.append(stripped)
        elif in_header and _take_stamp(stripped, content, header):
            removed.append(stripped)
        elif not content and header.date is None and (labelled := labelled_date(stripped)):
            # "Date: 2025-11-11 Police chiefs met ...": the date, then the text.
            header.date, rest = labelled
            removed.append(stripped[: len(stripped) - len(rest)].strip())
            if rest:
                # A byline ("Source: City Police") is kept: it names the publisher.
                content.append((rest, True))
                in_header = not _ends_header(rest, [])
        else:
            in_header = in_header and not _ends_header(stripped, content)
            content.append((stripped, blank_before))
            blank_before = False
            continue
        blank_before = True
    return _assemble(content, captions, removed, header, fallback_title)


def _take_stamp(line: str, content: list[tuple[str, bool]], header: _Header) -> bool:
    """Record a date stamp's date and place; a place alone on the line above joins it.

    A stamp that names a place or a publisher stays in the text, as a dateline
    does ("Brussels, 26 June 2010"): the names are part of the article.
    """
    stamp = read_stamp(line)
    if stamp is None or (header.date is not None and (header.place or not stamp.place)):
        return False
    if header.date is None:
        header.date = stamp.date
        header.dated_headline = len(content) == 1
    header.place = stamp.place
    if header.place is None and len(content) >= 2 and is_place_line(content[-1][0]):
        # "The Hague, the Netherlands" over "24 September 2014": the dateline.
        header.place = content[-1][0]
    if stamp.place or stamp.byline:
        header.place_lines.append(line)
    return True


def _assemble(
    content: list[tuple[str, bool]],
    captions: list[str],
    removed: list[str],
    header: _Header,
    fallback_title: str,
) -> CleanRelease:
    content = _unwrap(content)
    while len(content) >= 2 and is_masthead(content[0][0], content[1][0]):
        removed.append(content.pop(0)[0])
    title, source = _choose_title(content, captions, fallback_title, header.dated_headline)
    if source == "headline":
        # The headline, and any repeat of it in the page's header, leave the text.
        content = [
            c for i, c in enumerate(content[1:]) if i > 2 or c[0].casefold() != title.casefold()
        ]
    paragraphs: list[str] = list(header.place_lines)
    for line, _ in content:
        paragraphs.extend(split_glued_headings(repair_sentences(line)))
    lede = paragraphs[:_LEDE_PARAGRAPHS]
    stamped = next(filter(None, map(lede_date, lede)), None)
    dateline = header.place or _lede_dateline(lede) or (stamped[1] if stamped else None)
    date = header.date or (stamped[0] if stamped else None)
    if date is None and source == "headline" and (in_title := find_date(title)):
        date = in_title[0]
    return CleanRelease(
        text="\n\n".join(paragraphs),
        title=title,
        title_source=source,
        date=date,
        dateline=dateline,
        captions=tuple(captions),
        removed=tuple(removed),
    )


def _unwrap(content: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Join the lines of hard-wrapped text back into paragraphs.

    A line that does not end a sentence goes on to the next one when it is
    filled (near the wrap width), ends with a word like "to" or "and", or the
    next line starts in lower case; a short line, a blank line or a sentence
    end closes the paragraph. The first line joins only on the last two
    grounds, so a headline above the text stays on its own.
    """
    lengths = [len(line) for line, _ in content]
    if len(lengths) < _WRAP_MIN_LINES or max(lengths) > _WRAP_MAX_CHARS:
        return content
    # The wrap width: most filled lines come near it (the longest may overshoot).
    width = sorted(lengths)[len(lengths) * 3 // 4]
    filled = _WRAP_FILLED * width
    if sum(n >= filled for n in lengths) * 2 < len(lengths):
        return content
    # Each paragraph is kept as its pieces plus the tail its tests look at, and
    # joined once at the end: adding each line to a growing string was quadratic.
    joined: list[tuple[list[str], bool]] = []
    tail = ""
    for line, blank_before in content:
        open_end = bool(tail) and not blank_before and tail[-1] not in _SENTENCE_END
        # The first line is the headline candidate: a filled line is not enough there.
        filled_line = len(tail) >= filled and len(joined) > 1
        goes_on = filled_line or tail.rsplit(" ", 1)[-1] in _OPEN_WORDS
        if open_end and (goes_on or line[0].islower()):
            glue = "" if tail.endswith("-") and tail[-2:-1].isalpha() else " "
            joined[-1][0].extend((glue, line))
            tail = (tail + glue + line)[-_WRAP_MAX_CHARS:]
        else:
            joined.append(([line], blank_before))
            tail = line[-_WRAP_MAX_CHARS:]
    return [("".join(pieces), blank_before) for pieces, blank_before in joined]


def _lede_dateline(lede: list[str]) -> str | None:
    """The dateline of the first lede paragraphs that has one (standfirsts come first)."""
    for paragraph in lede:
        place = find_dateline(paragraph)[0]
        if place:
            return place
    return None


def _choose_title(
    content: list[tuple[str, bool]], captions: list[str], fallback: str, dated: bool
) -> tuple[str, str]:
    """Pick the headline: a headline line, else a headline-like caption, else the lede."""
    if content:
        first, _ = content[0]
        followed_by_break = (
            len(content) == 1 or content[1][1] or len(content[1][0]) > _UNWRAPPED_CHARS
        )
        if reads_as_headline(first, min_words=2 if dated else 3) and followed_by_break:
            return first, "headline"
    for caption in captions:
        if reads_as_headline(caption):
            return caption, "caption"
    if content:
        title = headline_from_sentence(repair_sentences(content[0][0]))
        if title:
            return title, "first_sentence"
    return fallback, "filename"
