"""Indicators: progress toward target, status with the reason it was given, delay-reason
categories, and status counts rolled up by country, agency, outcome and report period."""
from __future__ import annotations

import duckdb
import pandas as pd

from metrics.base import Filters
from metrics.query import indicator_query

STATUSES = ["achieved", "on track", "behind", "not started", "no data", "qualitative"]
INDICATOR_COLUMNS = """project_key, project_title, countries, code, level, outcome, output, statement,
    baseline_raw, baseline_value, target_raw, target_value, milestone_raw, milestone_value, current_raw,
    current_value, current_unit, progress, status, status_reason, women, men, reason, reason_categories,
    should_be_disaggregated, location, file_name, source_sha256, report_type, report_date, row_number"""


def indicator_table(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> pd.DataFrame:
    """Every indicator of the filtered projects' current reports, with status and reason."""
    return indicator_query(con, f"SELECT {INDICATOR_COLUMNS} FROM i ORDER BY project_key, row_number", filters)


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
