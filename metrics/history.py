"""A project across its reports (issue 25): each report in date order with its implementation
rate, GEWE allocated and spent, and the expenditure that rate implies over the report's own
budget; and each indicator's series, report by report — the value read, its target, and two
marks: `revised` where the target changed from the report before (or the cell says it was
revised) and `fell` where a value counted in the same unit is lower than the report before (a
cumulative count should not fall). Every active progress report and final review of the project
counts (a newer file of the same period has superseded the older, which is no longer active)."""
from __future__ import annotations

import math
import re

import duckdb
import pandas as pd

_REVISED = re.compile(r"r[ée]vis", re.IGNORECASE)
REPORT_KINDS = ("progress_report", "final_review")


def project_reports(con: duckdb.DuckDBPyConnection, project_key: str) -> pd.DataFrame:
    """The project's reports in date order: date, type, implementation rate, GEWE allocated and
    spent, expenditure (rate × the report's budget), budget, file."""
    return con.execute("""
        SELECT r.date, r.type, r.kind, r.implementation_rate, r.gender_allocated_usd, r.gender_spent_usd,
               r.implementation_rate * p.total_budget_usd AS expenditure_usd, p.total_budget_usd AS budget_usd,
               s.file_name, s.sha256
        FROM reports r JOIN active_sources s ON s.sha256 = r.source_sha256
        LEFT JOIN projects p ON p.source_sha256 = r.source_sha256 AND p.project_key = r.project_key
        WHERE r.project_key = ? AND list_contains(?, s.kind)
        ORDER BY r.date NULLS FIRST, s.ingested_at""", [project_key, list(REPORT_KINDS)]).df()


def indicator_series(con: duckdb.DuckDBPyConnection, project_key: str) -> pd.DataFrame:
    """One row per indicator and report, in the order of the results table then of the reports:
    code, statement, report date, value (raw, number, unit), target (raw, number, unit), revised, fell."""
    frame = con.execute("""
        SELECT i.code, i.statement, r.date AS report_date, i.current_raw, i.current_value, i.current_unit,
               i.target_raw, i.target_value, i.target_unit, i.row_number, s.ingested_at
        FROM indicators i JOIN active_sources s ON s.sha256 = i.source_sha256
        JOIN reports r ON r.source_sha256 = i.source_sha256
        WHERE i.project_key = ? AND list_contains(?, s.kind)""", [project_key, list(REPORT_KINDS)]).df()
    if frame.empty:
        return frame.assign(revised=[], fell=[]).drop(columns=["row_number", "ingested_at"])
    frame = frame.sort_values(["report_date", "ingested_at"], na_position="first", kind="stable")
    order = frame.groupby("code", sort=False)["row_number"].last().sort_values(kind="stable")  # the latest table's order
    frame["revised"], frame["fell"] = _marks(frame)
    frame["code"] = pd.Categorical(frame["code"], categories=list(order.index), ordered=True)
    frame = frame.sort_values(["code", "report_date"], na_position="first", kind="stable")
    frame["code"] = frame["code"].astype(str)
    return frame.drop(columns=["row_number", "ingested_at"]).reset_index(drop=True)


def _marks(frame: pd.DataFrame) -> tuple[list[bool], list[bool]]:
    """Per row (in report order within each code): the target revised, the value fallen."""
    revised, fell, last = [], [], {}
    for row in frame.itertuples(index=False):
        before = last.get(row.code)
        target = (_number(row.target_value), row.target_unit) if _number(row.target_value) is not None else row.target_raw
        said = isinstance(row.target_raw, str) and bool(_REVISED.search(row.target_raw))
        revised.append(said or (before is not None and before[0] is not None and target is not None and target != before[0]))
        value = _number(row.current_value)
        fell.append(before is not None and value is not None and before[1] is not None and row.current_unit == before[2]
                    and value < before[1])
        last[row.code] = (target, value if value is not None else (before[1] if before else None),
                          row.current_unit if value is not None else (before[2] if before else None))
    return revised, fell


def _number(value) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)
