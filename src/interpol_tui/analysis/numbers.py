"""Read numbers written in digits or words ("1,000", "4.5 billion", "ninety-nine", "tenfold")."""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
# Abbreviated scales written straight after a number ("USD 5m", "EUR 2bn").
SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
VAGUE_PLURALS = frozenset({"hundreds", "thousands", "millions", "billions", "dozens", "tens"})
"""Scale words in the plural ("hundreds of firearms") are vague amounts, not figures."""

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_FOLD = re.compile(r"(?P<number>.+?)-?fold", re.IGNORECASE)


def parse_digits(text: str) -> float | None:
    """Return the value of "1,000", "4.5" or "43,000"; None when it is not such a number."""
    text = text.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if not _DIGITS.fullmatch(text):
        return None
    return float(text.replace(",", ""))


def word_value(word: str) -> int | None:
    """Return the value of one number word or hyphenated pair ("seven", "ninety-nine")."""
    word = word.lower()
    if word in UNITS:
        return UNITS[word]
    if word in TENS:
        return TENS[word]
    if "-" in word:
        tens, _, unit = word.partition("-")
        if tens in TENS and unit in UNITS and 0 < UNITS[unit] < 10:
            return TENS[tens] + UNITS[unit]
    return None


def fold_value(word: str) -> float | None:
    """Return the factor of "thousandfold", "tenfold", "two-fold" or "3-fold"; else None."""
    match = _FOLD.fullmatch(word)
    if not match:
        return None
    number = match["number"].rstrip("-").lower()
    if number in SCALES:
        return float(SCALES[number])
    value = word_value(number)
    if value is not None:
        return float(value)
    return parse_digits(number)


def combine_words(words: list[str]) -> float | None:
    """Return the value of a run of number words ("two hundred and fifty thousand")."""
    total = 0
    current = 0
    seen = False
    for raw in words:
        word = raw.lower()
        if word == "and" and seen:
            continue
        value = word_value(word)
        if value is not None:
            current += value
        elif word in SCALES:
            scale = SCALES[word]
            current = max(current, 1) * scale
            if scale >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None
