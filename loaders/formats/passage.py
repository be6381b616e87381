"""The passage a value was read from, cut out of the original file so that a person sees it as
the file has it: a text export's lines around the one named (`line 576`), a Word table's header
row and the row named (`table 2, row 5, cell 3`), a PDF page drawn as an image with the place
outlined (`page 3, …`: the words of the value looked up on that page). None when the location
names nothing the file holds."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from loaders.formats.pdf_layout import PDFIUM_LOCK, open_document, page_layout
from loaders.formats.pdf_lines import word_groups
from loaders.formats.txt import decode_text

AROUND = 3  # lines shown above and below the line named
DPI = 110  # a PDF page drawn at this resolution: readable at the width of a page's column
_LINE = re.compile(r"\bline (\d+)")
_TABLE = re.compile(r"\btable (\d+), row (\d+)(?:, cell (\d+))?")
_PAGE = re.compile(r"\bpage (\d+)")


@dataclass
class Passage:
    """What to show: `lines` (number, text) with `target` the line named; or a Word table's `header`
    and `row` with `target` the cell's index; or a PDF page's `image` (PNG) with `box` outlined."""

    kind: str  # lines | row | page
    lines: list[tuple[int, str]] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    row: list[str] = field(default_factory=list)
    target: int | None = None
    image: bytes | None = None
    box: tuple[float, float, float, float] | None = None  # pixels: left, top, right, bottom
    page: int | None = None


def passage(data: bytes, name: str, location: str, needle: str = "") -> Passage | None:
    """The passage of the file at `location`; `needle` (the value's text) finds the place on a PDF page."""
    suffix = name.rsplit(".", 1)[-1].lower()
    if suffix == "txt" and (match := _LINE.search(location)):
        return _text_lines(decode_text(data, name), int(match.group(1)))
    if suffix == "docx" and (match := _TABLE.search(location)):
        return _word_row(data, *(int(g) if g else None for g in match.groups()))
    if suffix == "pdf" and (match := _PAGE.search(location)):
        return _pdf_page(data, int(match.group(1)), location, needle)
    return None


def _text_lines(text: str, number: int) -> Passage | None:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not 1 <= number <= len(lines):
        return None
    first = max(1, number - AROUND)
    shown = [(k, lines[k - 1].replace("\t", "    ").rstrip()) for k in range(first, min(len(lines), number + AROUND) + 1)]
    return Passage("lines", lines=shown, target=number)


def _word_row(data: bytes, table: int, row: int, cell: int | None) -> Passage | None:
    import docx

    tables = docx.Document(io.BytesIO(data)).tables
    if not 1 <= table <= len(tables) or not 1 <= row <= len(tables[table - 1].rows):
        return None
    rows = tables[table - 1].rows
    texts = [[c.text.strip() for c in r.cells] for r in (rows[0], rows[row - 1])]
    return Passage("row", header=texts[0] if row > 1 else [], row=texts[1], target=(cell - 1) if cell else None)


def _pdf_page(data: bytes, number: int, location: str, needle: str) -> Passage | None:
    with PDFIUM_LOCK:
        pdf = open_document(data)
        try:
            if not 1 <= number <= len(pdf):
                return None
            page = pdf[number - 1]
            layout = page_layout(page)
            scale = DPI / 72
            image = page.render(scale=scale).to_pil()
        finally:
            pdf.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    box = _found(layout.words, needle) or _ruled_cell(layout.tables, location) or _line(layout.words, location)
    # the value's own words first (exact); then the ruled cell or the line the location names
    return Passage("page", image=buffer.getvalue(), page=number,
                   box=tuple(v * scale for v in box) if box else None)


def _found(words: list[dict], needle: str) -> tuple[float, float, float, float] | None:
    """The box of the line of the page that holds the needle's first words (up to six): all of them,
    or — where the line ends first, the statement wrapping on — at least three; the longest wins."""
    wanted = [_plain(w) for w in needle.split()[:6] if _plain(w)]
    best, box = 0, None
    for group in word_groups(words) if wanted else []:
        texts = [_plain(w["text"]) for w in group]
        for start in range(len(texts)):
            k = 0
            while k < len(wanted) and start + k < len(texts) and texts[start + k] == wanted[k]:
                k += 1
            if k > best and (k == len(wanted) or (start + k == len(texts) and k >= 3)):
                chosen = group[start : start + k]
                best, box = k, (min(w["x0"] for w in chosen) - 3, min(w["top"] for w in chosen) - 3,
                                max(w["x1"] for w in chosen) + 3, max(w["bottom"] for w in chosen) + 3)
    return box


def _ruled_cell(tables, location: str) -> tuple[float, float, float, float] | None:
    """A ruled table's cell (`table K, row R, cell C`, K counted on the page)."""
    match = _TABLE.search(location)
    if match is None or not match.group(3):
        return None
    table, row, cell = (int(g) for g in match.groups())
    if table > len(tables) or row > len(tables[table - 1].rows) or cell > len(tables[table - 1].rows[row - 1].cells):
        return None
    return tables[table - 1].rows[row - 1].cells[cell - 1]


def _line(words: list[dict], location: str) -> tuple[float, float, float, float] | None:
    """The page's line named (`line L`)."""
    match = _LINE.search(location)
    groups = word_groups(words)
    if match is None or not 1 <= int(match.group(1)) <= len(groups):
        return None
    group = groups[int(match.group(1)) - 1]
    return (min(w["x0"] for w in group) - 3, min(w["top"] for w in group) - 3,
            max(w["x1"] for w in group) + 3, max(w["bottom"] for w in group) + 3)


def _plain(text: str) -> str:
    return re.sub(r"[^\w%$]", "", text.lower())
