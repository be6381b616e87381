"""`python -m metrics history`: a project's reports and each indicator's series as text lines or
one JSON object (metrics/history.py computes them)."""
from __future__ import annotations

import math

import duckdb

from loaders.cli_text import counted
from metrics.history import indicator_series, outcome_ratings, project_reports


def history(con: duckdb.DuckDBPyConnection, project_key: str) -> dict:
    """The project's history as plain data: `reports` (date order) and `indicators` (code → series)."""
    reports = project_reports(con, project_key).drop(columns=["sha256", "current", "report_period"])
    series = indicator_series(con, project_key)
    indicators: dict[str, dict] = {}
    for row in series.to_dict("records"):
        entry = indicators.setdefault(row["code"], {"statement": row["statement"], "series": []})
        entry["series"].append({"report_date": row["report_date"], "value": _plain(row["current_value"]),
                                "unit": row["current_unit"], "raw": row["current_raw"], "target": _plain(row["target_value"]),
                                "target_unit": row["target_unit"], "target_raw": row["target_raw"],
                                "revised": bool(row["revised"]), "fell": bool(row["fell"]),
                                "status": row["status"] if isinstance(row["status"], str) else None})
    outcomes: dict[str, dict] = {}
    for row in outcome_ratings(con, project_key).to_dict("records"):
        entry = outcomes.setdefault(row["number"], {"statement": row["statement"], "ratings": []})
        entry["ratings"].append({"report_date": row["report_date"], "rating": row["rating"]})
    return {"project": project_key, "reports": [{k: _plain(v) for k, v in r.items()} for r in reports.to_dict("records")],
            "indicators": indicators, "outcomes": outcomes}


def history_lines(data: dict) -> list[str]:
    """The history as text: one line per report, each indicator's series on one line, then each
    rated outcome's ratings on one line."""
    lines = [f"project {data['project']}: {counted(len(data['reports']), 'report')}, in date order"]
    for r in data["reports"]:
        lines.append(f"  {r['date'] or 'no date'}  {r['type'] or r['kind']}: implementation rate "
                     f"{_rate(r['implementation_rate'])}, expenditure {_money(r['expenditure_usd'])}, GEWE allocated "
                     f"{_money(r['gender_allocated_usd'])}, spent {_money(r['gender_spent_usd'])}  ({r['file_name']})")
    if not data["indicators"]:
        lines.append("indicators: none (they come from the results tables of progress reports)")
    for code, entry in data["indicators"].items():
        points = [f"{p['report_date'] or '?'} {_value(p)} (target {p['target_raw'] or '—'}"
                  + (", revised" if p["revised"] else "") + (", fell" if p["fell"] else "")
                  + (f"; {p['status']}" if p["status"] else "") + ")"
                  for p in entry["series"]]
        lines.append(f"  {code}: " + " → ".join(points))
    if data["outcomes"]:
        lines.append("outcome ratings:")
    for number, entry in data["outcomes"].items():
        lines.append(f"  outcome {number}: " + " → ".join(f"{p['report_date'] or '?'} {p['rating']}" for p in entry["ratings"]))
    return lines


def _value(point: dict) -> str:
    if point["value"] is None:
        return point["raw"] or "—"
    return f"{point['value']:g}{'%' if point['unit'] == 'percent' else ''}"


def _plain(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _rate(value) -> str:
    return "—" if value is None else f"{value:.1%}"


def _money(value) -> str:
    return "—" if value is None else f"{value:,.0f} USD"
