"""PBF project budget workbooks ("Annex D"): the sheet "1) Budget Table" (outcomes, outputs,
activities and additional cost lines, one budget column per recipient agency, GEWE share,
expenditure) and "2) By Category". Columns are found by what their headers mean (FR/EN, any
order); the workbook's own totals are checked against its lines."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from loaders.formats.xlsx import Sheet, Workbook
from loaders.normalise.agencies import agency_code
from loaders.normalise.matching import FUZZY_MIN_LENGTH, LABEL_CUTOFF
from loaders.normalise.money import read_money_cell, read_share_cell
from loaders.normalise.text import fold

HEADER_LABELS = {
    "number": ["outcome/ output number", "numero de resultat/ produit", "numero resultat/produit", "number", "numero"],
    "text": ["outcome/ output/ activity formulation", "formulation du resultat/ produit/ activite", "formulation",
             "description de l'activite", "activity description"],
    "total": ["total", "total budget", "budget total"],
    "gewe": ["% of budget per activity allocated to gender equality and women's empowerment (gewe)",
             "% du budget par activite alloue a l'egalite des sexes et a l'autonomisation des femmes"],
    "expenditure": ["level of expenditure/ commitments in usd", "niveau de depenses/ engagements en usd",
                    "expenditure", "depenses"],
    "notes": ["notes", "remarques", "commentaires"],
    "tranche": ["tranche"],
}
_OUTCOME = re.compile(r"^(?:outcome|resultat|effet)\s*(\d+)")
_OUTPUT = re.compile(r"^(?:output|produit|extrant)\s*(\d+(?:\.\d+)?)")
_ACTIVITY = re.compile(r"^(?:activity|activite)\s*(\d+(?:\.\d+)*)|^(\d+\.\d+\.\d+)\b")
_COST_LINES = [
    ("additional personnel costs", r"additional personnel|personnel supplementaire|couts de personnel"),
    ("additional operational costs", r"additional operational|couts operationnels supplementaires|couts operationnels"),
    ("monitoring", r"monitoring budget|budget de suivi|^monitoring|^suivi"),
    ("final evaluation", r"evaluation"),
    ("indirect support costs", r"indirect support|couts d'appui indirect|couts indirects|frais indirects"),
]
_OUTPUT_TOTAL = re.compile(r"^(output total|total (?:for |du |pour le )?(?:output|produit)|total output)")
_ADDITIONAL_TOTAL = re.compile(r"total additional costs|total des couts supplementaires")
_SUBTOTAL = re.compile(r"^(sub-?total|sous-?total)")
_GRAND_TOTAL = re.compile(r"^total\b")


@dataclass
class BudgetTable:
    """Columns of a budget sheet: agency columns and the named ones."""

    header_rows: list[int]
    columns: dict[str, int]
    agencies: dict[int, tuple[str | None, str]] = field(default_factory=dict)  # column -> (agency, raw header)


def looks_like_budget(workbook: Workbook) -> bool:
    """True when some sheet has the Annex D budget table header."""
    return any(find_budget_table(sheet) is not None for sheet in workbook.sheets)


def _header_kind(text: object) -> str | None:
    key = fold(str(text or ""))
    if not key or len(key) > 200:
        return None
    best = None
    for kind, labels in HEADER_LABELS.items():
        for label in labels:
            score = 100 if key == label else (fuzz.partial_ratio(label, key) if len(label) > FUZZY_MIN_LENGTH else 0)
            if score >= LABEL_CUTOFF and (best is None or score > best[0]):
                best = (score, kind)
    return best[1] if best else None


def find_budget_table(sheet: Sheet, limit: int = 30) -> BudgetTable | None:
    """Header rows and columns of the budget table, or None when the sheet has none."""
    for index, row in enumerate(sheet.rows[:limit]):
        kinds = {col: _header_kind(v) for col, v in enumerate(row) if _header_kind(v)}
        if "text" in kinds.values() and ("total" in kinds.values() or len(kinds) >= 3):
            header_rows = [index] + [i for i in (index + 1, index + 2) if i < len(sheet.rows) and not _is_data(sheet, i)]
            table = BudgetTable(header_rows, {})
            for col, kind in kinds.items():
                table.columns.setdefault(kind, col)
            for row_index in header_rows:
                for col, value in enumerate(sheet.rows[row_index]):
                    code = agency_code(str(value)) if isinstance(value, str) else None
                    if code and col not in table.columns.values():
                        table.agencies[col] = (code, str(value).strip())
                    elif isinstance(value, str) and re.search(r"recipient organi[sz]ation \d|organisation recipiendaire \d",
                                                              fold(value)) and col not in table.agencies:
                        table.agencies[col] = (None, value.strip())
            return table
    return None


def _is_data(sheet: Sheet, index: int) -> bool:
    label = fold(" ".join(str(v) for v in sheet.rows[index][:3] if v is not None))
    return bool(_OUTCOME.match(label) or _OUTPUT.match(label) or _ACTIVITY.match(label))


@dataclass
class _Totals:
    lines: dict[int, float] = field(default_factory=dict)  # per agency column, all lines so far
    output: dict[int, float] = field(default_factory=dict)
    additional: dict[int, float] = field(default_factory=dict)
    before_isc: dict[int, float] = field(default_factory=dict)
    unknown: dict[int, int] = field(default_factory=dict)  # per agency column, line cells with no value


def read_budget_sheet(sheet: Sheet, table: BudgetTable, warnings: list[str]) -> list[dict]:
    """Budget lines of a "1) Budget Table" sheet, with its totals checked."""
    for col, (code, raw) in table.agencies.items():
        if code is None:
            warnings.append(f"{sheet.location(table.header_rows[0], col)}: column '{raw}' names no known agency; "
                            "its amounts are kept with agency unknown")
    lines: list[dict] = []
    totals = _Totals()
    outcome = output = None
    start = table.header_rows[-1] + 1
    for index in range(start, len(sheet.rows)):
        row = sheet.rows[index]
        label = _label(row, table)
        if not label:
            continue
        if m := _OUTCOME.match(label):
            outcome, output = m.group(1), None
            continue
        if m := _OUTPUT.match(label):
            output = m.group(1)
            outcome = output.split(".")[0]
            totals.output = {}
            continue
        if _OUTPUT_TOTAL.match(label):
            _check(sheet, index, table, totals.output, "output total", warnings)
            continue
        if _ADDITIONAL_TOTAL.search(label):
            _check(sheet, index, table, totals.additional, "total additional costs", warnings)
            continue
        if _SUBTOTAL.match(label):
            _check(sheet, index, table, totals.before_isc, "sub-total", warnings)
            continue
        category = next((name for name, pattern in _COST_LINES if re.search(pattern, label)), None)
        activity = _ACTIVITY.match(label)
        if _GRAND_TOTAL.match(label) and not category:
            _check(sheet, index, table, totals.lines, "total", warnings, totals.unknown)
            continue
        if activity is None and category is None:
            continue
        number = (activity.group(1) or activity.group(2)) if activity else None
        new = _lines_of_row(sheet, index, table, outcome if activity else None, output if activity else None,
                            number, category, warnings)
        for col in table.agencies:
            if (index, col) in sheet.uncached:
                totals.unknown[col] = totals.unknown.get(col, 0) + 1
        for line, col in new:
            for bucket in (totals.lines, totals.output if activity else totals.additional):
                bucket[col] = bucket.get(col, 0.0) + line["amount_usd"]
            if category != "indirect support costs":
                totals.before_isc[col] = totals.before_isc.get(col, 0.0) + line["amount_usd"]
        lines += [line for line, _ in new]
    return lines


def _label(row: list[object], table: BudgetTable) -> str:
    cells = [row[c] for c in (table.columns.get("number"), table.columns.get("text")) if c is not None and c < len(row)]
    return fold(" ".join(str(v) for v in cells if v is not None)).strip(" :")


def _lines_of_row(sheet: Sheet, index: int, table: BudgetTable, outcome, output, number, category,
                  warnings: list[str]) -> list[tuple[dict, int]]:
    row = sheet.rows[index]
    share, problem = read_share_cell(_at(row, table.columns.get("gewe")))
    if problem:
        warnings.append(f"{sheet.location(index, table.columns['gewe'])}: GEWE share {problem}; left empty")
    spent, problem = read_money_cell(_at(row, table.columns.get("expenditure")))
    if problem:
        warnings.append(f"{sheet.location(index, table.columns['expenditure'])}: expenditure {problem}; left empty")
    found: list[tuple[dict, int]] = []
    for col, (code, raw) in table.agencies.items():
        amount, problem = read_money_cell(_at(row, col))
        where = sheet.location(index, col)
        if (index, col) in sheet.uncached:
            warnings.append(f"{where}: a formula without a saved value (file written by a program); "
                            "amount unknown, not counted as 0")
            continue
        if problem:
            warnings.append(f"{where}: amount {problem}; not counted")
        if not amount:
            continue
        if amount < 0:
            warnings.append(f"{where}: negative amount {amount:,.2f}")
        found.append(({"project_id": None, "outcome": outcome, "output": output, "activity": number,
                       "agency": code, "raw_agency": raw, "category": category, "fiscal_year": None,
                       "amount_usd": amount, "gewe_share": share,
                       "gewe_usd": round(amount * share, 2) if share is not None else None,
                       "expenditure_usd": None, "net_funded_usd": None, "reported_delivery_rate": None,
                       "breakdown": "activity" if category is None else "cost",
                       "location": where}, col))
    total = sum(line["amount_usd"] for line, _ in found)
    if spent is not None and total:  # one expenditure for all agencies: split in proportion to amounts
        for line, _ in found:
            line["expenditure_usd"] = round(spent * line["amount_usd"] / total, 2)
    return found


def _at(row: list[object], col: int | None) -> object:
    return row[col] if col is not None and col < len(row) else None


def _check(sheet: Sheet, index: int, table: BudgetTable, sums: dict[int, float], what: str, warnings: list[str],
           unknown: dict[int, int] | None = None) -> None:
    for col in table.agencies:
        where = sheet.location(index, col)
        if (index, col) in sheet.uncached:
            missing = (unknown or {}).get(col, 0)
            gap = f" ({missing} line cell{'s' if missing > 1 else ''} without a value not included)" if missing else ""
            warnings.append(f"{where}: {what} is a formula without a saved value; computed from the lines: "
                            f"{sums.get(col, 0.0):,.2f}{gap}")
            continue
        written, _ = read_money_cell(_at(sheet.rows[index], col))
        if written is not None and abs(written - sums.get(col, 0.0)) > 0.5:
            warnings.append(f"{where}: the workbook's {what} {written:,.2f} differs from the sum of its lines "
                            f"{sums.get(col, 0.0):,.2f}")
