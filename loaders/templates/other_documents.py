"""Documents other than progress reports: the UNDP final project review and the project
profile page. Each gives only a little: title, countries, agencies."""
from __future__ import annotations

from loaders.model import Paragraph
from loaders.normalise.agencies import agency_code
from loaders.normalise.countries import read_countries
from loaders.normalise.text import clean
from loaders.templates.fields import find_fields


def empty_project() -> dict:
    return {"title": None, "project_ids": [], "countries": [], "window": None, "start_date": None,
            "end_date": None, "first_transfer_date": None, "duration_months": None, "gender_marker": None,
            "risk_marker": None, "total_budget_usd": None, "agencies": []}


def empty_report(report_type: str | None = None) -> dict:
    return {"type": report_type, "date": None, "implementation_rate": None, "gender_allocated_usd": None,
            "gender_spent_usd": None, "evaluation_budget_usd": None, "covid_adjustment_usd": None}


def read_final_review(paragraphs: list[Paragraph], warnings: list[str]) -> tuple[dict, dict]:
    """UNDP final project review: title and country from their labelled cells; UNDP is the
    agency by the template itself (a UNDP form, with its CPAP outcome)."""
    hits = find_fields(paragraphs)
    project = empty_project()
    project["title"] = clean(hits["title"].first_value()) or None if "title" in hits else None
    if "countries" in hits:
        project["countries"], unknown = read_countries(hits["countries"].first_value())
        warnings.extend(f"country '{u}' not recognised" for u in unknown)
    project["agencies"] = [{"raw": "UNDP (final project review template)", "agency": "UNDP", "lead": True,
                            "budget_usd": None, "offices": []}]
    warnings.append("final project review: no budget, markers or dates are given in this template")
    return project, empty_report("final")


def read_profile(paragraphs: list[Paragraph], warnings: list[str]) -> tuple[dict, dict]:
    """Project profile page: the title is its first line, countries a line listing only
    countries, agencies the lines that are only an agency name."""
    lines = [(clean(p.text), p.location) for p in paragraphs if clean(p.text)]
    project = empty_project()
    project["title"] = lines[0][0] if lines else None
    for text, _ in lines[1:]:
        if len(text) > 120:
            continue
        codes, unknown = read_countries(text)
        if codes and not unknown and not project["countries"]:
            project["countries"] = codes
        code = agency_code(text)
        if code and len(text) <= 40 and all(a["agency"] != code for a in project["agencies"]):
            project["agencies"].append({"raw": text, "agency": code, "lead": not project["agencies"],
                                        "budget_usd": None, "offices": []})
    warnings.append("project profile: no budget, markers, dates or results are given on this page")
    return project, empty_report(None)
