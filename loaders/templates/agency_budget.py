"""Recipient agencies of a report: the agency list (with the lead agency) and the approved
budget per agency, merged so that an agency listed once per country office is one agency."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.normalise.agencies import agency_code, find_agencies
from loaders.normalise.text import clean, fold
from loaders.templates.field_values import read_amount
from loaders.templates.fields import FieldHit

_BUDGET_LINE = re.compile(r"^(?P<name>.*?)\s*:?\s*(?P<amount>(?:US\$|USD|\$)\s*[0-9][0-9 ,.\u00a0\u202f]*)\s*$", re.IGNORECASE)
_LEAD_MARK = re.compile(r"coordinatrice|coordonatrice|coordonnatrice|chef de file|lead agency|convening|\(lead\)", re.IGNORECASE)
_LEAD_FIRST = re.compile(r"en commen[cç]ant par|starting with|lead agency first", re.IGNORECASE)
_TOTAL = re.compile(r"^\s*total", re.IGNORECASE)


@dataclass
class AgencyBudgets:
    """Agencies (merged by acronym), the written total and what could not be read."""

    agencies: list[dict] = field(default_factory=list)
    total_usd: float | None = None
    warnings: list[str] = field(default_factory=list)


def read_agencies(list_hit: FieldHit | None, budget_hit: FieldHit | None) -> AgencyBudgets:
    """Merge the agency list and the budget table of a report's cover page."""
    result = AgencyBudgets()
    merged: dict[str, dict] = {}
    if list_hit is not None:
        _read_list(list_hit, merged, result)
    if budget_hit is not None:
        _read_budget_lines(budget_hit, merged, result)
    if merged and not any(a["lead"] for a in merged.values()) and len(merged) == 1:
        next(iter(merged.values()))["lead"] = True  # a sole recipient agency leads
    result.agencies = list(merged.values())
    return result


def _entry(merged: dict[str, dict], code: str, raw: str) -> dict:
    entry = merged.setdefault(code, {"raw": raw, "agency": code, "lead": False, "budget_usd": None, "offices": []})
    if raw and raw not in entry["raw"].split(" + "):
        entry["raw"] = f"{entry['raw']} + {raw}" if entry["raw"] else raw
    return entry


def _read_list(hit: FieldHit, merged: dict[str, dict], result: AgencyBudgets) -> None:
    lead_first = bool(_LEAD_FIRST.search(hit.label_text))
    lines = [hit.inline] if hit.inline and find_agencies(hit.inline) else []
    for paragraph in hit.following[:6]:
        text = paragraph.text.strip()
        if not find_agencies(text) or re.search(r"partenaires|partners", fold(text)):
            break
        lines.append(text)
    order = 0
    for line in lines:
        for part in re.split(r"[,;\n]", line):
            part = clean(part)
            code = agency_code(part) or next(iter(find_agencies(part)), None)
            if code is None:
                continue
            raw = re.sub(r"\s*\(.*?\)", "", part).strip()
            entry = _entry(merged, code, raw)
            entry["lead"] = entry["lead"] or bool(_LEAD_MARK.search(part)) or (lead_first and order == 0)
            order += 1


def _read_budget_lines(hit: FieldHit, merged: dict[str, dict], result: AgencyBudgets) -> None:
    for paragraph in hit.following:
        text = clean(paragraph.text)
        match = _BUDGET_LINE.match(text)
        if _TOTAL.match(text):
            result.total_usd = read_amount(re.sub(r"^\s*total\s*:?", "", text, flags=re.IGNORECASE))
            break
        if not match or not match.group("name").strip():
            continue
        name = match.group("name").strip()
        code = agency_code(name)
        amount = read_amount(match.group("amount"))
        if code is None:
            result.warnings.append(f"{paragraph.location}: budget line for '{name}' names no known agency; not counted")
            continue
        entry = _entry(merged, code, name)
        entry["offices"].append({"raw": name, "budget_usd": amount, "location": paragraph.location})
        if amount is not None:
            entry["budget_usd"] = (entry["budget_usd"] or 0.0) + amount
