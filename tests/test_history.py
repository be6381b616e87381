"""A project across its reports (issue 25, first part): a generated series of one project — three
reports of successive periods written from the Mali sample (tests/variants/series.py), as text,
as Word files and with English labels — read by `python -m metrics history` and shown on the
Project page, against figures worked out by hand."""
from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from loaders.ingest import ingest
from metrics.__main__ import main
from tests.conftest import ROOT
from tests.variants.english import to_english
from tests.variants.series import series
from tests.variants.word import to_docx

PROJECT = "PBF/MLI/A-2"
BUDGET = 1_498_000  # the sample's approved budget, the same in every report of the series


def _store(folder, form: str):
    texts = series()
    for name, text in texts.items():
        if form == "docx":
            (folder / name.replace(".txt", ".docx")).write_bytes(to_docx(text, name))
        else:
            (folder / name).write_text(to_english(text) if form == "english" else text, encoding="utf-8")
    db = folder / "series.duckdb"
    assert not ingest([p for p in folder.iterdir() if p.suffix in (".txt", ".docx")], db).failures
    return db


@pytest.fixture(scope="module", params=["text", "docx", "english"])
def store(request, tmp_path_factory):
    return _store(tmp_path_factory.mktemp(f"series-{request.param}"), request.param)


def _history(db, capsys) -> dict:
    assert main(["history", "--db", str(db), "--project", PROJECT, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_reports_in_date_order_with_their_figures(store, capsys):
    reports = _history(store, capsys)["reports"]
    assert [(r["date"], r["type"], r["implementation_rate"]) for r in reports] == [
        ("2020-06", "semi-annual", 0.20), ("2020-11", "annual", 0.37), ("2021-06", "semi-annual", 0.55)]
    assert [round(r["expenditure_usd"]) for r in reports] == [299_600, 554_260, 823_900]  # rate × 1,498,000
    assert {r["gender_allocated_usd"] for r in reports} == {324_547}


def test_each_indicator_series_marks_a_revised_target_and_a_fall(store, capsys):
    indicators = _history(store, capsys)["indicators"]
    rising_then_falling = indicators["1.1.1"]["series"]
    assert [(p["report_date"], p["value"], p["target"]) for p in rising_then_falling] == [
        ("2020-06", 8, 30), ("2020-11", 15, 30), ("2021-06", 12, 40)]
    assert [p["revised"] for p in rising_then_falling] == [False, False, True]  # `40 (révisé)`
    assert [p["fell"] for p in rising_then_falling] == [False, False, True]  # 15 → 12
    reached = indicators["1.1"]["series"]
    assert [p["value"] for p in reached] == [0, 1, 1] and not any(p["fell"] or p["revised"] for p in reached)
    assert list(indicators)[:3] == ["1.1", "1.2", "1.1.1"]  # in the results table's order


def test_each_outcome_rating_report_by_report(store, capsys):
    """The template's rating choice under each outcome, in French, English and Word: outcome 1 on track twice then
    off track; outcome 2 off track then on track with peacebuilding results; outcome 3 left blank in every report."""
    outcomes = _history(store, capsys)["outcomes"]
    assert {n: [(p["report_date"], p["rating"]) for p in o["ratings"]] for n, o in outcomes.items()} == {
        "1": [("2020-06", "on track"), ("2020-11", "on track"), ("2021-06", "off track")],
        "2": [("2020-06", "off track"), ("2020-11", "on track with peacebuilding results"),
              ("2021-06", "on track with peacebuilding results")]}
    assert outcomes["1"]["statement"].startswith("Les instances d’orientation politique")


def test_the_history_as_text_and_an_unknown_project(store, capsys):
    assert main(["history", "--db", str(store), "--project", PROJECT]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"project {PROJECT}: 3 reports, in date order"
    assert lines[1].startswith("  2020-06  semi-annual: implementation rate 20.0%, expenditure 299,600 USD")
    assert ("  1.1.1: 2020-06 8 (target 30; on track) → 2020-11 15 (target 30; on track) → 2021-06 12 (target 40 (révisé), "
            "revised, fell; behind)") in lines
    assert lines[-3:] == ["outcome ratings:", "  outcome 1: 2020-06 on track → 2020-11 on track → 2021-06 off track",
                          "  outcome 2: 2020-06 off track → 2020-11 on track with peacebuilding results → 2021-06 on track "
                          "with peacebuilding results"]
    assert main(["history", "--db", str(store), "--project", "NOPE"]) == 1
    assert "no project NOPE in this store" in capsys.readouterr().err


@pytest.mark.parametrize("language,columns,changes,statuses,ratings", [
    ("en", ["Jun 2020 · semi-annual", "Nov 2020 · annual", "Jun 2021 · semi-annual"],
     "target revised 30 → 40 (Jun 2021); fell 15 dont 6 femmes → 12 dont 5 femmes (Jun 2021)",
     ["on track", "on track", "behind"], ["off track", "on track with peacebuilding results",
                                          "on track with peacebuilding results"]),
    ("fr", ["juin 2020 · semestriel", "nov. 2020 · annuel", "juin 2021 · semestriel"],
     "cible révisée 30 → 40 (juin 2021) ; en baisse 15 dont 6 femmes → 12 dont 5 femmes (juin 2021)",
     ["en bonne voie", "en bonne voie", "en retard"], ["hors de la bonne voie",
                                                       "en bonne voie avec des résultats de consolidation de la paix",
                                                       "en bonne voie avec des résultats de consolidation de la paix"])])
def test_the_project_page_shows_indicators_across_reports(tmp_path, monkeypatch, language, columns, changes, statuses,
                                                          ratings):
    db = _store(tmp_path, "text")
    monkeypatch.setenv("LENS_DB", str(db))
    monkeypatch.chdir(ROOT)
    app = AppTest.from_file(str(ROOT / "views" / "project.py"), default_timeout=90)
    app.query_params["project"] = PROJECT
    app.query_params["lang"] = language
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    frame = next(f for f in app.dataframe if "changes" in f.value.columns)
    assert list(frame.proto.column_order) == ["code", "statement", "target_raw"] + columns[::-1]  # newest report first
    table = frame.value.set_index("code")
    assert [c for c in table.columns if "·" in c] == columns
    assert list(table.loc["1.1.1", columns]) == [f"{value} · {status}" for value, status in zip(
        ["8 dont 3 femmes", "15 dont 6 femmes", "12 dont 5 femmes"], statuses, strict=True)]  # the status at each report
    assert table.loc["1.1.1", "target_raw"] == "40 (révisé)" and table.loc["1.1.1", "changes"] == changes
    assert table.loc["1.1", "changes"] == ""
    listed = [m.value.replace("\\", "") for m in app.markdown if "1.1.1" in m.value.replace("\\", "")]  # on screen, whole
    assert len(listed) == 1 and "1.1.1** " in listed[0] and changes in listed[0], listed
    rated = next(f.value for f in app.dataframe if "outcome" in f.value.columns and columns[0] in f.value.columns)
    assert [o.split(" · ")[0] for o in rated["outcome"]] == ["1", "2", "3"]
    assert list(rated.iloc[2][columns]) == ["—"] * 3  # outcome 3 was never rated: said, not left out
    assert list(rated.iloc[1][columns]) == ratings and list(rated.iloc[0][columns])[:2] == [statuses[0]] * 2


def test_the_trajectory_downloads_with_one_header_per_column(store):
    """Review: the code and statement columns were both headed 'Indicator', which broke the download."""
    import duckdb

    from metrics.history import indicator_series, project_reports
    from ui.exports import export_frame, safe_frame
    from ui.language import speaking
    from ui.trajectory import trajectory_table

    con = duckdb.connect(str(store), read_only=True)
    try:
        with speaking("fr"):
            table = trajectory_table(indicator_series(con, PROJECT), project_reports(con, PROJECT))
            exported = safe_frame(export_frame(table))
    finally:
        con.close()
    assert len(set(exported.columns)) == len(exported.columns) and list(exported.columns)[:2] == ["Code", "Indicateur"]


def test_a_year_only_report_comes_after_the_months_of_that_year_and_corrections_count(tmp_path, monkeypatch, capsys):
    """Reports are ordered by the end of the period their date names (`2021` ends after `2021-06`), and the
    current report carries what was corrected by hand, as on every page."""
    from tests.variants.series import SOURCE

    db = _store(tmp_path, "text")
    text = SOURCE.read_text(encoding="utf-8").replace("ANNEE DE RAPPORT: Novembre 2020", "ANNEE DE RAPPORT: 2021")
    (tmp_path / "mali-2021.txt").write_text(text, encoding="utf-8")
    assert not ingest([tmp_path / "mali-2021.txt"], db).failures
    reports = _history(db, capsys)["reports"]
    assert [r["date"] for r in reports] == ["2020-06", "2020-11", "2021-06", "2021"]
    from ui.corrections import correct
    from ui.identity import User

    correct(db, User("editor@example.org", "editor"), PROJECT, "report.implementation_rate", "45%", "finance office")
    last = _history(db, capsys)["reports"][-1]
    assert last["implementation_rate"] == 0.45 and round(last["expenditure_usd"]) == 674_100  # 45 % × 1,498,000


def test_each_outcome_draws_its_indicators_progress_report_by_report(store):
    """Issue 25: per outcome, one line per indicator counted in numbers — 1.1.1 at 8 of 30, 15 of 30, then 12 of a
    revised 40 (baseline 0): 26.7 %, 50 %, 30 % of the way to its target."""
    import duckdb

    from metrics.history import indicator_series, project_reports
    from ui.language import speaking
    from ui.trajectory import outcome_charts

    con = duckdb.connect(str(store), read_only=True)
    try:
        with speaking("en"):
            charts = dict(outcome_charts(indicator_series(con, PROJECT), project_reports(con, PROJECT)))
    finally:
        con.close()
    assert list(charts) == ["1", "2", "3"]
    line = next(trace for trace in charts["1"].data if trace.name == "1.1.1")
    assert list(line.x) == ["Jun 2020 · semi-annual", "Nov 2020 · annual", "Jun 2021 · semi-annual"]
    assert [round(y, 3) for y in line.y] == [0.267, 0.5, 0.3]


@pytest.mark.parametrize("answer,rating", [
    ("On track with significant peacebuilding results", "on track with significant peacebuilding results"),
    ("On track with peacebuilding results", "on track with peacebuilding results"),
    ("On track", "on track"), ("Off track", "off track"), ("Not on track", "off track"),
    ("Sur la bonne voie avec des résultats de consolidation de la paix significatifs",
     "on track with significant peacebuilding results"),
    ("Sur la bonne voie", "on track"), ("Hors de la bonne voie", "off track"), ("En bonne voie", "on track"),
    ("", None), ("FORMDROPDOWN", None), ("Choisir un élément", None)])
def test_an_outcome_rating_is_read_by_what_it_says(answer, rating):
    """The template's rating choice in either language; a blank or unfilled dropdown is no rating."""
    from loaders.model import Paragraph
    from loaders.templates.narrative import read_narrative_outcomes

    lines = ["Outcome 1: People trust the local committees",
             f"Please rate the current status of the outcome progress: {answer}", "Progress summary: …"]
    found = read_narrative_outcomes([Paragraph(text, f"paragraph {k}") for k, text in enumerate(lines)], None)
    assert found == {"1": {"statement": "People trust the local committees", "rating": rating}}
