"""The facts of the portfolio as of a chosen date, computed once and kept beside the store while it
is open, so that a page asking for that date reads small ready tables instead of recomputing
every project's current report, dates and indicator statuses in each of its queries.

As of today the stored mx_* tables answer (metrics/materialize.py); as of another date a page's
queries used to compute the whole chain afresh, each on its own: at 20,000 projects the Overview
ran it about fifteen times. Now the first query for a date builds, in an in-memory database
attached to the connection (`lens_as_of`, shared by all the connection's cursors), one schema per
date holding what metrics/base.py reads in place of the stored tables:

- mx_current_source, mx_corrections_in_force, mx_project_facts: the project CTEs as of that date
  (the same SQL as the stored tables, with the date); the agency lines are found when a query asks;
- mx_indicator_status: one slim row per current indicator (metrics/base.STATUS_ROWS: its status,
  and the folded delay reason of those behind), what the portfolio's counts read. The whole
  indicator rows are not kept (at 20,000 projects they took 445 MB, against 44 MB for these); a
  query that lists indicators computes them afresh over the project tables above.

A query narrowed to one project (the Project page's statuses report by report), or for a date read
once (the "then" of a comparison: its headline, its projects, its statuses, each in one query), reads
a date's tables when they are already there and does not build them: computing afresh is cheaper.
Building a date costs 0.65-0.9 s at 20,000 projects; a comparison's "then" computed afresh, 0.9 s
in all, and nothing on the page's second date would read the tables again.

Only on a read-only connection (the app's, the command line's): its store cannot change under it,
and a new file swapped in comes with a new connection. A connection that writes keeps computing
afresh. At most KEEP dates are kept; the oldest is dropped first."""
from __future__ import annotations

import datetime as dt
import os
import threading

import duckdb

from metrics.base import STATUS_ROWS, Filters, indicator_tail, project_ctes, uses_materialized

DATABASE = "lens_as_of"
# dates kept per open store: the dates a few people are looking at (LENS_AS_OF_DATES; 0 keeps none)
KEEP = int(os.environ.get("LENS_AS_OF_DATES", "4"))
ENABLED = True  # tests turn it off to compare with the queries computed afresh
_BUILDING = threading.Lock()  # one build at a time in this process: a second caller waits, then reads it
_PROJECT_TABLES = ("current_source", "corrections_in_force", "project_facts")


def tables_for(con: duckdb.DuckDBPyConnection, filters: Filters, keep: bool = True) -> str | None:
    """Where the metric queries read their facts: "" (the stored tables), the prefix of the tables
    as of the filters' date, or None (compute them afresh). Without `keep` (a date read once, such as
    a comparison's "then"), a date's tables are read if they are there and not built."""
    if uses_materialized(filters):
        return ""
    if not ENABLED or KEEP <= 0 or not filters.as_of or not _read_only(con):
        return None
    schema = dt.date.fromisoformat(filters.as_of).strftime("d%Y%m%d")  # a date, never other text, names the schema
    if not _exists(con, schema):
        if not keep or filters.project or filters.outcome or filters.projects is not None:
            return None  # read once, or one project (a Project page's report by report): cheaper computed afresh
        with _BUILDING:
            if not _exists(con, schema):
                _build(con, filters.as_of, schema)
    return f"{DATABASE}.{schema}."


def _read_only(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute("SELECT readonly FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
    return bool(row and row[0])


def _exists(con: duckdb.DuckDBPyConnection, schema: str) -> bool:
    return con.execute("SELECT count(*) FROM duckdb_schemas() WHERE database_name = ? AND schema_name = ?",
                       [DATABASE, schema]).fetchone()[0] > 0


def _build(con: duckdb.DuckDBPyConnection, as_of: str, schema: str) -> None:
    """Compute the tables as of `as_of` into `schema`, all or nothing, and drop the oldest dates past KEEP."""
    con.execute(f"ATTACH IF NOT EXISTS ':memory:' AS {DATABASE} (READ_WRITE)")  # the store itself is read-only
    con.execute(f"CREATE TABLE IF NOT EXISTS {DATABASE}.main.built (schema_name VARCHAR, n BIGINT)")
    everything = Filters(as_of=as_of)
    target = f"{DATABASE}.{schema}"
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"CREATE SCHEMA {target}")
        sql, params = project_ctes(everything, live=True)
        for table in _PROJECT_TABLES:
            con.execute(f"CREATE TABLE {target}.mx_{table} AS {sql} SELECT * FROM {table}", params)
        # the indicators computed afresh over the project tables just built, not over their whole chain again
        sql, params = project_ctes(everything, tables=f"{target}.")
        tail, tail_params = indicator_tail(everything)
        sql, params = sql + tail, params + tail_params
        con.execute(f"CREATE TABLE {target}.mx_indicator_status AS {sql} SELECT {STATUS_ROWS} FROM i", params)
        con.execute(f"DELETE FROM {DATABASE}.main.built WHERE schema_name = ?", [schema])
        con.execute(f"INSERT INTO {DATABASE}.main.built SELECT ?, coalesce(max(n), 0) + 1 FROM {DATABASE}.main.built",
                    [schema])
        old = [row[0] for row in con.execute(f"SELECT schema_name FROM {DATABASE}.main.built ORDER BY n DESC "
                                             f"OFFSET {KEEP}").fetchall()]
        for name in old:
            con.execute(f"DROP SCHEMA IF EXISTS {DATABASE}.{name} CASCADE")
            con.execute(f"DELETE FROM {DATABASE}.main.built WHERE schema_name = ?", [name])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
