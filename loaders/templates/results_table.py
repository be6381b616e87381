"""The results table of a PBF report: outcomes, outputs and every indicator row with its
baseline, target, milestone, current progress, sex split, reason for delay and comments.

Columns are found by what their header says (FR/EN), not by position, so a table without a
milestone column or with an extra "target adjustment" column is read right."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.model import Document, Paragraph
from loaders.normalise.cells import EMPTY, read_cell
from loaders.normalise.comments import Comment
from loaders.normalise.sex import read_sex_split
from loaders.normalise.text import clean, fold

ANCHOR = re.compile(
    r"^\s*(?P<kind>r[ée]sultats?|outcomes?|effets?|produits?|outputs?|extrants?|indicateurs?|indicators?)"
    r"\s*(?P<code>[0-9]+(?:\s*\.\s*[0-9]+)*)\s*\.?\s*[:\-–]?\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_SECTION_HEADING = re.compile(r"^\s*(partie|part|section)\s+([ivx]+|[0-9]+)\b", re.IGNORECASE)
_HEADER_FIRST = {"indicateurs", "indicators", "performance indicators", "indicateurs de performance", "indicateur",
                 "indicator"}


@dataclass
class Cell:
    """A table cell: its lines, comments, where it starts and (for .docx) its row and grid column."""

    lines: list[str]
    comments: list[Comment]
    location: str
    row: int
    grid_col: int | None
    guessed: bool = False  # an empty cell guessed from a blank line (a text export printed to PDF)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class ResultsTable:
    """What the results table holds, plus every problem met while reading it."""

    outcomes: list[dict] = field(default_factory=list)
    indicators: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    found: bool = False
    start_index: int | None = None


def column_kind(header_text: str) -> str | None:
    """What a header cell announces: baseline, target, milestone, current, reason or adjustment."""
    key = fold(header_text)
    if not key or len(key) > 100 or ANCHOR.match(header_text.strip()):
        return None
    if re.search(r"ajust|adjust", key) and re.search(r"cible|target", key):
        return "target_adjustment"
    if re.search(r"\bbase|baseline|reference", key):
        return "baseline"
    if re.search(r"milestone|etape|jalon", key):
        return "milestone"
    if re.search(r"cible|target", key):
        return "target"
    if re.search(r"progres|progress|actuel|current|realis|achiev", key):
        return "current"
    if re.search(r"raison|reason|retard|delay|variance|justif", key):
        return "reason"
    return None


def group_cells(paragraphs: list[Paragraph], start: int, tables_known: bool) -> list[Cell]:
    """Group paragraphs into cells from `start` to the table's end (or a section heading)."""
    cells: list[Cell] = []
    table = paragraphs[start].table
    row = 0
    for paragraph in paragraphs[start:]:
        if tables_known and paragraph.table != table:
            break
        if not tables_known and not paragraph.cell_start and _SECTION_HEADING.match(paragraph.text):
            break
        if paragraph.row_start:
            row += 1
        if paragraph.cell_start or not cells:
            cells.append(Cell([], [], paragraph.location, row, paragraph.grid_col, paragraph.guessed))
        cells[-1].lines.append(paragraph.text)
        cells[-1].comments.extend(paragraph.comments)
    return cells


def find_header(document: Document) -> int | None:
    """Index of the paragraph holding the results table's "Indicators" header cell."""
    paragraphs = document.paragraphs
    for index, paragraph in enumerate(paragraphs):
        if not paragraph.cell_start or fold(paragraph.text).strip(" :") not in _HEADER_FIRST:
            continue
        following = [p for p in paragraphs[index + 1 : index + 12] if p.cell_start]
        if sum(1 for p in following[:7] if column_kind(p.text)) >= 2:
            return index
    return None


def read_results_table(document: Document) -> ResultsTable:
    """Read the results table of a report; a report without one gives an empty result."""
    result = ResultsTable()
    header_index = find_header(document)
    if header_index is None:
        return result
    result.found = True
    result.start_index = header_index
    cells = group_cells(document.paragraphs, header_index, document.tables_known)
    header = cells[0]
    if document.tables_known:
        header_row = [c for c in cells if c.row == header.row]
        kinds = {c.grid_col: column_kind(c.text) for c in header_row if column_kind(c.text)}
        body = _join_split_rows([c for c in cells if c.row != header.row], set(kinds))
        _RowReader(result, kinds, by_grid=True).read(body)
    else:
        kinds_in_order = []
        for cell in cells[1:]:
            kind = column_kind(cell.text)
            if kind is None:
                break
            kinds_in_order.append(kind)
        body = cells[1 + len(kinds_in_order) :]
        _RowReader(result, dict(enumerate(kinds_in_order)), by_grid=False).read(body)
    return result


def _join_split_rows(cells: list[Cell], value_columns: set) -> list[Cell]:
    """A row that a page break cut in two (PDF) comes back as a row with no outcome, output or
    indicator in any cell: its cells' text goes on in the cells of the row above, column by column.
    An outcome cell merged down over a page break comes back as text in the label column of the
    next page's first row: it goes on in the outcome cell above."""
    rows: list[list[Cell]] = []
    for cell in cells:
        if not rows or rows[-1][0].row != cell.row:
            rows.append([])
        rows[-1].append(cell)
    joined: list[list[Cell]] = []
    last_in_column: dict = {}
    for row in rows:
        anchored = [bool(ANCHOR.match(clean(c.lines[0]) if c.lines else "")) for c in row]
        if joined and not any(anchored):
            above = {c.grid_col: c for c in joined[-1]}
            for cell in row:
                target = above.get(cell.grid_col) or last_in_column.get(cell.grid_col)
                if target is not None:
                    target.lines.extend(line for line in cell.lines if line.strip())
                    target.comments.extend(cell.comments)
            continue
        kept = []
        for cell, has_anchor in zip(row, anchored, strict=True):
            target = last_in_column.get(cell.grid_col)
            if (not has_anchor and cell.grid_col not in value_columns and target is not None
                    and clean(cell.text) and cell is row[0]):
                target.lines.extend(line for line in cell.lines if line.strip())
                continue
            kept.append(cell)
            if has_anchor:
                last_in_column[cell.grid_col] = cell
        joined.append(kept or row)
    return [cell for row in joined for cell in row]


def _without_guessed(cells: list[Cell], wanted: int) -> list[Cell]:
    """A row's cells up to the next row, less the empty cells guessed from blank lines that are
    not needed: a printed text shows an empty cell and a blank line within a cell alike. Those
    between two cells with text are kept first (they hold a value's place), up to `wanted`."""
    end = next((k for k, cell in enumerate(cells) if ANCHOR.match(clean(cell.text))), len(cells))
    row = cells[:end]
    guessed = [k for k, cell in enumerate(row) if cell.guessed]
    if not guessed:
        return cells
    sure = len(row) - len(guessed)
    texts = [k for k, cell in enumerate(row) if not cell.guessed]
    inside = [k for k in guessed if texts and texts[0] < k < texts[-1]]
    kept = set((inside + [k for k in guessed if k not in inside])[: max(wanted - sure, 0)])
    return [cell for k, cell in enumerate(row) if not cell.guessed or k in kept] + cells[end:]


class _RowReader:
    def __init__(self, result: ResultsTable, kinds: dict, by_grid: bool):
        self.result = result
        self.kinds = kinds
        self.by_grid = by_grid
        self.outcome: str | None = None
        self.output: str | None = None
        self.outcomes: dict[str, dict] = {}

    def read(self, cells: list[Cell]) -> None:
        index = 0
        while index < len(cells):
            cell = cells[index]
            anchor = ANCHOR.match(clean(cell.lines[0]) if cell.lines else "") if cell.lines else None
            whole = anchor is None  # `Indicator` and its code on two lines (a narrow PDF cell)
            anchor = anchor or ANCHOR.match(clean(cell.text))
            if anchor is None:
                self._unplaced(cell)
                index += 1
                continue
            kind = fold(anchor.group("kind"))
            code = re.sub(r"\s+", "", anchor.group("code")).rstrip(".")
            statement = clean(anchor.group("rest")).lstrip(":-– ").strip() if whole else _statement(anchor.group("rest"), cell)
            if kind.startswith(("resultat", "outcome", "effet")):
                self._outcome(code, statement)
                index += 1
            elif kind.startswith(("produit", "output", "extrant")):
                self._output(code, statement)
                index += 1
            else:
                values, index = self._value_cells(cells, index)
                self._indicator(code, statement, cell, values)
        self.result.outcomes = list(self.outcomes.values())
        seen: dict[str, str] = {}
        for row in self.result.indicators:
            if row["code"] in seen:
                self.result.warnings.append(f"{row['location']}: indicator code {row['code']} appears again (first at "
                                            f"{seen[row['code']]}); both rows are kept")
            seen.setdefault(row["code"], row["location"])

    def _value_cells(self, cells: list[Cell], index: int) -> tuple[dict[str, Cell], int]:
        anchor_cell = cells[index]
        values: dict[str, Cell] = {}
        if self.by_grid:
            position = index + 1
            while position < len(cells) and cells[position].row == anchor_cell.row:
                kind = self.kinds.get(cells[position].grid_col)
                if kind and kind not in values:
                    values[kind] = cells[position]
                position += 1
            return values, position
        row = _without_guessed(cells[index + 1 :], len(self.kinds))
        position = 0
        for offset in range(len(self.kinds)):
            if position >= len(row) or ANCHOR.match(clean(row[position].text)):
                self.result.warnings.append(
                    f"{anchor_cell.location}: indicator row has {offset} of {len(self.kinds)} cells; "
                    "the missing ones are left empty")
                break
            values[self.kinds[offset]] = row[position]
            position += 1
        if position < len(row):  # the next cell, found in the whole list (a guessed cell left out is passed)
            return values, next(k for k in range(index + 1, len(cells)) if cells[k] is row[position])
        return values, len(cells)

    def _outcome(self, code: str, statement: str) -> None:
        self.outcome, self.output = code.split(".")[0], None
        if statement and self.outcome not in self.outcomes:
            self.outcomes[self.outcome] = {"number": self.outcome, "statement": statement, "rating": None,
                                           "outputs": []}

    def _output(self, code: str, statement: str) -> None:
        self.outcome, self.output = code.split(".")[0], code
        parent = self.outcomes.get(self.outcome)
        if statement and parent is not None and all(o["number"] != code for o in parent["outputs"]):
            parent["outputs"].append({"number": code, "statement": statement})
        elif statement and parent is None:
            self.outcomes[self.outcome] = {"number": self.outcome, "statement": None, "rating": None,
                                           "outputs": [{"number": code, "statement": statement}]}

    def _indicator(self, code: str, statement: str, cell: Cell, values: dict[str, Cell]) -> None:
        if not statement:
            if any(clean(v.text) for v in values.values()):
                self.result.warnings.append(f"{cell.location}: indicator {code} has values but no statement; skipped")
            return  # a blank template row
        parts = code.split(".")
        level = "output" if len(parts) >= 3 or (len(parts) == 1 and self.output) else "outcome"
        outcome = parts[0] if len(parts) > 1 else self.outcome
        output = None
        if level == "output":
            output = ".".join(parts[:2]) if len(parts) >= 3 else self.output
        target = read_cell(_text(values, "target"), role="target")
        current = read_cell(_text(values, "current"), target, "current")
        split = read_sex_split(clean(_text(values, "current")), current.value if current.unit == "number" else None)
        if split.contradicts_total:
            self.result.warnings.append(
                f"{cell.location}: indicator {code}: current '{current.raw}' splits into more women and men "
                f"({_fmt(split.women)} + {_fmt(split.men)}) than its total {_fmt(current.value)}; kept as written")
        comments = list(cell.comments) + [c for v in values.values() for c in v.comments]
        self.result.indicators.append({
            "code": code, "level": level, "outcome": outcome, "output": output, "statement": statement,
            "baseline": read_cell(_text(values, "baseline"), target, "baseline").as_dict(),
            "target": target.as_dict(),
            "milestone": _milestone(values, target).as_dict(),
            "current": current.as_dict(),
            "women": _number(split.women), "men": _number(split.men),
            "reason": clean(_text(values, "reason")) or None,
            "target_adjustment": clean(_text(values, "target_adjustment")) or None,
            "comments": [{"author": c.author, "text": c.text} for c in comments],
            "location": f"results table, {cell.location}",
        })

    def _unplaced(self, cell: Cell) -> None:
        text = clean(cell.text)
        if text:
            self.result.warnings.append(f"{cell.location}: results-table cell not placed in any row: '{text[:60]}'")


def _statement(rest: str, cell: Cell) -> str:
    lines = [rest] + cell.lines[1:]
    return clean("\n".join(lines)).lstrip(":-– ").strip()


def _milestone(values: dict[str, Cell], target) -> object:
    """The milestone cell; EMPTY when the table has no milestone column."""
    if "milestone" not in values:
        return EMPTY
    return read_cell(_text(values, "milestone"), target, "milestone")


def _text(values: dict[str, Cell], kind: str) -> str:
    cell = values.get(kind)
    return cell.text if cell else ""


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _fmt(value: float | None) -> str:
    return "?" if value is None else f"{_number(value)}"
