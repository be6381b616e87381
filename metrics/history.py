"""A project across its reports (issue 25): each report in date order with its implementation
rate, GEWE allocated and spent, and the expenditure that rate implies over the report's own
budget; and each indicator's series, report by report — the value read, its target, and two
marks: `revised` where the target changed from the report before (or the cell says it was
revised) and `fell` where a value counted in the same unit is lower than the report before (a
cumulative count should not fall); and each outcome's rating, report by report. Every active
progress report and final review of the project counts (a newer file of the same period has
superseded the older, which is no longer active); as of a date, those whose period had ended by
then. Reports are ordered by the end of the period their date names (`2021` after `2021-06`), undated
ones last; a report's figures and indicator cells corrected by hand count with the report they were
entered on, a project's figures with the current report, as on every page."""
from __future__ import annotations

import calendar
import datetime as dt
import json
import math
import re

import duckdb
import pandas as pd

from loaders.store.current import period_end
from metrics.base import Filters, reported_by
from metrics.query import indicator_query

_REVISED = re.compile(r"r[ée]vis", re.IGNORECASE)
REPORT_KINDS = ("progress_report", "final_review")
_REPORT_FIELDS = {"report.implementation_rate": "implementation_rate", "report.gender_allocated_usd": "gender_allocated_usd",
                  "report.gender_spent_usd": "gender_spent_usd", "report.date": "date", "report.type": "type",
                  "project.total_budget_usd": "budget_usd"}
_NUMBERS = ("implementation_rate", "gender_allocated_usd", "gender_spent_usd", "budget_usd")


def project_reports(con: duckdb.DuckDBPyConnection, project_key: str, as_of: str | None = None) -> pd.DataFrame:
    """The project's reports in date order: date, type, implementation rate, GEWE allocated and
    spent, expenditure (rate × the report's budget), budget, file, `sha256`, `current`; as of a date,
    only those whose period had ended by then (and undated ones), as metrics/base.py counts them."""
    by_then, by_then_params = reported_by(as_of)
    frame = con.execute(f"""
        SELECT r.date, r.type, r.kind, r.implementation_rate, r.gender_allocated_usd, r.gender_spent_usd,
               p.total_budget_usd AS budget_usd, s.file_name, s.sha256, s.report_period,
               s.sha256 IN (SELECT sha256 FROM mx_current_source WHERE project_key = ?) AS current
        FROM reports r JOIN active_sources s ON s.sha256 = r.source_sha256
        LEFT JOIN projects p ON p.source_sha256 = r.source_sha256 AND p.project_key = r.project_key
        WHERE r.project_key = ? AND list_contains(?, s.kind) AND {by_then}
        ORDER BY {period_end('r.date')} NULLS LAST, s.ingested_at""",
                        [project_key, project_key, list(REPORT_KINDS)] + by_then_params).df()
    for field, value, shas in _fixes(con, project_key, frame):
        column = _REPORT_FIELDS.get(field)
        if column is not None:
            frame.loc[frame["sha256"].isin(shas), column] = _float(value) if column in _NUMBERS else value
    frame["expenditure_usd"] = frame["implementation_rate"] * frame["budget_usd"]
    return frame


def indicator_series(con: duckdb.DuckDBPyConnection, project_key: str, as_of: str | None = None) -> pd.DataFrame:
    """One row per indicator and report, in the order of the results table then of the reports:
    code, statement, report (its sha256) and date, value (raw, number, unit), target (raw, number,
    unit), revised, fell, `fell_from` (the value before, as read, where it fell), and `status` and
    `progress` at that report (the portfolio as of the end of the report's period: metrics/base.py);
    as of a date, the reports by then (project_reports)."""
    reports = project_reports(con, project_key, as_of)
    frame = con.execute("""
        SELECT i.code, i.statement, i.source_sha256 AS report, i.current_raw, i.current_value, i.current_unit,
               i.target_raw, i.target_value, i.target_unit, i.row_number
        FROM indicators i JOIN active_sources s ON s.sha256 = i.source_sha256
        WHERE i.project_key = ? AND list_contains(?, s.kind)""", [project_key, list(REPORT_KINDS)]).df()
    frame = frame[frame["report"].isin(set(reports["sha256"]))]
    if frame.empty:
        return frame.assign(report_date=[], revised=[], fell=[], fell_from=[], status=[], progress=[]).drop(
            columns=["row_number"])
    position = {sha: k for k, sha in enumerate(reports["sha256"])}
    frame["report_date"] = frame["report"].map(dict(zip(reports["sha256"], reports["date"], strict=True)))
    frame["order"] = frame["report"].map(position)
    _apply_cell_fixes(frame, _fixes(con, project_key, reports))
    frame = frame.sort_values(["order", "row_number"], kind="stable").drop_duplicates(["code", "report"])
    latest = frame.groupby("code", sort=False)["row_number"].last().sort_values(kind="stable")  # the latest table's order
    frame["revised"], frame["fell"], frame["fell_from"] = _marks(frame)
    statuses = _statuses(con, project_key, reports)
    found = [statuses.get((sha, code), (None, None)) for sha, code in zip(frame["report"], frame["code"], strict=True)]
    frame["status"] = [status for status, _ in found]
    frame["progress"] = pd.Series([progress for _, progress in found], index=frame.index, dtype="float64")
    frame["code"] = pd.Categorical(frame["code"], categories=list(latest.index), ordered=True)
    frame = frame.sort_values(["code", "order"], kind="stable")
    frame["code"] = frame["code"].astype(str)
    return frame.drop(columns=["row_number", "order"]).reset_index(drop=True)


def outcome_ratings(con: duckdb.DuckDBPyConnection, project_key: str, as_of: str | None = None) -> pd.DataFrame:
    """One row per outcome and report that rated it (the template's "rate the current status of the
    outcome" choice: on track, off track, on track with (significant) peacebuilding results), in the
    order of the outcomes then of the reports: number, statement (the latest report's), report (its
    sha256), report date, rating. A report whose choice was left blank has no row for that outcome;
    as of a date, the reports by then (project_reports)."""
    reports = project_reports(con, project_key, as_of)
    frame = con.execute("""
        SELECT o.number, o.statement, o.source_sha256 AS report, o.rating
        FROM outcomes o JOIN active_sources s ON s.sha256 = o.source_sha256
        WHERE o.project_key = ? AND list_contains(?, s.kind)""", [project_key, list(REPORT_KINDS)]).df()
    frame = frame[frame["report"].isin(set(reports["sha256"]))]
    position = {sha: k for k, sha in enumerate(reports["sha256"])}
    frame["report_date"] = frame["report"].map(dict(zip(reports["sha256"], reports["date"], strict=True)))
    frame["order"] = frame["report"].map(position)
    statements = frame.dropna(subset=["statement"]).sort_values("order", kind="stable").groupby("number")["statement"].last()
    frame["statement"] = frame["number"].map(statements)
    frame["outcome_order"] = [int(n) if str(n).isdigit() else 0 for n in frame["number"]]
    frame = frame.dropna(subset=["rating"]).sort_values(["outcome_order", "order"], kind="stable")
    return frame[["number", "statement", "report", "report_date", "rating"]].reset_index(drop=True)


def _statuses(con: duckdb.DuckDBPyConnection, project_key: str,
              reports: pd.DataFrame) -> dict[tuple[str, str], tuple[str, float | None]]:
    """(report sha256, code) → the indicator's status and progress as of the end of that report's
    period (the current report's as every page shows them); undated reports, which no date can
    select, have none."""
    found = {}
    for sha, date, current in zip(reports["sha256"], reports["date"], reports["current"], strict=True):
        end = period_end_day(date)
        if not current and end is None:
            continue
        filters = Filters(project=project_key) if current else Filters(project=project_key, as_of=end.isoformat())
        rows = indicator_query(con, "SELECT source_sha256, code, status, progress FROM i", filters)
        found.update({(s, c): (status, _float(progress)) for s, c, status, progress in zip(
            rows["source_sha256"], rows["code"], rows["status"], rows["progress"], strict=True) if s == sha})
    return found


def period_end_day(date) -> dt.date | None:
    """The last day of a report date written `2021`, `2021-06` or `2021-06-15` (None when unreadable)."""
    if not isinstance(date, str):
        return None
    parts = date.split("-")
    try:
        if len(parts) == 1:
            return dt.date(int(parts[0]), 12, 31)
        year, month = int(parts[0]), int(parts[1])
        if len(parts) == 2:
            return dt.date(year, month, calendar.monthrange(year, month)[1])
        return dt.date(year, month, int(parts[2]))
    except ValueError:
        return None


def _fixes(con: duckdb.DuckDBPyConnection, project_key: str, reports: pd.DataFrame) -> list[tuple[str, str, set[str]]]:
    """Each correction in force with the reports it applies to: a report's figure or an indicator cell
    to the report it was entered on or the newer file of its period (as metrics/base.py counts it), a
    project's figure, or one whose file was removed, to the current report."""
    found = []
    current = set(reports.loc[reports["current"].astype(bool), "sha256"])
    for field, value, period in con.execute(
            "SELECT a.field, a.new_value, s.report_period FROM active_corrections a "
            "LEFT JOIN sources s ON s.sha256 = a.source_sha256 WHERE a.project_key = ? ORDER BY a.id",
            [project_key]).fetchall():
        own = field.startswith(("report.", "indicators.")) and period is not None
        found.append((field, value, set(reports.loc[reports["report_period"] == period, "sha256"]) if own else current))
    return found


def _apply_cell_fixes(frame: pd.DataFrame, fixes: list[tuple[str, str, set[str]]]) -> None:
    """Indicator cells corrected by hand (`indicators.CODE.current|target`), in the report they count with."""
    for field, new, shas in fixes:
        parts = field.split(".")
        if parts[0] != "indicators" or parts[-1] not in ("current", "target"):
            continue
        code, cell = ".".join(parts[1:-1]), parts[-1]
        value = json.loads(new)
        rows = frame["report"].isin(shas) & (frame["code"] == code)
        frame.loc[rows, [f"{cell}_raw", f"{cell}_value", f"{cell}_unit"]] = [value.get("raw"), _float(value.get("value")),
                                                                              value.get("unit")]


def _marks(frame: pd.DataFrame) -> tuple[list[bool], list[bool], list[str | None]]:
    """Per row (in report order within each code): the target revised, the value fallen and from what."""
    revised, fell, fell_from, last = [], [], [], {}
    for row in frame.itertuples(index=False):
        before = last.get(row.code)  # (target, last number, its unit, its raw)
        number = _float(row.target_value)
        target = (number, row.target_unit) if number is not None else row.target_raw
        said = isinstance(row.target_raw, str) and bool(_REVISED.search(row.target_raw))
        revised.append(said or (before is not None and before[0] is not None and target is not None and target != before[0]))
        value = _float(row.current_value)
        fallen = (before is not None and value is not None and before[1] is not None and row.current_unit == before[2]
                  and value < before[1])
        fell.append(fallen)
        fell_from.append(before[3] if fallen else None)
        kept = (value, row.current_unit, row.current_raw) if value is not None else (before[1:] if before else (None,) * 3)
        last[row.code] = (target, *kept)
    return revised, fell, fell_from


def _float(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def export_years(con: duckdb.DuckDBPyConnection, project_key: str) -> pd.DataFrame:
    """A project's money year by year from the financial exports (MPTF Office, UNDP): fiscal year,
    budget, net funded and expenditure of that year, and the delivery to date (expenditure to date ÷
    budget to date, the export's definition year after year; null while the budget to date is 0)."""
    frame = con.execute("""
        SELECT fiscal_year, sum(amount_usd) AS budget_usd, sum(net_funded_usd) AS net_funded_usd,
               sum(expenditure_usd) AS expenditure_usd
        FROM budget_lines_resolved
        WHERE source_kind = 'financial_export' AND resolved_project_key = ? AND fiscal_year IS NOT NULL
        GROUP BY 1 ORDER BY 1""", [project_key]).df()
    to_date = frame["budget_usd"].fillna(0).cumsum()
    frame["delivery_to_date"] = (frame["expenditure_usd"].fillna(0).cumsum() / to_date.where(to_date > 0)).astype(float)
    return frame
