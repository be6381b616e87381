"""The headline fields a report's template asks for that the file did not yield (REPORT.md,
`missing`), by their dotted names, so that a user is told instead of seeing an empty cell."""
from __future__ import annotations

REPORT_HEADLINES = (
    "project.total_budget_usd", "project.agencies[].budget_usd", "report.type", "report.date",
    "report.implementation_rate", "report.gender_allocated_usd", "report.gender_spent_usd",
    "project.gender_marker", "indicators",
)

# What each name means to a user, for the CLI and the pages.
DESCRIPTIONS = {
    "project.total_budget_usd": "total approved budget",
    "project.agencies[].budget_usd": "budget per recipient agency",
    "report.type": "report type",
    "report.date": "report date",
    "report.implementation_rate": "implementation rate",
    "report.gender_allocated_usd": "GEWE amount allocated",
    "report.gender_spent_usd": "GEWE amount spent",
    "project.gender_marker": "gender marker",
    "indicators": "results table (indicators)",
}


def missing_fields(kind: str | None, project: dict, report: dict, indicators: list[dict], has_table: bool) -> list[str]:
    """Dotted names of the headline fields a progress report leaves unread; [] for other kinds."""
    if kind not in ("progress_report", None):
        return []
    agencies = project.get("agencies") or []
    present = {
        "project.total_budget_usd": project.get("total_budget_usd") is not None,
        "project.agencies[].budget_usd": bool(agencies) and all(a.get("budget_usd") is not None for a in agencies),
        "report.type": report.get("type") is not None,
        "report.date": report.get("date") is not None,
        "report.implementation_rate": report.get("implementation_rate") is not None,
        "report.gender_allocated_usd": report.get("gender_allocated_usd") is not None,
        "report.gender_spent_usd": report.get("gender_spent_usd") is not None,
        "project.gender_marker": project.get("gender_marker") is not None,
        "indicators": has_table and bool(indicators),
    }
    return [name for name in REPORT_HEADLINES if not present[name]]


def describe(names: list[str]) -> str:
    """`total approved budget, report type` for a list of dotted names."""
    return ", ".join(DESCRIPTIONS.get(name, name) for name in names)
