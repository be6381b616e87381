"""The portfolio as of a date, what changed since a reporting round, and reports overdue (issue 25):
the generated series of one project (tests/variants/series.py: June 2020 semi-annual at 20 %,
November 2020 annual at 37 %, June 2021 semi-annual at 55 % moving the end from 31 Dec 2021 to
30 Jun 2022), against figures worked out by hand. The project starts with its first transfer,
January 2020 (2020-01-01)."""
from __future__ import annotations

import datetime as dt
import json

import duckdb
import pytest

from loaders.ingest import ingest
from metrics import changes
from metrics.__main__ import main
from metrics.attention import projects_needing_attention
from metrics.base import Filters
from metrics.query import project_query
from metrics.summary import headline
from tests.test_history import BUDGET, PROJECT, _store
from tests.variants.series import series

FACTS = "SELECT report_date, report_type, delivery_rate, strftime(end_day, '%Y-%m-%d') AS end_day, time_elapsed FROM f"


@pytest.fixture(scope="module", params=["text", "docx"])
def store(request, tmp_path_factory):
    return _store(tmp_path_factory.mktemp(f"asof-{request.param}"), request.param)


def _facts(db, as_of: str | None) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        frame = project_query(con, FACTS, Filters(as_of=as_of))
    finally:
        con.close()
    return frame.iloc[0].to_dict() if len(frame) else {}


def test_each_project_counts_its_latest_report_by_the_date(store):
    now = _facts(store, None)
    assert (now["report_date"], now["delivery_rate"], now["end_day"]) == ("2021-06", 0.55, "2022-06-30")
    assert now["time_elapsed"] == pytest.approx(546 / 911)  # 2020-01-01 → 2021-06-30 of → 2022-06-30
    end_2020 = _facts(store, "2020-12-31")
    assert (end_2020["report_date"], end_2020["delivery_rate"], end_2020["end_day"]) == (
        "2020-11", 0.37, "2021-12-31")  # the end date the report of the time gave
    assert end_2020["time_elapsed"] == pytest.approx(365 / 730)
    assert _facts(store, "2020-07-15")["delivery_rate"] == 0.2
    assert _facts(store, "2020-06-29") == {}  # the June report's period had not ended: nothing reported yet
    assert _facts(store, "2030-01-01")["report_date"] == "2021-06"


def test_the_summary_command_as_of_a_date(store, capsys):
    assert main(["summary", "--db", str(store), "--as-of", "2020-12-31", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["as_of"] == "2020-12-31" and figures["projects"] == 1
    assert figures["delivery_rate"] == 0.37 and round(figures["expenditure_usd"]) == round(0.37 * BUDGET) == 554_260
    assert main(["summary", "--db", str(store), "--as-of", "2020-12-31"]) == 0
    assert capsys.readouterr().out.startswith("as of 2020-12-31: each project's latest report by then\n1 project")
    with pytest.raises(SystemExit):
        main(["summary", "--db", str(store), "--as-of", "31/12/2020"])


def test_rounds_and_what_changed_since_the_round_before(store):
    con = duckdb.connect(str(store), read_only=True)
    try:
        assert changes.reporting_rounds(con) == ["2021-06-30", "2020-12-31", "2020-06-30"]
        assert changes.previous_round(con) == "2020-12-31"
        assert changes.previous_round(con, Filters(as_of="2020-12-31")) == "2020-06-30"
        assert changes.previous_round(con, Filters(as_of="2021-03-31")) == "2020-06-30"  # now: the Nov. report
        assert changes.previous_round(con, Filters(as_of="2020-09-30")) is None  # now: the first report
        moved = changes.indicator_changes(con, Filters(), "2020-12-31")
        # 1.1.1: 15 of 30 at half the time (on track) → 12 of a revised 40 at 60 % of the time (behind)
        assert moved[["code", "status_then", "status_now", "change"]].values.tolist() == [
            ["1.1.1", "on track", "behind", "worsened"]]
        projects = changes.project_changes(con, Filters(), "2020-12-31").iloc[0]
        assert (projects["delivery_then"], projects["delivery_now"]) == (0.37, 0.55)
        assert (projects["worsened"], projects["improved"], bool(projects["end_moved"])) == (1, 0, True)
        assert (projects["end_day_then"], projects["end_day"]) == ("2021-12-31", "2022-06-30")
        assert not projects["new"]
        joined = changes.project_changes(con, Filters(), "2020-06-29").iloc[0]  # before its first report's period ended
        assert bool(joined["new"]) and joined["delivery_then"] != joined["delivery_then"]  # no figure then (NaN)
    finally:
        con.close()


def test_an_open_project_without_a_report_for_seven_months_is_flagged(tmp_path):
    first = series()["mali-2020-06.txt"]
    (tmp_path / "mali-2020-06.txt").write_text(first, encoding="utf-8")
    db = tmp_path / "one.duckdb"
    assert not ingest([tmp_path / "mali-2020-06.txt"], db).failures
    con = duckdb.connect(str(db), read_only=True)
    try:
        late = projects_needing_attention(con, Filters(as_of="2021-03-31"))
        assert list(late["no_report_since"].dt.date) == [dt.date(2020, 6, 30)]  # 9 months before, end 2021-12-31
        not_yet = projects_needing_attention(con, Filters(as_of="2020-12-31"))  # 6 months: not overdue
        assert not_yet["no_report_since"].isna().all()
        assert projects_needing_attention(con, today=dt.date(2022, 3, 1))["no_report_since"].isna().all()  # ended
    finally:
        con.close()


def test_an_extended_project_is_flagged_when_its_reports_stop(store):
    con = duckdb.connect(str(store), read_only=True)
    try:
        open_late = projects_needing_attention(con, today=dt.date(2022, 3, 1))  # end moved to 2022-06-30
        assert list(open_late["no_report_since"].dt.date) == [dt.date(2021, 6, 30)]
        closed = projects_needing_attention(con, today=dt.date(2022, 7, 15))
        assert closed["no_report_since"].isna().all()
    finally:
        con.close()


def test_a_correction_counts_with_the_report_it_was_entered_on(tmp_path):
    from ui.corrections import correct
    from ui.identity import User

    db = _store(tmp_path, "text")
    correct(db, User("editor@example.org", "editor"), PROJECT, "report.implementation_rate", "45%", "finance office")
    assert _facts(db, None)["delivery_rate"] == 0.45
    assert _facts(db, "2020-12-31")["delivery_rate"] == 0.37  # the November report as read: it was not corrected
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert headline(con, Filters(as_of="2021-12-31"))["delivery_rate"] == 0.45
    finally:
        con.close()


def test_the_history_gives_each_indicator_its_status_at_each_report(store, capsys):
    assert main(["history", "--db", str(store), "--project", PROJECT, "--json"]) == 0
    indicators = json.loads(capsys.readouterr().out)["indicators"]
    # 1.1.1: 8 of 30 at 181/730 of the time, 15 of 30 at 334/730, then 12 of a revised 40 at 546/911
    assert [p["status"] for p in indicators["1.1.1"]["series"]] == ["on track", "on track", "behind"]
    assert [p["status"] for p in indicators["1.1"]["series"]] == ["not started", "achieved", "achieved"]
    assert main(["history", "--db", str(store), "--project", PROJECT]) == 0
    assert "2021-06 12 (target 40 (révisé), revised, fell; behind)" in capsys.readouterr().out


def test_a_report_of_a_later_period_is_read_afresh_and_the_correction_stays_with_its_own(tmp_path):
    from ui.corrections import correct
    from ui.identity import User

    texts = series()
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "growing.duckdb"
    assert not ingest([tmp_path / "mali-2020-06.txt", tmp_path / "mali-2020-11.txt"], db).failures
    correct(db, User("editor@example.org", "editor"), PROJECT, "report.implementation_rate", "45%", "finance office")
    assert _facts(db, None)["delivery_rate"] == 0.45
    assert not ingest([tmp_path / "mali-2021-06.txt"], db).failures
    assert _facts(db, None)["delivery_rate"] == 0.55  # June 2021's own rate: the correction was November's
    assert _facts(db, "2020-12-31")["delivery_rate"] == 0.45  # … and still counts with November's report
    assert main(["history", "--db", str(db), "--project", PROJECT, "--json"]) == 0


def test_a_project_known_from_exports_has_its_money_year_by_year(tmp_path):
    """The real UNDP export: project 00014821 has a 2011 line (budget 472,715.04, spent 471,607.87) and a
    2012 line (budget 0, spent −2,204.70): delivery to date 471,607.87 ÷ 472,715.04 = 99.77 %, then
    (471,607.87 − 2,204.70) ÷ 472,715.04 = 99.30 %."""
    from metrics.history import export_years
    from tests.conftest import SHARED

    db = tmp_path / "real.duckdb"
    ingest([SHARED / "realdata"], db)
    con = duckdb.connect(str(db), read_only=True)
    try:
        years = export_years(con, "00014821")
    finally:
        con.close()
    assert list(years["fiscal_year"]) == ["2011", "2012"]
    assert list(years["budget_usd"]) == [472_715.04, 0.0] and list(years["expenditure_usd"]) == [471_607.87, -2_204.7]
    assert [round(r, 4) for r in years["delivery_to_date"]] == [0.9977, 0.993]
