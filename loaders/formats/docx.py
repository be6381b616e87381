"""Word .docx reports: walks the body XML once (python-docx's cell access is slow), resolving
horizontally (`w:gridSpan`) and vertically (`w:vMerge`) merged cells and margin comments."""
from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn

from loaders.errors import UnreadableFile
from loaders.formats.zipguard import check_package
from loaders.model import Document, Paragraph
from loaders.normalise.comments import Comment

_W_P, _W_TBL, _W_TR, _W_TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_W_T, _W_TAB, _W_BR, _W_CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_W_COMMENT_REF, _W_ID, _W_VAL = qn("w:commentReference"), qn("w:id"), qn("w:val")
_W_SDT, _W_SDT_CONTENT = qn("w:sdt"), qn("w:sdtContent")


def read_docx(data: bytes, name: str, sha256: str) -> Document:
    """Read a .docx into paragraphs; table cells keep their table, row and grid column."""
    check_package(data, name, "docx")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds for a broken package
        raise UnreadableFile(f"Word could not open this .docx ({type(error).__name__}: {error})", name) from error
    notes = _comment_texts(document)
    walker = _Walker(notes)
    walker.walk(document.element.body)
    comments = [c for p in walker.paragraphs for c in p.comments]
    return Document(name, sha256, "docx", walker.paragraphs, tables_known=True, comments=comments)


def _comment_texts(document) -> dict[str, tuple[str, str]]:
    try:
        return {str(c.comment_id): (c.author or "", c.text or "") for c in document.comments}
    except Exception:  # a package without a comments part
        return {}


class _Walker:
    def __init__(self, notes: dict[str, tuple[str, str]]):
        self.notes = notes
        self.paragraphs: list[Paragraph] = []
        self.body_paragraphs = 0
        self.tables = 0

    def walk(self, container) -> None:
        for child in container:
            if child.tag == _W_P:
                self.body_paragraphs += 1
                self._add(child, f"paragraph {self.body_paragraphs}")
            elif child.tag == _W_TBL:
                self.tables += 1
                self._table(child, self.tables)
            elif child.tag == _W_SDT:
                content = child.find(_W_SDT_CONTENT)
                if content is not None:
                    self.walk(content)

    def _add(self, p_element, location: str, **cell) -> None:
        text, comments = _paragraph_text(p_element, self.notes, location)
        self.paragraphs.append(Paragraph(text, location, comments, **cell))

    def _table(self, tbl, table_index: int) -> None:
        above: dict[int, list] = {}  # grid column -> paragraphs of the cell that starts a vertical merge
        for row_number, tr in enumerate(tbl.iter(_W_TR), start=1):
            if tr.getparent() is not tbl:
                continue  # rows of nested tables are read with their cell
            grid_col = 0
            for cell_number, tc in enumerate(tr.findall(_W_TC), start=1):
                span, vmerge = _cell_props(tc)
                location = f"table {table_index}, row {row_number}, cell {cell_number}"
                common = {"table": table_index, "grid_col": grid_col}
                if vmerge == "continue" and grid_col in above:
                    self._repeat(above[grid_col], location, row_start=cell_number == 1, **common)
                else:
                    start = len(self.paragraphs)
                    self._cell(tc, location, row_start=cell_number == 1, **common)
                    above[grid_col] = self.paragraphs[start:]
                grid_col += span

    def _cell(self, tc, location: str, row_start: bool, table: int, grid_col: int) -> None:
        paragraphs = [p for p in tc.iter(_W_P)]  # nested tables are read as the cell's text
        if not paragraphs:
            self.paragraphs.append(Paragraph("", location, [], True, row_start, table, grid_col))
        for index, p in enumerate(paragraphs):
            self._add(p, location, cell_start=index == 0, row_start=row_start and index == 0,
                      table=table, grid_col=grid_col)

    def _repeat(self, origin: list[Paragraph], location: str, row_start: bool, table: int, grid_col: int) -> None:
        for index, p in enumerate(origin or [Paragraph("", location)]):
            self.paragraphs.append(Paragraph(p.text, location + " (merged with the cell above)", [],
                                             index == 0, row_start and index == 0, table, grid_col, merged=True))


def _cell_props(tc) -> tuple[int, str | None]:
    props = tc.tcPr
    if props is None:
        return 1, None
    span_el = props.find(qn("w:gridSpan"))
    span = int(span_el.get(_W_VAL)) if span_el is not None and span_el.get(_W_VAL, "").isdigit() else 1
    merge_el = props.find(qn("w:vMerge"))
    vmerge = None if merge_el is None else (merge_el.get(_W_VAL) or "continue")
    return max(span, 1), vmerge


def _paragraph_text(p_element, notes: dict[str, tuple[str, str]], location: str) -> tuple[str, list[Comment]]:
    parts: list[str] = []
    comments: list[Comment] = []
    for node in p_element.iter():
        if node.tag == _W_T and node.text:
            parts.append(node.text)
        elif node.tag == _W_TAB:
            parts.append(" ")
        elif node.tag in (_W_BR, _W_CR):
            parts.append("\n")
        elif node.tag == _W_COMMENT_REF:
            author, text = notes.get(str(node.get(_W_ID)), ("", ""))
            comments.append(Comment(author, text, location))
    return "".join(parts), comments
