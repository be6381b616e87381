"""Projects needing attention: behind on delivery, most indicators behind, most data-quality flags."""
from __future__ import annotations

import duckdb
import pandas as pd

from metrics.base import Filters
from metrics.quality import quality_flags
from metrics.query import indicator_query


def projects_needing_attention(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> pd.DataFrame:
    """One row per project with something to look at, worst first: behind, then indicators behind, then flags."""
    projects = indicator_query(con, """
        SELECT f.project_key, f.title, f.countries, f.delivery_rate, f.delivery_source, f.time_elapsed,
               f.delivery_gap, f.behind,
               (SELECT count(*) FROM i WHERE i.project_key = f.project_key AND i.status = 'behind') AS indicators_behind,
               (SELECT count(*) FROM i WHERE i.project_key = f.project_key) AS indicators
        FROM f""", filters)
    flags = quality_flags(con, filters).groupby("project_key").size().rename("flags")
    table = projects.merge(flags, left_on="project_key", right_index=True, how="left")
    table["flags"] = table["flags"].fillna(0).astype(int)
    table = table[(table["behind"]) | (table["indicators_behind"] > 0) | (table["flags"] > 0)]
    return table.sort_values(["behind", "indicators_behind", "flags"], ascending=False).reset_index(drop=True)
