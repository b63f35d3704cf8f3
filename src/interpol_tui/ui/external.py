"""Opening a release's file in the user's editor or pager, with the app suspended.

The program comes from ``$VISUAL`` then ``$EDITOR`` (to edit) or ``$PAGER``
(to read), split as a shell would (``code --wait``, ``less -R``). The app
hands the terminal over with :meth:`App.suspend` and takes it back when the
program ends; every way this can fail is one sentence for the status line.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from textual.app import App, SuspendNotSupported

Purpose = Literal["edit", "read"]
VARIABLES: dict[Purpose, tuple[str, ...]] = {"edit": ("VISUAL", "EDITOR"), "read": ("PAGER",)}
"""The environment variables that name the program, in the order they are tried."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened, as one sentence, and whether it is a problem."""

    message: str
    ok: bool


def program_for(purpose: Purpose, environ: Mapping[str, str] | None = None) -> list[str] | None:
    """The command line of the editor or pager the environment names, or None when unset."""
    environ = os.environ if environ is None else environ
    for name in VARIABLES[purpose]:
        value = environ.get(name, "").strip()
        if value:
            try:
                words = shlex.split(value)
            except ValueError:  # an unclosed quote: take the value as one program name
                words = [value]
            if words:
                return words
    return None


def unset_message(purpose: Purpose) -> str:
    """What to say when no program is named."""
    if purpose == "edit":
        return "Set $VISUAL or $EDITOR to edit releases (for example: export EDITOR=vim)"
    return "Set $PAGER to read releases in a pager (for example: export PAGER=less)"


def open_in(app: App[object], purpose: Purpose, path: Path) -> Outcome:
    """Run the editor or pager on ``path`` with the app suspended; say how it went."""
    command = program_for(purpose)
    if command is None:
        return Outcome(unset_message(purpose), ok=False)
    name = Path(command[0]).name
    if not path.is_file():
        return Outcome(f"The release's file is gone: {path}", ok=False)
    try:
        with app.suspend():
            completed = subprocess.run([*command, str(path)], check=False)
    except SuspendNotSupported:
        return Outcome(f"Cannot hand this terminal over to {name}", ok=False)
    except OSError as error:
        return Outcome(f"Could not start {name}: {error.strerror or error}", ok=False)
    if completed.returncode != 0:
        return Outcome(f"{name} ended with status {completed.returncode}", ok=False)
    return Outcome(f"Back from {name}", ok=True)
