"""Budgets and exports in the store: the real UNDP portfolio joins its project records, workbooks
join reports through any of a project's numbers, and conflicts become data-quality flags."""
from __future__ import annotations

import csv
import shutil
from decimal import Decimal

import duckdb
import pytest

from loaders.ingest import ingest
from tests.conftest import ROOT, SAMPLES, SHARED

REALDATA = SHARED / "realdata"
WORKBOOK = ROOT / "tests" / "data" / "budget-saved-by-libreoffice.xlsx"


@pytest.fixture(scope="module")
def real_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("real") / "real.duckdb"
    summary = ingest([REALDATA], db)
    assert not summary.failures
    return db


def query(db, sql, params=None):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def test_real_undp_portfolio_joins_its_project_records(real_db):
    joined = query(real_db, """
        SELECT count(DISTINCT b.resolved_project_key), sum(b.amount_usd)::DECIMAL(18, 2),
               sum(b.expenditure_usd)::DECIMAL(18, 2)
        FROM budget_lines_resolved b JOIN projects p ON p.project_key = b.resolved_project_key""")
    assert joined == [(91, Decimal("98706555.12"), Decimal("75034286.82"))]
    countries = query(real_db, "SELECT count(DISTINCT c) FROM (SELECT unnest(countries) AS c FROM projects)")
    assert countries == [(22,)]
    niger = query(real_db, "SELECT title, countries, start_date FROM projects WHERE project_key = '00073647'")
    assert niger == [("Jeunes, Paix et Developpement dans la region de Tahoua", ["NER"], "2013-04-18")]


def test_expenditure_above_budget_flags_match_the_files(real_db):
    expected = 0
    for path, budget, spent in ((REALDATA / "mptf" / "mptf_participating_orgs.csv", "BUDGET", "EXPENDITURE"),
                                (REALDATA / "undp-open-2014" / "report_donors_pbf.csv", "budget", "expenditure")):
        with open(path, encoding="utf-8", newline="") as handle:
            expected += sum(Decimal(r[spent] or 0) > Decimal(r[budget] or 0) + Decimal("0.5") for r in csv.DictReader(handle))
    assert query(real_db, "SELECT count(*) FROM quality_flags WHERE code = 'expenditure_above_budget'") == [(expected,)]
    assert query(real_db, "SELECT count(*) FROM quality_flags WHERE code = 'delivery_rate_differs'") == [(0,)]


def test_workbook_conflicts_with_its_report_become_flags(tmp_path):
    db = tmp_path / "p.duckdb"
    ingest([SAMPLES / "ml-cadre-crise-centre-annual-2020.txt"], db)
    ingest([WORKBOOK], db, project_id="PBF/MLI/A-2")
    flags = query(db, "SELECT code, agency, value_a, source_a, value_b, source_b FROM quality_flags ORDER BY code")
    assert flags == [
        ("agency_budget_differs", "UNDP", 1498000.0, "ml-cadre-crise-centre-annual-2020.txt", 211860.0,
         "budget-saved-by-libreoffice.xlsx"),
        ("gewe_differs", None, 324547.0, "ml-cadre-crise-centre-annual-2020.txt", 85000.0,
         "budget-saved-by-libreoffice.xlsx"),
    ]


def test_workbook_named_by_a_second_project_number_joins_the_project(tmp_path):
    db = tmp_path / "p.duckdb"
    ingest([SAMPLES / "caf-cmr-traite-2021.txt"], db)
    ingest([WORKBOOK], db, project_id="125233")  # the Cameroon number, without its leading zeros
    assert query(db, "SELECT DISTINCT project_id, resolved_project_key FROM budget_lines_resolved") == [
        ("00125233", "00125232")]


def test_newer_export_of_the_same_name_supersedes_the_older(tmp_path):
    db = tmp_path / "p.duckdb"
    export = tmp_path / "mptf_participating_orgs.csv"
    shutil.copy(REALDATA / "mptf" / "mptf_participating_orgs.csv", export)
    ingest([export], db)
    assert {f.status for f in ingest([export], db).files} == {"unchanged"}
    text = export.read_text(encoding="utf-8").replace("002100,UNDP,2701816494.230", "002100,UNDP,2701816500.000")
    export.write_text(text, encoding="utf-8")
    ingest([export], db)
    total = query(db, "SELECT sum(amount_usd)::DECIMAL(18, 2), count(*) FROM budget_lines_resolved")
    assert total == [(Decimal("11735900578.22"), 238)]  # 11,735,900,572.45 + 5.77, one export counted
