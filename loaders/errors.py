"""One family of errors with messages a user can act on: what is wrong, in which file."""
from __future__ import annotations


class LensError(Exception):
    """An error shown to a user as one line: `file: problem`."""

    def __init__(self, message: str, file: str | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.hint = hint

    def __str__(self) -> str:
        prefix = f"{self.file}: " if self.file else ""
        suffix = f" ({self.hint})" if self.hint else ""
        return f"{prefix}{self.message}{suffix}"


class UnreadableFile(LensError):
    """The file cannot be read at all: empty, corrupt, wrong format, unsafe."""


class UnsupportedFormat(LensError):
    """No reader exists for this kind of file."""
