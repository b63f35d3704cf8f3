"""Background threads step aside the moment a key arrives, before the UI thread even sees it.

The app's ``post_message`` is called by Textual's input thread for every key
and click it reads; :func:`note_input` runs there and asks the paced loops of
background threads (``corpus.pacing``) to rest, so that the UI thread gets
the GIL to handle the key and draw its frame, and holds the garbage
collector off until the keys pause (``ui/collector_pacing.py``). The quit
key holds them longer: leaving should not share the interpreter with
indexing (if the key does not quit after all, the work resumes when the hold
runs out).
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.message import Message

from interpol_tui.corpus import pacing
from interpol_tui.ui import collector_pacing

USER_EVENTS = (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)
"""Events after which the UI needs the GIL for a frame."""
QUIT_HOLD = 2.0
"""Seconds background threads rest after the quit key (leaving takes a fraction of that)."""


def quit_keys() -> frozenset[str]:
    """The keys of the main screen's quit binding (defined once, there)."""
    from interpol_tui.ui.main_screen import MainScreen

    return frozenset(
        key.strip()
        for binding in MainScreen.BINDINGS
        if isinstance(binding, Binding) and binding.id == "quit"
        for key in binding.key.split(",")
    )


_QUIT_KEYS: frozenset[str] | None = None


def note_input(message: Message) -> None:
    """Hold background threads if ``message`` is the user's (called in any thread)."""
    global _QUIT_KEYS
    if not isinstance(message, USER_EVENTS):
        return
    if _QUIT_KEYS is None:
        _QUIT_KEYS = quit_keys()
    quitting = isinstance(message, events.Key) and message.key in _QUIT_KEYS
    pacing.hold(QUIT_HOLD if quitting else pacing.HOLD)
    collector_pacing.defer()  # no collector pass in the middle of this key's frame
