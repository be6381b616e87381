"""Projects needing attention: behind on delivery, most indicators behind, most data-quality flags."""
from __future__ import annotations

import duckdb
import pandas as pd

from metrics.base import Filters
from metrics.query import indicator_query


def projects_needing_attention(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> pd.DataFrame:
    """One row per project with something to look at, worst first: behind, then indicators behind, then flags."""
    return indicator_query(con, """
        SELECT f.project_key, f.title, f.countries, f.delivery_rate, f.delivery_source, f.time_elapsed,
               f.delivery_gap, f.behind, coalesce(n.behind, 0) AS indicators_behind, coalesce(n.total, 0) AS indicators,
               coalesce(q.flags, 0) AS flags
        FROM f
        LEFT JOIN (SELECT project_key, count(*) FILTER (WHERE status = 'behind') AS behind, count(*) AS total
                   FROM i GROUP BY project_key) n ON n.project_key = f.project_key
        LEFT JOIN (SELECT project_key, count(*) AS flags FROM mx_quality_flags GROUP BY project_key) q
               ON q.project_key = f.project_key
        WHERE f.behind OR coalesce(n.behind, 0) > 0 OR coalesce(q.flags, 0) > 0
        ORDER BY f.behind DESC, indicators_behind DESC, flags DESC, f.project_key""", filters)
