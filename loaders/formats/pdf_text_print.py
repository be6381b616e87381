"""PDFs that are a text export printed as plain text (a `.txt` opened in Writer or an editor and
printed to PDF): no ruling, no columns, one text line after another, a table cell's line
starting at the first tab stop. Such a page is read back the way the text export itself is read
(loaders/formats/txt.py): a line that starts at the tab stop opens a table cell, a line that
wraps is joined to its paragraph, `Comment by NAME:` is a reviewer comment, and table
boundaries are not known.

A PDF is taken for a text print only when no page has a ruled table or columns, many lines start
at one indent a tab's width from the margin, and such lines do not mostly wrap on at that indent
(a Word list's hanging indent does; a printed text wraps back to the margin); any other PDF is
read as laid out."""
from __future__ import annotations

import re
from collections import Counter
from statistics import median

from loaders.formats.pdf_layout import PageLayout
from loaders.formats.pdf_lines import PARAGRAPH_GAP, Line, join, lines_of, word_groups
from loaders.formats.txt import BOOKMARK
from loaders.model import Paragraph
from loaders.normalise.comments import opens_comment, split_inline_comments

TAB_RANGE = (18.0, 80.0)  # points from the margin where a first tab stop stands (1.25 cm, 8 monospace blanks…)
MIN_TAB_LINES = 8  # lines at the tab stop before a PDF is taken for a text print
_FORM_LABEL = re.compile(r"^[A-ZÀ-Ý][^:.;!?]{2,60}[^\s(]\s?:\s+\S")  # `Evaluation budget (response required): $ 40,000`
_SAME_X = 2.0  # points: lines starting this close start at the same place


def text_print_paragraphs(layouts: list[PageLayout]) -> list[Paragraph] | None:
    """The PDF's paragraphs read as a printed text export, or None when it does not look like one."""
    if any(layout.tables for layout in layouts):
        return None
    pages = [lines_of(layout.words) for layout in layouts]
    every = [line for lines in pages for line in lines]
    if not every:
        return None
    margin = Counter(round(line.x0) for line in every).most_common(1)[0][0]
    indents = Counter(round(line.x0) for line in every if TAB_RANGE[0] <= line.x0 - margin <= TAB_RANGE[1])
    if not indents or indents.most_common(1)[0][1] < MIN_TAB_LINES:
        return None
    tab = indents.most_common(1)[0][0]
    right = max(line.x1 for line in every)
    back, stay = _wraps(pages, margin, tab, right)
    if stay > back:
        return None  # indented lines whose wraps stay indented: a Word list's hanging indent, not a printed text
    pitch = median(b.top - a.top for lines in pages for a, b in zip(lines, lines[1:], strict=False) if b.top > a.top)
    paragraphs: list[Paragraph] = []
    previous: Line | None = None
    previous_aligned = previous_right = False  # the line above has text aligned in columns / pushed right
    for number, (layout, lines) in enumerate(zip(layouts, pages, strict=True), start=1):
        rows = [spaced_text(group) for group in word_groups(layout.words)]
        for line_number, (line, text) in enumerate(zip(lines, rows, strict=True), start=1):
            opens_cell = line.x0 >= tab - _SAME_X
            location = f"page {number}, line {line_number}"
            aligned = "   " in text or line.x0 > tab + _SAME_X
            if previous is not None and not opens_cell and not (aligned and previous_aligned) and not previous_right \
                    and (_goes_on(line, previous, right) or opens_comment(paragraphs[-1].text)):
                paragraphs[-1].text = join(paragraphs[-1].text, text)
                previous, previous_aligned, previous_right = line, aligned, False
                continue
            if previous is not None and line.top > previous.top and opens_cell:
                blanks = round((line.top - previous.top) / pitch) - 1  # blank lines above a cell: empty cells
                paragraphs += [Paragraph("", location, cell_start=True, guessed=True) for _ in range(max(blanks, 0))]
            paragraphs.append(Paragraph(text, location, cell_start=opens_cell))
            previous, previous_aligned, previous_right = line, aligned, line.x0 > tab + _SAME_X
    return [_with_comments(paragraph) for paragraph in paragraphs]


def spaced_text(words: list[dict]) -> str:
    """A line's words with a run of blanks where the print left a wide gap (text aligned in columns)."""
    width = median((w["x1"] - w["x0"]) / len(w["text"]) for w in words)
    text = words[0]["text"]
    for before, word in zip(words, words[1:], strict=False):
        text += " " * max(1, round((word["x0"] - before["x1"]) / width)) + word["text"]
    return text




def _wraps(pages: list[list[Line]], margin: float, tab: float, right: float) -> tuple[int, int]:
    """How many lines starting at the tab stop go on in the next line at the margin (a printed
    text's wrap), and how many go on at the tab stop again (a hanging indent's)."""
    back = stay = 0
    for lines in pages:
        for line, below in zip(lines, lines[1:], strict=False):
            if abs(line.x0 - tab) > _SAME_X or not below.wrapped_into(line, right):
                continue
            back += abs(below.x0 - margin) <= _SAME_X
            stay += abs(below.x0 - tab) <= _SAME_X
    return back, stay


def _goes_on(line: Line, previous: Line, right: float) -> bool:
    """Whether the line is the previous one wrapping (a page break keeps an unfinished line going).
    A line that opens with a form's label (`Project Gender Marker: GM2`) starts its own paragraph:
    under a line that nearly fills the width, a wrap and a new line look alike."""
    if not line.wrapped_into(previous, right) or _FORM_LABEL.match(line.text):
        return False
    return line.top < previous.top or line.top - previous.bottom <= PARAGRAPH_GAP * (line.bottom - line.top)


def _with_comments(paragraph: Paragraph) -> Paragraph:
    """Bookmark marks dropped and inline reviewer comments taken out, as in a text export."""
    body, comments = split_inline_comments(BOOKMARK.sub("", paragraph.text).strip(), paragraph.location, tabs_lost=True)
    opens_cell = paragraph.cell_start and not (not body.strip() and comments)  # a comment-only line: the cell above
    return Paragraph(body.strip(), paragraph.location, comments, cell_start=opens_cell, guessed=paragraph.guessed)
