"""Corrections entered by hand: which fields can be corrected (REPORT.md's dotted names), how the
typed text becomes a value (the same grammar as the files: VALUES.md), and one clear line when a
name or a value makes no sense. Pure functions; the store keeps them (loaders/store/corrections.py)."""
from __future__ import annotations

import json
import re

from loaders.normalise.agencies import agency_code
from loaders.normalise.cells import read_cell
from loaders.normalise.dates import read_date
from loaders.normalise.numbers import read_number
from loaders.record import CORRECTABLE
from loaders.store.corrections import BadCorrection, Correction
from loaders.templates.field_values import read_marker, read_report_type

FIELDS = CORRECTABLE  # field → what it holds
MAX_REASON = 500
CELLS = ("baseline", "target", "milestone", "current")
_AGENCY_FIELD = re.compile(r"^project\.agencies\.(?P<agency>\S.*?)\.budget_usd$")  # budget of one recipient agency
_INDICATOR_FIELD = re.compile(r"^indicators\.(?P<code>[0-9]+(?:\.[0-9]+)*)\.(?P<cell>baseline|target|milestone|current)$")


def check(field: str, text: str, reason: str) -> Correction:
    """The correction as it will be stored, or BadCorrection with one line saying what is wrong."""
    field = (field or "").strip()
    if not field:
        raise BadCorrection("name the field to correct")
    indicator = _INDICATOR_FIELD.match(field)
    agency = _AGENCY_FIELD.match(field)
    kind = "cell" if indicator else "money" if agency else FIELDS.get(field) or FIELDS.get(_short(field))
    if kind is None:
        raise BadCorrection(f"'{field}' is not a field that can be corrected; one of: {', '.join(FIELDS)}, "
                            "project.agencies.AGENCY.budget_usd, or indicators.CODE.baseline|target|milestone|current")
    if agency:  # the agency as the store names it (`PNUD` → UNDP); a recipient outside the list as written
        field = agency_field(agency_code(agency["agency"]) or agency["agency"].strip())
    field = field if field in FIELDS or indicator or agency else _short(field)
    reason = (reason or "").strip()
    if not reason:
        raise BadCorrection("a correction needs a short reason (what the right figure is based on)")
    if len(reason) > MAX_REASON:
        raise BadCorrection(f"the reason is {len(reason)} characters; keep it under {MAX_REASON}")
    return Correction(field, _value(kind, (text or "").strip(), field), reason)


def agency_field(agency: str) -> str:
    """The field name of one recipient agency's budget."""
    return f"project.agencies.{agency}.budget_usd"


def indicator_field(code: str, cell: str) -> str:
    """The field name of one cell of an indicator row."""
    return f"indicators.{code}.{cell}"


def _short(field: str) -> str:
    """`total_budget_usd` → `project.total_budget_usd`, as the issue's command line writes it."""
    matches = [name for name in FIELDS if name.split(".", 1)[1] == field]
    return matches[0] if len(matches) == 1 else field


def _value(kind: str, text: str, field: str) -> str:
    if not text:
        raise BadCorrection(f"give the new value of {field}")
    if kind == "cell":  # read as the file's cells are (VALUES.md): `45%`, `120 (50 femmes)`, `TBD`
        cell = read_cell(text)
        return json.dumps({"raw": cell.raw, "value": cell.value, "unit": cell.unit}, ensure_ascii=False)
    if kind == "money":
        value = read_number(text)
        if value is None or value < 0:
            raise BadCorrection(f"'{text[:40]}' is not an amount in US dollars (e.g. 2000000 or 2 000 000,00)")
        return _number(value)
    if kind == "rate":
        value = read_number(text.rstrip("%").strip())
        if value is None:
            raise BadCorrection(f"'{text[:40]}' is not a rate (e.g. 37% or 0.37)")
        fraction = value / 100.0 if text.endswith("%") or value > 1.5 else value
        if not 0 <= fraction <= 1.5:
            raise BadCorrection(f"'{text[:40]}' is outside 0–150 %")
        return _number(round(fraction, 6))
    if kind == "marker":
        marker = read_marker(text)
        if marker is None:
            raise BadCorrection(f"'{text[:40]}' is not a marker from 0 to 3 (e.g. 2 or GM2)")
        return str(marker)
    if kind == "type":
        answer = read_report_type(text)
        if answer is None:
            raise BadCorrection(f"'{text[:40]}' is not a report type (semi-annual, annual or final)")
        return answer
    date = read_date(text) if not re.fullmatch(r"\d{4}(-\d{2}){0,2}", text) else text
    if date is None:
        raise BadCorrection(f"'{text[:40]}' is not a date (e.g. 2021-06-30, June 2021 or 2021)")
    return date


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))
