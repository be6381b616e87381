"""A real Word file made from a sample's text export: the budget block and the results table as
Word tables (merged cells included), the cover and narrative as paragraphs, and every inline
`Comment by NAME:` as a Word margin comment. Built with python-docx; no hand-made file."""
from __future__ import annotations

import io
import re

import docx
from docx.enum.section import WD_ORIENT
from docx.shared import Inches, Pt

from loaders.formats.txt import read_txt
from loaders.model import Paragraph
from loaders.templates.labels import match_field
from loaders.templates.results_table import _SECTION_HEADING, column_kind, find_header

_AMOUNT_AT_END = re.compile(r"^(?P<name>.*?)\s*:?\s*(?P<amount>(?:US\$|USD|\$)\s*[0-9][0-9 ,.\u00a0\u202f]*|\$\s*[\u2002 ]*)\s*$")


def to_docx(text: str, name: str = "variant.txt", ruled: bool = True, cover_table: bool = False) -> bytes:
    """The Word version of a text export; `ruled=False` removes every table border (Word's "Normal
    Table" style: a report pasted into a blank document), so its PDF has tables without ruling;
    `cover_table=True` lays the cover's `label : value` fields out as a two-column table, the label
    in a narrow column where it wraps over several lines beside a one-line value."""
    paragraphs = read_txt(text.encode("utf-8"), name, "-").paragraphs
    budget = _budget_block(paragraphs)
    table = _results_table(paragraphs)
    document = docx.Document()
    _landscape(document)
    document.styles["Normal"].font.size = Pt(10)
    index = 0
    while index < len(paragraphs):
        if budget and index == budget[0]:
            _add_paragraph(document, paragraphs[index])
            _budget_table(document, paragraphs[index + 1 : budget[1] + 1])
            index = budget[1] + 1
        elif table and index == table[0]:
            _results_word_table(document, table[2])
            index = table[1]
        elif cover_table and (fields := _cover_fields(paragraphs, index, table[0] if table else len(paragraphs))):
            _cover_word_table(document, fields)
            index += len(fields)
        else:
            _add_paragraph(document, paragraphs[index])
            index += 1
    if not ruled:
        for word_table in document.tables:
            word_table.style = document.styles["Normal Table"]
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _cover_fields(paragraphs: list[Paragraph], index: int, end: int) -> list[tuple[str, str]]:
    """The run of `label : value` field lines starting at `index` (before the results table)."""
    fields = []
    while index < end:
        text = paragraphs[index].text.strip()
        if not match_field(text) or ":" not in text or match_field(text) == "budget_table":
            break
        label, value = text.rsplit(":", 1)
        if not value.strip():
            break
        fields.append((label.strip() + " :", value.strip()))
        index += 1
    return fields


def _cover_word_table(document, fields: list[tuple[str, str]]) -> None:
    word_table = document.add_table(rows=len(fields), cols=2)
    word_table.style = "Table Grid"
    word_table.autofit = False
    for column, inches in enumerate((2.4, 4.0)):
        word_table.columns[column].width = Inches(inches)
        for cell in word_table.columns[column].cells:
            cell.width = Inches(inches)
    for row, (label, value) in zip(word_table.rows, fields, strict=True):
        row.cells[0].text, row.cells[1].text = label, value


def _budget_block(paragraphs: list[Paragraph]) -> tuple[int, int] | None:
    """(label index, total-line index) of the cover's budget block."""
    start = next((i for i, p in enumerate(paragraphs) if match_field(p.text) == "budget_table"), None)
    if start is None:
        return None
    end = next((i for i in range(start + 1, min(start + 20, len(paragraphs)))
                if re.match(r"^\s*total\b", paragraphs[i].text, re.IGNORECASE)), None)
    return (start, end) if end is not None else None


def _budget_table(document, block: list[Paragraph]) -> None:
    """A three-column Word table: name spanning two grid columns, amount; `Total :` in the middle column."""
    rows = []
    for paragraph in block:
        text = paragraph.text.strip()
        if not text:
            continue
        if re.match(r"^\s*total\b", text, re.IGNORECASE):
            label, amount = re.match(r"^\s*(total\s*:?)\s*(.*)$", text, re.IGNORECASE).groups()
            rows.append(("total", label, amount))
            continue
        match = _AMOUNT_AT_END.match(text)
        if match:
            rows.append(("line", match.group("name"), match.group("amount")))
        else:
            parts = re.split(r"\s{2,}", text)
            rows.append(("line", parts[0], parts[-1] if len(parts) > 1 else ""))
    word_table = document.add_table(rows=len(rows), cols=3)
    word_table.style = "Table Grid"
    for number, (kind, label, amount) in enumerate(rows):
        cells = word_table.rows[number].cells
        if kind == "total":
            cells[1].text, cells[2].text = label, amount
        else:
            merged = cells[0].merge(cells[1])
            merged.text, cells[2].text = label, amount


def _results_table(paragraphs: list[Paragraph]) -> tuple[int, int, list[list[list[Paragraph]]]] | None:
    """(first index, index after the table, rows of cells of paragraphs) of the results table."""
    from loaders.model import Document

    header = find_header(Document("-", "-", "txt", paragraphs, tables_known=False))
    if header is None:
        return None
    start = header - 1 if paragraphs[header - 1].cell_start and not paragraphs[header - 1].text.strip() else header
    cells: list[list[Paragraph]] = []
    index = start
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        if not paragraph.cell_start and _SECTION_HEADING.match(paragraph.text):
            break
        if paragraph.cell_start or not cells:
            cells.append([])
        cells[-1].append(paragraph)
        index += 1
    kinds = 0
    for cell in cells[2 if start < header else 1 :]:
        if column_kind(cell[0].text) is None:
            break
        kinds += 1
    width = kinds + (2 if start < header else 1)
    if len(cells) % width:
        raise ValueError(f"results table of {len(cells)} cells is not rows of {width}")
    last = cells[-1]
    blank = next((i for i, p in enumerate(last) if i and not p.text.strip()), len(last))
    cells[-1] = last[:blank]  # what follows the last cell's first blank line is body text again
    end = index - (len(last) - blank)
    return start, end, [cells[i : i + width] for i in range(0, len(cells), width)]


def _landscape(document) -> None:
    """A landscape page with 0.75-inch margins, as PBF reports lay out their results table."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(0.75))


def _results_word_table(document, rows: list[list[list[Paragraph]]]) -> None:
    """The results table; an empty first-column cell is merged into the outcome/output cell above it."""
    width = len(rows[0])
    word_table = document.add_table(rows=len(rows), cols=width)
    word_table.style = "Table Grid"
    widths = [1.4, 2.0] + [1.0] * (width - 3) + [9.5 - 3.4 - 1.0 * (width - 3)]
    word_table.autofit = False
    for column, inches in enumerate(widths):
        word_table.columns[column].width = Inches(inches)
        for cell in word_table.columns[column].cells:
            cell.width = Inches(inches)
    merge_from = None
    for number, row in enumerate(rows):
        cells = word_table.rows[number].cells
        for column, cell in enumerate(row):
            _fill_cell(document, cells[column], cell)
        first_empty = not any(p.text.strip() for p in row[0])
        if number > 1 and first_empty and merge_from is not None:
            word_table.cell(merge_from, 0).merge(cells[0])
        elif not first_empty:
            merge_from = number


def _fill_cell(document, word_cell, paragraphs: list[Paragraph]) -> None:
    for position, paragraph in enumerate(paragraphs):
        word_paragraph = word_cell.paragraphs[0] if position == 0 else word_cell.add_paragraph()
        _write(document, word_paragraph, paragraph)


def _add_paragraph(document, paragraph: Paragraph) -> None:
    _write(document, document.add_paragraph(), paragraph)


def _write(document, word_paragraph, paragraph: Paragraph) -> None:
    run = word_paragraph.add_run(paragraph.text.strip("\t") or ("" if not paragraph.comments else " "))
    for comment in paragraph.comments:
        document.add_comment([run], text=comment.text or " ", author=comment.author or "?", initials="")
