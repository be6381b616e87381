"""Words and ruled tables of PDF pages, taken from PDFium (pypdfium2): character boxes grouped
into words, and the horizontal and vertical strokes of path objects turned into table cells by
pdfplumber's table algorithm (edges → intersections → cells → tables). PDFium reads a page about
fifteen times faster than pdfminer, which pdfplumber's own page parsing runs on."""
from __future__ import annotations

import ctypes
import threading
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.table import Table, cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

WORD_GAP = 3.0  # points between two characters that still belong to one word (pdfplumber's x_tolerance)
LINE_SHIFT = 3.0  # points a character's top may move and stay on the word's line
STRAIGHT = 1.0  # points a stroke may lean and still be a horizontal or vertical rule
MIN_EDGE = 3.0  # points: shorter strokes are not table rules
MAX_SEGMENTS = 256  # path objects with more segments are drawings, not rules
PDFIUM_LOCK = threading.Lock()  # PDFium is not thread-safe; Streamlit sessions run in threads


@dataclass
class PageLayout:
    """One page: its words (pdfplumber's word dict keys) and its ruled tables, and whether it holds images."""

    words: list[dict]
    tables: list[Table]
    has_images: bool


def open_document(data: bytes) -> pdfium.PdfDocument:
    """Open PDF bytes (raises pdfium.PdfiumError for locked or broken files)."""
    return pdfium.PdfDocument(data)


def page_layout(page: pdfium.PdfPage) -> PageLayout:
    """Words and tables of one page, in top-left coordinates (points)."""
    height = page.get_height()
    textpage = page.get_textpage()
    try:
        words = _words(textpage, height)
    finally:
        textpage.close()
    edges, has_images = _edges(page, height)
    return PageLayout(words, tables_from_edges(edges), has_images)


def _words(textpage: pdfium.PdfTextPage, height: float) -> list[dict]:
    count = textpage.count_chars()
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # characters outside the BMP shift the indexes: read one by one
        text = "".join(textpage.get_text_range(k, 1)[:1] or " " for k in range(count))
    words: list[dict] = []
    current: dict | None = None
    for index, char in enumerate(text):
        if char.isspace() or char == "\x00":
            current = None
            continue
        if char == "\ufffe":  # PDFium's mark for a hyphen where the line broke (`income-` / `generating`)
            char = "-"
        left, bottom, right, top = textpage.get_charbox(index, loose=True)
        top, bottom = height - top, height - bottom
        if (current is not None and left - current["x1"] <= WORD_GAP and left >= current["x0"] - WORD_GAP
                and (abs(top - current["top"]) <= LINE_SHIFT
                     or abs(top - current["top"]) <= 0.35 * (bottom - top)  # `É` is taller than `l`
                     or (top >= current["top"] and bottom <= current["bottom"] + LINE_SHIFT))):  # a low `.` or `,`
            current["text"] += char
            current["x1"] = max(current["x1"], right)
            current["bottom"] = max(current["bottom"], bottom)
            continue
        current = {"text": char, "x0": left, "x1": right, "top": top, "bottom": bottom}
        words.append(current)
    return words


def _edges(page: pdfium.PdfPage, height: float) -> tuple[list[dict], bool]:
    edges: list[dict] = []
    has_images = False
    x, y = ctypes.c_float(), ctypes.c_float()
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            has_images = True
            continue
        segments = pdfium_c.FPDFPath_CountSegments(obj.raw)
        if segments <= 0 or segments > MAX_SEGMENTS:
            continue
        a, b, c, d, e, f = obj.get_matrix().get()
        start = previous = None
        for k in range(segments):
            segment = pdfium_c.FPDFPath_GetPathSegment(obj.raw, k)
            pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
            point = (a * x.value + c * y.value + e, height - (b * x.value + d * y.value + f))
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = previous = point
                continue
            if kind == pdfium_c.FPDF_SEGMENT_LINETO and previous is not None:
                _add_edge(edges, previous, point)
            previous = point
            if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
                _add_edge(edges, point, start)
                previous = start
    return edges, has_images


def _add_edge(edges: list[dict], p: tuple[float, float], q: tuple[float, float]) -> None:
    (x0, y0), (x1, y1) = p, q
    if abs(y1 - y0) <= STRAIGHT and abs(x1 - x0) >= MIN_EDGE:
        left, right, top = min(x0, x1), max(x0, x1), (y0 + y1) / 2
        edges.append({"x0": left, "x1": right, "top": top, "bottom": top, "doctop": top, "width": right - left, "height": 0.0,
                      "orientation": "h", "object_type": "line"})
    elif abs(x1 - x0) <= STRAIGHT and abs(y1 - y0) >= MIN_EDGE:
        top, bottom, left = min(y0, y1), max(y0, y1), (x0 + x1) / 2
        edges.append({"x0": left, "x1": left, "top": top, "bottom": bottom, "doctop": top, "width": 0.0, "height": bottom - top,
                      "orientation": "v", "object_type": "line"})


def tables_from_edges(edges: list[dict]) -> list[Table]:
    """pdfplumber's ruled-table algorithm on the page's rules (its default tolerances)."""
    if len(edges) < 4:
        return []
    merged = merge_edges(edges, 3, 3, 3, 3)
    merged = [edge for edge in merged if (edge["width"] if edge["orientation"] == "h" else edge["height"]) >= MIN_EDGE]
    cells = intersections_to_cells(edges_to_intersections(merged, 3, 3))
    return [Table(None, group) for group in cells_to_tables(cells)]
