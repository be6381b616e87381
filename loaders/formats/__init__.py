"""Format readers: one per file type, each turning bytes into the shared document model.
Add a format by writing `read_x(data, name, sha256) -> Document` and listing it here."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from loaders.errors import UnsupportedFormat
from loaders.formats.docx import read_docx
from loaders.formats.pdf import read_pdf
from loaders.formats.txt import read_txt
from loaders.model import Document

READERS: dict[str, Callable[[bytes, str, str], Document]] = {
    ".txt": read_txt,
    ".docx": read_docx,
    ".pdf": read_pdf,
}


def reader_for(name: str) -> Callable[[bytes, str, str], Document]:
    """The reader for a file name, by its extension."""
    suffix = Path(name).suffix.lower()
    if suffix not in READERS:
        known = ", ".join(sorted(READERS))
        raise UnsupportedFormat(f"files ending in '{suffix or '(none)'}' are not read (reports: {known})", name)
    return READERS[suffix]
