"""Corrections beside the read value, never over it: a correction changes the figures and is
marked, survives re-ingesting the same file and a newer report, can be undone (the undo is a row
of the trail), and only an editor may make one; the command line says one clear line for a name
or a value that makes no sense and changes nothing."""
from __future__ import annotations

import json
import subprocess
import sys

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from loaders.corrections import check
from loaders.ingest import ingest
from loaders.store.corrections import BadCorrection, stale_corrections, trail
from tests.conftest import ROOT, SAMPLES
from tests.test_store import snapshot
from ui.corrections import NotAllowed, correct, undo
from ui.identity import User, role_of

MALI = SAMPLES / "ml-cadre-crise-centre-annual-2020.txt"
EDITOR, VIEWER = User("awa@un.org", "editor"), User("guest@un.org", "viewer")


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "p.duckdb"
    ingest([MALI, SAMPLES / "caf-cmr-traite-2021.txt"], path)
    return path


def _facts(db, key="PBF/MLI/A-2"):
    con = duckdb.connect(str(db), read_only=True)
    row = con.execute("SELECT budget_usd, budget_source, delivery_rate, gewe_share, corrected_fields FROM mx_project_facts "
                      "WHERE project_key = ?", [key]).fetchone()
    con.close()
    return row


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "loaders", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_a_correction_changes_the_figures_and_keeps_the_read_value(db):
    assert _facts(db)[:2] == (1_498_000.0, "report")
    new_id = correct(db, EDITOR, "PBF/MLI/A-2", "total_budget_usd", "2 000 000", "budget revision of March 2021")
    budget, source, rate, share, fixed = _facts(db)
    assert (budget, source, list(fixed)) == (2_000_000.0, "correction", ["project.total_budget_usd"])
    assert rate == pytest.approx(0.37)  # the reported implementation rate is the delivery rate: unchanged
    assert share == pytest.approx(324_547 / 2_000_000)
    con = duckdb.connect(str(db), read_only=True)
    row = trail(con)[0]
    con.close()
    assert (row["id"], row["made_by"], row["field"], row["read_value"], row["new_value"]) == (
        new_id, "awa@un.org", "project.total_budget_usd", "1498000.0", "2000000")
    assert row["made_at"] is not None and row["active"]


def test_the_correction_survives_reingest_and_a_newer_report_and_says_when_the_file_differs(db, tmp_path):
    correct(db, EDITOR, "PBF/MLI/A-2", "report.implementation_rate", "45%", "finance office figure")
    before = snapshot(db)
    assert {f.status for f in ingest([MALI], db).files} == {"unchanged"}
    assert snapshot(db) == before
    newer = tmp_path / "mali-corrected.txt"
    newer.write_text(MALI.read_text(encoding="utf-8").replace("budget total du projet : 37%",
                                                              "budget total du projet : 41%"), encoding="utf-8")
    ingest([newer], db)
    assert _facts(db)[2] == pytest.approx(0.45)
    con = duckdb.connect(str(db), read_only=True)
    stale = stale_corrections(con)
    con.close()
    assert [(s["field"], s["read_value"], s["file_now"]) for s in stale] == [("report.implementation_rate", "0.37", "0.41")]


def test_undo_restores_the_read_value_and_is_a_row_of_the_trail(db):
    first = correct(db, EDITOR, "PBF/MLI/A-2", "total_budget_usd", "2000000", "revision")
    undo(db, EDITOR, first)
    assert _facts(db)[:2] == (1_498_000.0, "report")
    con = duckdb.connect(str(db), read_only=True)
    rows = trail(con)
    con.close()
    assert [(r["undoes"], r["active"]) for r in rows] == [(first, False), (None, False)]
    with pytest.raises(BadCorrection, match="already undone"):
        undo(db, EDITOR, first)


def test_a_viewer_cannot_correct_or_undo_and_nothing_changes(db):
    before = snapshot(db)
    with pytest.raises(NotAllowed):
        correct(db, VIEWER, "PBF/MLI/A-2", "total_budget_usd", "1", "no")
    first = correct(db, EDITOR, "PBF/MLI/A-2", "project.gender_marker", "GM2", "marker of the signed ProDoc")
    with pytest.raises(NotAllowed):
        undo(db, User("other@un.org", "editor"), first)  # an editor undoes only their own
    undo(db, User("boss@un.org", "admin"), first)
    assert snapshot(db)["projects"] == before["projects"]


def test_roles_come_from_the_file_by_user_then_domain():
    config = {"users": {"Boss@UN.org": "admin"}, "domains": {"un.org": "editor"}, "default": {"role": "viewer"}}
    assert [role_of(n, config) for n in ("boss@un.org", "awa@un.org", "x@gmail.com")] == ["admin", "editor", "viewer"]
    assert role_of("x@y.org", {"default": {"role": "superuser"}}) == "viewer"


@pytest.mark.parametrize("field,value,words", [
    ("budget", "1", "not a field that can be corrected"), ("total_budget_usd", "lots", "not an amount"),
    ("report.implementation_rate", "300%", "outside 0–150 %"), ("project.gender_marker", "7", "not a marker"),
    ("report.type", "monthly", "not a report type"), ("report.date", "soon", "not a date"),
])
def test_a_value_or_name_that_makes_no_sense_is_one_line(field, value, words):
    with pytest.raises(BadCorrection, match=words):
        check(field, value, "because")
    with pytest.raises(BadCorrection, match="needs a short reason"):
        check("total_budget_usd", "1", " ")


def test_the_command_line_corrects_lists_and_undoes(db):
    before = snapshot(db)
    bad = _cli("correct", "--db", str(db), "--project", "PBF/MLI/A-2", "--field", "total_budget", "--value", "1",
               "--reason", "x")
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "not a field" in bad.stderr
    assert snapshot(db) == before
    done = _cli("correct", "--db", str(db), "--project", "125233", "--field", "total_budget_usd", "--value", "3200000",
                "--reason", "signed amendment", "--user", "Marion")
    assert done.returncode == 0, done.stderr
    assert _facts(db, "00125232")[0] == 3_200_000.0  # found through the Cameroon number
    rows = json.loads(_cli("trail", "--db", str(db), "--project", "00125232", "--json").stdout)
    assert [(r["made_by"], r["new_value"], r["read_value"]) for r in rows] == [("Marion", "3200000", "3102798.0")]
    assert _cli("undo", "--db", str(db), str(rows[0]["id"])).returncode == 0
    assert _facts(db, "00125232")[0] == 3_102_798.0


def test_a_correction_on_the_project_page_changes_the_overview_and_is_marked(db, monkeypatch):
    monkeypatch.setenv("LENS_DB", str(db))
    monkeypatch.chdir(ROOT)
    project = AppTest.from_file(str(ROOT / "pages" / "project.py"), default_timeout=90)
    project.query_params["project"] = "PBF/MLI/A-2"
    project.run()
    project.text_input[0].set_value("2000000")
    project.text_input[1].set_value("budget revision")
    project.button[0].click().run()  # the form's submit button (default field: the total budget)
    assert not project.exception, [e.value for e in project.exception]
    labels = [m.label for m in project.metric]
    assert "Budget ✎" in labels, labels
    assert any(m.value == "$2.0M" for m in project.metric), [m.value for m in project.metric]
    overview = AppTest.from_file(str(ROOT / "pages" / "overview.py"), default_timeout=90).run()
    budget = next(m.value for m in overview.metric if m.label == "Budget")
    assert budget == "$5.1M"  # 2,000,000 + 3,102,798
    delivery = AppTest.from_file(str(ROOT / "pages" / "delivery.py"), default_timeout=90).run()
    assert not delivery.exception


def test_an_indicator_cell_is_corrected_read_by_the_cell_grammar_and_undone(db):
    con = duckdb.connect(str(db), read_only=True)
    before = con.execute("SELECT current_raw, current_value, status FROM mx_indicators "
                         "WHERE project_key = 'PBF/MLI/A-2' AND code = '1.1.1'").fetchone()
    con.close()
    assert before[:2] == ("15 dont 6 femmes", 15)
    new_id = correct(db, EDITOR, "PBF/MLI/A-2", "indicators.1.1.1.current", "32 (12 femmes)", "field visit count")
    con = duckdb.connect(str(db), read_only=True)
    after = con.execute("SELECT current_raw, current_value, current_unit, status, corrected_cells FROM mx_indicators "
                        "WHERE project_key = 'PBF/MLI/A-2' AND code = '1.1.1'").fetchone()
    read = trail(con)[0]["read_value"]
    con.close()
    assert after[:4] == ("32 (12 femmes)", 32, "number", "achieved") and list(after[4]) == ["current"]
    assert read == "15 dont 6 femmes"
    undo(db, EDITOR, new_id)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT current_value FROM mx_indicators WHERE project_key = 'PBF/MLI/A-2' AND code = '1.1.1'"
                       ).fetchone()[0] == 15
    con.close()
    with pytest.raises(BadCorrection, match="has no indicator 9.9"):
        correct(db, EDITOR, "PBF/MLI/A-2", "indicators.9.9.current", "1", "typo")
