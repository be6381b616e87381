"""The portfolio's headline figures in one dictionary (what `python -m metrics summary` prints)."""
from __future__ import annotations

import math
from dataclasses import replace

import duckdb

from metrics.base import Filters
from metrics.query import indicator_query, project_query

_HEADLINE = """count(*) AS projects, sum(budget_usd) AS budget_usd,
    sum(expenditure_estimate_usd) AS expenditure_usd,
    sum(expenditure_estimate_usd) / nullif(sum(budget_usd) FILTER (WHERE delivery_rate IS NOT NULL), 0) AS delivery_rate,
    sum(gender_allocated_usd) FILTER (WHERE budget_usd > 0) AS gewe_allocated_usd,
    sum(gender_allocated_usd) FILTER (WHERE budget_usd > 0)
        / nullif(sum(budget_usd) FILTER (WHERE gender_allocated_usd IS NOT NULL), 0) AS gewe_share,
    sum(gender_spent_usd) FILTER (WHERE gender_allocated_usd > 0) AS gewe_spent_usd,
    sum(gender_spent_usd) FILTER (WHERE gender_allocated_usd > 0)
        / nullif(sum(gender_allocated_usd) FILTER (WHERE gender_spent_usd IS NOT NULL), 0) AS gewe_spend_rate"""


def _clean(value):
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        value = value.item()
    return round(value, 6) if isinstance(value, float) else value


def headline(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> dict:
    """Projects, budget, expenditure, delivery, GEWE figures and indicators per status."""
    filters = filters or Filters()
    row = project_query(con, f"SELECT {_HEADLINE} FROM f", filters).iloc[0].to_dict()
    figures = {key: _clean(value) for key, value in row.items()}
    figures["projects"] = int(figures["projects"] or 0)
    statuses = indicator_query(con, "SELECT status, count(*) AS n FROM i GROUP BY status ORDER BY status", filters)
    figures["indicators"] = {status: int(n) for status, n in zip(statuses["status"], statuses["n"], strict=True)}
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
    return result
