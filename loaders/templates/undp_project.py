"""UNDP open-data project records (`projects/<awardID>.json` of open.undp.org): the award's
number, title, country and dates. Its money comes from the donor export, line by line."""
from __future__ import annotations

import json

from loaders.errors import UnreadableFile
from loaders.normalise.dates import read_date
from loaders.templates.other_documents import empty_report

REQUIRED = ("project_id", "project_title", "operating_unit_id")


def read_undp_project(data: bytes, name: str) -> tuple[dict, dict, list[str]]:
    """(project, report, warnings) of one UNDP project record."""
    try:
        record = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UnreadableFile(f"this is not valid JSON ({error})", name) from error
    if not isinstance(record, dict) or any(key not in record for key in REQUIRED):
        raise UnreadableFile("this JSON is not a UNDP project record (needs project_id, project_title, "
                             "operating_unit_id)", name)
    project = {
        "title": " ".join(str(record.get("project_title") or "").split()) or None,  # runs of spaces as one
        "project_ids": [str(record["project_id"])],
        "countries": [record["operating_unit_id"]] if record.get("operating_unit_id") else [],
        "window": None, "start_date": read_date(record.get("start")), "end_date": read_date(record.get("end")),
        "first_transfer_date": None, "duration_months": None, "gender_marker": None, "risk_marker": None,
        "total_budget_usd": None,
        "agencies": [{"raw": record.get("inst_descr") or "UNDP", "agency": "UNDP", "lead": True, "budget_usd": None,
                      "offices": []}],
    }
    warnings = ["UNDP project record: budgets are all donors' and per fiscal year; the PBF amounts come from "
                "the donor export (report_donors)"]
    return project, empty_report(None), warnings
