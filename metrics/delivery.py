"""Delivery: expenditure ÷ budget per project, rolled up budget-weighted (a rate of sums, never an
average of rates) by country, agency and outcome; time elapsed and the delivery gap."""
from __future__ import annotations

import duckdb
import pandas as pd

from metrics.base import Filters
from metrics.query import project_query
from metrics.rollups import AGENCY_BUDGET, DELIVERED_BUDGET, DELIVERY_RATE, EXPENDITURE, INCLUDED, LEFT_OUT, PROJECTS_BEHIND

PROJECT_COLUMNS = """project_key, title, array_to_string(countries, ', ') AS countries, budget_usd, budget_source,
    expenditure_usd, expenditure_estimate_usd,
    delivery_rate, delivery_source, net_funded_usd, delivery_rate_net_funded, start_day, end_day, as_of,
    as_of_source, time_elapsed, delivery_gap, months_left, behind, left_out_reason, corrected_fields"""


def delivery_by_project(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> pd.DataFrame:
    """One row per project with its delivery figures and whether it is behind."""
    return project_query(con, f"SELECT {PROJECT_COLUMNS} FROM f ORDER BY budget_usd DESC NULLS LAST, project_key",
                         filters)


_ROLLUP = f"""{DELIVERED_BUDGET} AS budget_usd, {EXPENDITURE} AS expenditure_usd, {DELIVERY_RATE} AS delivery_rate,
    count(*) FILTER (WHERE delivery_source = 'reported' AND {INCLUDED}) AS projects_reported_rate_only,
    count(*) AS projects, {PROJECTS_BEHIND} AS projects_behind, {LEFT_OUT} AS projects_left_out"""


def delivery_portfolio(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> dict:
    """The whole (filtered) portfolio's delivery."""
    return project_query(con, f"SELECT {_ROLLUP} FROM f", filters).iloc[0].to_dict()


def delivery_by_country(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> pd.DataFrame:
    """Per ISO3 country; a project in two countries counts fully in each."""
    return project_query(con, f"SELECT country, {_ROLLUP} FROM (SELECT unnest(countries) AS country, * FROM f) "
                              "GROUP BY country ORDER BY country", filters)


def delivery_by_agency(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> pd.DataFrame:
    """Per agency: its budget in each project × the project's delivery rate, unless a budget workbook
    gives the agency's own expenditure. A project with one recipient whose budget no file splits out
    (a project known from a financial export, or a profile that names its agency) gives that agency
    the project's whole budget. Projects left out of the totals (implausible figures) are left out
    here too, as in every other roll-up."""
    agency_spent = f"""agency_spent AS (
        SELECT resolved_project_key AS project_key, agency, sum(expenditure_usd) AS spent
        FROM budget_lines_resolved WHERE source_kind = 'budget' AND breakdown IN ('activity', 'cost')
        GROUP BY ALL HAVING count(expenditure_usd) > 0
    ), lines AS (
        SELECT a.project_key, a.agency, {AGENCY_BUDGET} AS budget_usd
        FROM agency_lines a JOIN f ON f.project_key = a.project_key)"""
    return project_query(con, f"""
        SELECT a.agency, sum(a.budget_usd) FILTER (WHERE f.delivery_rate IS NOT NULL AND f.{INCLUDED}) AS budget_usd,
               sum(coalesce(s.spent, a.budget_usd * f.delivery_rate)) FILTER (WHERE f.{INCLUDED}) AS expenditure_usd,
               sum(coalesce(s.spent, a.budget_usd * f.delivery_rate)) FILTER (WHERE f.{INCLUDED})
                 / nullif(sum(a.budget_usd) FILTER (WHERE f.delivery_rate IS NOT NULL AND f.{INCLUDED}), 0)
                 AS delivery_rate,
               count(DISTINCT f.project_key) AS projects
        FROM f JOIN lines a ON a.project_key = f.project_key
        LEFT JOIN agency_spent s ON s.project_key = f.project_key AND s.agency = a.agency
        GROUP BY a.agency ORDER BY a.agency""", filters, more_ctes=agency_spent)


def delivery_by_outcome(con: duckdb.DuckDBPyConnection, filters: Filters | None = None,
                        limit: int | None = None) -> pd.DataFrame:
    """Per project outcome, from budget-workbook lines (the only source that splits money by outcome);
    with `limit`, the outcomes with the lowest delivery first."""
    order = "delivery_rate NULLS LAST, project_key, outcome" if limit else "project_key, outcome"
    limit_sql = f" LIMIT {int(limit)}" if limit else ""
    return project_query(con, f"""
        SELECT f.project_key, b.outcome, any_value(o.statement) AS statement, sum(b.amount_usd) AS budget_usd,
               sum(b.expenditure_usd) AS expenditure_usd,
               sum(b.expenditure_usd) / nullif(sum(b.amount_usd) FILTER (WHERE b.expenditure_usd IS NOT NULL), 0)
                   AS delivery_rate
        FROM f JOIN budget_lines_resolved b ON b.resolved_project_key = f.project_key
        LEFT JOIN (SELECT o.project_key, o.number, o.statement FROM outcomes o
                   JOIN current_source c ON c.sha256 = o.source_sha256) o
               ON o.project_key = f.project_key AND o.number = b.outcome
        WHERE b.source_kind = 'budget' AND b.breakdown = 'activity' AND b.outcome IS NOT NULL
        GROUP BY f.project_key, b.outcome ORDER BY {order}{limit_sql}""", filters)


def project_choices(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> pd.DataFrame:
    """Project numbers and titles of the filtered portfolio, largest budget first (the Project page's
    list, which opens on the first); a project left out of the totals (an implausible figure) after the rest."""
    return project_query(con, "SELECT project_key, title FROM f ORDER BY left_out_reason IS NOT NULL, "
                              "budget_usd DESC NULLS LAST, project_key", filters)
