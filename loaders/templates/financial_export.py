"""Financial exports (MPTF Office Gateway, UNDP Atlas): one budget line per row, columns found by
their names in English or French, whatever their order, case or spacing."""
from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz import fuzz

from loaders.normalise.agencies import agency_code
from loaders.normalise.matching import NAME_CUTOFF
from loaders.normalise.money import read_money_cell
from loaders.normalise.project_ids import canonical_project_id
from loaders.normalise.text import fold

COLUMN_NAMES: dict[str, list[str]] = {
    "organisation": ["organization", "organisation", "participating organization", "participating organisation",
                     "organisation participante", "recipient organization", "agency", "agence"],
    "project_id": ["project id", "project number", "project no", "mptf project number", "gateway project number",
                   "numero du projet", "numero de projet", "projet", "award id", "awardid"],
    "output_id": ["output id", "output number", "numero du produit"],
    "fiscal_year": ["fiscal year", "year", "annee", "exercice", "annee fiscale"],
    "budget": ["budget", "approved budget", "approved amount", "budget approuve", "montant approuve", "total budget"],
    "net_funded": ["net funded", "net funded amount", "net transfers", "montant net finance", "net finance"],
    "expenditure": ["expenditure", "expenditures", "expenses", "depenses", "total expenditure"],
    "delivery_rate": ["delivery rate", "delivery", "taux d'execution", "taux de realisation", "taux de decaissement"],
}
_AMOUNTS = ("budget", "net_funded", "expenditure")
RATE_TOLERANCE = 0.005  # half a percentage point


def header_key(text: object) -> str:
    """A header cell folded for matching: `NET_FUNDED` → `net funded`, `awardID` → `awardid`."""
    return re.sub(r"[\s_]+", " ", fold(str(text or "")).replace("_", " ")).strip(" :")


def find_columns(header: list[object]) -> dict[str, int]:
    """Column index of every known field named in a header row."""
    keys = [header_key(h) for h in header]
    found: dict[str, int] = {}
    for field, names in COLUMN_NAMES.items():
        best = None
        for index, key in enumerate(keys):
            if not key or index in found.values():
                continue
            score = max((100 if key == name or key.replace(" ", "") == name.replace(" ", "")
                         else fuzz.ratio(key, name)) for name in names)
            if score >= NAME_CUTOFF and (best is None or score > best[0]):
                best = (score, index)
        if best:
            found[field] = best[1]
    if "awardid" in keys or "award id" in keys:  # UNDP Atlas: projectID is an output, awardID the project
        found["project_id"] = keys.index("awardid") if "awardid" in keys else keys.index("award id")
        if "projectid" in keys:
            found["output_id"] = keys.index("projectid")
    return found


def find_header_row(rows: list[list[object]], limit: int = 30) -> tuple[int, dict[str, int]] | None:
    """The first row naming at least two of budget / net funded / expenditure."""
    for index, row in enumerate(rows[:limit]):
        columns = find_columns(row)
        if sum(field in columns for field in _AMOUNTS) >= 2:
            return index, columns
    return None


def read_financial_export(rows: list[list[object]], location: Callable[[int], str], decimal_comma: bool,
                          warnings: list[str]) -> list[dict]:
    """Budget lines of a financial export; `location(row_index)` says where a row is."""
    header = find_header_row(rows)
    if header is None:
        return []
    header_index, columns = header
    atlas = "output_id" in columns and header_key(rows[header_index][columns["project_id"]]) == "awardid"
    rate_is_percent = _rate_is_percent(rows[header_index + 1 :], columns.get("delivery_rate"), decimal_comma)
    lines = []
    for index in range(header_index + 1, len(rows)):
        row = rows[index]
        if not any(str(c).strip() for c in row if c is not None):
            continue
        line = _line(row, columns, location(index), decimal_comma, warnings)
        if atlas and line["agency"] is None:
            line["agency"], line["raw_agency"] = "UNDP", "UNDP (Atlas export)"
        _check_rate(line, row, columns, rate_is_percent, decimal_comma, warnings)
        lines.append(line)
    return lines


def _cell(row: list[object], columns: dict[str, int], field: str) -> object:
    index = columns.get(field)
    return row[index] if index is not None and index < len(row) else None


def _line(row, columns, where: str, decimal_comma: bool, warnings: list[str]) -> dict:
    raw_org = str(_cell(row, columns, "organisation") or "").strip()
    amounts = {}
    for field in _AMOUNTS:
        value, problem = read_money_cell(_cell(row, columns, field), decimal_comma)
        if problem:
            warnings.append(f"{where}: {field.replace('_', ' ')} {problem}; left empty")
        if value is not None and value < 0:
            warnings.append(f"{where}: negative {field.replace('_', ' ')} {value:,.2f} (a refund or correction?)")
        amounts[field] = value
    if "organisation" in columns and not raw_org:
        warnings.append(f"{where}: no organisation named")
    project = _cell(row, columns, "project_id")
    output = _cell(row, columns, "output_id")
    year = _cell(row, columns, "fiscal_year")
    return {
        "project_id": canonical_project_id(str(project)) if project not in (None, "") else None,
        "outcome": None, "output": str(output).strip() if output not in (None, "") else None, "activity": None,
        "agency": (agency_code(raw_org) or re.sub(r"^NGO/", "", raw_org)) if raw_org else None,
        "raw_agency": raw_org or None, "category": None,
        "fiscal_year": str(year).strip()[:4] if year not in (None, "") else None,
        "amount_usd": amounts["budget"], "gewe_share": None, "gewe_usd": None,
        "expenditure_usd": amounts["expenditure"], "net_funded_usd": amounts["net_funded"],
        "reported_delivery_rate": None, "breakdown": "export", "location": where,
    }


def _rate_is_percent(rows, column: int | None, decimal_comma: bool) -> bool:
    if column is None:
        return False
    values = [read_money_cell(r[column], decimal_comma)[0] for r in rows if column < len(r)]
    return any(v is not None and abs(v) > 1.5 for v in values)


def _check_rate(line: dict, row, columns, rate_is_percent: bool, decimal_comma: bool, warnings: list[str]) -> None:
    rate, problem = read_money_cell(_cell(row, columns, "delivery_rate"), decimal_comma)
    if problem:
        warnings.append(f"{line['location']}: delivery rate {problem}; left empty")
    if rate is None:
        return
    rate = rate / 100.0 if rate_is_percent else rate
    line["reported_delivery_rate"] = rate
    funded, spent = line["net_funded_usd"], line["expenditure_usd"]
    if funded and spent is not None:
        ours = spent / funded
        if abs(ours - rate) > RATE_TOLERANCE:
            warnings.append(f"{line['location']}: the export's delivery rate {rate:.2%} differs from expenditure ÷ "
                            f"net funded = {ours:.2%}")
