"""The real financial exports of ../shared/realdata ingest as they are; their totals are checked
against sums computed here independently (csv module + Decimal), and odd CSV dialects read right."""
from __future__ import annotations

import csv
import io
from decimal import Decimal

import openpyxl
import pytest

from loaders.errors import UnreadableFile
from loaders.parse import parse_bytes, parse_path
from tests.conftest import SHARED

MPTF = SHARED / "realdata" / "mptf" / "mptf_participating_orgs.csv"
UNDP = SHARED / "realdata" / "undp-open-2014" / "report_donors_pbf.csv"


def column_sums(path, *columns) -> list[Decimal]:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [sum(Decimal(r[c] or "0") for r in rows) for c in columns]


def line_sum(lines, field) -> Decimal:
    return sum(Decimal(str(line[field])) for line in lines if line[field] is not None)


def test_mptf_participating_organisations_totals():
    record = parse_path(MPTF)
    lines = record["budget_lines"]
    budget, funded, spent = column_sums(MPTF, "BUDGET", "NET_FUNDED", "EXPENDITURE")
    assert (budget, funded, spent) == (Decimal("11735900572.450"), Decimal("10345158685.910"),
                                       Decimal("8977762279.640"))  # as SOURCES.md states
    assert len(lines) == 238
    assert line_sum(lines, "amount_usd") == budget
    assert line_sum(lines, "net_funded_usd") == funded
    assert line_sum(lines, "expenditure_usd") == spent
    undp = next(line for line in lines if line["raw_agency"] == "UNDP")
    assert (undp["agency"], undp["reported_delivery_rate"]) == ("UNDP", 0.8828)
    assert {line["agency"] for line in lines if line["raw_agency"] in ("NGO/UNDP", "UNDP(UNV)")} == {"UNDP"}
    assert {line["agency"] for line in lines if line["raw_agency"] in ("UNWOMEN", "UNWOMN NGO")} == {"UN Women"}
    warnings = record["warnings"]
    assert sum("negative net funded" in w for w in warnings) == 9  # the 9 refunds SOURCES.md lists
    assert not any("delivery rate" in w for w in warnings)  # the export's rates are right to 0.005 points
    assert any(w.startswith("row 237: no organisation named") for w in warnings)


def test_undp_atlas_donor_export_totals():
    lines = parse_path(UNDP)["budget_lines"]
    budget, spent = column_sums(UNDP, "budget", "expenditure")
    assert (budget, spent) == (Decimal("98706555.12"), Decimal("75034286.82"))
    assert line_sum(lines, "amount_usd") == budget and line_sum(lines, "expenditure_usd") == spent
    assert len(lines) == 228 and len({line["project_id"] for line in lines}) == 91
    assert len({line["output"] for line in lines}) == 118
    assert {line["agency"] for line in lines} == {"UNDP"}
    assert {line["fiscal_year"] for line in lines} == {"2011", "2012", "2013"}


def test_semicolon_decimal_comma_cp1252_export():
    text = ("Organisation;Budget approuvé;Montant net financé;Dépenses;Taux d'exécution\r\n"
            "PNUD;1 000 000,50;800 000,00;600 000,25;75,00\r\n"
            "ONU Femmes;200 000;100 000;90 000;50\r\n"
            "OIM;non communiqué;10;5;50\r\n")
    record = parse_bytes(text.encode("cp1252"), "export-fr.csv")
    lines = record["budget_lines"]
    assert [(line["agency"], line["amount_usd"], line["net_funded_usd"], line["expenditure_usd"]) for line in lines] == [
        ("UNDP", 1000000.5, 800000.0, 600000.25), ("UN Women", 200000.0, 100000.0, 90000.0), ("IOM", None, 10.0, 5.0)]
    warnings = "\n".join(record["warnings"])
    assert "row 4: budget 'non communiqué' is not an amount; left empty" in warnings
    assert "row 3: the export's delivery rate 50.00% differs from expenditure ÷ net funded = 90.00%" in warnings


def test_utf8_bom_csv_reads_like_plain_utf8():
    plain = MPTF.read_bytes()
    assert parse_bytes(b"\xef\xbb\xbf" + plain, "mptf.csv")["budget_lines"] == parse_bytes(plain, "mptf.csv")["budget_lines"]


def test_export_as_xlsx_with_title_rows():
    with open(MPTF, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["MPTF Office Gateway — participating organisations"])
    sheet.append([])
    sheet.append(rows[0])
    for row in rows[1:]:
        sheet.append([row[0], row[1]] + [float(v) if v else None for v in row[2:6]] + row[6:])
    buffer = io.BytesIO()
    workbook.save(buffer)
    record = parse_bytes(buffer.getvalue(), "mptf.xlsx")
    assert record["kind"] == "financial_export" and len(record["budget_lines"]) == 238
    assert line_sum(record["budget_lines"], "expenditure_usd") == Decimal("8977762279.64")
    assert record["budget_lines"][0]["location"] == "sheet 'Sheet', row 4"


@pytest.mark.parametrize("data, message", [
    (b"name,phone\nAwa,123\n", "not a financial export"),
    (b"just one line without separators\n", "not a table"),
    (b"budget,expenditure\n", "no rows"),
])
def test_csv_that_is_not_an_export(data, message):
    with pytest.raises(UnreadableFile, match=message):
        parse_bytes(data, "x.csv")
