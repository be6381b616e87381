"""Pre-computed facts, refreshed at the end of every write to the store (loaders/store/session.py):
each project's facts and each current indicator's status, so that a page's queries filter a
ready table instead of recomputing dates, regexes and statuses every time."""
from __future__ import annotations

import duckdb

from metrics.base import Filters, indicator_ctes, project_ctes
from metrics.quality import flags_select

TABLES = ("mx_current_source", "mx_project_facts", "mx_indicators", "mx_quality_flags", "mx_budget_lines")


def refresh(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild the mx_* tables from the store, in one transaction."""
    everything = Filters()
    project_sql, project_params = project_ctes(everything, live=True)
    indicator_sql, indicator_params = indicator_ctes(everything, live=True)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("CREATE OR REPLACE TABLE mx_budget_lines AS SELECT * FROM budget_lines_resolved")
        con.execute(f"CREATE OR REPLACE TABLE mx_current_source AS {project_sql} SELECT * FROM current_source",
                    project_params)
        con.execute(f"CREATE OR REPLACE TABLE mx_project_facts AS {project_sql} SELECT * FROM project_facts",
                    project_params)
        con.execute(f"CREATE OR REPLACE TABLE mx_indicators AS {indicator_sql} SELECT * FROM i", indicator_params)
        con.execute(f"CREATE OR REPLACE TABLE mx_quality_flags AS {indicator_sql} {flags_select()}", indicator_params)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
