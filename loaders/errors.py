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


NOT_A_DOCUMENT = "this file is not a PBF report, budget workbook or financial export Lens can read"


class NotADocument(UnreadableFile):
    """The file reads, but it is none of the documents Lens knows (a shopping list, a letter): refused,
    so that no project is made of it. Pages show `NOT_A_DOCUMENT` in their own language."""

    def __init__(self, file: str | None = None, detail: str | None = None):
        super().__init__(NOT_A_DOCUMENT + (f" ({detail})" if detail else ""), file,
                         hint="reports: PBF progress reports, final reviews, project profiles; budgets: Annex D "
                              "workbooks; exports: MPTF Office or UNDP financial exports")
