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
OCR_SLACK = 6.0  # points a word read by OCR (its box often wider than its ink) may run past a column start
MIN_COLUMNS = 4  # a header line has at least this many columns
_HEADER_START = re.compile(r"^(?:indicat|performance)", re.IGNORECASE)
_LIST_MARK = re.compile(r"^\s*(?:[·•▪◦\-–*☐☒■□]|\(?[a-z0-9]{1,3}[).]|\|_\|)\s*$", re.IGNORECASE)
_SHORT_WORDS = set("a à au aux ce ces de des du en et il la le les ne ni on ou où pas par qui que sa se ses son sur "
                   "un une y an and are as at be by for in is it its of on or the to was".split())
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

    def fits(self, runs: list[list[dict]]) -> bool:
        """Whether a line's runs of words (`segments`) stay in their columns: none crosses a column start."""
        for segment in runs:
            left, right = segment[0]["x0"], segment[-1]["x1"]
            over = OCR_SLACK if "conf" in segment[-1] else 0.0  # an OCR word's box runs wider than its ink
            if any(left < start - SLACK and right - over > start for start in self.starts[1:]):
                return False
        return True

    def cells(self, words: list[dict]) -> dict[int, str]:
        """A line's text per column."""
        return {column: " ".join(w["text"] for w in group) for column, group in self.cell_words(words).items()}

    def cell_words(self, words: list[dict]) -> dict[int, list[dict]]:
        """A line's words per column, left to right."""
        cells: dict[int, list[dict]] = {}
        for word in words:  # left to right
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
        if len(before) != 1 or column + 1 >= len(self.starts) or not (last[-1:].isalpha() and text[:1].islower()):
            return False
        char = (before[-1]["x1"] - before[-1]["x0"]) / max(len(last), 1)  # the fragment reaches the cell's edge
        end = text.split()[0]  # and what follows is a word's end (`x`, `res`, `é`), not a short word of its own
        return (self.right(column, 0.0) - before[-1]["x1"] < 1.5 * char and len(end) <= 3
                and end.lower().strip(".,;:") not in _SHORT_WORDS)


def segments(words: list[dict]) -> list[list[dict]]:
    """A line's words (left to right) in runs separated by a white gap wider than GAP."""
    runs: list[list[dict]] = []
    for word in words:
        if runs and word["x0"] - runs[-1][-1]["x1"] <= GAP:
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs


def header_grid(runs: list[list[dict]], left_margin: float) -> Grid | None:
    """The grid of a results-table header line (its `segments`), or None when the line is not one."""
    if len(runs) < MIN_COLUMNS or not _HEADER_START.match(runs[0][0]["text"]):
        return None
    starts = [run[0]["x0"] for run in runs]
    if starts[0] - left_margin > 3 * GAP:  # the outcome and output labels stand left of the indicators
        return Grid([left_margin] + starts, label_columns=1)
    return Grid(starts)


def value_columns(lines: list[list[list[dict]]], left_margin: float) -> list[float]:
    """Where the values of a borderless label/value layout start (a cover laid out in two columns,
    a budget block): each left edge shared by the second of two runs of words on at least two lines
    whose first run starts at the left margin, or on one line when the value is a short figure set
    well apart (a page with a single field: `Budget pour évaluation finale   15000.00`)."""
    starts: dict[int, list[float]] = {}
    figures: set[int] = set()  # columns holding a short figure (`15000.00`, `Janvier 2020`)
    for runs in lines:  # each line's `segments`
        if (len(runs) == 2 and runs[0][0]["x0"] - left_margin <= 2 * SLACK
                and not _LIST_MARK.match(" ".join(w["text"] for w in runs[0]))
                and runs[1][0]["x0"] - runs[0][-1]["x1"] >= GAP):
            key = round(runs[1][0]["x0"] / 3)
            starts.setdefault(key, []).append(runs[1][0]["x0"])
            value = " ".join(w["text"] for w in runs[1])
            if len(value) <= 30 and re.search(r"\d", value) and runs[1][0]["x0"] - runs[0][-1]["x1"] >= 2 * GAP:
                figures.add(key)
    return sorted(min(shared) for key, shared in starts.items() if len(shared) >= 2 or key in figures)


def label_and_value(runs: list[list[dict]], columns: list[float]) -> tuple[list[dict], list[dict], float] | None:
    """A line's label words, value words and value column (from its `segments`) when it has both,
    the value starting in one of the value columns."""
    if len(runs) != 2 or _LIST_MARK.match(" ".join(w["text"] for w in runs[0])):
        return None  # `2)` set apart from its question by a tab is a list mark, not a label
    column = next((c for c in columns if abs(runs[1][0]["x0"] - c) <= SLACK), None)
    return (runs[0], runs[1], column) if column is not None else None
