"""An integrity check of our own: every fact row belongs to a known file, and every file holds
exactly the rows it recorded when it was written (all of its rows or none)."""
from __future__ import annotations

import duckdb

# every table whose rows are read from one file (`source_sha256`): removing a file empties them of it
FACT_TABLES = ("projects", "reports", "agency_budgets", "outcomes", "outputs", "indicators", "comments",
               "budget_lines", "project_aliases", "field_locations", "uncertain_figures")


def integrity_problems(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Plain-words problems; an empty list means the store is consistent."""
    problems = []
    for table in FACT_TABLES:
        orphans = con.execute(f"SELECT count(*) FROM {table} WHERE source_sha256 NOT IN (SELECT sha256 FROM sources)"
                              ).fetchone()[0]
        if orphans:
            problems.append(f"{table}: {orphans} rows from no known file")
    mismatched = con.execute("""
        SELECT s.file_name, s.indicator_rows, (SELECT count(*) FROM indicators i WHERE i.source_sha256 = s.sha256),
               s.budget_line_rows, (SELECT count(*) FROM budget_lines b WHERE b.source_sha256 = s.sha256)
        FROM sources s""").fetchall()
    for name, want_indicators, indicators, want_lines, lines in mismatched:
        if want_indicators is not None and want_indicators != indicators:
            problems.append(f"{name}: {indicators} indicators stored, {want_indicators} written")
        if want_lines is not None and want_lines != lines:
            problems.append(f"{name}: {lines} budget lines stored, {want_lines} written")
    missing = con.execute("""SELECT file_name FROM sources WHERE kind NOT IN ('budget', 'financial_export')
                             AND sha256 NOT IN (SELECT source_sha256 FROM reports)""").fetchall()
    problems += [f"{name}: no report row" for (name,) in missing]
    return problems
