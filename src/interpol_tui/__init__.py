"""interpol-tui: a keyboard-first terminal browser for a corpus of press releases."""

__version__ = "0.1.0"
