"""The document model every format reader produces: paragraphs in reading order, with the
table cell (if any) each one sits in, its location and the reviewer comments anchored on it."""
from __future__ import annotations

from dataclasses import dataclass, field

from loaders.normalise.comments import Comment


@dataclass
class Paragraph:
    """One paragraph of text. Table paragraphs carry their cell position."""

    text: str
    location: str
    comments: list[Comment] = field(default_factory=list)
    cell_start: bool = False  # first paragraph of a table cell
    row_start: bool = False  # first paragraph of the first cell of a table row
    table: int | None = None  # table index; None for body text (or unknown, in text exports)
    grid_col: int | None = None  # column in the table grid, where the format knows it
    merged: bool = False  # continuation of a vertically merged cell (text repeated)
    uncertain: list[tuple[str, float]] = field(default_factory=list)  # OCR'd figures read with low confidence
    guessed: bool = False  # an empty cell guessed from a blank line of a text export printed to PDF


@dataclass
class Document:
    """A file read by a format reader, before any template reader looks at it."""

    file: str
    sha256: str
    format: str  # txt | docx | pdf
    paragraphs: list[Paragraph]
    tables_known: bool  # False for text exports, where table boundaries are lost
    comments: list[Comment] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)  # pages read from a scan by OCR

    def lines(self) -> list[str]:
        return [p.text for p in self.paragraphs]
