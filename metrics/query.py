"""Run a metric query (CTEs + a final SELECT) on a connection and get a DataFrame."""
from __future__ import annotations

import duckdb
import pandas as pd

from metrics.as_of_tables import tables_for
from metrics.base import Filters, indicator_ctes, project_ctes


def project_query(con: duckdb.DuckDBPyConnection, select: str, filters: Filters | None = None,
                  params: list | None = None, more_ctes: str = "") -> pd.DataFrame:
    """`select` may read `f` (filtered project_facts), `current_source` and `more_ctes`
    (written `name AS (…)`, comma-separated)."""
    filters = filters or Filters()
    sql, base_params = metric_ctes(project_ctes, con, filters)
    extra = f", {more_ctes}" if more_ctes else ""
    return con.execute(sql + extra + "\n" + select, base_params + (params or [])).df()


def indicator_query(con: duckdb.DuckDBPyConnection, select: str, filters: Filters | None = None,
                    params: list | None = None, more_ctes: str = "") -> pd.DataFrame:
    """`select` may also read `i` (indicators of the filtered projects' current reports)."""
    filters = filters or Filters()
    sql, base_params = metric_ctes(indicator_ctes, con, filters)
    extra = f", {more_ctes}" if more_ctes else ""
    return con.execute(sql + extra + "\n" + select, base_params + (params or [])).df()


def metric_ctes(ctes, con: duckdb.DuckDBPyConnection, filters: Filters) -> tuple[str, list]:
    """The CTEs over the stored tables, the tables as of the filters' date, or computed afresh."""
    tables = tables_for(con, filters)
    return ctes(filters, live=True) if tables is None else ctes(filters, tables=tables)
