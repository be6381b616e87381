"""The real portfolio (../shared/realdata: 91 UNDP projects known from financial exports and
project profiles, none with a budget split by agency): the Delivery page's By agency tab said "No
project matches these filters yet" while `metrics summary --agency UNDP` found 91 (issue 24). A
project whose one recipient has no budget of its own gives it the project's budget, so the
agency's roll-up adds up to the portfolio's."""
from __future__ import annotations

import duckdb
import pytest

from loaders.ingest import ingest
from metrics.base import Filters
from metrics.delivery import delivery_by_agency, delivery_portfolio
from tests.conftest import SHARED


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    db = tmp_path_factory.mktemp("real-agencies") / "real.duckdb"
    assert not ingest([SHARED / "realdata"], db).failures
    connection = duckdb.connect(str(db), read_only=True)
    yield connection
    connection.close()


def test_the_one_recipient_carries_the_whole_portfolio(con):
    agencies = delivery_by_agency(con)
    portfolio = delivery_portfolio(con)
    assert list(agencies["agency"]) == ["UNDP"] and int(agencies["projects"].iloc[0]) == 91
    assert agencies["budget_usd"].iloc[0] == pytest.approx(portfolio["budget_usd"], abs=0.01)
    assert agencies["expenditure_usd"].iloc[0] == pytest.approx(portfolio["expenditure_usd"], abs=0.01)
    assert agencies["delivery_rate"].iloc[0] == pytest.approx(portfolio["delivery_rate"])
    assert portfolio["projects_left_out"] > 0  # left out of both alike: the two add up


def test_filtered_to_a_country_it_still_adds_up(con):
    country = con.execute("SELECT unnest(countries) FROM mx_project_facts GROUP BY 1 ORDER BY count(*) DESC "
                          "LIMIT 1").fetchone()[0]
    agencies = delivery_by_agency(con, Filters(country=country))
    portfolio = delivery_portfolio(con, Filters(country=country))
    assert agencies["budget_usd"].sum() == pytest.approx(portfolio["budget_usd"], abs=0.01)


def test_the_project_page_gives_the_sole_recipient_the_project_budget(con):
    from metrics.project_detail import agency_budget_table

    key, budget = con.execute("SELECT project_key, budget_usd FROM mx_project_facts WHERE budget_usd IS NOT NULL "
                              "ORDER BY project_key LIMIT 1").fetchone()
    table = agency_budget_table(con, key)
    assert list(table["agency"]) == ["UNDP"] and bool(table["whole_project"].iloc[0])
    assert table["budget_usd"].iloc[0] == pytest.approx(budget)  # was "—" beside the project's budget (issue 24)


def test_a_title_written_with_a_double_space_reads_with_one(con):
    """`Security Sector Reform  & Small Arms…` in a UNDP record (screenshot review, issue 24)."""
    titles = [t for (t,) in con.execute("SELECT title FROM mx_project_facts WHERE title IS NOT NULL").fetchall()]
    assert titles and not [t for t in titles if "  " in t or t != t.strip()]
