"""A warning about one file that keeps the file's name and the message apart.

Warnings read as ``name: message`` everywhere (lists, the warnings view, the
CLI), but a file's name may itself hold ``": "``; splitting the line again
would cut the name short. :class:`FileWarning` is that line (a ``str``, so
every use of a warning stays as it is) with both parts kept as fields.
"""

from __future__ import annotations


class FileWarning(str):
    """``"<file>: <message>"``, with ``file`` and ``message`` kept as they were given."""

    file: str
    """The file (or folder, ending in ``/``) as shown: its id or its path relative to the root."""
    message: str
    """What is wrong with it."""

    def __new__(cls, file: str, message: str) -> FileWarning:
        """The warning that ``file`` has problem ``message``."""
        made = super().__new__(cls, f"{file}: {message}")
        made.file = file
        made.message = message
        return made

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]
        """Pickle as the two parts (warnings cross process boundaries)."""
        return (self.file, self.message)


def about(file: str, line: str) -> str:
    """The warning ``line`` about ``file``, split at the known name, never guessed.

    A line that does not start with the name (one about a record of a records
    file, say) is returned as it is.
    """
    prefix = f"{file}: "
    if isinstance(line, FileWarning) or not line.startswith(prefix):
        return line
    return FileWarning(file, line[len(prefix) :])


def split_warning(line: str) -> tuple[str, str]:
    """``(file, message)`` of a warning; a plain line is split at its first ``": "``."""
    if isinstance(line, FileWarning):
        return line.file, line.message
    file, _, message = line.partition(": ")
    return file, message
