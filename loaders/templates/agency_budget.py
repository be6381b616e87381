"""Recipient agencies of a report: the agency list (with the lead agency) and the approved
budget per agency, merged so that an agency listed once per country office is one agency.

The budget block is read by meaning, whatever its layout: `NAME   $ AMOUNT` on one line,
tab-separated or Word-table cells (the name and the amount in two paragraphs), PDF text where
they fall on two lines, a header row (`Recipient Organization | Amount`) and a `Total:` row
whose amount may sit in the next cell. Amounts follow the number grammar of VALUES.md."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.model import Paragraph
from loaders.normalise.agencies import agency_code, find_agencies
from loaders.normalise.numbers import find_numbers
from loaders.normalise.text import clean, fold
from loaders.templates.fields import FieldHit
from loaders.templates.labels import match_field
from loaders.templates.settings import BLOCK_MAX_PARAGRAPHS, TOTAL_TOLERANCE_USD

_LEAD_MARK = re.compile(r"coordinatrice|coordonatrice|coordonnatrice|chef de file|lead agency|convening|\(lead\)", re.IGNORECASE)
_LEAD_FIRST = re.compile(r"en commen[cç]ant par|starting with|lead agency first", re.IGNORECASE)
_TOTAL = re.compile(r"^\s*(?:grand\s+)?total\b", re.IGNORECASE)
_HEADER_WORDS = re.compile(r"^(?:agences?|recipient|organi[sz]ations?|organismes?|budget|amount|montant|usd|\$|"
                           r"recipiendaires?|beneficiaires?|\(usd\)|\(\$\)|[|:\-\s])+$")
_MONEY = re.compile(r"(?:US\s?\$|USD|\$)?\s*(?P<number>[0-9][0-9 ,.\u00a0\u202f\u2002]*)", re.IGNORECASE)
_BLANK = re.compile(r"^[\s\u2002$:.|_-]*$")  # an unfilled form line: en-spaces, a lone $


@dataclass
class AgencyBudgets:
    """Agencies (merged by acronym), the written total and what could not be read."""

    agencies: list[dict] = field(default_factory=list)
    total_usd: float | None = None
    total_location: str | None = None
    warnings: list[str] = field(default_factory=list)


def read_agencies(list_hit: FieldHit | None, budget_hit: FieldHit | None,
                  paragraphs: list[Paragraph] | None = None) -> AgencyBudgets:
    """Merge the agency list and the budget block of a report's cover page."""
    result = AgencyBudgets()
    merged: dict[str, dict] = {}
    if list_hit is not None:
        _read_list(list_hit, merged)
    if budget_hit is not None:
        block = _block(budget_hit, paragraphs)
        _read_budget_block(block, merged, result)
    if merged and not any(a["lead"] for a in merged.values()) and len(merged) == 1:
        next(iter(merged.values()))["lead"] = True  # a sole recipient agency leads
    result.agencies = list(merged.values())
    _check_total(result, budget_hit)
    return result


def _block(hit: FieldHit, paragraphs: list[Paragraph] | None) -> list[Paragraph]:
    """The paragraphs after the budget label: the inline rest, then on past a header row that
    looks like a label (`Recipient Organization  Amount`) until another field's label."""
    inline = [Paragraph(hit.inline, hit.location)] if hit.inline else []
    if paragraphs is None or hit.index is None:
        return inline + hit.following
    block = []
    for paragraph in paragraphs[hit.index + 1 : hit.index + 1 + BLOCK_MAX_PARAGRAPHS]:
        name = match_field(paragraph.text) if paragraph.text.strip() else None
        if name not in (None, "agency_list", "budget_table"):
            break
        block.append(paragraph)
    return inline + block


def _entry(merged: dict[str, dict], code: str, raw: str) -> dict:
    entry = merged.setdefault(code, {"raw": raw, "agency": code, "lead": False, "budget_usd": None, "offices": []})
    if raw and raw not in entry["raw"].split(" + "):
        entry["raw"] = f"{entry['raw']} + {raw}" if entry["raw"] else raw
    return entry


def _read_list(hit: FieldHit, merged: dict[str, dict]) -> None:
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


def split_amount(text: str) -> tuple[str, float | None]:
    """(the words before the amount, the amount) of a budget-block line: `OIM-RCA  $ 1 507 352,00`,
    `UNICEF | 900,000`, `PAM : $ 855,000`; the amount is the last number of the line."""
    numbers = [n for n in find_numbers(text) if not n.percent]
    if not numbers:
        return text.strip(" :|\t"), None
    last = numbers[-1]
    head = text[: last.start]
    if re.search(r"[0-9]", re.sub(r"(?i)(US\s?\$|USD|\$)\s*$", "", head.rstrip())[-1:] or ""):
        return text.strip(" :|\t"), None  # digits glued before the amount: not a name + amount line
    name = re.sub(r"(?i)(US\s?\$|USD|\$)\s*$", "", head.rstrip()).strip(" :|\t-–")
    return name, last.value


def _read_budget_block(block: list[Paragraph], merged: dict[str, dict], result: AgencyBudgets) -> None:
    pending: tuple[str, str, Paragraph] | None = None  # (code, name) waiting for its amount in the next cell/line
    total_pending = False
    for paragraph in block:
        text = clean(paragraph.text)
        if _BLANK.match(text):
            continue
        if _TOTAL.match(text):
            rest = _TOTAL.sub("", text).strip(" :|")
            _, amount = split_amount(rest) if rest else ("", None)
            if amount is not None:
                result.total_usd, result.total_location = amount, paragraph.location
                return
            total_pending, pending = True, None
            continue
        name, amount = split_amount(text)
        if total_pending:
            if amount is not None and not name:
                result.total_usd, result.total_location = amount, paragraph.location
            return  # the block ends at its total row
        if amount is None:  # a name whose amount is in the next cell or line (a Word table, a PDF column)
            recipient = name and not _HEADER_WORDS.match(fold(name)) and re.search(r"[^\W\d_]{2}", name)
            code = (agency_code(name) or (_own_name(name) if len(name) <= 80 else None)) if recipient else None
            pending = (code, name, paragraph) if code is not None else None
            continue
        if not name and pending is not None:
            code, name, _ = pending
            if agency_code(name) is None:
                result.warnings.append(f"{paragraph.location}: '{name[:40]}' is not a UN agency Lens knows; its "
                                       "budget is kept under the name as written")
        elif name:
            code = agency_code(name)
            if code is None:
                if _HEADER_WORDS.match(fold(name)) or not re.search(r"[^\W\d_]{2}", name):
                    pending = None
                    continue
                code = _own_name(name)  # an NGO or another recipient: kept under its own name, money counted
                result.warnings.append(f"{paragraph.location}: '{name[:40]}' is not a UN agency Lens knows; its budget "
                                       "is kept under the name as written")
        else:
            continue  # an amount with no agency before it
        pending = None
        entry = _entry(merged, code, name)
        entry["offices"].append({"raw": name, "budget_usd": amount, "location": paragraph.location})
        entry["budget_usd"] = (entry["budget_usd"] or 0.0) + amount


def _own_name(name: str) -> str:
    """A recipient that is not a known UN agency, by its name as written (`NGO: Interpeace` → Interpeace)."""
    name = re.sub(r"^\s*(?:ngo|ong|cso|osc)\s*[:/-]\s*", "", name, flags=re.IGNORECASE)
    return re.sub(r"\s*\((?:ngo|ong|lead|convening agency|agence coordinatrice)\)\s*", " ", name, flags=re.IGNORECASE).strip()


def _check_total(result: AgencyBudgets, hit: FieldHit | None) -> None:
    lines = [a["budget_usd"] for a in result.agencies if a["budget_usd"] is not None]
    if result.total_usd is None or not lines:
        return
    total_of_lines = sum(lines)
    if abs(total_of_lines - result.total_usd) > TOTAL_TOLERANCE_USD:
        result.warnings.append(
            f"{result.total_location}: the agency budgets add up to ${total_of_lines:,.2f} but the stated total is "
            f"${result.total_usd:,.2f}; both are kept as written")
