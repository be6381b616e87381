"""PDF reports with a text layer (Word files saved as PDF, MPTF Office Gateway PDFs): words and
ruled tables from `pdf_layout` (PDFium, with pdfplumber's table algorithm) become paragraphs and
table cells (row, grid column, merged parts); a table that runs on over a page break stays one
table, and body lines that wrap are joined back into paragraphs. Locations read
`page N, table K, row R, cell C` or `page N, line L`.

A Word file saved as PDF drops its margin comments, so such a report has none; a text export
printed to PDF (no table, no ruling, cells at the first tab stop) is read as the text export is,
its inline comments kept (loaders/formats/pdf_text_print.py)."""
from __future__ import annotations

import re

from loaders.errors import UnreadableFile
from loaders.formats.pdf_columns import ROW_LABEL, Grid, header_grid, label_and_value, segments, value_columns
from loaders.formats.pdf_layout import PDFIUM_LOCK, PageLayout, open_document, page_layout
from loaders.formats.pdf_lines import NEW_ITEM, PARAGRAPH_GAP, SPACE, Line, join, line_of, lines_of, word_groups
from loaders.formats.pdf_ocr import mark_uncertain, ocr_pages
from loaders.formats.pdf_text_print import text_print_paragraphs
from loaders.formats.pdfguard import check_pdf
from loaders.model import Document, Paragraph

MAX_PAGES = 400
_HINT_SCAN = "export it again from Word (File › Save as › PDF), or scan the paper copy again"
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s*)?\d{1,3}(?:\s*(?:/|of|sur|de)\s*\d{1,3})?\s*$", re.IGNORECASE)


def read_pdf(data: bytes, name: str, sha256: str) -> Document:
    """Read a PDF into paragraphs; tables keep their table, row and grid column. Pages with no
    text layer (scans) are read by OCR (loaders/formats/pdf_ocr.py); their paragraphs' locations
    say so (`page 3 (OCR), …`) and each keeps its words' lowest confidence."""
    check_pdf(data, name)
    with PDFIUM_LOCK:
        try:
            pdf = open_document(data)
        except Exception as error:  # PDFium reports locked and broken files alike as PdfiumError
            raise _open_error(error, name) from error
    try:
        layouts = _layouts(pdf, name)
        scanned = [number for number, layout in enumerate(layouts, start=1) if not layout.words and layout.has_images]
        if scanned:
            for number, layout in ocr_pages(pdf, scanned, name, sha256).items():
                layouts[number - 1] = layout
    finally:
        with PDFIUM_LOCK:
            pdf.close()
    builder = _Builder()
    for number, layout in enumerate(layouts, start=1):
        builder.page(layout, number)
    builder.finish()
    if scanned:
        mark_uncertain(builder.paragraphs, {number: layouts[number - 1].words for number in scanned})
    if not builder.paragraphs and scanned:
        raise UnreadableFile("this scanned PDF holds no text that OCR could read (a photo, or a blank page?)",
                             name, hint=_HINT_SCAN)
    if not builder.paragraphs:
        raise UnreadableFile("this PDF holds no text: its pages are drawings only", name, hint=_HINT_SCAN)
    printed = None if scanned or builder.tables else text_print_paragraphs(layouts)
    if printed:
        comments = [comment for paragraph in printed for comment in paragraph.comments]
        return Document(name, sha256, "pdf", printed, tables_known=False, comments=comments)
    warnings = []
    if scanned:
        shown = ", ".join(map(str, scanned[:10])) + ("…" if len(scanned) > 10 else "")
        warnings.append(f"page(s) {shown} of this PDF are scans read by OCR: check the figures marked uncertain")
    return Document(name, sha256, "pdf", builder.paragraphs, tables_known=True, comments=[], warnings=warnings,
                    ocr_pages=scanned)


def _layouts(pdf, name: str) -> list[PageLayout]:
    with PDFIUM_LOCK:
        pages = len(pdf)
        if pages > MAX_PAGES:
            raise UnreadableFile(f"the PDF has {pages} pages; reports are read up to {MAX_PAGES}", name)
        layouts = []
        for number in range(1, pages + 1):
            try:
                page = pdf[number - 1]
                layouts.append(page_layout(page))
                page.close()
            except Exception as error:
                raise UnreadableFile(f"page {number} of this PDF could not be read ({type(error).__name__})",
                                     name, hint=_HINT_SCAN) from error
    return layouts


def _open_error(error: Exception, name: str) -> UnreadableFile:
    chain = [error, getattr(error, "__cause__", None), getattr(error, "__context__", None)]
    text = " ".join(f"{type(e).__name__} {e}" for e in chain if e is not None)
    if re.search(r"password|encrypt", text, re.IGNORECASE):
        return UnreadableFile("this PDF is password-protected", name,
                              hint="save a copy without the password and upload that")
    return UnreadableFile(f"this PDF is damaged and could not be opened ({type(error).__name__})", name,
                          hint="export it again from Word (File › Save as › PDF)")


class _Builder:
    """Turns pages into the document model, carrying paragraphs and tables over page breaks."""

    def __init__(self):
        self.paragraphs: list[Paragraph] = []
        self.tables = 0
        self.open_table: tuple[int, int, list] | None = None  # (table index, columns, header row texts)
        self.open_line: Line | None = None  # the last body line, if its paragraph may go on
        self.width = (0.0, 1.0)
        self.grid: Grid | None = None  # the columns of an unruled table that may go on
        self.grid_table = self.grid_rows = 0
        self.header: dict[int, str] | None = None  # an unruled table's header row, while its lines come
        self.grid_last: dict[int, tuple[Paragraph, list[dict]]] = {}  # each column's last cell line
        self.pair: tuple[Paragraph, Paragraph, float, float] | None = None  # label, value, value column, bottom
        self.held: list[tuple[Line, str]] = []  # lines at a page's edge while an unruled table runs

    def page(self, layout: PageLayout, number: int) -> bool:
        found = layout.tables
        if not found and layout.words:
            self._unruled_page(layout.words, number)
            return True
        self.grid = None
        self._release_held()
        boxes = [t.bbox for t in found]
        words = layout.words
        if not words:
            self.open_line = None
            return False
        body_words, cell_words = [], [[] for _ in found]
        for word in words:
            cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
            inside = next((k for k, (x0, top, x1, bottom) in enumerate(boxes)
                           if x0 <= cx <= x1 and top <= cy <= bottom), None)
            (body_words if inside is None else cell_words[inside]).append(word)
        lines = lines_of(body_words)
        if lines:
            self.width = (min(line.x0 for line in lines), max(line.x1 for line in lines))
        blocks: list[tuple[float, object]] = [(line.top, line) for line in lines]
        blocks += [(table.bbox[1], _table_part(table, cell_words[k])) for k, table in enumerate(found)]
        blocks.sort(key=lambda block: block[0])
        page_tables = 0
        line_number = 0
        for position, (_, block) in enumerate(blocks):
            if isinstance(block, Line):
                line_number += 1
                self._line(block, f"page {number}, line {line_number}")
                self.open_table = None
            else:
                page_tables += 1
                self._table(block, number, page_tables, continues=position == 0)
                self.open_line = None
        return True

    def finish(self) -> None:
        """The document ended: lines still held at the last page's foot are body text."""
        self._release_held()

    def _unruled_page(self, words: list[dict], number: int) -> None:
        """A page without ruling lines: body lines, and the rows of a table found by its header's
        columns (loaders/formats/pdf_columns.py), each line a row of cells."""
        groups = word_groups(words)
        lines = [line_of(group) for group in groups]
        self.width = (min(line.x0 for line in lines), max(line.x1 for line in lines))
        left = self.width[0]
        runs = [segments(group) for group in groups]
        value_x = value_columns(runs, left)
        self.pair = None
        band = {1, 2, len(lines) - 1, len(lines)}  # where running headers, footers and page numbers stand
        for line_number, (group, line) in enumerate(zip(groups, lines, strict=True), start=1):
            location = f"page {number}, line {line_number}"
            if self.grid is not None and line_number in band and (
                    _PAGE_NUMBER.match(line.text) or not self.grid.fits(runs[line_number - 1])):
                self.held.append((line, location))  # a running header or footer, if the table goes on below it
                continue
            if self.grid is not None and not self.grid.fits(runs[line_number - 1]):
                self._end_header(number)
                self.grid = None
                self._release_held()
            if self.grid is None and (grid := header_grid(runs[line_number - 1], left)) is not None:
                self.grid, self.header, self.grid_last = grid, grid.cells(group), {}
                self.tables += 1
                self.grid_table, self.grid_rows = self.tables, 0
                self.open_line = self.open_table = None
                continue
            if self.grid is None:
                if not self._paired(group, runs[line_number - 1], value_x, location):
                    self._line(line, location)
                self.open_table = None
                continue
            self.held = []  # the table went on: what was held was a running header or footer
            words_in = self.grid.cell_words(group)
            if self.header is not None and min(words_in) > self.grid.label_columns:
                for column, text in self.grid.cells(group).items():  # the header's wrapped words (`Base de` / `données`)
                    self.header[column] = (self.header.get(column, "") + " " + text).strip()
                continue
            self._end_header(number)
            self._grid_row(self._unbroken(words_in), number)
        self._end_header(number)

    def _release_held(self) -> None:
        """Lines held as a possible running header or footer, when the table did not go on: body text."""
        held, self.held = self.held, []
        for line, location in held:
            self._line(line, location)

    def _unbroken(self, cells: dict[int, list[dict]]) -> dict[int, list[dict]]:
        """A line's cells, less those that go on in the column's line above: the end of a word broken
        there (`gouvernementau` / `x`, `income-` / `generating`), joined to it, or text that wraps
        (its first word would not have fitted up there), joined with a space — but not on a line that
        opens a row (`Indicateur 1.1.1`). A line whose first word would have fitted starts a new
        paragraph of the cell (`9 (RCA)` / `1 (Cameroun)`), as in a ruled table."""
        opens_row = any(ROW_LABEL.match(" ".join(w["text"] for w in words[:2])) for words in cells.values())
        kept = {}
        for column, words in cells.items():
            text = " ".join(w["text"] for w in words)
            last = self.grid_last.get(column)
            height = max(w["bottom"] - w["top"] for w in words + (last[1] if last else []))
            if last is None or words[0]["top"] - last[1][-1]["bottom"] > PARAGRAPH_GAP * height:
                kept[column] = words
                continue
            paragraph, before = last
            if self.grid.broken_word(column, before, text):
                paragraph.text = paragraph.text.replace("\ufffe", "-") + text
            elif (not opens_row and not NEW_ITEM.match(text)
                  and self.grid.right(column, self.width[1]) - before[-1]["x1"] < words[0]["x1"] - words[0]["x0"] + SPACE):
                paragraph.text = join(paragraph.text.replace("\ufffe", "-"), text)
            else:
                kept[column] = words
                continue
            self.grid_last[column] = (paragraph, words)
        return kept

    def _paired(self, group: list[dict], runs: list[list[dict]], value_x: list[float], location: str) -> bool:
        """A line of a borderless label/value layout: a label and its value become two paragraphs
        (the value below its label, as in a form); a label that wraps over more lines, or a value
        that does, goes on in its own paragraph. False for any other line."""
        text = " ".join(w["text"] for w in group)
        height = max(w["bottom"] - w["top"] for w in group)
        if self.pair is not None and min(w["top"] for w in group) - self.pair[3] <= PARAGRAPH_GAP * height:
            label, value, column, _ = self.pair
            own_label = re.search(r"[:?]\s*$", text) and len(text.split()) >= 3  # `Date du rapport :`, not `Gateway :`
            if all(w["x1"] <= column - 2 for w in group) and not re.search(r"[:?]\s*$", label.text) and not own_label:
                label.text = join(label.text, text)
            elif all(w["x0"] >= column - 4 for w in group):
                value.text = join(value.text, text)
            else:
                self.pair = None
            if self.pair is not None:
                self.pair = (label, value, column, max(w["bottom"] for w in group))
                return True
        self.pair = None
        split = label_and_value(runs, value_x)
        if split is None:
            return False
        label, value = (Paragraph(" ".join(w["text"] for w in part), location) for part in split[:2])
        self.paragraphs += [label, value]
        self.pair = (label, value, split[2], max(w["bottom"] for w in group))
        self.open_line = None
        return True

    def _end_header(self, number: int) -> None:
        if self.header is not None:
            header, self.header = self.header, None
            self._grid_row(header, number)

    def _grid_row(self, cells: dict[int, str | list[dict]], number: int) -> None:
        if not cells:
            return
        self.grid_rows += 1
        for position, (column, content) in enumerate(cells.items()):
            text = content if isinstance(content, str) else " ".join(w["text"] for w in content)
            paragraph = Paragraph(text.replace("\ufffe", "-"), f"page {number}, table {self.grid_table}, "
                                  f"row {self.grid_rows}, cell {column + 1}", [], cell_start=True,
                                  row_start=position == 0, table=self.grid_table, grid_col=column)
            self.paragraphs.append(paragraph)
            if not isinstance(content, str):
                self.grid_last[column] = (paragraph, content)

    def _line(self, line: Line, location: str) -> None:
        previous = self.open_line
        if previous is None or not self.paragraphs:
            goes_on = False
        elif line.top < previous.top:  # over a page break: only an unfinished sentence goes on
            goes_on = line.wrapped_into(previous, self.width[1]) and not re.search(r"[.:?!;]\s*$", previous.text)
        else:
            goes_on = (line.wrapped_into(previous, self.width[1])
                       and line.top - previous.bottom <= PARAGRAPH_GAP * (line.bottom - line.top))
        if goes_on:
            self.paragraphs[-1].text = join(self.paragraphs[-1].text, line.text)  # a wrapped line
        else:
            self.paragraphs.append(Paragraph(line.text, location))
        self.open_line = line

    def _table(self, rows: list[list[str | None]], page: int, page_table: int, continues: bool) -> None:
        """One ruled table's rows (per grid column: the cell's text, None where a merged cell covers it)."""
        columns = max((len(row) for row in rows), default=0)
        if continues and self.open_table is not None and self.open_table[1] == columns:
            index, _, header = self.open_table
            if rows and rows[0] == header:
                rows = rows[1:]  # the header row repeated on the new page
        else:
            self.tables += 1
            index = self.tables
            header = rows[0] if rows else []
        self.open_table = (index, columns, header)
        for row_number, row in enumerate(rows, start=1):
            first = True
            for column, cell in enumerate(row):
                if cell is None:
                    continue  # covered by a merged cell to its left or above
                location = f"page {page}, table {page_table}, row {row_number}, cell {column + 1}"
                texts = cell.split("\n") if cell else [""]
                for k, text in enumerate(texts):
                    self.paragraphs.append(Paragraph(text, location, [], cell_start=k == 0,
                                                     row_start=first and k == 0, table=index, grid_col=column))
                first = False


def _table_part(table, words: list[dict]) -> list[list[str | None]]:
    """A table's rows: each cell's words, its wrapped lines joined and its paragraphs kept apart."""
    rows = []
    for row in table.rows:
        cells = []
        for bbox in row.cells:
            if bbox is None:
                cells.append(None)
                continue
            x0, top, x1, bottom = bbox
            inside = [w for w in words if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom]
            cells.append(_cell_text(lines_of(inside), x1))
        rows.append(cells)
    return rows


def _cell_text(lines: list[Line], x1: float) -> str:
    """A cell's paragraphs: a line whose first word would have fitted on the line above starts a
    new paragraph (so does a bullet or a wide gap); other lines are the cell's text wrapping."""
    if not lines:
        return ""
    right = max(max(line.x1 for line in lines), x1 - 6.0)
    paragraphs = [lines[0].text]
    for previous, line in zip(lines, lines[1:], strict=False):
        gap = line.top - previous.bottom > PARAGRAPH_GAP * max(previous.bottom - previous.top, 1.0)
        if gap or not line.wrapped_into(previous, right):
            paragraphs.append(line.text)
        else:
            paragraphs[-1] = join(paragraphs[-1], line.text)
    return "\n".join(paragraphs)
