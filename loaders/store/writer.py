"""The only module that writes to DuckDB. One transaction per file: a file lands whole or not
at all; a file whose sha256 is known changes nothing; a newer report of the same project and
period supersedes the older one (which stays, marked, for the record)."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import duckdb
import pandas as pd

from loaders.normalise.text import fold

SCHEMA_VERSION = "1"
_SCHEMA_SQL = (Path(__file__).with_name("schema.sql")).read_text(encoding="utf-8")
_CELLS = ("baseline", "target", "milestone", "current")


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table and view (once, when a database is new)."""
    con.execute(_SCHEMA_SQL)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])


def project_key(record: dict) -> str:
    """The key a project is known by across files: its first MPTF/Gateway number, else its title."""
    project = record.get("project") or {}
    ids = project.get("project_ids") or []
    if ids:
        return re.sub(r"\s+", " ", ids[0]).strip().upper()
    if project.get("title"):
        return "title:" + fold(project["title"])[:120]
    return "file:" + record["source"]["sha256"][:16]


def write_record(con: duckdb.DuckDBPyConnection, record: dict) -> str:
    """Store one parsed file in its own transaction. Returns 'added' or 'unchanged'."""
    sha = record["source"]["sha256"]
    if con.execute("SELECT 1 FROM sources WHERE sha256 = ?", [sha]).fetchone():
        return "unchanged"
    key = project_key(record)
    report = record.get("report") or {}
    period = f"{record.get('kind')}:{report.get('type') or '?'}:{report.get('date') or '?'}"
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "UPDATE sources SET superseded_by = ? WHERE project_key = ? AND report_period = ? AND superseded_by IS NULL",
            [sha, key, period])
        _insert_source(con, record, key, period)
        _insert_project(con, record, key)
        _insert_children(con, record, key)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return "added"


def remove_source(con: duckdb.DuckDBPyConnection, sha256: str) -> None:
    """Remove one file and everything read from it, in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        for table in ("projects", "reports", "agency_budgets", "outcomes", "outputs", "indicators", "comments",
                      "budget_lines"):
            con.execute(f"DELETE FROM {table} WHERE source_sha256 = ?", [sha256])
        con.execute("UPDATE sources SET superseded_by = NULL WHERE superseded_by = ?", [sha256])
        con.execute("DELETE FROM sources WHERE sha256 = ?", [sha256])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def _insert_source(con, record: dict, key: str, period: str) -> None:
    source = record["source"]
    con.execute(
        "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
        [source["sha256"], source["file"], source["format"], record.get("kind") or "unknown",
         source.get("language"), key, period, dt.datetime.now(dt.UTC).replace(tzinfo=None),
         source.get("loader_version", ""), list(record.get("warnings") or [])])


def _insert_project(con, record: dict, key: str) -> None:
    p = record.get("project") or {}
    sha = record["source"]["sha256"]
    con.execute(
        "INSERT INTO projects VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [key, sha, p.get("title"), p.get("project_ids") or [], p.get("countries") or [], p.get("window"),
         p.get("start_date"), p.get("end_date"), p.get("first_transfer_date"), p.get("duration_months"),
         p.get("gender_marker"), p.get("risk_marker"), p.get("total_budget_usd")])
    r = record.get("report") or {}
    con.execute(
        "INSERT INTO reports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [sha, key, record.get("kind") or "unknown", r.get("type"), r.get("date"), r.get("implementation_rate"),
         r.get("gender_allocated_usd"), r.get("gender_spent_usd"), r.get("evaluation_budget_usd"),
         r.get("covid_adjustment_usd")])
    agencies = [[sha, key, a["agency"], a.get("raw"), bool(a.get("lead")), a.get("budget_usd"),
                 "; ".join(o.get("location", "") for o in a.get("offices") or []) or None]
                for a in p.get("agencies") or []]
    if agencies:
        con.executemany("INSERT INTO agency_budgets VALUES (?, ?, ?, ?, ?, ?, ?)", agencies)


def _insert_children(con, record: dict, key: str) -> None:
    sha = record["source"]["sha256"]
    outcomes = [[sha, key, o["number"], o.get("statement"), o.get("rating")] for o in record.get("outcomes") or []]
    outputs = [[sha, key, o["number"], x["number"], x.get("statement")]
               for o in record.get("outcomes") or [] for x in o.get("outputs") or []]
    for table, rows in (("outcomes", outcomes), ("outputs", outputs)):
        if rows:
            placeholders = ", ".join("?" * len(rows[0]))
            con.executemany(f"INSERT INTO {table} VALUES ({placeholders})", rows)
    indicators = pd.DataFrame([_indicator_row(sha, key, i, n) for n, i in enumerate(record.get("indicators") or [])],
                              columns=_INDICATOR_COLUMNS)
    if len(indicators):
        con.register("indicator_frame", indicators)
        con.execute(f"INSERT INTO indicators SELECT {', '.join(_INDICATOR_COLUMNS)} FROM indicator_frame")
        con.unregister("indicator_frame")
    comments = [[sha, key, _comment_indicator(record, c), c.get("author"), c.get("text"), c.get("location")]
                for c in record.get("comments") or []]
    if comments:
        con.executemany("INSERT INTO comments VALUES (?, ?, ?, ?, ?, ?)", comments)


_INDICATOR_COLUMNS = (
    ["source_sha256", "project_key", "code", "level", "outcome", "output", "statement"]
    + [f"{cell}_{part}" for cell in _CELLS for part in ("raw", "value", "unit")]
    + ["women", "men", "reason", "target_adjustment", "location", "row_number"]
)


def _indicator_row(sha: str, key: str, indicator: dict, number: int) -> list:
    row = [sha, key, indicator["code"], indicator.get("level"), indicator.get("outcome"), indicator.get("output"),
           indicator["statement"]]
    for cell in _CELLS:
        value = indicator.get(cell) or {}
        row += [value.get("raw"), _float(value.get("value")), value.get("unit")]
    row += [_float(indicator.get("women")), _float(indicator.get("men")), indicator.get("reason"),
            indicator.get("target_adjustment"), indicator.get("location") or "", number]
    return row


def _float(value) -> float | None:
    return None if value is None else float(value)


def _comment_indicator(record: dict, comment: dict) -> str | None:
    """The indicator whose row holds this comment (matched by location and text), if any."""
    for indicator in record.get("indicators") or []:
        for own in indicator.get("comments") or []:
            if own.get("author") == comment.get("author") and own.get("text") == comment.get("text"):
                return indicator["code"]
    return None
