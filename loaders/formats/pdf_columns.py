"""Tables without ruling lines, rebuilt from word positions: a report pasted into a blank document,
a Word table whose borders were removed. Such a table is found by its header line (`Indicateurs |
Base de données | Cible …`, `Performance Indicators | Indicator Baseline | …`: words in four or
more columns separated by white gaps); its columns start where the header's column texts start,
plus a label column at the left margin when text stands there (`Résultat 1`, `Produit 1.1`). Every
line below that fits the columns is a row of cells (each word in the column it starts in); the
template reader then joins the lines of one table row back together, as it does for a row cut by
a page break (a line with no outcome, output or indicator code goes on in the row above). The
table goes on over page breaks while the lines fit its columns, and ends at a line whose words run
across a column start (body text)."""
from __future__ import annotations

import re
from dataclasses import dataclass

GAP = 8.0  # points of white between two words that puts them in different columns
SLACK = 4.0  # points a cell's text may start left of its column's start
MIN_COLUMNS = 4  # a header line has at least this many columns
_HEADER_START = re.compile(r"^(?:indicat|performance)", re.IGNORECASE)
# A line holding one of these opens a new table row: none of its cells goes on in the line above.
ROW_LABEL = re.compile(r"^\s*(?:r[ée]sultats?|outcomes?|effets?|produits?|outputs?|extrants?|indicateurs?|indicators?)"
                       r"\s*\d", re.IGNORECASE)


@dataclass
class Grid:
    """The columns of an unruled table: where each starts (points from the left)."""

    starts: list[float]
    label_columns: int = 0  # the columns before the indicators' (0, or 1 with an outcome/output label column)

    def column(self, word: dict) -> int:
        """The column a word starts in."""
        found = 0
        for index, start in enumerate(self.starts):
            if word["x0"] >= start - SLACK:
                found = index
        return found

    def fits(self, words: list[dict]) -> bool:
        """Whether a line's words stay in their columns: no run of words crosses a column start."""
        for segment in segments(words):
            left, right = segment[0]["x0"], segment[-1]["x1"]
            if any(left < start - SLACK < right - SLACK for start in self.starts[1:]):
                return False
        return True

    def cells(self, words: list[dict]) -> dict[int, str]:
        """A line's text per column."""
        return {column: " ".join(w["text"] for w in group) for column, group in self.cell_words(words).items()}

    def cell_words(self, words: list[dict]) -> dict[int, list[dict]]:
        """A line's words per column, left to right."""
        cells: dict[int, list[dict]] = {}
        for word in sorted(words, key=lambda w: w["x0"]):
            cells.setdefault(self.column(word), []).append(word)
        return dict(sorted(cells.items()))

    def right(self, column: int, page_right: float) -> float:
        """Where a cell's text can reach: a cell's padding short of the next column, or the page's text edge."""
        return self.starts[column + 1] - 2.5 * SLACK if column + 1 < len(self.starts) else page_right

    def broken_word(self, column: int, before: list[dict], text: str) -> bool:
        """Whether `text` finishes a word broken at the end of the column's line `before`: a hyphen
        (PDFium's U+FFFE, or `-`) ends it, or it is one word filling the cell, cut mid-word."""
        last = before[-1]["text"]
        if re.search(r"[^\W\d][-\ufffe]$", last):
            return True
        right = self.starts[column + 1] if column + 1 < len(self.starts) else None
        return (len(before) == 1 and right is not None and last[-1:].isalpha() and text[:1].islower()
                and before[-1]["x1"] >= right - 4 * SLACK)


def segments(words: list[dict]) -> list[list[dict]]:
    """A line's words in runs separated by a white gap wider than GAP."""
    runs: list[list[dict]] = []
    for word in sorted(words, key=lambda w: w["x0"]):
        if runs and word["x0"] - runs[-1][-1]["x1"] <= GAP:
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs


def header_grid(line: list[dict], left_margin: float) -> Grid | None:
    """The grid of a results-table header line, or None when the line is not one."""
    runs = segments(line)
    if len(runs) < MIN_COLUMNS or not _HEADER_START.match(runs[0][0]["text"]):
        return None
    starts = [run[0]["x0"] for run in runs]
    if starts[0] - left_margin > 3 * GAP:  # the outcome and output labels stand left of the indicators
        return Grid([left_margin] + starts, label_columns=1)
    return Grid(starts)
