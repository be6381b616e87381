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
from tests.conftest import ROOT, SAMPLES, settled
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
    project = AppTest.from_file(str(ROOT / "views" / "project.py"), default_timeout=90)
    project.query_params["project"] = "PBF/MLI/A-2"
    project.run()
    project.text_input[0].set_value("2000000")
    project.text_input[1].set_value("budget revision")
    project.button[0].click().run()  # the form's submit button (default field: the total budget)
    assert not project.exception, [e.value for e in project.exception]
    labels = [m.label for m in project.metric]
    assert "Budget ✎" in labels, labels
    assert any(m.value == "$2.0M" for m in project.metric), [m.value for m in project.metric]
    overview = AppTest.from_file(str(ROOT / "views" / "overview.py"), default_timeout=90).run()
    budget = next(m.value for m in overview.metric if m.label == "Budget")
    assert budget == "$5.1M"  # 2,000,000 + 3,102,798
    delivery = AppTest.from_file(str(ROOT / "views" / "delivery.py"), default_timeout=90).run()
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


def _agencies(db):
    from metrics.delivery import delivery_by_agency
    con = duckdb.connect(str(db), read_only=True)
    frame = delivery_by_agency(con).set_index("agency")
    con.close()
    return frame


def test_an_agency_budget_is_corrected_or_entered_and_every_agency_figure_follows(db):
    from metrics.project_detail import agency_budget_table
    from metrics.quality import quality_flags
    before = _agencies(db)
    assert before.loc["UNODC", "budget_usd"] == 973_520 and "UNICEF" not in before.index
    # named as the report writes it (ONUDC): stored under the agency's acronym
    fixed = correct(db, EDITOR, "00125232", "project.agencies.ONUDC.budget_usd", "1 000 000", "amendment 2")
    correct(db, EDITOR, "00125232", "project.agencies.UNICEF.budget_usd", "50000", "left out of the report table")
    after = _agencies(db)
    assert after.loc["UNODC", "budget_usd"] == 1_000_000
    assert after.loc["UNODC", "expenditure_usd"] == pytest.approx(1_000_000 * 0.17)  # × the project's delivery
    assert after.loc["UNICEF", "budget_usd"] == 50_000 and after.loc["IOM", "budget_usd"] == 2_129_278
    con = duckdb.connect(str(db), read_only=True)
    table = agency_budget_table(con, "00125232").set_index("agency")
    flags = quality_flags(con)
    rows = trail(con)
    con.close()
    assert dict(table["corrected"]) == {"IOM": False, "UNODC": True, "UNICEF": True}
    assert table.loc["UNODC", "raw_name"] == "ONUDC + ONUDC-ROSEN"  # the read line keeps its name as written
    # 2,129,278 + 1,000,000 + 50,000 = 3,179,278 against the stated 3,102,798: the check sees the corrections
    differs = flags[(flags["code"] == "report_total_differs") & (flags["project_key"] == "00125232")]
    assert list(differs["value_b"]) == ["3179278.00"]
    assert [(r["field"], r["read_value"], r["new_value"]) for r in rows] == [
        ("project.agencies.UNICEF.budget_usd", None, "50000"), ("project.agencies.UNODC.budget_usd", "973520.0", "1000000")]
    undo(db, EDITOR, fixed)
    assert _agencies(db).loc["UNODC", "budget_usd"] == 973_520


def test_the_project_page_form_corrects_an_agency_budget_and_an_indicator_cell(db, monkeypatch):
    monkeypatch.setenv("LENS_DB", str(db))
    monkeypatch.chdir(ROOT)
    page = AppTest.from_file(str(ROOT / "views" / "project.py"), default_timeout=90)
    page.query_params["project"] = "PBF/MLI/A-2"
    page.query_params["lang"] = "fr"
    page.run()
    field = next(s for s in page.selectbox if s.label == "Chiffre")
    assert "Budget — UNDP (USD)" in field.options and "Indicateur 1.1.1 — cible" in field.options
    field.set_value("project.agencies.UNDP.budget_usd")
    page.text_input[0].set_value("1 400 000")
    page.text_input[1].set_value("révision budgétaire")
    page.button[0].click().run()
    assert not page.exception, [e.value for e in page.exception]
    agencies = next(f.value for f in page.dataframe if "agency" in f.value.columns)  # the agency budgets table
    assert list(agencies["budget_usd"]) == [1_400_000] and list(agencies["corrected"]) == ["✎"]
    field = next(s for s in page.selectbox if s.label == "Chiffre")
    field.set_value("indicators.1.1.1.target")
    page.text_input[0].set_value("40")
    page.text_input[1].set_value("cible révisée")
    page.button[0].click().run()
    assert not page.exception
    con = duckdb.connect(str(db), read_only=True)
    target = con.execute("SELECT target_value, corrected_cells FROM mx_indicators WHERE project_key = 'PBF/MLI/A-2' "
                         "AND code = '1.1.1'").fetchone()
    con.close()
    assert target[0] == 40 and list(target[1]) == ["target"]


def test_a_figure_entered_in_the_upload_preview_is_stored_with_the_file(tmp_path, monkeypatch):
    """Peers for Peace's final report gives no implementation rate: the editor enters it in the
    preview, before storing, and it lands as a correction of that project with its reason."""
    db = tmp_path / "p.duckdb"
    monkeypatch.setenv("LENS_DB", str(db))
    monkeypatch.setenv("LENS_UPLOADS", str(tmp_path / "uploads"))
    monkeypatch.setenv("LENS_SAMPLES", str(tmp_path / "no-samples"))
    monkeypatch.chdir(ROOT)
    peers = SAMPLES / "ml-peers-for-peace-final-2019.txt"
    page = AppTest.from_file(str(ROOT / "views" / "data.py"), default_timeout=90)
    page.run()
    page.file_uploader[0].set_value((peers.name, peers.read_bytes(), "text/plain"))
    settled(page.run())
    field = next(s for s in page.selectbox if s.label == "Figure")
    assert field.options[:2] == ["Implementation rate", "Gender marker"]  # what the file did not yield, first
    field.set_value("report.implementation_rate")
    inputs = {w.label: w for w in page.text_input}
    inputs["New value"].set_value("92%")
    inputs["Reason (required)"].set_value("final financial report, December 2019")
    next(b for b in page.button if b.label == "Keep this figure for storing").click().run()
    assert any("Implementation rate = 92%" in c.value for c in page.caption), [c.value for c in page.caption]
    settled(next(b for b in page.button if b.label == "Store these files").click().run())
    assert not page.exception, [e.value for e in page.exception]
    stored = [s.value for s in page.success]
    assert any("1 figure entered by hand stored as a correction" in s for s in stored), stored
    facts = _facts(db, "PBF IRF-217")
    assert facts[2] == pytest.approx(0.92) and list(facts[4]) == ["report.implementation_rate"]
    con = duckdb.connect(str(db), read_only=True)
    rows = trail(con)
    con.close()
    assert [(r["field"], r["read_value"], r["new_value"], r["reason"]) for r in rows] == [
        ("report.implementation_rate", None, "0.92", "final financial report, December 2019")]


def test_a_project_known_by_its_title_only_is_corrected_by_its_title(tmp_path):
    """The Togo final review gives no project number: the Data page's preview names it by its title."""
    db = tmp_path / "p.duckdb"
    ingest([SAMPLES / "tg-ceomp-final-review.txt"], db)
    con = duckdb.connect(str(db), read_only=True)
    key, title = con.execute("SELECT project_key, title FROM projects").fetchone()
    con.close()
    assert key.startswith("title:")
    correct(db, EDITOR, title, "total_budget_usd", "1500000", "budget from the project document")
    assert _facts(db, key)[:2] == (1_500_000.0, "correction")
