"""Dates in other languages ("8 октября 2008", "22 de marzo de 2017", "٨ أكتوبر، ٢٠٠٨").

Only a line shaped like a date (a day, one to three words, a year) is handed
to dateparser, which knows the month names of some 200 locales. It is
imported on first use: an English corpus never loads it, and the loader runs
off the UI thread. The languages are chosen by script, so dateparser does not
try every locale on a line (that costs seconds).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

# day [.] (de)? word (de)? year, or word day, year; a weekday may lead.
_WORD = r"[^\W\d_]{2,15}\.?"
_SHAPE = re.compile(
    rf"^(?:{_WORD},?\s+)?(?:\d{{1,2}}\.?\s+(?:{_WORD},?\s+){{1,3}}|{_WORD}\s+\d{{1,2}},?\s+)"
    r"(?:\d{4})(?:\s*(?:г\.?|года|年))?\.?$"
)
_LANGUAGES = {
    "ARABIC": ["ar", "fa", "ur"],
    "CYRILLIC": ["ru", "uk", "bg", "sr", "mk", "be", "kk"],
    "LATIN": ["fr", "es", "pt", "de", "it", "nl", "pl", "tr", "id", "ro", "sv", "cs"],
    "GREEK": ["el"],
}
_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
    "DATE_ORDER": "DMY",
}


def _script(text: str) -> str | None:
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            return next((script for script in _LANGUAGES if name.startswith(script)), None)
    return None


def date_shaped(line: str) -> bool:
    """True when ``line`` (ASCII digits) has the shape of a date in some language."""
    return _SHAPE.match(re.sub(r"\s*,\s*", ", ", line.strip())) is not None


@lru_cache(maxsize=4096)
def local_date(line: str) -> str | None:
    """The ISO date of a date-shaped ``line`` in a language dateparser knows, else None."""
    line = " ".join(line.split())
    if not date_shaped(line):
        return None
    languages = _LANGUAGES.get(_script(line) or "")
    if languages is None:
        return None
    parsed = _parse(line, languages)
    return parsed.date().isoformat() if parsed is not None else None


def _parse(line: str, languages: list[str]) -> Any:
    # Imported here: heavy, and only localised pages need it (it ships no type stubs).
    import dateparser  # type: ignore[import-untyped]

    return dateparser.parse(line, languages=languages, settings=_SETTINGS)
