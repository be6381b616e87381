"""The portfolio's headline figures in one dictionary (what `python -m metrics summary` prints)."""
from __future__ import annotations

import math
from dataclasses import replace

import duckdb

from metrics.base import Filters
from metrics.countries import country_rows_vs_portfolio
from metrics.query import indicator_query, project_query
from metrics.rollups import (
    BUDGET,
    BUDGETED_PROJECTS,
    DELIVERED_BUDGET,
    DELIVERED_PROJECTS,
    DELIVERY_RATE,
    EXPENDITURE,
    GEWE_ALLOCATED,
    GEWE_BUDGET,
    GEWE_PROJECTS,
    GEWE_SHARE,
    GEWE_SPEND_BASE,
    GEWE_SPEND_PROJECTS,
    GEWE_SPEND_RATE,
    GEWE_SPENT,
    JUDGED,
    PROJECTS_BEHIND,
    WITH_TIME_ELAPSED,
)

_HEADLINE = f"""count(*) AS projects, {BUDGET} AS budget_usd, {EXPENDITURE} AS expenditure_usd,
    {DELIVERY_RATE} AS delivery_rate, {GEWE_ALLOCATED} AS gewe_allocated_usd, {GEWE_SHARE} AS gewe_share,
    {GEWE_SPENT} AS gewe_spent_usd, {GEWE_SPEND_RATE} AS gewe_spend_rate,
    {WITH_TIME_ELAPSED} AS projects_with_time_elapsed, {JUDGED} AS projects_judged, {PROJECTS_BEHIND} AS projects_behind,
    {BUDGETED_PROJECTS} AS budget_base_projects,
    {DELIVERED_BUDGET} AS delivery_base_usd, {DELIVERED_PROJECTS} AS delivery_base_projects,
    {GEWE_BUDGET} AS gewe_share_base_usd, {GEWE_PROJECTS} AS gewe_share_base_projects,
    {GEWE_SPEND_BASE} AS gewe_spend_base_usd, {GEWE_SPEND_PROJECTS} AS gewe_spend_base_projects"""


def _clean(value):
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        value = value.item()
    return round(value, 6) if isinstance(value, float) else value


def headline(con: duckdb.DuckDBPyConnection, filters: Filters | None = None, with_indicators: bool = True) -> dict:
    """Projects, budget, expenditure, delivery, GEWE figures and indicators per status. Without the
    indicators (`with_indicators` False: a comparison's "then", whose statuses are compared one by one
    instead) the date is read once, its facts not kept (metrics/as_of_tables.py)."""
    filters = filters or Filters()
    keep = with_indicators
    row = project_query(con, f"SELECT {_HEADLINE} FROM f", filters, keep=keep).iloc[0].to_dict()
    figures = {key: _clean(value) for key, value in row.items()}
    for key in ("projects", "projects_with_time_elapsed", "projects_judged", "projects_behind", "budget_base_projects",
                "delivery_base_projects", "gewe_share_base_projects", "gewe_spend_base_projects"):
        figures[key] = int(figures[key] or 0)
    left_out = project_query(con, "SELECT left_out_reason AS reason, count(*) AS n, sum(expenditure_usd) AS spent "
                                  "FROM f WHERE left_out_reason IS NOT NULL GROUP BY 1 ORDER BY 1", filters, keep=keep)
    figures["left_out"] = {reason: int(n) for reason, n in zip(left_out["reason"], left_out["n"], strict=True)}
    figures["left_out_expenditure_usd"] = {reason: _clean(spent) for reason, spent in
                                           zip(left_out["reason"], left_out["spent"], strict=True)}
    if not with_indicators:
        return figures
    statuses = indicator_query(con, "SELECT status, count(*) AS n, count(DISTINCT project_key) AS projects "
                                    "FROM indicator_status "
                                    "GROUP BY ROLLUP (status) ORDER BY status NULLS LAST", filters)
    counted = statuses[statuses["status"].notna()]
    figures["indicators"] = {status: int(n) for status, n in zip(counted["status"], counted["n"], strict=True)}
    figures["indicator_projects"] = int(statuses["projects"].iloc[-1]) if len(statuses) else 0  # the counts' base
    return figures


def summary(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> dict:
    """Headline figures for the portfolio, and the same for each of its countries."""
    filters = filters or Filters()
    result = headline(con, filters)
    if filters.country:
        codes = [filters.country.upper()]
    else:
        codes = list(project_query(con, "SELECT DISTINCT unnest(countries) AS country FROM f ORDER BY 1",
                                   filters)["country"])
    result["by_country"] = {code: headline(con, replace(filters, country=code)) for code in codes}
    # the country rows count a joint project in each of its countries: what they add up to, and why
    result["country_rows"] = country_rows_vs_portfolio(con, filters)
    if filters.as_of:
        result["as_of"] = filters.as_of
    return result
