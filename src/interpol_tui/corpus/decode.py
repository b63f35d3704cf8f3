"""Turn a file's bytes into text, saying how when it was not plain UTF-8."""

from __future__ import annotations

import codecs

_BINARY_SAMPLE = 8192


class BinaryFileError(ValueError):
    """The bytes are not text (NUL bytes or mostly control characters)."""


def looks_binary(data: bytes) -> bool:
    """Return True when ``data`` is evidently not text."""
    sample = data[:_BINARY_SAMPLE]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return controls / len(sample) > 0.1


def decode_text(data: bytes) -> tuple[str, str | None]:
    """Decode ``data``; return the text and a warning when it needed a fallback.

    Order: a byte-order mark (UTF-8, UTF-16, UTF-32), strict UTF-8, then
    UTF-8 with replacement characters when most of it is UTF-8, else cp1252.
    Raises :class:`BinaryFileError` for data that is not text.
    """
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec), None
            except UnicodeDecodeError:
                return data.decode(codec, errors="replace"), (
                    f"invalid {codec.upper()} despite its byte-order mark; "
                    "bad bytes shown as \ufffd"
                )
    if looks_binary(data):
        raise BinaryFileError("binary file, not text")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        position = error.start
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    # Mostly-valid UTF-8 with a few bad bytes: keep UTF-8 and mark the damage.
    # Otherwise the file is most likely a legacy single-byte encoding.
    if any(byte >= 0xC2 for byte in data) and bad * 50 < len(replaced):
        return replaced, (f"invalid UTF-8 at byte {position}; {bad} bad byte(s) shown as \ufffd")
    return data.decode("cp1252", errors="replace"), (
        f"not UTF-8 (invalid byte at {position}); decoded as Windows-1252"
    )
