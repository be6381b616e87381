"""Pre-computed facts, refreshed at the end of every write to the store (loaders/store/session.py):
each project's facts and each current indicator's status, so that a page's queries filter a
ready table instead of recomputing dates, regexes and statuses every time."""
from __future__ import annotations

import duckdb

from metrics.base import Filters, indicator_ctes, project_ctes
from metrics.quality import flags_select

TABLES = ("mx_current_source", "mx_project_facts", "mx_indicators", "mx_quality_flags", "mx_budget_lines",
          "mx_project_counts")


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
        con.execute("""CREATE OR REPLACE TABLE mx_project_counts AS
            SELECT p.project_key, coalesce(n.total, 0) AS indicators, coalesce(n.behind, 0) AS indicators_behind,
                   coalesce(q.flags, 0) AS flags, n.women, n.men, n.women_of_split, n.people_of_split,
                   coalesce(n.disaggregated, 0) AS indicators_disaggregated,
                   coalesce(n.missing_split, 0) AS indicators_missing_split
            FROM mx_project_facts p
            LEFT JOIN (SELECT project_key, count(*) AS total, count(*) FILTER (WHERE status = 'behind') AS behind,
                              sum(women) AS women, sum(men) AS men,
                              sum(women) FILTER (WHERE men IS NOT NULL) AS women_of_split,
                              sum(women + men) FILTER (WHERE men IS NOT NULL) AS people_of_split,
                              count(*) FILTER (WHERE women IS NOT NULL OR men IS NOT NULL) AS disaggregated,
                              count(*) FILTER (WHERE should_be_disaggregated AND women IS NULL AND men IS NULL
                                               AND current_unit = 'number') AS missing_split
                       FROM mx_indicators GROUP BY project_key) n ON n.project_key = p.project_key
            LEFT JOIN (SELECT project_key, count(*) AS flags FROM mx_quality_flags GROUP BY project_key) q
                   ON q.project_key = p.project_key""")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
