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
    """Read every sheet's values; cap rows and columns with a warning."""
    check_package(data, name, "xlsx")
    values = _open(data, name, data_only=True)
    formulas = _open(data, name, data_only=False)
    warnings: list[str] = []
    sheets = []
    try:
        for sheet_values, sheet_formulas in zip(values.worksheets, formulas.worksheets, strict=True):
            sheets.append(_read_sheet(sheet_values, sheet_formulas, warnings))
    finally:
        values.close()
        formulas.close()
    return Workbook(name, sha256, sheets, warnings)


def _open(data: bytes, name: str, data_only: bool):
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as error:
        raise UnreadableFile(f"Excel could not open this workbook ({type(error).__name__}: {error})", name) from error


def _read_sheet(values_ws, formulas_ws, warnings: list[str]) -> Sheet:
    sheet = Sheet(values_ws.title, [])
    value_rows = values_ws.iter_rows(values_only=True, max_col=MAX_COLUMNS)
    formula_rows = formulas_ws.iter_rows(values_only=True, max_col=MAX_COLUMNS)
    for index, (row, formula_row) in enumerate(zip(value_rows, formula_rows, strict=False)):
        if index >= MAX_ROWS:
            warnings.append(f"sheet '{sheet.name}' has more than {MAX_ROWS:,} rows; only the first {MAX_ROWS:,} are read")
            break
        sheet.rows.append(list(row))
        for column, (value, formula) in enumerate(zip(row, formula_row, strict=False)):
            if value is None and isinstance(formula, str) and formula.startswith("="):
                sheet.uncached.add((index, column))
    return sheet
