"""CSV files (financial exports): encoding (UTF-8 with or without BOM, UTF-16, cp1252) and
separator (`,` `;` or tab) found from the file itself; rows of text."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from loaders.errors import UnreadableFile
from loaders.formats.txt import decode_text

MAX_ROWS = 1_000_000


@dataclass
class Table:
    """A CSV read as text cells; `decimal_comma` when `;`-separated numbers use `,` for decimals."""

    file: str
    sha256: str
    rows: list[list[str]]
    delimiter: str
    decimal_comma: bool = False
    warnings: list[str] = field(default_factory=list)


def read_csv(data: bytes, name: str, sha256: str) -> Table:
    """Decode and split a CSV; refuse one without at least a header and one row."""
    text = decode_text(data, name)
    first_line = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first_line.count)
    if first_line.count(delimiter) == 0:
        raise UnreadableFile("this is not a table: no `,`, `;` or tab separates the columns of the first line", name)
    rows = []
    warnings = []
    for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter)):
        if number > MAX_ROWS:
            warnings.append(f"more than {MAX_ROWS:,} rows; only the first {MAX_ROWS:,} are read")
            break
        rows.append(row)  # blank rows kept, so that row N of the list is record N of the file
    if sum(1 for row in rows if any(cell.strip() for cell in row)) < 2:
        raise UnreadableFile("the table has a header but no rows", name)
    return Table(name, sha256, rows, delimiter, decimal_comma=delimiter == ";", warnings=warnings)
