"""The only module that writes to DuckDB. One transaction per file: a file lands whole or not
at all; a file whose sha256 is known changes nothing; a newer report of the same project and
period supersedes the older one (which stays, marked, for the record)."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import duckdb
import pandas as pd

from loaders.normalise.project_ids import canonical_project_id
from loaders.normalise.text import fold
from loaders.store.integrity import FACT_TABLES

SCHEMA_VERSION = "13"
_SCHEMA_SQL = (Path(__file__).with_name("schema.sql")).read_text(encoding="utf-8")
_CELLS = ("baseline", "target", "milestone", "current")


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table and view (once, when a database is new)."""
    con.execute(_SCHEMA_SQL)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])


def project_key(record: dict) -> str:
    """The key a project is known by across files: its first MPTF/Gateway number, else its title.
    A financial export covers many projects: it is keyed by its file name, so a newer export of the
    same name supersedes the older one."""
    project = record.get("project") or {}
    if record.get("kind") == "financial_export":
        return "export:" + fold(Path(record["source"]["file"]).stem)
    ids = [canonical_project_id(i) for i in project.get("project_ids") or [] if canonical_project_id(i)]
    if ids:
        return ids[0]
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
        if record.get("kind") in ("budget", "financial_export"):
            _insert_budget_lines(con, record, key)
        else:
            _insert_project(con, record, key)
            _insert_children(con, record, key)
        con.execute("UPDATE sources SET indicator_rows = ?, budget_line_rows = ?, missing = ?, ocr_pages = ? "
                    "WHERE sha256 = ?", [len(record.get("indicators") or []), len(record.get("budget_lines") or []),
                                         list(record.get("missing") or []), record["source"].get("ocr_pages") or None, sha])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return "added"


def remove_source(con: duckdb.DuckDBPyConnection, sha256: str) -> None:
    """Remove one file and everything read from it, in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        for table in FACT_TABLES:
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
        "INSERT INTO sources (sha256, file_name, format, kind, language, project_key, report_period, ingested_at, "
        "loader_version, warnings, superseded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
        [source["sha256"], source["file"], source["format"], record.get("kind") or "unknown",
         source.get("language"), key, period, dt.datetime.now(dt.UTC).replace(tzinfo=None),
         source.get("loader_version", ""), list(record.get("warnings") or [])])


def _insert_project(con, record: dict, key: str) -> None:
    p = record.get("project") or {}
    sha = record["source"]["sha256"]
    insert_rows(con, "projects", [{
        "project_key": key, "source_sha256": sha, "title": p.get("title"), "project_ids": p.get("project_ids") or [],
        "countries": p.get("countries") or [], "funding_window": p.get("window"), "start_date": p.get("start_date"),
        "end_date": p.get("end_date"), "first_transfer_date": p.get("first_transfer_date"),
        "duration_months": p.get("duration_months"), "gender_marker": p.get("gender_marker"),
        "risk_marker": p.get("risk_marker"), "total_budget_usd": p.get("total_budget_usd")}])
    r = record.get("report") or {}
    insert_rows(con, "reports", [{
        "source_sha256": sha, "project_key": key, "kind": record.get("kind") or "unknown", "type": r.get("type"),
        "date": r.get("date"), "implementation_rate": r.get("implementation_rate"),
        "gender_allocated_usd": r.get("gender_allocated_usd"), "gender_spent_usd": r.get("gender_spent_usd"),
        "evaluation_budget_usd": r.get("evaluation_budget_usd"), "covid_adjustment_usd": r.get("covid_adjustment_usd")}])
    scanned = set(record["source"].get("ocr_pages") or [])
    insert_rows(con, "field_locations", [{"source_sha256": sha, "field": field, "location": where,
                                          "source": "ocr" if _page(where) in scanned else "text"}
                                         for field, where in sorted((record.get("locations") or {}).items())])
    insert_rows(con, "uncertain_figures", [{"source_sha256": sha, **entry} for entry in record.get("uncertain") or []])
    aliases = sorted({canonical_project_id(i) for i in p.get("project_ids") or [] if canonical_project_id(i)})
    insert_rows(con, "project_aliases", [{"source_sha256": sha, "alias": alias, "project_key": key} for alias in aliases])
    insert_rows(con, "agency_budgets", [{
        "source_sha256": sha, "project_key": key, "agency": a["agency"], "raw_name": a.get("raw"),
        "lead": bool(a.get("lead")), "budget_usd": a.get("budget_usd"),
        "location": "; ".join(o.get("location", "") for o in a.get("offices") or []) or None}
        for a in p.get("agencies") or []])


def insert_rows(con, table: str, rows: list[dict]) -> None:
    """Insert rows by column name (never by position), all rows naming the same columns."""
    if not rows:
        return
    columns = list(rows[0])
    con.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                    [[row[c] for c in columns] for row in rows])


def _insert_children(con, record: dict, key: str) -> None:
    sha = record["source"]["sha256"]
    insert_rows(con, "outcomes", [{"source_sha256": sha, "project_key": key, "number": o["number"],
                                   "statement": o.get("statement"), "rating": o.get("rating")}
                                  for o in record.get("outcomes") or []])
    insert_rows(con, "outputs", [{"source_sha256": sha, "project_key": key, "outcome": o["number"], "number": x["number"],
                                  "statement": x.get("statement")}
                                 for o in record.get("outcomes") or [] for x in o.get("outputs") or []])
    indicators = pd.DataFrame([_indicator_row(sha, key, i, n) for n, i in enumerate(record.get("indicators") or [])],
                              columns=_INDICATOR_COLUMNS)
    if len(indicators):
        con.register("indicator_frame", indicators)
        columns = ", ".join(_INDICATOR_COLUMNS)
        con.execute(f"INSERT INTO indicators ({columns}) SELECT {columns} FROM indicator_frame")
        con.unregister("indicator_frame")
    insert_rows(con, "comments", [{"source_sha256": sha, "project_key": key, "indicator_code": _comment_indicator(record, c),
                                   "author": c.get("author"), "text": c.get("text"), "location": c.get("location")}
                                  for c in record.get("comments") or []])


_BUDGET_COLUMNS = ["project_id", "outcome", "output", "activity", "agency", "raw_agency", "category", "fiscal_year",
                   "amount_usd", "gewe_share", "gewe_usd", "expenditure_usd", "net_funded_usd",
                   "reported_delivery_rate", "breakdown", "location"]
_BUDGET_NUMBERS = {"amount_usd", "gewe_share", "gewe_usd", "expenditure_usd", "net_funded_usd", "reported_delivery_rate"}


def _insert_budget_lines(con, record: dict, key: str) -> None:
    """Budget lines in one bulk insert (an export has thousands of rows)."""
    sha = record["source"]["sha256"]
    rows = [[sha, key if record.get("kind") == "budget" else None]
            + [_float(line.get(c)) if c in _BUDGET_NUMBERS else line.get(c) for c in _BUDGET_COLUMNS]
            for line in record.get("budget_lines") or []]
    if not rows:
        return
    frame = pd.DataFrame(rows, columns=["source_sha256", "project_key"] + _BUDGET_COLUMNS)
    for column in _BUDGET_NUMBERS:
        frame[column] = frame[column].astype("float64")
    con.register("budget_frame", frame)
    columns = ", ".join(frame.columns)
    con.execute(f"INSERT INTO budget_lines ({columns}) SELECT {columns} FROM budget_frame")
    con.unregister("budget_frame")


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


def _page(location: str) -> int | None:
    """The page a location names (`page 3, line 5` → 3), None for a text or Word location."""
    found = re.match(r"(?:results table, )?page (\d+)", location or "")
    return int(found.group(1)) if found else None
