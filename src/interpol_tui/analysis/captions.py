"""Find the photo captions of a release's clean text, as paragraph offset ranges.

A scraped page keeps a photo's caption as a paragraph of its own: often twice
(the image's alternative text, then the caption under it), or with words that
point at the picture ("pictured", "such as here in Manila", "from left").
Figures in a caption repeat or illustrate the running text, so they are marked
``zone == "caption"`` rather than counted as new figures of the body.
"""

from __future__ import annotations

import re

from interpol_tui.analysis.sentences import paragraphs

_PHOTO_WORDS = re.compile(
    r"\b(?:pictured|photographed|(?:seen|shown) here|such as (?:this one )?here"
    r"|including this (?:suspect|officer|man|woman|vehicle|shipment|one)"
    r"|(?:from )?left to right|\(l-r\)|\(from left\)|photo(?:graph)?\s*(?:credit)?\s*:"
    r"|\(photo\b|image\s*:)",
    re.IGNORECASE,
)
_LONGEST_CAPTION = 60
"""Words: a paragraph longer than this is running text, whatever it says."""


_PHOTO_HINTS = (
    "ictur", "hoto", "n here", "s here", "e here", "left", "L-R", "l-r", "mage", "eft to"
)  # fmt: skip
"""Cheap case-sensitive substrings one of which every match of :data:`_PHOTO_WORDS` holds."""


def caption_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each paragraph of ``text`` that is a photo caption."""
    rough = text.split("\n\n")  # paragraphs, near enough to tell repeats cheaply
    if len(set(rough)) == len(rough) and not any(hint in text for hint in _PHOTO_HINTS):
        return []  # the common case, decided without reading each paragraph
    spans = paragraphs(text)
    bodies = [text[start:end] for start, end in spans]
    seen: dict[str, int] = {}
    for body in bodies:
        seen[body] = seen.get(body, 0) + 1
    captions = []
    for (start, end), body in zip(spans, bodies, strict=True):
        words = body.count(" ") + 1
        if words > _LONGEST_CAPTION or words < 3:
            continue
        if seen[body] > 1 or _has_photo_words(body):
            captions.append((start, end))
    return captions


_PHOTO_STEMS = ("pictured", "photo", "here", "including this", "left", "(l-r)", "image")
"""Lower-case words one of which every match of :data:`_PHOTO_WORDS` holds."""
FOLD_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")
"""The only characters beyond ASCII that a case-blind regex matches to an ASCII letter
("İ", "ı", "ſ" and the Kelvin sign; tests/test_analysis_fast_paths.py checks every one)."""


def _has_photo_words(body: str) -> bool:
    """``_PHOTO_WORDS.search(body)``, answered without the regex for most paragraphs.

    The case-blind regex matches only where the lower-cased text holds one of
    :data:`_PHOTO_STEMS`, whose letters are ASCII: a match is made of ASCII
    letters, or of the few characters of :data:`FOLD_TO_ASCII`, which always
    go to the regex. Curly quotes and dashes do not stop the shortcut.
    """
    if body.isascii() or FOLD_TO_ASCII.isdisjoint(body):
        lowered = body.lower()
        if not any(stem in lowered for stem in _PHOTO_STEMS):
            return False
    return _PHOTO_WORDS.search(body) is not None
