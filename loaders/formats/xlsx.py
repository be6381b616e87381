"""Excel workbooks (.xlsx): every sheet's cell values, read with openpyxl in read-only mode (a
merge-cell bomb costs nothing there), plus which formula cells have no saved value."""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

import openpyxl

from loaders.errors import UnreadableFile
from loaders.formats.zipguard import check_package

MAX_ROWS = 100_000
MAX_COLUMNS = 200


@dataclass
class Sheet:
    """A worksheet: values by row (1-based rows in `location`), and formula cells never calculated."""

    name: str
    rows: list[list[object]]
    uncached: set[tuple[int, int]] = field(default_factory=set)  # (row index, column index), 0-based

    def location(self, row_index: int, column_index: int | None = None) -> str:
        if column_index is None:
            return f"sheet '{self.name}', row {row_index + 1}"
        return f"sheet '{self.name}', cell {openpyxl.utils.get_column_letter(column_index + 1)}{row_index + 1}"


@dataclass
class Workbook:
    """A workbook read by the format layer, before any template reader looks at it."""

    file: str
    sha256: str
    sheets: list[Sheet]
    warnings: list[str] = field(default_factory=list)


def read_xlsx(data: bytes, name: str, sha256: str) -> Workbook:
    """Read every sheet's values (columns capped with a warning); refuse sheets of more than
    MAX_ROWS rows rather than read part of them."""
    check_package(data, name, "xlsx")
    values = _open(data, name, data_only=True)
    formulas = _open(data, name, data_only=False) if _has_formulas(data) else None
    warnings: list[str] = []
    sheets = []
    try:
        for index, sheet_values in enumerate(values.worksheets):
            declared = sheet_values.max_row or 0
            if declared > MAX_ROWS:
                raise UnreadableFile(f"sheet '{sheet_values.title}' has {declared:,} rows; workbooks are read up to "
                                     f"{MAX_ROWS:,} rows a sheet (split it)", name)
            sheet_formulas = formulas.worksheets[index] if formulas is not None else None
            sheets.append(_read_sheet(sheet_values, sheet_formulas, warnings, name))
    finally:
        values.close()
        if formulas is not None:
            formulas.close()
    return Workbook(name, sha256, sheets, warnings)


def _has_formulas(data: bytes) -> bool:
    """Whether any worksheet holds a formula (`<f>` element), so the second, formula pass is needed."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for entry in package.infolist():
            if entry.filename.startswith("xl/worksheets/") and entry.filename.endswith(".xml"):
                with package.open(entry) as stream:
                    tail = b""
                    while chunk := stream.read(1 << 20):
                        if b"<f>" in tail + chunk or b"<f " in tail + chunk:
                            return True
                        tail = chunk[-3:]
    return False


def _open(data: bytes, name: str, data_only: bool):
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as error:
        raise UnreadableFile(f"Excel could not open this workbook ({type(error).__name__}: {error})", name) from error


def _read_sheet(values_ws, formulas_ws, warnings: list[str], name: str) -> Sheet:
    sheet = Sheet(values_ws.title, [])
    value_rows = values_ws.iter_rows(values_only=True, max_col=MAX_COLUMNS)
    formula_rows = formulas_ws.iter_rows(values_only=True, max_col=MAX_COLUMNS) if formulas_ws is not None else None
    if (values_ws.max_column or 0) > MAX_COLUMNS:
        warnings.append(f"sheet '{sheet.name}' has {values_ws.max_column} columns; the first {MAX_COLUMNS} are read")
    for index, row in enumerate(value_rows):
        if index >= MAX_ROWS:  # a sheet that did not declare its size
            raise UnreadableFile(f"sheet '{sheet.name}' has more than {MAX_ROWS:,} rows; workbooks are read up to "
                                 f"{MAX_ROWS:,} rows a sheet (split it)", name)
        sheet.rows.append(list(row))
        if formula_rows is None:
            continue
        formula_row = next(formula_rows, ())
        for column, (value, formula) in enumerate(zip(row, formula_row, strict=False)):
            if value is None and isinstance(formula, str) and formula.startswith("="):
                sheet.uncached.add((index, column))
    return sheet
