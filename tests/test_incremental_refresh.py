"""A write refreshes only the projects it changed (metrics/materialize.py); the mx_* tables must
then hold exactly what a full rebuild computes, after every kind of write: a new report, a newer
report of the same project and period, a budget workbook joined through a second project number,
a financial export, an agency budget corrected and one added by hand, and a removal."""
from __future__ import annotations

import duckdb
import pytest

import metrics.materialize as materialize
from loaders.corrections import check
from loaders.ingest import ingest
from loaders.store.corrections import add_correction
from loaders.store.session import writing
from loaders.store.writer import remove_source
from tests.conftest import SAMPLES
from tests.test_budget_store import REALDATA, WORKBOOK


def _tables(con) -> dict[str, list]:
    return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in materialize.TABLES}


def _assert_same_as_a_rebuild(db) -> None:
    con = duckdb.connect(str(db))
    incremental = _tables(con)
    con.execute("BEGIN TRANSACTION")
    materialize._rebuild(con)
    con.execute("COMMIT")
    rebuilt = _tables(con)
    con.close()
    for table in materialize.TABLES:
        assert incremental[table] == rebuilt[table], table


def _correct(db, field: str, value: str) -> None:
    with writing(db) as con:
        add_correction(con, "00125232", check(field, value, "checked with the agency"), "awa@un.org")


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "p.duckdb"
    ingest([SAMPLES / "ml-peers-for-peace-final-2019.txt", SAMPLES / "tg-ceomp-final-review.txt"], path)
    return path


def test_each_kind_of_write_leaves_what_a_rebuild_computes(db, monkeypatch):
    narrowed = []
    original = materialize._refresh_projects
    monkeypatch.setattr(materialize, "_refresh_projects", lambda con, keys: narrowed.append(keys) or original(con, keys))
    steps = [
        lambda: ingest([SAMPLES / "caf-cmr-traite-2021.txt"], db),
        lambda: ingest([WORKBOOK], db, project_id="125233"),  # joins CAF–CMR through its second number
        lambda: ingest([SAMPLES / "ml-cadre-crise-centre-annual-2020.txt"], db),
        lambda: ingest([REALDATA / "mptf"], db),
        lambda: _correct(db, "project.agencies.UNDP.budget_usd", "2000000"),  # an agency the report lists
        lambda: _correct(db, "project.agencies.UNICEF.budget_usd", "50000"),  # one it does not
    ]
    for step in steps:
        step()
        _assert_same_as_a_rebuild(db)
    con = duckdb.connect(str(db), read_only=True)
    caf = con.execute("SELECT sha256 FROM sources WHERE file_name = 'caf-cmr-traite-2021.txt'").fetchone()[0]
    con.close()
    with writing(db) as con:
        remove_source(con, caf)
    _assert_same_as_a_rebuild(db)
    assert narrowed and ["00125232"] in narrowed  # the refresh did narrow itself
    assert narrowed.count(["00125232"]) >= 3  # the report, and each agency correction


def test_a_newer_report_of_the_same_period_refreshes_its_project(db, tmp_path):
    newer = tmp_path / "peers-corrected.txt"
    newer.write_text((SAMPLES / "ml-peers-for-peace-final-2019.txt").read_text(encoding="utf-8")
                     .replace("PAM : $ 855,000", "PAM : $ 955,000"), encoding="utf-8")
    ingest([newer], db)
    _assert_same_as_a_rebuild(db)
    con = duckdb.connect(str(db), read_only=True)
    budget = con.execute("SELECT budget_usd FROM mx_project_facts WHERE project_key = 'PBF IRF-217'").fetchone()[0]
    con.close()
    assert budget == 2_500_000.0  # the stated total; the agency line changed and is warned about
