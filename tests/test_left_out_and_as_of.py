"""Every figure says where it is unknown or left out: on the real UNDP portfolio, time elapsed is
known from the export's own date, and implausible projects are shown but left out of roll-ups
with their reason; uploads keep the name the user gave them."""
from __future__ import annotations

import json
import subprocess
import sys

import duckdb
import pytest

from loaders.ingest import ingest
from loaders.uploads import save_upload, store_uploads
from tests.charts_drawn import figures
from tests.conftest import ROOT, SAMPLES, SHARED
from ui.i18n import fmt_points, left_out_note


@pytest.fixture(scope="module")
def real_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("real") / "real.duckdb"
    assert not ingest([SHARED / "realdata"], db).failures
    return db


def _summary(db, *args) -> dict:
    result = subprocess.run([sys.executable, "-m", "metrics", "summary", "--db", str(db), "--json", *args], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-1500:]
    return json.loads(result.stdout)


def test_real_portfolio_knows_time_elapsed_and_leaves_out_the_implausible(real_db):
    figures = _summary(real_db)
    assert figures["projects"] == 91
    assert figures["projects_with_time_elapsed"] >= 85
    assert figures["projects_behind"] > 0
    assert figures["left_out"]["delivery_implausible"] >= 1 and figures["left_out"]["spending_without_budget"] == 7
    assert figures["left_out_expenditure_usd"]["spending_without_budget"] == pytest.approx(-197_270.10)
    kgz = figures["by_country"]["KGZ"]
    assert kgz["left_out"] == {"delivery_implausible": 1} and kgz["delivery_rate"] < 1.0
    con = duckdb.connect(str(real_db), read_only=True)
    row = con.execute("SELECT budget_usd, expenditure_usd, left_out_reason, as_of_source, as_of FROM mx_project_facts "
                      "WHERE title = 'Poverty Reduction Programme' AND 'KGZ' IN countries AND budget_usd = 15001").fetchone()
    con.close()
    assert row[:4] == (15001.0, 490954.46, "delivery_implausible", "export") and str(row[4]).startswith("2013-12-31")


def test_the_roll_up_is_the_included_projects_sums(real_db):
    con = duckdb.connect(str(real_db), read_only=True)
    spent, budget = con.execute("""SELECT sum(expenditure_estimate_usd), sum(budget_usd) FROM mx_project_facts
        WHERE left_out_reason IS NULL AND delivery_rate IS NOT NULL""").fetchone()
    con.close()
    figures = _summary(real_db)
    assert figures["expenditure_usd"] == pytest.approx(spent) and figures["delivery_rate"] == pytest.approx(spent / budget)


def test_differences_of_rates_are_points_and_left_out_notes_are_translated():
    assert fmt_points(0.011, "en") == "+1.1 pts" and fmt_points(-0.025, "fr") == "−2,5 pts"
    assert left_out_note({"delivery_implausible": 1}, "fr").startswith("Laissés hors des totaux : 1 projet au taux")
    assert "150" in left_out_note({"delivery_implausible": 1}, "en")


def test_an_upload_is_listed_by_the_name_the_user_gave(tmp_path):
    data = (SAMPLES / "ml-cadre-crise-centre-annual-2020.txt").read_bytes()
    saved = save_upload(data, "Mali rapport annuel.txt", tmp_path / "uploads")
    assert saved.name != "Mali rapport annuel.txt"  # stored under its content hash
    db = tmp_path / "p.duckdb"
    store_uploads([saved], {saved: "Mali rapport annuel.txt"}, db, None)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT file_name FROM sources").fetchall() == [("Mali rapport annuel.txt",)]
    con.close()


def test_the_project_page_says_an_implausible_project_is_left_out(real_db, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("LENS_DB", str(real_db))
    monkeypatch.chdir(ROOT)
    for language, words in (("en", "Left out: delivery below 0% or above 150%"), ("fr", "Exclu : exécution sous 0 %")):
        app = AppTest.from_file(str(ROOT / "views" / "project.py"), default_timeout=90)
        app.query_params["project"], app.query_params["lang"] = "00040880", language
        app.run()
        assert any(words in w.value for w in app.warning), [w.value for w in app.warning]


def test_the_delivery_scatter_draws_plausible_projects_and_says_who_is_not_drawn(real_db, monkeypatch):
    """KGZ's 3,272.8 % would stretch the axis to 3,300 %: the left-out projects are not drawn, and
    the caption counts who is not (91 projects, 80 with a rate and dates, 2 of them implausible)."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("LENS_DB", str(real_db))
    monkeypatch.chdir(ROOT)
    app = AppTest.from_file(str(ROOT / "views" / "delivery.py"), default_timeout=90).run()
    scatter = next(f for f in figures(app) if "Time elapsed" in f["layout"]["title"]["text"])
    assert scatter["layout"]["yaxis"]["range"][1] <= 1.55
    assert any(c.value.startswith("78 of 91 projects drawn") for c in app.caption)
