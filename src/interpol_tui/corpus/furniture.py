"""Recognise page furniture: the navigation, counters and captions a scraper leaves behind."""

from __future__ import annotations

import re

# Whole lines (compared case-insensitively, trailing punctuation ignored) that are
# site navigation rather than article text. Removed by line equality only: the
# same words inside a sentence are kept.
NAVIGATION_LINES = frozenset(
    {
        "all news",
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
)


# One alternation: a single match per line instead of one per pattern.
_FURNITURE = re.compile(
    "|".join(f"(?:{pattern.pattern})" for pattern in _FURNITURE_PATTERNS), re.IGNORECASE
)
_MAX_FURNITURE_CHARS = 200
"""Longer lines are always article text (the cleaner's hot path: most lines are prose)."""


def is_navigation(line: str) -> bool:
    """Return True when the stripped ``line`` is page furniture rather than article text."""
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_FURNITURE_CHARS:
        return False
    if stripped.rstrip(".:!»›>").strip().casefold() in NAVIGATION_LINES:
        return True
    return _FURNITURE.fullmatch(stripped) is not None


def indentation(line: str) -> int:
    """Return the width of the leading white space of ``line`` (tabs count as four)."""
    stripped = line.lstrip(" \t")
    prefix = line[: len(line) - len(stripped)]
    return prefix.count(" ") + 4 * prefix.count("\t")
