"""Projects needing attention: behind on delivery, most indicators behind, most data-quality flags,
with what makes each one need it (the gap, the indicators behind and their commonest delay
category, the flags)."""
from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from loaders.store.current import period_end
from metrics import settings
from metrics.base import Filters
from metrics.query import indicator_query

_COUNTS = """counts AS (
    SELECT f.project_key, coalesce(n.total, 0) AS indicators, coalesce(n.behind, 0) AS indicators_behind,
           coalesce(q.flags, 0) AS flags
    FROM f
    LEFT JOIN (SELECT project_key, count(*) FILTER (WHERE status = 'behind') AS behind, count(*) AS total
               FROM indicator_status GROUP BY project_key) n ON n.project_key = f.project_key
    LEFT JOIN (SELECT project_key, count(*) AS flags FROM mx_quality_flags GROUP BY project_key) q
           ON q.project_key = f.project_key)"""
_TOP_CATEGORY = """top AS (
    SELECT project_key, category AS top_delay_category FROM (
        SELECT project_key, category,
               row_number() OVER (PARTITION BY project_key ORDER BY count(*) DESC, category) AS rank
        FROM (SELECT project_key, unnest(behind_categories) AS category FROM indicator_status
              WHERE status = 'behind' AND project_key IN (SELECT project_key FROM picked))
        GROUP BY project_key, category)
    WHERE rank = 1)"""  # the commonest category among the indicators behind; a tie goes to the first by name
_LAST_REPORT = period_end("f.report_date")
# An open project (its end after the reference date) whose last progress report's period ended more
# than STALE_MONTHS before that date. Judged when asked, not when stored: today moves on.
_STALE = f"""(f.kind = 'progress_report' AND {_LAST_REPORT} IS NOT NULL AND f.end_day > {{reference}}
          AND {_LAST_REPORT} < {{reference}} - to_months({settings.STALE_MONTHS}))"""
_PICKED = """picked AS (
    SELECT f.project_key, f.title, array_to_string(f.countries, ', ') AS countries, f.delivery_rate, f.delivery_source,
           f.time_elapsed, f.delivery_gap,
           f.behind, n.indicators_behind, n.indicators, n.flags, f.left_out_reason,
           CASE WHEN {stale} THEN {last_report} END AS no_report_since, f.report_date
    FROM f JOIN {counts} n ON n.project_key = f.project_key
    WHERE f.behind OR n.indicators_behind > 0 OR n.flags > 0 OR {stale}
    ORDER BY f.behind DESC, n.indicators_behind DESC, n.flags DESC, f.project_key{limit})"""
# the projects shown are picked first, so that the delay categories are counted for those alone
_SELECT = """
    SELECT p.project_key, p.title, p.countries, p.delivery_rate, p.delivery_source, p.time_elapsed, p.delivery_gap,
           p.behind, p.indicators_behind, p.indicators, p.flags, t.top_delay_category, p.left_out_reason,
           p.no_report_since, p.report_date
    FROM picked p LEFT JOIN top t ON t.project_key = p.project_key
    ORDER BY p.behind DESC, p.indicators_behind DESC, p.flags DESC, p.project_key"""


def projects_needing_attention(con: duckdb.DuckDBPyConnection, filters: Filters | None = None,
                               limit: int | None = None, today: dt.date | None = None) -> pd.DataFrame:
    """One row per project with something to look at, worst first: behind, then indicators behind, then flags,
    then no report for more than STALE_MONTHS (`no_report_since`: the end of the last report's period, judged
    at the as-of date, else `today`); with the date of the report the rates come from; at most `limit` rows."""
    filters = filters or Filters()
    limit_sql = f" LIMIT {int(limit)}" if limit else ""
    reference = dt.date.fromisoformat(filters.as_of) if filters.as_of else (today or dt.date.today())
    stale = _STALE.format(reference=f"DATE '{reference.isoformat()}'")
    shape = {"limit": limit_sql, "stale": stale, "last_report": _LAST_REPORT}
    picked = _PICKED.format(counts="counts", **shape)
    return indicator_query(con, _SELECT, filters, more_ctes=_COUNTS + ", " + picked + ", " + _TOP_CATEGORY)
