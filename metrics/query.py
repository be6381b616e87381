"""Run a metric query (CTEs + a final SELECT) on a connection and get a DataFrame."""
from __future__ import annotations

import duckdb
import pandas as pd

from metrics.base import Filters, indicator_ctes, project_ctes


def project_query(con: duckdb.DuckDBPyConnection, select: str, filters: Filters | None = None,
                  params: list | None = None, more_ctes: str = "") -> pd.DataFrame:
    """`select` may read `f` (filtered project_facts), `current_source` and `more_ctes`
    (written `name AS (…)`, comma-separated)."""
    sql, base_params = project_ctes(filters or Filters())
    extra = f", {more_ctes}" if more_ctes else ""
    return con.execute(sql + extra + "\n" + select, base_params + (params or [])).df()


def indicator_query(con: duckdb.DuckDBPyConnection, select: str, filters: Filters | None = None,
                    params: list | None = None, more_ctes: str = "") -> pd.DataFrame:
    """`select` may also read `i` (indicators of the filtered projects' current reports)."""
    sql, base_params = indicator_ctes(filters or Filters())
    extra = f", {more_ctes}" if more_ctes else ""
    return con.execute(sql + extra + "\n" + select, base_params + (params or [])).df()
