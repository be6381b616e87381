"""The "2) By Category" sheet of a PBF budget workbook: the same money by UN budget category
(staff, supplies, equipment, contractual services, travel, transfers, general operating) per
agency. Kept as lines of breakdown "category", never added to the activity lines."""
from __future__ import annotations

import re

from loaders.formats.xlsx import Sheet, Workbook
from loaders.normalise.agencies import agency_code
from loaders.normalise.money import read_money_cell
from loaders.normalise.text import fold

_SHEET_NAME = re.compile(r"by category|par categorie|categories")
_CATEGORY = re.compile(r"^\d+\.?\s*(staff|personnel|supplies|fournitures|equipment|equipement|contractual|services "
                       r"contractuels|travel|voyages|deplacements|transfers|transferts|general operating|frais generaux)")
_ISC = re.compile(r"indirect|appui indirect")
_TOTAL = re.compile(r"^(sub-?total|sous-?total|total)\b")


def category_sheet(workbook: Workbook) -> Sheet | None:
    """The by-category sheet, if the workbook has one."""
    return next((sheet for sheet in workbook.sheets if _SHEET_NAME.search(fold(sheet.name))), None)


def read_category_sheet(sheet: Sheet, warnings: list[str]) -> list[dict]:
    """One line per category and agency; the sheet's sub-total is checked against its lines."""
    header = next(((i, row) for i, row in enumerate(sheet.rows[:10])
                   if any(isinstance(v, str) and agency_code(v) for v in row)), None)
    if header is None:
        warnings.append(f"sheet '{sheet.name}': no agency columns found; categories not read")
        return []
    header_index, header_row = header
    agencies = {c: (agency_code(v), v.strip()) for c, v in enumerate(header_row) if isinstance(v, str) and agency_code(v)}
    lines: list[dict] = []
    sums: dict[int, float] = {}
    for index in range(header_index + 1, len(sheet.rows)):
        row = sheet.rows[index]
        label = fold(str(row[0] or "")) if row else ""
        is_category, is_isc = bool(_CATEGORY.match(label)), bool(_ISC.search(label))
        if _TOTAL.match(label) and not is_isc:
            if label.startswith(("sub", "sous")):
                _check(sheet, index, agencies, sums, warnings)
            continue
        if not (is_category or is_isc):
            continue
        for col, (code, raw) in agencies.items():
            amount, problem = read_money_cell(row[col] if col < len(row) else None)
            if (index, col) in sheet.uncached:
                warnings.append(f"{sheet.location(index, col)}: a formula without a saved value; amount unknown")
                continue
            if problem:
                warnings.append(f"{sheet.location(index, col)}: amount {problem}; not counted")
            if not amount:
                continue
            if is_category:
                sums[col] = sums.get(col, 0.0) + amount
            lines.append({"project_id": None, "outcome": None, "output": None, "activity": None, "agency": code,
                          "raw_agency": raw, "category": str(row[0]).strip(), "fiscal_year": None,
                          "amount_usd": amount, "gewe_share": None, "gewe_usd": None, "expenditure_usd": None,
                          "net_funded_usd": None, "reported_delivery_rate": None, "breakdown": "category",
                          "location": sheet.location(index, col)})
    return lines


def _check(sheet: Sheet, index: int, agencies: dict, sums: dict[int, float], warnings: list[str]) -> None:
    for col in agencies:
        if (index, col) in sheet.uncached:
            continue
        written, _ = read_money_cell(sheet.rows[index][col] if col < len(sheet.rows[index]) else None)
        if written is not None and abs(written - sums.get(col, 0.0)) > 0.5:
            warnings.append(f"{sheet.location(index, col)}: the sub-total {written:,.2f} differs from the sum of the "
                            f"categories {sums.get(col, 0.0):,.2f}")
