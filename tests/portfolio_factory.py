"""A small portfolio written by hand, straight into a store, whose metrics were worked out on
paper (see tests/test_metrics.py for each figure and how it was computed)."""
from __future__ import annotations

import hashlib
from pathlib import Path

from loaders.store.session import writing
from loaders.store.writer import write_record


def cell(raw: str, value, unit):
    return {"raw": raw, "value": value, "unit": unit}


def num(value):
    return cell(str(value), value, "number")


def pct(value):
    return cell(f"{value}%", value, "percent")


EMPTY = cell("", None, None)


def indicator(code, statement, baseline, target, current, milestone=EMPTY, women=None, men=None, reason=None):
    level = "output" if code.count(".") == 2 else "outcome"
    return {"code": code, "level": level, "outcome": code.split(".")[0],
            "output": ".".join(code.split(".")[:2]) if level == "output" else None, "statement": statement,
            "baseline": baseline, "target": target, "milestone": milestone, "current": current,
            "women": women, "men": men, "reason": reason, "target_adjustment": None, "comments": [],
            "location": f"results table, row {code}"}


def report(name, project_id, countries, agencies, budget, rate, start, end, date, gewe, gewe_spent, marker,
           indicators=()):
    return {
        "source": {"file": name, "sha256": hashlib.sha256(name.encode()).hexdigest(), "format": "txt",
                   "language": "en", "loader_version": "test"},
        "kind": "progress_report",
        "project": {"title": f"Project {project_id}", "project_ids": [project_id], "countries": countries,
                    "window": None, "start_date": None, "end_date": end, "first_transfer_date": start,
                    "duration_months": None, "gender_marker": marker, "risk_marker": None, "total_budget_usd": budget,
                    "agencies": [{"raw": a, "agency": a, "lead": i == 0, "budget_usd": b, "offices": []}
                                 for i, (a, b) in enumerate(agencies)]},
        "report": {"type": "annual", "date": date, "implementation_rate": rate, "gender_allocated_usd": gewe,
                   "gender_spent_usd": gewe_spent, "evaluation_budget_usd": None, "covid_adjustment_usd": None},
        "outcomes": [{"number": "1", "statement": "Outcome one", "rating": None, "outputs": []}],
        "indicators": list(indicators), "comments": [], "warnings": [],
    }


P1_INDICATORS = [
    indicator("1.1", "Count reached", num(0), num(100), num(100)),
    indicator("1.2", "Count past milestone", num(0), num(100), num(60), milestone=num(50)),
    indicator("1.3", "Count lagging", num(0), num(100), num(40), reason="Recrutement du consultant en cours"),
    indicator("1.4", "Incidents (decrease)", num(50), num(10), num(30)),
    indicator("1.5", "Share lagging", pct(0), pct(80), pct(20), reason="Insécurité dans la zone"),
    indicator("1.6", "Not started", num(0), num(10), num(0), reason="Waiting for government approval of the plan"),
    indicator("1.7", "Placeholder", num(0), num(10), cell("TBD", None, "text")),
    indicator("1.8", "Words only", num(0), num(10), cell("Committees meet regularly", None, "text")),
    indicator("1.1.1", "Nombre de personnes formées désagrégé par sexe", num(0), num(100),
              cell("120 (70 femmes / 50 hommes)", 120, "number"), women=70, men=50),
    indicator("1.1.2", "Nombre de personnes formées (sexe / âge)", num(0), num(100), num(30),
              reason="Because of the COVID-19 lockdown"),
    indicator("1.1.3", "Radio spots", num(0), num(10), num(45)),
    indicator("1.1.4", "Meetings held", EMPTY, num(20), num(10)),
]


def budget_record(name, project_id, lines):
    return {"source": {"file": name, "sha256": hashlib.sha256(name.encode()).hexdigest(), "format": "xlsx",
                       "language": None, "loader_version": "test"},
            "kind": "budget", "project": {"project_ids": [project_id]}, "report": {}, "outcomes": [],
            "indicators": [], "comments": [], "warnings": [], "budget_lines": lines}


def budget_line(agency, amount, spent, outcome="1", gewe_share=None):
    return {"project_id": None, "outcome": outcome, "output": f"{outcome}.1", "activity": f"{outcome}.1.1",
            "agency": agency, "raw_agency": agency, "category": None, "fiscal_year": None, "amount_usd": amount,
            "gewe_share": gewe_share, "gewe_usd": amount * gewe_share if gewe_share is not None else None,
            "expenditure_usd": spent, "net_funded_usd": None, "reported_delivery_rate": None, "breakdown": "activity",
            "location": "sheet 'test'"}


def build_portfolio(db: Path) -> Path:
    """Four projects: reported rate only, a behind two-country project, a workbook with expenditure,
    and a zero-budget project."""
    records = [
        report("p1.txt", "P-1", ["MLI"], [("UNDP", 1_000_000)], 1_000_000, 0.40, "2020-01-01", "2021-12-31",
               "2020-12-31", 300_000, 60_000, 2, P1_INDICATORS),
        report("p2.txt", "P-2", ["NER", "BFA"], [("UNDP", 600_000), ("IOM", 400_000)], 1_000_000, 0.10, "2020-01",
               "2020-12", "2020-10", 100_000, None, 1),
        report("p3.txt", "P-3", ["MLI"], [("UNICEF", 500_000)], 500_000, None, "2021-01-01", "2021-12-31",
               "2021-07-01", 0, None, 0),
        report("p4.txt", "P-4", ["TGO"], [], 0, 0.5, None, None, "2021", 0, None, None),
    ]
    budget = budget_record("p3-budget.xlsx", "P-3", [budget_line("UNICEF", 500_000, 250_000, gewe_share=0.1)])
    budget["budget_lines"][0]["project_id"] = "P-3"
    with writing(db) as con:
        for record in records + [budget]:
            write_record(con, record)
    return db
