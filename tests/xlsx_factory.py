"""Builds PBF "Annex D" budget workbooks with openpyxl for tests: a merged header over the agency
columns with agency names in the row below, formulas for totals (openpyxl saves no values for
them, as any program-written file), and one output total typed wrong on purpose."""
from __future__ import annotations

import io

import openpyxl

HEADER = ["Outcome/ Output number", "Outcome/ output/ activity formulation:",
          "Budget by recipient organization in USD - Please add a new column for each recipient organization", None,
          "Total", "% of budget per activity allocated to Gender Equality and Women's Empowerment (GEWE) (if any):",
          "Level of expenditure/ commitments in USD (to provide at time of project progress reporting):",
          "Notes (if any):"]
BODY = [  # (A, B, UNDP, UN Women, GEWE share, expenditure); formulas are written as text starting with '='
    ("OUTCOME 1:", "Communities resolve land conflicts peacefully", None, None, None, None),
    ("Output 1.1:", "Peers trained in mediation", None, None, None, None),
    ("Activity 1.1.1:", "Train 500 mediators", 100000, 50000, 0.3, 60000),
    ("Activity 1.1.2:", "Radio messages", 40000, 0, 0, 10000),
    ("Output Total", None, "=SUM(C7:C8)", "=SUM(D7:D8)", None, None),
    ("OUTCOME 2:", "Women lead local committees", None, None, None, None),
    ("Output 2.1:", "Women's associations funded", None, None, None, None),
    ("Activity 2.1.1:", "Grants to associations", 0, 80000, "50%", 20000),
    ("Output Total", None, "=SUM(C12:C12)", 90000, None, None),  # UN Women typed 90000: lines say 80000
    (None, None, None, None, None, None),
    (None, "Additional personnel costs", 30000, 10000, None, None),
    (None, "Additional operational costs", 5000, 5000, None, None),
    (None, "Monitoring budget", 8000, 2000, None, None),
    (None, "Budget for independent final evaluation", 15000, 0, None, None),
    (None, "Total Additional Costs", "=SUM(C15:C18)", "=SUM(D15:D18)", None, None),
    (None, None, None, None, None, None),
    (None, "Sub-Total Project Budget", "=C9+C13+C19", "=D9+D12+D19", None, None),
    (None, "Indirect support costs (7%):", "=C21*0.07", "=D21*0.07", None, None),
    (None, "Total", "=C21+C22", "=D21+D22", None, None),
]


CATEGORIES = [  # the same money by UN budget category: 198000 for UNDP, 147000 for UN Women before 7 %
    ("1. Staff and other personnel", 60000, 40000), ("2. Supplies, Commodities, Materials", 20000, 10000),
    ("3. Equipment, Vehicles, and Furniture (including Depreciation)", 10000, 0),
    ("4. Contractual services", 50000, 30000), ("5. Travel", 8000, 7000),
    ("6. Transfers and Grants to Counterparts", 30000, 50000), ("7. General Operating and other Costs", 20000, 10000),
]


def build_budget_workbook() -> bytes:
    """The workbook as openpyxl saves it: formulas with no saved values."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "1) Budget Table"
    sheet["A1"] = "Annex D - PBF project budget"
    for column, text in enumerate(HEADER, start=1):
        if text:
            sheet.cell(row=3, column=column, value=text)
    sheet.merge_cells("C3:D3")
    sheet["C4"], sheet["D4"] = "UNDP", "UN Women"
    for row_number, (a, b, undp, women, gewe, spent) in enumerate(BODY, start=5):
        for column, value in zip("ABCDFG", (a, b, undp, women, gewe, spent), strict=True):
            if value is not None:
                sheet[f"{column}{row_number}"] = value
        if isinstance(undp, (int, float)) or isinstance(women, (int, float)):
            sheet[f"E{row_number}"] = f"=C{row_number}+D{row_number}"
    categories = workbook.create_sheet("2) By Category")
    categories.append(["CATEGORIES", "UNDP", "UN Women", "Totals"])
    for row_number, (label, undp, women) in enumerate(CATEGORIES, start=2):
        categories.append([label, undp, women, f"=B{row_number}+C{row_number}"])
    categories.append(["Sub-Total", "=SUM(B2:B8)", "=SUM(C2:C8)", None])
    categories.append(["7% Indirect Costs", "=B9*0.07", "=C9*0.07", None])
    categories.append(["Total", "=B9+B10", "=C9+C10", None])
    other = workbook.create_sheet("Instructions")
    other["A1"] = "Fill in the budget table."
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
