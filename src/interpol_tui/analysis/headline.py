"""Which title of a release is a headline, analysed as a zone of its own.

Light on purpose (no analysis imported): the worker jobs that carry a
release's text to a process also carry its headline.
"""

from __future__ import annotations

from interpol_tui.corpus.model import Document

NOT_HEADLINES = frozenset({"first_sentence", "filename", "caption"})
"""Title sources that are no headline: the body's first sentence, the file's name, a caption."""


def headline_of(doc: Document) -> str:
    """The release's headline, or "" when its title was taken from elsewhere."""
    return doc.title if doc.title_source not in NOT_HEADLINES else ""
