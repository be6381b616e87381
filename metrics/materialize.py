"""Pre-computed facts, refreshed at the end of every write to the store (loaders/store/session.py):
each project's facts and each current indicator's status, so that a page's queries filter a
ready table instead of recomputing dates, regexes and statuses every time.

A write refreshes only the projects it changed: `snapshot()` notes the files before the write;
`refresh()` then finds the projects whose files, or whose resolved budget lines, differ, deletes
their rows from the mx_* tables and inserts them computed afresh (the same queries as a full
rebuild, narrowed to those projects). Without a snapshot, with the tables missing or changed in
shape, or when most projects changed, it rebuilds everything."""
from __future__ import annotations

import hashlib

import duckdb

from metrics.base import Filters, indicator_ctes, project_ctes
from metrics.quality import flags_select

TABLES = ("mx_current_source", "mx_project_facts", "mx_agency_lines", "mx_indicators", "mx_quality_flags",
          "mx_budget_lines", "mx_project_counts")


SNAPSHOT = "lens_sources_before"
PER_PROJECT = ("mx_current_source", "mx_project_facts", "mx_agency_lines", "mx_indicators", "mx_quality_flags",
               "mx_project_counts")
FULL_REBUILD_SHARE = 0.2  # past this share of projects changed, one rebuild is cheaper than many narrow ones


def definition() -> str:
    """A fingerprint of the queries the mx_* tables hold: when a metric's definition changes, the
    stored tables are stale and are rebuilt (by the next write, or by the app's first read)."""
    everything = Filters()
    text = (" ".join(TABLES) + project_ctes(everything, live=True)[0] + indicator_ctes(everything, live=True)[0]
            + flags_select() + _COUNTS)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def is_current(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the store's mx_* tables were built by today's metric definitions."""
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'metrics_definition'").fetchone()
    except duckdb.Error:
        return False
    return row is not None and row[0] == definition()


def install() -> None:
    """Make every write to the store refresh these tables, and every correction note what else it
    moved (the composition points call this)."""
    from loaders.store.corrections import install_figures
    from loaders.store.session import WriteHooks, install_write_hooks
    from metrics.project_detail import live_figures

    install_write_hooks(WriteHooks(before=snapshot, after=refresh, current=is_current))
    install_figures(live_figures)


def snapshot(con: duckdb.DuckDBPyConnection) -> None:
    """Note the files as they are before a write, so that `refresh` can narrow itself to what changed."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE {SNAPSHOT} AS SELECT sha256, project_key, superseded_by FROM sources")
    con.execute(f"CREATE OR REPLACE TEMP TABLE {SNAPSHOT}_corrections AS SELECT id, project_key FROM corrections")


def refresh(con: duckdb.DuckDBPyConnection) -> None:
    """Bring the mx_* tables up to date with the store, in one transaction."""
    keys = _changed_projects(con) if is_current(con) else None
    con.execute("BEGIN TRANSACTION")
    try:
        if keys is None:
            _rebuild(con)
        elif keys:
            _refresh_projects(con, sorted(keys))
        con.execute("COMMIT")
    except duckdb.Error:
        con.execute("ROLLBACK")
        con.execute("BEGIN TRANSACTION")  # a table whose shape changed: rebuild it all
        try:
            _rebuild(con)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    con.execute(f"DROP TABLE IF EXISTS {SNAPSHOT}")
    con.execute(f"DROP TABLE IF EXISTS {SNAPSHOT}_corrections")


def _changed_projects(con) -> set[str] | None:
    """Projects whose files or resolved budget lines differ from the snapshot; None: rebuild everything."""
    tables = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    if SNAPSHOT not in tables or not set(TABLES) <= tables:
        return None
    keys = {row[0] for row in con.execute(f"""
        SELECT project_key FROM ((SELECT sha256, project_key, superseded_by FROM sources EXCEPT
                                  SELECT * FROM {SNAPSHOT}) UNION ALL
                                 (SELECT * FROM {SNAPSHOT} EXCEPT
                                  SELECT sha256, project_key, superseded_by FROM sources))
        UNION SELECT project_key FROM (SELECT id, project_key FROM corrections EXCEPT
                                       SELECT * FROM {SNAPSHOT}_corrections)
        UNION SELECT resolved_project_key FROM ((SELECT * FROM budget_lines_resolved EXCEPT SELECT * FROM mx_budget_lines)
                                                UNION ALL
                                                (SELECT * FROM mx_budget_lines EXCEPT SELECT * FROM budget_lines_resolved))
        """).fetchall() if row[0] is not None}
    projects = con.execute("SELECT count(*) FROM mx_project_facts").fetchone()[0]
    return None if len(keys) > max(50, FULL_REBUILD_SHARE * projects) else keys


def _rebuild(con) -> None:
    everything = Filters()
    project_sql, project_params = project_ctes(everything, live=True)
    indicator_sql, indicator_params = indicator_ctes(everything, live=True)
    con.execute("CREATE OR REPLACE TABLE mx_budget_lines AS SELECT * FROM budget_lines_resolved")
    con.execute(f"CREATE OR REPLACE TABLE mx_current_source AS {project_sql} SELECT * FROM current_source",
                project_params)
    con.execute(f"CREATE OR REPLACE TABLE mx_project_facts AS {project_sql} SELECT * FROM project_facts",
                project_params)
    con.execute(f"CREATE OR REPLACE TABLE mx_agency_lines AS {project_sql} SELECT * FROM agency_lines",
                project_params)
    con.execute(f"CREATE OR REPLACE TABLE mx_indicators AS {indicator_sql} SELECT * FROM i", indicator_params)
    con.execute(f"CREATE OR REPLACE TABLE mx_quality_flags AS {indicator_sql} {flags_select()}", indicator_params)
    con.execute(f"CREATE OR REPLACE TABLE mx_project_counts AS {_COUNTS}")
    con.execute("INSERT OR REPLACE INTO meta VALUES ('metrics_definition', ?)", [definition()])


def _refresh_projects(con, keys: list[str]) -> None:
    """Delete the changed projects' rows and insert them computed afresh (the rebuild's queries, narrowed)."""
    narrowed = Filters(projects=tuple(keys))
    project_sql, project_params = project_ctes(narrowed, live=True)
    indicator_sql, indicator_params = indicator_ctes(narrowed, live=True)
    for table in PER_PROJECT:
        con.execute(f"DELETE FROM {table} WHERE project_key = ANY(?)", [keys])
    con.execute("CREATE OR REPLACE TABLE mx_budget_lines AS SELECT * FROM budget_lines_resolved")
    con.execute(f"INSERT INTO mx_current_source {project_sql} SELECT * FROM current_source WHERE project_key = ANY(?)",
                project_params + [keys])
    con.execute(f"INSERT INTO mx_project_facts {project_sql} SELECT * FROM f", project_params)
    con.execute(f"INSERT INTO mx_agency_lines {project_sql} SELECT * FROM agency_lines WHERE project_key = ANY(?)",
                project_params + [keys])
    con.execute(f"INSERT INTO mx_indicators {indicator_sql} SELECT * FROM i", indicator_params)
    con.execute(f"INSERT INTO mx_quality_flags {indicator_sql} {flags_select()}", indicator_params)
    con.execute(f"INSERT INTO mx_project_counts SELECT * FROM ({_COUNTS}) WHERE project_key = ANY(?)", [keys])


_COUNTS = """
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
           ON q.project_key = p.project_key"""
