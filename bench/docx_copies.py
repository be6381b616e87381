"""Word copies of the seed reports for the parse benchmark: the text export's paragraphs become
Word paragraphs and its results table a real Word table (python-docx), one row per indicator."""
from __future__ import annotations

import io
from pathlib import Path

import docx

from loaders.formats.txt import read_txt
from loaders.templates.results_table import column_kind, find_header, group_cells


def docx_copy(text_export: Path) -> bytes:
    """A .docx holding the same text and results table as a seed's text export."""
    document = read_txt(text_export.read_bytes(), text_export.name, "")
    header = find_header(document)
    word = docx.Document()
    end = len(document.paragraphs) if header is None else header
    for paragraph in document.paragraphs[:end]:
        word.add_paragraph(paragraph.text)
    if header is not None:
        cells = group_cells(document.paragraphs, header, tables_known=False)
        kinds = 0
        while 1 + kinds < len(cells) and column_kind(cells[1 + kinds].text):
            kinds += 1
        width = 2 + kinds  # the empty label column, "Indicateurs", then one column per header kind
        cells = [cells[0].__class__([""], [], "", 0, None)] + cells  # the header's empty first cell
        rows = [cells[i:i + width] for i in range(0, len(cells), width)]
        table = word.add_table(rows=len(rows), cols=width)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                table.cell(r, c).text = "\n".join(cell.lines).strip()
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
