"""Gender: GEWE share of the budget against the 15 % UN minimum and the PBF's 30 % target, GEWE
spend rate beside overall delivery, gender-marker mix, and sex-disaggregated results."""
from __future__ import annotations

import duckdb
import pandas as pd

from metrics import settings
from metrics.base import Filters, uses_materialized
from metrics.query import indicator_query, project_query
from metrics.rollups import GEWE_ALLOCATED, GEWE_BUDGET, GEWE_SHARE, GEWE_SPEND_RATE, GEWE_SPENT

_GEWE = f"""{GEWE_ALLOCATED} AS gewe_allocated_usd, {GEWE_BUDGET} AS budget_usd, {GEWE_SHARE} AS gewe_share,
    {GEWE_SPENT} AS gewe_spent_usd, {GEWE_SPEND_RATE} AS gewe_spend_rate, count(*) AS projects"""


def gewe_by_project(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> pd.DataFrame:
    """Per project: GEWE allocated, share of budget, spent, spend rate, delivery, and the targets met."""
    return project_query(con, f"""
        SELECT project_key, title, array_to_string(countries, ', ') AS countries, budget_usd,
               gender_allocated_usd AS gewe_allocated_usd, gewe_share,
               gender_spent_usd AS gewe_spent_usd, gewe_spend_rate, delivery_rate, gender_marker, corrected_fields,
               gewe_share >= {settings.GEWE_UN_MINIMUM} AS meets_un_minimum,
               gewe_share >= {settings.GEWE_PBF_TARGET} AS meets_pbf_target
        FROM f ORDER BY gewe_share NULLS LAST, project_key""", filters)


def gewe_rollup(con: duckdb.DuckDBPyConnection, filters: Filters | None = None, by: str | None = None) -> pd.DataFrame:
    """GEWE share and spend rate as sums over sums, for the portfolio or `by='country'`."""
    if by == "country":
        return project_query(con, f"SELECT country, {_GEWE} FROM (SELECT unnest(countries) AS country, * FROM f) "
                                  "GROUP BY country ORDER BY country", filters)
    return project_query(con, f"SELECT {_GEWE} FROM f", filters)


def gewe_by_agency(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> pd.DataFrame:
    """Per agency, from budget-workbook lines (reports give GEWE per project, not per agency)."""
    return project_query(con, """
        SELECT b.agency, sum(b.gewe_usd) AS gewe_allocated_usd, sum(b.amount_usd) AS budget_usd,
               sum(b.gewe_usd) / nullif(sum(b.amount_usd) FILTER (WHERE b.gewe_usd IS NOT NULL), 0) AS gewe_share
        FROM f JOIN budget_lines_resolved b ON b.resolved_project_key = f.project_key
        WHERE b.source_kind = 'budget' AND b.breakdown IN ('activity', 'cost') GROUP BY b.agency ORDER BY b.agency""",
                         filters)


def marker_mix(con: duckdb.DuckDBPyConnection, filters: Filters | None = None, by: str | None = None) -> pd.DataFrame:
    """Projects and budget per gender marker (0–3; null where not stated), overall or by country/agency."""
    if by == "country":
        source, key = "(SELECT unnest(countries) AS country, * FROM f)", "country, "
    elif by == "agency":
        source = ("(SELECT a.agency, f.* FROM f JOIN agency_lines a ON a.project_key = f.project_key)")
        key = "agency, "
    else:
        source, key = "f", ""
    return project_query(con, f"SELECT {key}gender_marker, count(DISTINCT project_key) AS projects, "
                              f"sum(budget_usd) AS budget_usd FROM {source} GROUP BY ALL ORDER BY ALL", filters)


def sex_disaggregated(con: duckdb.DuckDBPyConnection, filters: Filters | None = None, by: str = "country",
                      limit: int | None = None) -> pd.DataFrame:
    """Women and men reached (from current-progress cells), and women's share of people counted by sex;
    with `limit`, the groups reaching most people first."""
    filters = filters or Filters()
    if by == "project" and uses_materialized(filters) and not filters.outcome_number():
        limit_sql = f" ORDER BY coalesce(women, 0) + coalesce(men, 0) DESC, project LIMIT {int(limit)}" if limit \
            else " ORDER BY project"
        return project_query(con, f"""
            SELECT f.project_key AS project, n.women, n.men, n.women_of_split / nullif(n.people_of_split, 0) AS women_share,
                   n.indicators_disaggregated, n.indicators_missing_split
            FROM f JOIN mx_project_counts n ON n.project_key = f.project_key
            WHERE n.indicators > 0{limit_sql}""", filters)  # as the live grouping: projects with indicators
    group = {"country": "country", "agency": "agency", "outcome": "project_key || ' / ' || coalesce(outcome, '?')",
             "project": "project_key"}[by]
    source = {"country": "(SELECT unnest(countries) AS country, * FROM i)",
              "agency": "(SELECT a.agency, i.* FROM i JOIN agency_budgets a ON a.source_sha256 = i.source_sha256)",
              }.get(by, "i")
    return indicator_query(con, f"""
        SELECT {group} AS {by}, sum(women) AS women, sum(men) AS men,
               sum(women) FILTER (WHERE men IS NOT NULL)
                   / nullif(sum(women + men) FILTER (WHERE men IS NOT NULL), 0) AS women_share,
               count(*) FILTER (WHERE women IS NOT NULL OR men IS NOT NULL) AS indicators_disaggregated,
               count(*) FILTER (WHERE should_be_disaggregated AND women IS NULL AND men IS NULL
                                AND current_unit = 'number') AS indicators_missing_split
        FROM {source} GROUP BY ALL ORDER BY {"coalesce(sum(women), 0) + coalesce(sum(men), 0) DESC, 1" if limit else "ALL"}
        {f"LIMIT {int(limit)}" if limit else ""}""", filters)
