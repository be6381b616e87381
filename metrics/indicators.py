"""Indicators: progress toward target, status with the reason it was given, delay-reason
categories, and status counts rolled up by country, agency, outcome and report period."""
from __future__ import annotations

import duckdb
import pandas as pd

from metrics.base import Filters
from metrics.query import indicator_query

STATUSES = ["achieved", "on track", "behind", "not started", "no data", "qualitative"]
INDICATOR_COLUMNS = """project_key, project_title, code, level, outcome, statement, baseline_raw, milestone_raw, target_raw,
    current_raw, current_value, progress, status, status_reason, women, men, reason,
    array_to_string(reason_categories, ', ') AS reason_categories, location, file_name, source_sha256, row_number,
    len(corrected_cells) > 0 AS corrected"""


def indicator_table(con: duckdb.DuckDBPyConnection, filters: Filters | None = None, statuses: tuple = (),
                    categories: tuple = (), level: str | None = None, search: str = "",
                    limit: int | None = None) -> pd.DataFrame:
    """Indicators of the filtered projects' current reports, with status and reason; narrowed by status,
    delay-reason category, level and a case-insensitive search in statements and reasons."""
    clauses, params = _narrowing(statuses, categories, level, search)
    limit_sql = f" LIMIT {int(limit)}" if limit else ""
    return indicator_query(con, f"SELECT {INDICATOR_COLUMNS} FROM i WHERE {' AND '.join(clauses)} "
                                f"ORDER BY project_key, row_number{limit_sql}", filters, params)


def _narrowing(statuses: tuple, categories: tuple, level: str | None, search: str) -> tuple[list[str], list]:
    """WHERE clauses and parameters of the Indicators page's own filters."""
    clauses, params = ["TRUE"], []
    if statuses:
        clauses.append("list_contains(?, status)")
        params.append(list(statuses))
    if categories:
        clauses.append("len(list_intersect(reason_categories, ?)) > 0")
        params.append(list(categories))
    if level:
        clauses.append("level = ?")
        params.append(level)
    if search:
        clauses.append("(contains(lower(statement), lower(?)) OR contains(lower(coalesce(reason, '')), lower(?)))")
        params += [search, search]
    return clauses, params


def indicator_match_count(con: duckdb.DuckDBPyConnection, filters: Filters | None = None, statuses: tuple = (),
                          categories: tuple = (), level: str | None = None, search: str = "") -> int:
    """How many indicators `indicator_table` would list without its limit."""
    clauses, params = _narrowing(statuses, categories, level, search)
    return int(indicator_query(con, f"SELECT count(*) AS n FROM i WHERE {' AND '.join(clauses)}", filters,
                               params)["n"].iloc[0])


def indicator_count(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> int:
    """How many indicators the filtered projects' current reports hold."""
    return int(indicator_query(con, "SELECT count(*) AS n FROM i", filters)["n"].iloc[0])


def status_counts(con: duckdb.DuckDBPyConnection, filters: Filters | None = None, by: str | None = None) -> pd.DataFrame:
    """Count and share of indicators per status, overall or by country, agency, outcome or period."""
    groups = {
        None: ("", "i"),
        "country": ("country, ", "(SELECT unnest(countries) AS country, * FROM i)"),
        "agency": ("agency, ", "(SELECT a.agency, i.* FROM i JOIN agency_budgets a "
                               "ON a.source_sha256 = i.source_sha256)"),
        "outcome": ("project_key, outcome, ", "i"),
        "period": ("report_type, report_date, ", "i"),
    }
    key, source = groups[by]
    partition = f"PARTITION BY {key.rstrip(', ')}" if key else ""
    return indicator_query(con, f"""
        SELECT *, indicators / sum(indicators) OVER ({partition}) AS share
        FROM (SELECT {key}status, count(*) AS indicators FROM {source} GROUP BY ALL) ORDER BY ALL""", filters)


def delay_reason_counts(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> pd.DataFrame:
    """Indicators per delay-reason category (an indicator may count in several)."""
    return indicator_query(con, """
        SELECT category, count(*) AS indicators FROM (SELECT unnest(reason_categories) AS category FROM i)
        GROUP BY category ORDER BY indicators DESC, category""", filters)
