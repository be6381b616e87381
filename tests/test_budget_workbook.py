"""Budget workbooks ("Annex D"): one built with openpyxl (formulas without saved values), the same
saved by LibreOffice Calc (formulas with values), a French one with moved and extra columns, and
workbooks that are not budgets. Expected figures worked out by hand from tests/xlsx_factory.py."""
from __future__ import annotations

import io

import openpyxl
import pytest

from loaders.errors import UnreadableFile
from loaders.parse import parse_bytes
from tests.conftest import ROOT
from tests.xlsx_factory import build_budget_workbook

SAVED_BY_CALC = ROOT / "tests" / "data" / "budget-saved-by-libreoffice.xlsx"


def by_agency(lines: list[dict], field: str = "amount_usd") -> dict[str, float]:
    sums: dict[str, float] = {}
    for line in lines:
        if line[field] is not None:
            sums[line["agency"]] = sums.get(line["agency"], 0.0) + line[field]
    return sums


def test_workbook_saved_by_a_spreadsheet_program():
    record = parse_bytes(SAVED_BY_CALC.read_bytes(), "budget.xlsx", "PBF/MLI/A-2")
    lines = [line for line in record["budget_lines"] if line["breakdown"] != "category"]
    assert record["kind"] == "budget" and len(lines) == 13
    # UNDP: 100000 + 40000 + 30000 + 5000 + 8000 + 15000 = 198000, + 7 % = 211860
    # UN Women: 50000 + 80000 + 10000 + 5000 + 2000 = 147000, + 7 % = 157290
    assert by_agency(lines) == {"UNDP": 211860.0, "UN Women": 157290.0}
    isc = {line["agency"]: line["amount_usd"] for line in lines if line["category"] == "indirect support costs"}
    assert isc == {"UNDP": 13860.0, "UN Women": 10290.0}
    assert by_agency(lines, "gewe_usd") == {"UNDP": 30000.0, "UN Women": 55000.0}  # 30 % of 100k/50k, 50 % of 80k
    # 60000 spent on activity 1.1.1 split 2:1 between UNDP and UN Women
    spent = {(line["activity"], line["agency"]): line["expenditure_usd"] for line in lines if line["activity"]}
    assert spent == {("1.1.1", "UNDP"): 40000.0, ("1.1.1", "UN Women"): 20000.0, ("1.1.2", "UNDP"): 10000.0,
                     ("2.1.1", "UN Women"): 20000.0}
    first = lines[0]
    assert (first["outcome"], first["output"], first["activity"], first["location"]) == (
        "1", "1.1", "1.1.1", "sheet '1) Budget Table', cell C7")
    assert all(line["project_id"] == "PBF/MLI/A-2" for line in lines)
    assert record["warnings"] == ["sheet '1) Budget Table', cell D13: the workbook's output total 90,000.00 differs "
                                  "from the sum of its lines 80,000.00"]


def test_workbook_written_by_a_program_has_no_formula_values():
    record = parse_bytes(build_budget_workbook(), "budget.xlsx")
    lines = [line for line in record["budget_lines"] if line["breakdown"] != "category"]
    assert by_agency(lines) == {"UNDP": 198000.0, "UN Women": 147000.0}  # the 7 % line is formulas: unknown
    warnings = "\n".join(record["warnings"])
    assert "cell C22: a formula without a saved value (file written by a program); amount unknown, not counted as 0" \
        in warnings
    assert ("cell C23: total is a formula without a saved value; computed from the lines: 198,000.00 "
            "(1 line cell without a value not included)") in warnings
    assert "cell D13: the workbook's output total 90,000.00 differs from the sum of its lines 80,000.00" in warnings
    assert "ingest it with --project ID" in warnings


def test_by_category_sheet_is_kept_apart_and_adds_up_to_the_same_money():
    record = parse_bytes(SAVED_BY_CALC.read_bytes(), "budget.xlsx", "PBF/MLI/A-2")
    categories = [line for line in record["budget_lines"] if line["breakdown"] == "category"]
    assert len(categories) == 15  # 13 non-zero category cells + two 7 % lines
    assert by_agency(categories) == {"UNDP": 211860.0, "UN Women": 157290.0}
    travel = [(line["agency"], line["amount_usd"]) for line in categories if line["category"] == "5. Travel"]
    assert travel == [("UNDP", 8000.0), ("UN Women", 7000.0)]
    assert categories[0]["location"] == "sheet '2) By Category', cell B2"


def test_french_workbook_with_moved_and_extra_columns():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Tableau budgétaire"
    sheet.append(["Numéro de résultat/ produit", "Formulation du résultat/ produit/ activité", "Tranche 1 (35%)",
                  "ONU Femmes", "PNUD", "Notes", "Total",
                  "% du budget par activité alloué à l'égalité des sexes et à l'autonomisation des femmes",
                  "Niveau de dépenses/ engagements en USD"])
    sheet.append(["Résultat 1 :", "Les femmes participent", None, None, None, None, None, None, None])
    sheet.append(["Produit 1.1 :", "Comités formés", None, None, None, None, None, None, None])
    sheet.append(["Activité 1.1.1 :", "Former les comités", 9999, "12 000", 8000.5, "note", 20000.5, "25 %", 1000])
    sheet.append([None, "Coûts d'appui indirects (7%)", None, 840, 560.04, None, None, None, None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    record = parse_bytes(buffer.getvalue(), "budget-fr.xlsx", "00125232")
    lines = record["budget_lines"]
    assert [(line["agency"], line["amount_usd"], line["gewe_usd"], line["category"]) for line in lines] == [
        ("UN Women", 12000.0, 3000.0, None), ("UNDP", 8000.5, 2000.12, None),
        ("UN Women", 840.0, None, "indirect support costs"), ("UNDP", 560.04, None, "indirect support costs")]
    assert lines[0]["expenditure_usd"] == pytest.approx(1000 * 12000 / 20000.5, abs=0.01)


def test_a_workbook_that_is_not_a_budget_is_refused():
    workbook = openpyxl.Workbook()
    workbook.active.append(["Name", "Phone"])
    workbook.active.append(["Awa", "+223 00 00 00"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(UnreadableFile, match="neither a PBF budget .* nor a financial export"):
        parse_bytes(buffer.getvalue(), "contacts.xlsx")


@pytest.mark.parametrize("data, message", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "password-protected"),
    (b"", "empty"),
    (b"PK\x03\x04garbage", "not a .xlsx document"),
])
def test_protected_or_corrupt_workbooks_get_one_line(data, message):
    with pytest.raises(UnreadableFile, match=message) as caught:
        parse_bytes(data, "budget.xlsx")
    assert str(caught.value).startswith("budget.xlsx: ") and "\n" not in str(caught.value)


def test_text_and_negative_amounts_are_reported_not_zeroed():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Outcome/ Output number", "Outcome/ output/ activity formulation:", "UNDP", "Total"])
    sheet.append(["Activity 1.1.1:", "Train", "about 5000", None])
    sheet.append(["Activity 1.1.2:", "Buy", -300, None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    record = parse_bytes(buffer.getvalue(), "odd.xlsx", "00125232")
    assert [line["amount_usd"] for line in record["budget_lines"]] == [-300.0]
    assert "cell C2: amount 'about 5000' is not an amount; not counted" in "\n".join(record["warnings"])
    assert "cell C3: negative amount -300.00" in "\n".join(record["warnings"])
