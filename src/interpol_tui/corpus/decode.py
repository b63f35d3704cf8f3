"""Turn a file's bytes into text, saying how when it was not plain UTF-8."""

from __future__ import annotations

import codecs

_BINARY_SAMPLE = 8192

# Every byte but the C0 controls that do not occur in text (tab, newline, form
# feed, carriage return and ESC do): deleting these leaves only the suspicious ones.
_NOT_SUSPICIOUS = bytes(b for b in range(256) if not (b < 32 and b not in (9, 10, 12, 13, 27)))


class BinaryFileError(ValueError):
    """The bytes are not text (NUL bytes or mostly control characters)."""


def looks_binary(data: bytes) -> bool:
    """Return True when ``data`` is evidently not text."""
    sample = data[:_BINARY_SAMPLE]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    # translate runs in C: a Python loop over the bytes was a fifth of the load time.
    controls = len(sample.translate(None, _NOT_SUSPICIOUS))
    return controls / len(sample) > 0.1


def _utf16_without_bom(sample: bytes) -> str | None:
    """Return the codec of BOM-less UTF-16 text (NULs in every other byte), else None."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    # Mostly-ASCII UTF-16: one byte of each pair is NUL, the other almost never.
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> tuple[str, str | None]:
    """Decode ``data``; return the text and a note when it was not plain UTF-8.

    Order: a byte-order mark (UTF-8, UTF-16, UTF-32), BOM-less UTF-16, strict
    UTF-8, then UTF-8 with replacement characters when most of it is UTF-8,
    else cp1252. Raises :class:`BinaryFileError` for data that is not text.
    """
    for bom, codec, name in (
        (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
        (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
        (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
        (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
    ):
        if data.startswith(bom):
            # A UTF-8 BOM is common and harmless; other encodings are worth a note.
            note = None if name == "UTF-8" else f"decoded as {name} (byte-order mark)"
            try:
                return data.decode(codec), note
            except UnicodeDecodeError:
                return data.decode(codec, errors="replace"), (
                    f"invalid {name} despite its byte-order mark; bad bytes shown as \ufffd"
                )
    if looks_binary(data):
        utf16 = _utf16_without_bom(data[:_BINARY_SAMPLE])
        if utf16 is None:
            raise BinaryFileError("binary file, not text")
        text = data.decode(utf16, errors="replace")
        if looks_binary(text.encode("utf-8", errors="replace")):
            raise BinaryFileError("binary file, not text")
        return text, f"decoded as {utf16.upper()} (no byte-order mark)"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        position = error.start
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    # Valid multi-byte UTF-8 at least as often as bad bytes: UTF-8 with some
    # damage, kept and marked. Otherwise most likely a legacy single-byte encoding.
    ascii_chars = len(replaced.encode("ascii", errors="ignore"))
    valid = len(replaced) - ascii_chars - bad
    if valid >= bad:
        return replaced, (f"invalid UTF-8 at byte {position}; {bad} bad byte(s) shown as \ufffd")
    return data.decode("cp1252", errors="replace"), (
        f"not UTF-8 (invalid byte at {position}); decoded as Windows-1252"
    )
