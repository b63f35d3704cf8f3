"""Recognise page furniture: the navigation, counters and captions a scraper leaves behind."""

from __future__ import annotations

import re

# Whole lines (compared case-insensitively, trailing punctuation ignored) that are
# site navigation rather than article text. Removed by line equality only: the
# same words inside a sentence are kept.
NAVIGATION_LINES = frozenset(
    {
        "all news",
        "back",
        "download",
        "download pdf",
        "email",
        "e-mail",
        "facebook",
        "linkedin",
        "twitter",
        "whatsapp",
        "listen",
        "back to news",
        "back to top",
        "copy link",
        "follow us",
        "go to top",
        "latest news",
        "more news",
        "next",
        "next article",
        "previous",
        "previous article",
        "print",
        "print this page",
        "printable version",
        "print version",
        "print friendly",
        "navigate up",
        "sign in",
        "log in",
        "login",
        "menu",
        "search",
        "home",
        "view all crime areas",
        "pin it",
        "read more",
        "related articles",
        "related content",
        "related news",
        "related posts",
        "related stories",
        "scroll to top",
        "share",
        "share this",
        "share this article",
        "share this page",
        "skip to content",
        "skip to main content",
        "subscribe",
        "tweet",
        "you may also like",
    }
)

_FURNITURE_PATTERNS = (
    re.compile(r"to read more\b.*\bclick here\W*", re.IGNORECASE),
    re.compile(r"(?:click|tap) here\b.{0,60}", re.IGNORECASE),
    re.compile(r"\d{1,3}\s*/\s*\d{0,3}"),  # slide counter "1 /" or "1 / 3"
    re.compile(r"\d{1,3}"),  # a lone small number: a counter's total ("3")
    re.compile(r"(?:page|slide|image|photo)\s+\d+\s+of\s+\d+", re.IGNORECASE),
    re.compile(r"share (?:on|via) \w+", re.IGNORECASE),
    # "Skip Ribbon Commands", "Skip navigation", "Skip to main content"
    re.compile(r"skip (?:to |the )?(?:\w+ ){0,2}\w+", re.IGNORECASE),
    re.compile(r"back to (?:the )?(?:\w+ ){0,3}\w+", re.IGNORECASE),
    # A document symbol printed above a UN release: "SC/15589", "SG/SM/22222-CT/10".
    re.compile(r"[A-Z]{1,6}(?:/[A-Z0-9.\-]{1,12}){1,4}"),
    re.compile(r"you are here:?.{0,80}", re.IGNORECASE),
    re.compile(r"\d{1,2} min(?:ute)?s? read", re.IGNORECASE),
    # A view or comment counter: "5,926 views", "12 comments"
    re.compile(r"[\d,. ]+\s*(?:views?|reads?|comments?|shares?|likes?)", re.IGNORECASE),
)

# Words of a site's section labels and release kinds ("Press Release", "News and
# announcements", "Media Release", "For Immediate Release", "Our latest media
# releases, podcasts and stories"). A line made of these words alone is a label.
_SECTION_WORDS = frozenset(
    """news newsroom room media press release releases centre center statement statements
    announcement announcements update updates story stories latest all our and the for
    immediate joint event events podcasts videos articles article information
    communique communiqué notice""".split()  # noqa: SIM905
)
_FILLER_WORDS = frozenset({"all", "our", "and", "the", "for"})
_MAX_LABEL_WORDS = 8
_MAX_LABEL_CHARS = 80
_LABEL_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_MAX_COUNTER_CHARS = 12
_COUNTER_WORDS = frozenset({"views", "reads", "comments", "shares", "likes"})
# A logo's alt text left by the scraper: "Agency logo", "AFP logo at HQ Canberra".
# The words before "logo" are names (capitalised): "unveils new logo" is news.
_LOGO = re.compile(r"(?:[A-Z][\w.&'’-]* ){1,4}logo(?: (?:at|of|for|in) .{1,40})?")
# "Home > News > Press releases", "News / Cybercrime / Europe": short segments
# between separators, no sentence punctuation.
# Each segment is at most four words; "/" and "|" count only with spaces around.
_CRUMB = r"[^\W\d_][^.!?;:>»›|/\s]*(?: [^.!?;:>»›|/\s]+){0,3}"
_BREADCRUMB = re.compile(rf"{_CRUMB}(?:(?:\s*[>»›]\s*|\s[|/]\s){_CRUMB}){{2,6}}")
_CRUMB_MARKS = re.compile(r"[>»›]|\s[|/]\s")
_COOKIES = re.compile(r".{0,120}\bcookies?\b.{0,200}", re.IGNORECASE)
_COOKIE_VERBS = re.compile(r"\b(?:accept|consent|use|uses|settings|policy)\b", re.IGNORECASE)
_DISCLAIMER = re.compile(r"(?:disclaimer|editor[’']s note|note to editors)\s*:", re.IGNORECASE)


# One alternation: a single match per line instead of one per pattern.
_FURNITURE = re.compile(
    "|".join(f"(?:{pattern.pattern})" for pattern in _FURNITURE_PATTERNS), re.IGNORECASE
)
_MAX_FURNITURE_CHARS = 200
"""Longer lines are always article text (the cleaner's hot path: most lines are prose)."""


def is_navigation(line: str) -> bool:
    """Return True when the stripped ``line`` is page furniture rather than article text."""
    stripped = line.strip()
    if is_disclaimer(stripped):
        return True
    if not stripped or len(stripped) > _MAX_FURNITURE_CHARS:
        return False
    # Cheap substring tests first: this runs on every short line of every release.
    folded = stripped.casefold()
    if "logo" in folded and _LOGO.fullmatch(stripped):
        return True
    if _CRUMB_MARKS.search(stripped) and _BREADCRUMB.fullmatch(stripped):
        return True
    if "cookie" in folded and _COOKIES.fullmatch(stripped) and _COOKIE_VERBS.search(stripped):
        return True
    if stripped.strip("|»›> ").rstrip(".:!»›>").strip().casefold() in NAVIGATION_LINES:
        return True
    if is_section_label(stripped):
        return True
    return _FURNITURE.fullmatch(stripped) is not None


def is_counter_label(line: str) -> bool:
    """True for the word under a page's counter ("Views", "Comments")."""
    return len(line) <= _MAX_COUNTER_CHARS and line.strip().casefold() in _COUNTER_WORDS


def is_section_label(line: str) -> bool:
    """True when ``line`` is only a section or release-kind label ("Press Release/News")."""
    if len(line) > _MAX_LABEL_CHARS or line.count(" ") >= _MAX_LABEL_WORDS:
        return False
    words = _LABEL_WORD.findall(line.casefold())
    if not words or len(words) > _MAX_LABEL_WORDS or _DIGIT.search(line):
        return False
    # "Latest news" or "Press release" must name the kind of page, not just "The".
    return all(w in _SECTION_WORDS for w in words) and not set(words) <= {
        "all",
        "our",
        "and",
        "the",
        "for",
    }


def is_disclaimer(line: str) -> bool:
    """True for a site's notes about the page: "Disclaimer: ...", "Editor's note: ..."."""
    return _DISCLAIMER.match(line.strip()) is not None


def indentation(line: str) -> int:
    """Return the width of the leading white space of ``line`` (tabs count as four)."""
    stripped = line.lstrip(" \t")
    prefix = line[: len(line) - len(stripped)]
    return prefix.count(" ") + 4 * prefix.count("\t")
