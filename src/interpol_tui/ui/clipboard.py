"""Copying text: OSC 52 through the terminal, and the system clipboard where there is one.

OSC 52 (``App.copy_to_clipboard``) reaches the clipboard of the machine the
terminal runs on, even over SSH, but macOS Terminal.app and tmux with its
default ``set-clipboard external`` drop it. So the text is also handed to the
local clipboard tool when one is installed. That runs in a thread worker with a
timeout and its output discarded (``xclip`` blocks when its output is
captured), so a missing, slow or broken tool never blocks or crashes the app.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence

from textual.app import App

from interpol_tui.corpus.sanitize import strip_controls

SYSTEM_COPY_TIMEOUT = 3.0
"""Seconds to wait for a clipboard tool before giving up on it."""

_CANDIDATES: tuple[tuple[str, tuple[str, ...], str | None], ...] = (
    # (program, arguments, environment variable that must be set for it to work)
    ("pbcopy", (), None),
    ("wl-copy", (), "WAYLAND_DISPLAY"),
    ("xclip", ("-selection", "clipboard"), "DISPLAY"),
    ("xsel", ("--clipboard", "--input"), "DISPLAY"),
)


def system_copy_command(environ: Mapping[str, str] | None = None) -> list[str] | None:
    """The command that puts its stdin on this machine's clipboard, or None when there is none."""
    environ = os.environ if environ is None else environ
    for program, arguments, needs in _CANDIDATES:
        if program == "pbcopy" and sys.platform != "darwin":
            continue
        if needs is not None and not environ.get(needs):
            continue
        path = shutil.which(program)
        if path is not None:
            return [path, *arguments]
    return None


def run_system_copy(command: Sequence[str], text: str) -> bool:
    """Feed ``text`` to ``command``; return whether it succeeded. Never raises."""
    try:
        completed = subprocess.run(
            list(command),
            input=text.encode("utf-8"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=SYSTEM_COPY_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError, ValueError):
        return False
    return completed.returncode == 0


def copy_text(app: App[object], text: str) -> str:
    """Copy ``text`` by OSC 52 and, off the UI thread, by the system clipboard tool.

    Returns the text actually copied (control characters removed). Headless
    apps (tests) never touch the real clipboard.
    """
    text = strip_controls(text)
    app.copy_to_clipboard(text)
    if app.is_headless:
        return text
    command = system_copy_command()
    if command is not None:
        app.run_worker(
            lambda: run_system_copy(command, text),
            name="system clipboard",
            group="clipboard",
            thread=True,
            exit_on_error=False,
        )
    return text
