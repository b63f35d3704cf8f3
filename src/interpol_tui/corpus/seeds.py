"""Locate the corpus bundled with the package."""

from __future__ import annotations

from pathlib import Path


def bundled_seeds() -> Path:
    """Return the folder of the bundled releases.

    A wheel carries them inside the package (``interpol_tui/seeds``); an
    editable install or a source checkout finds them at the repository root.
    """
    package_dir = Path(__file__).resolve().parent.parent
    inside = package_dir / "seeds"
    if inside.is_dir():
        return inside
    return package_dir.parent.parent / "seeds"
