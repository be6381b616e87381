"""Run a metric query (CTEs + a final SELECT) on a connection and get a DataFrame."""
from __future__ import annotations

import duckdb
import pandas as pd

from metrics.as_of_tables import DATABASE, tables_for
from metrics.base import Filters, indicator_ctes, project_ctes


def project_query(con: duckdb.DuckDBPyConnection, select: str, filters: Filters | None = None,
                  params: list | None = None, more_ctes: str = "", keep: bool = True) -> pd.DataFrame:
    """`select` may read `f` (filtered project_facts), `current_source`, `agency_lines` and `more_ctes`
    (written `name AS (…)`, comma-separated). Without `keep`, a date read once (metrics/as_of_tables.py)."""
    return _run(project_ctes, con, select, filters or Filters(), params or [], more_ctes, keep)


def indicator_query(con: duckdb.DuckDBPyConnection, select: str, filters: Filters | None = None,
                    params: list | None = None, more_ctes: str = "", keep: bool = True) -> pd.DataFrame:
    """`select` may also read `i` (indicators of the filtered projects' current reports) and
    `indicator_status` (their slim rows: metrics/base.py)."""
    return _run(indicator_ctes, con, select, filters or Filters(), params or [], more_ctes, keep)


def metric_ctes(ctes, con: duckdb.DuckDBPyConnection, filters: Filters, keep: bool = True) -> tuple[str, list]:
    """The CTEs over the stored tables, the tables as of the filters' date, or computed afresh."""
    tables = tables_for(con, filters, keep)
    return ctes(filters, live=True) if tables is None else ctes(filters, tables=tables)


def _run(ctes, con, select: str, filters: Filters, params: list, more_ctes: str, keep: bool) -> pd.DataFrame:
    extra = f", {more_ctes}" if more_ctes else ""
    sql, base_params = metric_ctes(ctes, con, filters, keep)
    try:
        return con.execute(sql + extra + "\n" + select, base_params + params).df()
    except duckdb.CatalogException:
        if f"{DATABASE}." not in sql:
            raise
    # another session's date pushed this date's tables out between finding and reading them: built again
    sql, base_params = metric_ctes(ctes, con, filters, keep)
    return con.execute(sql + extra + "\n" + select, base_params + params).df()
