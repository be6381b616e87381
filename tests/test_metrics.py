"""Metrics on a four-project portfolio worked out on paper (tests/portfolio_factory.py)."""
from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from metrics.base import Filters
from metrics.delay_reasons import categorise_reason
from metrics.delivery import delivery_by_agency, delivery_by_country, delivery_by_project, delivery_portfolio
from metrics.gender import gewe_rollup, marker_mix, sex_disaggregated
from metrics.indicators import delay_reason_counts, indicator_table, status_counts
from metrics.quality import quality_flags
from metrics.summary import summary
from tests.portfolio_factory import build_portfolio


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    db = build_portfolio(tmp_path_factory.mktemp("portfolio") / "hand.duckdb")
    connection = duckdb.connect(str(db), read_only=True)
    yield connection
    connection.close()


def test_project_delivery_and_time(con):
    rows = delivery_by_project(con).set_index("project_key")
    # P-1: reported 40 %; 365 of 730 days elapsed = 0.5; gap 0.1
    assert (rows.loc["P-1", "delivery_rate"], rows.loc["P-1", "delivery_source"]) == (0.40, "reported")
    assert rows.loc["P-1", "time_elapsed"] == pytest.approx(0.5)
    assert rows.loc["P-1", "delivery_gap"] == pytest.approx(0.1) and not rows.loc["P-1", "behind"]
    # P-2: month precision, 2020-01-01 → 2020-12-31, as of 2020-10-31: 304 / 365; gap 0.733 > 0.25: behind
    assert rows.loc["P-2", "time_elapsed"] == pytest.approx(304 / 365)
    assert bool(rows.loc["P-2", "behind"]) is True
    # P-3: expenditure 250,000 from its workbook ÷ the report's budget 500,000
    assert (rows.loc["P-3", "delivery_rate"], rows.loc["P-3", "delivery_source"]) == (0.5, "expenditure")
    # P-4: a zero budget: its reported rate stands, nothing divides by zero, no dates: no time figures
    assert rows.loc["P-4", "expenditure_estimate_usd"] == 0 and rows.loc["P-4", "time_elapsed"] != rows.loc[
        "P-4", "time_elapsed"]


def test_portfolio_delivery_is_a_rate_of_sums(con):
    portfolio = delivery_portfolio(con)
    # (400,000 + 100,000 + 250,000 + 0) ÷ (1,000,000 + 1,000,000 + 500,000 + 0) = 0.30, not the mean 0.375
    assert portfolio["delivery_rate"] == pytest.approx(0.30)
    assert (portfolio["projects"], portfolio["projects_behind"], portfolio["projects_reported_rate_only"]) == (4, 1, 3)


def test_delivery_by_country_and_agency(con):
    countries = delivery_by_country(con).set_index("country")["delivery_rate"]
    assert countries["MLI"] == pytest.approx(650_000 / 1_500_000)
    assert countries["NER"] == pytest.approx(0.1) and countries["BFA"] == pytest.approx(0.1)
    assert countries["TGO"] != countries["TGO"]  # 0 ÷ 0 is unknown, not 0
    agencies = delivery_by_agency(con).set_index("agency")["delivery_rate"]
    assert agencies["UNDP"] == pytest.approx((400_000 + 60_000) / 1_600_000)
    assert agencies["IOM"] == pytest.approx(0.1) and agencies["UNICEF"] == pytest.approx(0.5)


def test_gender_budget(con):
    overall = gewe_rollup(con).iloc[0]
    assert overall["gewe_share"] == pytest.approx(400_000 / 2_500_000)  # 16 %, above 15 %, below 30 %
    assert overall["gewe_spend_rate"] == pytest.approx(60_000 / 300_000)
    mix = marker_mix(con)
    markers = {None if pd.isna(marker) else int(marker): int(n)
               for marker, n in zip(mix["gender_marker"], mix["projects"], strict=True)}
    assert markers == {0: 1, 1: 1, 2: 1, None: 1}


def test_indicator_statuses_and_reasons(con):
    table = indicator_table(con).set_index("code")
    expected = {"1.1": "achieved", "1.2": "on track", "1.3": "behind", "1.4": "on track", "1.5": "behind",
                "1.6": "not started", "1.7": "no data", "1.8": "qualitative", "1.1.1": "achieved",
                "1.1.2": "behind", "1.1.3": "achieved", "1.1.4": "on track"}
    assert table["status"].to_dict() == expected
    assert table.loc["1.3", "status_reason"] == "40% of the way to target, 50% of time elapsed"
    assert table.loc["1.2", "status_reason"] == "current 60 has reached milestone 50"
    assert table.loc["1.4", "progress"] == pytest.approx(0.5)  # (30 − 50) ÷ (10 − 50): a decrease
    assert table.loc["1.6", "status_reason"] == "current 0 = baseline 0, 50% of time elapsed"
    assert table.loc["1.1.4", "status_reason"].endswith("(no baseline: taken as 0)")
    assert table.loc["1.7", "status_reason"] == "current is a placeholder (TBD)"
    counts = status_counts(con).set_index("status")["indicators"].to_dict()
    assert counts == {"achieved": 3, "on track": 3, "behind": 3, "not started": 1, "no data": 1, "qualitative": 1}


def test_delay_reasons_and_sex_disaggregation(con):
    reasons = delay_reason_counts(con).set_index("category")["indicators"].to_dict()
    assert reasons == {"recruitment/staffing": 1, "security": 1, "covid-19": 1, "government/partner dependency": 1}
    split = sex_disaggregated(con, by="country").set_index("country")
    assert (split.loc["MLI", "women"], split.loc["MLI", "men"]) == (70, 50)
    assert split.loc["MLI", "women_share"] == pytest.approx(70 / 120)
    assert split.loc["MLI", "indicators_missing_split"] == 1  # 1.1.2 says (sexe / âge) but gives no split


def test_quality_flags(con):
    flags = quality_flags(con)
    found = {(code, indicator) for code, indicator in zip(flags["code"], flags["indicator"], strict=True)}
    assert ("current_far_above_target", "1.1.3") in found  # 45 > 3 × 10
    assert ("baseline_missing", "1.1.4") in found
    assert "gewe_differs" in set(flags["code"])  # report says 0, workbook 10 % of 500,000
    assert not any(code == "split_does_not_add_up" for code, _ in found)


def test_filters(con):
    mali = summary(con, Filters(country="MLI"))
    assert mali["projects"] == 2 and mali["delivery_rate"] == pytest.approx(650_000 / 1_500_000)
    assert list(mali["by_country"]) == ["MLI"]
    iom = summary(con, Filters(agency="IOM"))
    assert iom["projects"] == 1 and iom["budget_usd"] == 1_000_000


def test_summary_keys(con):
    figures = summary(con)
    assert set(figures) >= {"projects", "budget_usd", "expenditure_usd", "delivery_rate", "gewe_allocated_usd",
                            "gewe_share", "gewe_spent_usd", "gewe_spend_rate", "indicators", "by_country"}
    assert figures["budget_usd"] == 2_500_000 and figures["expenditure_usd"] == 750_000
    assert figures["by_country"]["TGO"]["delivery_rate"] is None


@pytest.mark.parametrize("text, categories", [
    ("Insecurity on the roads to Mopti", ["security"]),
    ("The elections were postponed and parliament dissolved", ["political/institutional change"]),
    ("Procurement of vehicles delayed by the supplier", ["procurement/logistics"]),
    ("The baseline survey has not yet been conducted", ["data not yet collected"]),
    ("Hiring of the project coordinator took six months", ["recruitment/staffing"]),
    ("Pending government approval of the workplan", ["government/partner dependency"]),
    ("Les activités de regroupement ont été reportées suite aux instructions gouvernementales", ["covid-19"]),
    ("The team met every week", ["other"]),
    ("", []),
])
def test_reason_categories(text, categories):
    assert categorise_reason(text) == categories


def test_materialized_tables_agree_with_the_live_sql(con):
    from metrics.base import indicator_ctes, project_ctes

    for ctes, select in ((project_ctes, "SELECT project_key, delivery_rate, time_elapsed, behind FROM f"),
                         (indicator_ctes, "SELECT project_key, code, status, status_reason, progress FROM i")):
        live_sql, live_params = ctes(Filters(), live=True)
        ready_sql, ready_params = ctes(Filters(), live=False)
        order = " ORDER BY ALL"
        assert con.execute(live_sql + select + order, live_params).fetchall() == \
            con.execute(ready_sql + select + order, ready_params).fetchall()
