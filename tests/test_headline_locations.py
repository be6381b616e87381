"""Every headline figure keeps the place it was read: the parse record's `locations`, stored in
`field_locations`, shown on the Project page. Lines checked by hand in the CAF–CMR seed."""
from __future__ import annotations

import duckdb
from streamlit.testing.v1 import AppTest

from loaders.ingest import ingest
from loaders.parse import parse_bytes
from loaders.store.session import reading, writing
from loaders.store.writer import remove_source
from tests.conftest import ROOT, SEEDS

CAF = SEEDS / "caf-cmr-traite-2021.txt"


def test_the_caf_report_says_where_each_headline_figure_is():
    record = parse_bytes(CAF.read_bytes(), CAF.name)
    where = record["locations"]
    # line 38 `Total: $ 3102798.00`, 39 `Taux de mise en œuvre … 17%`, 43/44 the two GEWE questions,
    # 47 `Marquer de genre du projet: GM2`, 3 `ANNEE DE RAPPORT: 2021`
    assert {k: where[k] for k in ("project.total_budget_usd", "report.implementation_rate",
                                  "report.gender_allocated_usd", "report.gender_spent_usd", "project.gender_marker",
                                  "report.date")} == {
        "project.total_budget_usd": "line 38", "report.implementation_rate": "line 39",
        "report.gender_allocated_usd": "line 43", "report.gender_spent_usd": "line 44",
        "project.gender_marker": "line 47", "report.date": "line 3"}
    assert "report.type" not in where  # the report type is not stated, so it has no place either


def test_locations_are_stored_removed_with_their_file_and_shown(tmp_path, monkeypatch):
    db = tmp_path / "p.duckdb"
    ingest([CAF], db)
    con = duckdb.connect(str(db), read_only=True)
    rows = dict(con.execute("SELECT field, location FROM field_locations").fetchall())
    sha = con.execute("SELECT sha256 FROM sources").fetchone()[0]
    con.close()
    assert rows["report.gender_allocated_usd"] == "line 43"
    monkeypatch.setenv("LENS_DB", str(db))
    monkeypatch.chdir(ROOT)
    page = AppTest.from_file(str(ROOT / "views" / "project.py"), default_timeout=90)
    page.query_params["project"] = "00125232"
    page.query_params["lang"] = "fr"
    page.run()
    captions = [c.value for c in page.caption if c.value.startswith("Lu dans")]
    assert captions and "montant EGAF alloué\u00a0: ligne 43" in captions[0]  # French: a space before the colon
    assert "budget total approuvé\u00a0: ligne 38" in captions[0]
    with writing(db) as con:
        remove_source(con, sha)
    con = reading(db)  # (not duckdb.connect: the page's cached connection still holds the old file)
    assert con.execute("SELECT count(*) FROM field_locations").fetchone()[0] == 0
    con.close()
