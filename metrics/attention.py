"""Projects needing attention: behind on delivery, most indicators behind, most data-quality flags,
with what makes each one need it (the gap, the indicators behind and their commonest delay
category, the flags)."""
from __future__ import annotations

import duckdb
import pandas as pd

from metrics.base import Filters, uses_materialized
from metrics.query import indicator_query

_LIVE_COUNTS = """counts AS (
    SELECT f.project_key, coalesce(n.total, 0) AS indicators, coalesce(n.behind, 0) AS indicators_behind,
           coalesce(q.flags, 0) AS flags
    FROM f
    LEFT JOIN (SELECT project_key, count(*) FILTER (WHERE status = 'behind') AS behind, count(*) AS total
               FROM i GROUP BY project_key) n ON n.project_key = f.project_key
    LEFT JOIN (SELECT project_key, count(*) AS flags FROM mx_quality_flags GROUP BY project_key) q
           ON q.project_key = f.project_key)"""
_TOP_CATEGORY = """top AS (
    SELECT project_key, category AS top_delay_category FROM (
        SELECT project_key, category,
               row_number() OVER (PARTITION BY project_key ORDER BY count(*) DESC, category) AS rank
        FROM (SELECT project_key, unnest(reason_categories) AS category FROM i WHERE status = 'behind')
        GROUP BY project_key, category)
    WHERE rank = 1)"""  # the commonest category among the indicators behind; a tie goes to the first by name
_SELECT = """
    SELECT f.project_key, f.title, array_to_string(f.countries, ', ') AS countries, f.delivery_rate, f.delivery_source,
           f.time_elapsed, f.delivery_gap,
           f.behind, n.indicators_behind, n.indicators, n.flags, t.top_delay_category, f.left_out_reason
    FROM f JOIN {counts} n ON n.project_key = f.project_key LEFT JOIN top t ON t.project_key = f.project_key
    WHERE f.behind OR n.indicators_behind > 0 OR n.flags > 0
    ORDER BY f.behind DESC, n.indicators_behind DESC, n.flags DESC, f.project_key"""


def projects_needing_attention(con: duckdb.DuckDBPyConnection, filters: Filters | None = None,
                               limit: int | None = None) -> pd.DataFrame:
    """One row per project with something to look at, worst first: behind, then indicators behind, then flags;
    at most `limit` rows."""
    filters = filters or Filters()
    select = _SELECT + (f" LIMIT {int(limit)}" if limit else "")
    if uses_materialized(filters):  # counts pre-computed after every write
        return indicator_query(con, select.format(counts="mx_project_counts"), filters, more_ctes=_TOP_CATEGORY)
    return indicator_query(con, select.format(counts="counts"), filters, more_ctes=_LIVE_COUNTS + ", " + _TOP_CATEGORY)
