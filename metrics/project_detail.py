"""One project end to end: its files, agencies, report history, outcomes and comments."""
from __future__ import annotations

import duckdb
import pandas as pd

from loaders.store.corrections import stale_corrections as stale
from metrics.base import Filters, project_ctes, reported_by
from metrics.query import project_query
from metrics.rollups import AGENCY_BUDGET

# The figures a correction may move besides the one it corrects (expenditure = rate × budget where a
# project reports only a rate; the GEWE share over a corrected budget), in the trail's `moves`.
MOVING = ("budget_usd", "expenditure_estimate_usd", "delivery_rate", "gewe_share", "gewe_spend_rate")


def live_figures(con: duckdb.DuckDBPyConnection, project_key: str) -> dict:
    """A project's derived figures computed afresh from the base tables (inside a write, before the
    pre-computed tables are refreshed); rounded so that a figure that did not move compares equal."""
    sql, params = project_ctes(Filters(project=project_key), live=True)
    row = con.execute(sql + f"SELECT {', '.join(MOVING)} FROM f", params).fetchone()
    if row is None:
        return {}
    return {name: (None if value is None else round(float(value), 6)) for name, value in zip(MOVING, row, strict=True)}


def project_sources(con: duckdb.DuckDBPyConnection, project_key: str) -> pd.DataFrame:
    """Every file read about the project (reports, and workbooks joined through its numbers)."""
    return con.execute("""
        SELECT s.file_name, s.kind, s.format, s.report_period, s.ingested_at, s.superseded_by IS NOT NULL AS superseded,
               len(s.warnings) AS warnings, len(s.ocr_pages) AS ocr_pages, s.sha256
        FROM sources s WHERE s.project_key = ?
           OR s.sha256 IN (SELECT source_sha256 FROM budget_lines_resolved WHERE resolved_project_key = ?)
        ORDER BY s.ingested_at""", [project_key, project_key]).df()


def current_missing(con: duckdb.DuckDBPyConnection, project_key: str, as_of: str | None = None) -> list[str]:
    """The headline fields the project's latest active report did not yield (REPORT.md `missing`);
    as of a date, those its current report then did not yield."""
    if as_of:
        found = project_query(con, """SELECT coalesce(s.missing, []) AS missing FROM current_source c
                                      JOIN active_sources s ON s.sha256 = c.sha256 WHERE c.project_key = ?""",
                              Filters(project=project_key, as_of=as_of), [project_key])
        return list(found["missing"].iloc[0]) if len(found) else []
    row = con.execute("""
        SELECT coalesce(missing, []) FROM active_sources
        WHERE project_key = ? AND kind IN ('progress_report', 'final_review', 'unknown')
        ORDER BY report_period DESC, ingested_at DESC LIMIT 1""", [project_key]).fetchone()
    return list(row[0]) if row else []


def headline_locations(con: duckdb.DuckDBPyConnection, project_key: str, as_of: str | None = None) -> pd.DataFrame:
    """Where each headline figure of the project's current report (as of a date, if given) was read:
    field, file, location, how (`text`, `ocr`) and the file's SHA-256 (to show the passage from the
    kept original)."""
    return project_query(con, """
        SELECT l.field, s.file_name, l.location, coalesce(l.source, 'text') AS source, l.source_sha256
        FROM field_locations l
        JOIN current_source c ON c.sha256 = l.source_sha256 JOIN sources s ON s.sha256 = l.source_sha256
        WHERE c.project_key = ? ORDER BY l.field""", Filters(project=project_key, as_of=as_of), [project_key])


def uncertain_figures(con: duckdb.DuckDBPyConnection, project_key: str, as_of: str | None = None) -> pd.DataFrame:
    """Figures of the project's current report (as of a date, if given) that OCR read with low confidence and no one has
    confirmed or corrected yet (a correction of the field settles it): field, read, confidence,
    location, file."""
    return project_query(con, """
        SELECT u.field, u.read, u.confidence, u.location, s.file_name FROM uncertain_figures u
        JOIN current_source c ON c.sha256 = u.source_sha256 JOIN sources s ON s.sha256 = u.source_sha256
        WHERE c.project_key = ?
          AND u.field NOT IN (SELECT field FROM active_corrections WHERE project_key = ?)
        ORDER BY u.field, u.read""", Filters(project=project_key, as_of=as_of), [project_key, project_key])


def stale_corrections(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Active corrections whose file now says something else than when they were entered."""
    return stale(con)


def report_history(con: duckdb.DuckDBPyConnection, project_key: str, as_of: str | None = None) -> pd.DataFrame:
    """The project's reports over time: type, date and implementation rate (active files only); as of
    a date, those whose period had ended by then (and undated ones)."""
    by_then, by_then_params = reported_by(as_of)
    return con.execute(f"""
        SELECT r.type, r.date, r.implementation_rate, r.gender_allocated_usd, r.gender_spent_usd, s.file_name
        FROM reports r JOIN active_sources s ON s.sha256 = r.source_sha256
        WHERE r.project_key = ? AND {by_then} ORDER BY r.date NULLS FIRST""",
                       [project_key] + by_then_params).df()


def agency_budget_table(con: duckdb.DuckDBPyConnection, project_key: str, as_of: str | None = None) -> pd.DataFrame:
    """Budget per agency as the project's current report (as of a date, if given) gives it, agency budgets corrected by hand
    in place (`corrected`). A sole recipient whose budget no file splits out has the project's budget
    (`whole_project`), as in the Delivery page's roll-up by agency."""
    return project_query(con, f"""
        SELECT a.agency, a.raw_name, a.lead, {AGENCY_BUDGET} AS budget_usd,
               a.budget_usd IS NULL AND {AGENCY_BUDGET} IS NOT NULL AS whole_project,
               a.corrected, a.location
        FROM agency_lines a JOIN f ON f.project_key = a.project_key
        WHERE a.project_key = ? ORDER BY a.lead DESC NULLS LAST, a.agency""", Filters(project=project_key, as_of=as_of),
                         [project_key])


def project_comments(con: duckdb.DuckDBPyConnection, project_key: str, as_of: str | None = None) -> pd.DataFrame:
    """Reviewer comments in the project's active files, with the row or place they sit on; as of a
    date, only those in files of reports whose period had ended by then (or undated ones)."""
    by_then, by_then_params = reported_by(as_of)
    return con.execute(f"""
        SELECT c.author, c.text, c.indicator_code, c.location, s.file_name FROM comments c
        JOIN active_sources s ON s.sha256 = c.source_sha256
        LEFT JOIN reports r ON r.source_sha256 = c.source_sha256 AND r.project_key = c.project_key
        WHERE c.project_key = ? AND {by_then} ORDER BY s.file_name, c.location""",
                       [project_key] + by_then_params).df()


def indicator_comments(con: duckdb.DuckDBPyConnection, sha256: str, code: str) -> pd.DataFrame:
    """Comments left on one indicator row."""
    return con.execute("SELECT author, text, location FROM comments WHERE source_sha256 = ? AND indicator_code = ?",
                       [sha256, code]).df()


def all_sources(con: duckdb.DuckDBPyConnection, limit: int = 1000) -> pd.DataFrame:
    """The most recently ingested files (the Data page's list), newest first."""
    return con.execute(f"""
        SELECT file_name, kind, format, project_key, report_period, ingested_at, superseded_by IS NOT NULL AS superseded,
               len(warnings) AS warnings, coalesce(missing, []) AS missing, sha256
        FROM sources ORDER BY ingested_at DESC, file_name LIMIT {int(limit)}""").df()


def source_warnings(con: duckdb.DuckDBPyConnection, project_key: str | None = None, limit: int = 1000) -> pd.DataFrame:
    """Each warning a reader gave, file by file (the files of one project, or every file): what the
    warning counts beside the files lists stand for."""
    where = "WHERE project_key = ?" if project_key else ""
    return con.execute(f"""
        SELECT file_name, unnest(warnings) AS warning FROM sources {where}
        ORDER BY ingested_at DESC, file_name LIMIT {int(limit)}""", [project_key] if project_key else []).df()


def source_count(con: duckdb.DuckDBPyConnection) -> int:
    """How many files the store holds."""
    return int(con.execute("SELECT count(*) FROM sources").fetchone()[0])


def outcome_statements(con: duckdb.DuckDBPyConnection, project_key: str) -> dict[str, str]:
    """Outcome number → statement, from the project's active files."""
    rows = con.execute("""SELECT o.number, any_value(o.statement) FROM outcomes o JOIN active_sources s
                          ON s.sha256 = o.source_sha256 WHERE o.project_key = ? AND o.statement IS NOT NULL
                          GROUP BY o.number""", [project_key]).fetchall()
    return dict(rows)
