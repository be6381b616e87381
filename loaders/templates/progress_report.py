"""The cover and narrative fields of a PBF progress report (French or English template):
project identity, dates, markers, agencies and budgets, implementation rate, GEWE, evaluation
budget and COVID-19 adjustment."""
from __future__ import annotations

import re

from loaders.model import Paragraph
from loaders.normalise.countries import read_countries
from loaders.normalise.dates import read_date
from loaders.normalise.text import clean, fold
from loaders.templates.agency_budget import read_agencies
from loaders.templates.field_values import (
    RISK_WORDS,
    TYPE_PROMPT,
    looks_like_answer,
    read_amount,
    read_amount_pair,
    read_int,
    read_marker,
    read_project_ids,
    read_rate,
    read_report_type,
    read_window,
    word_answer,
)
from loaders.templates.fields import FieldHit, find_fields

_GEWE = re.compile(r"(montant|amount|\$|expenditure|depenses?).*(egalite des sexes|gender equality|genre|gewe)|"
                   r"(egalite des sexes|gender equality).*(montant|amount|\$)")
_GEWE_WORDS = re.compile(r"sexes|gender|genre|gewe", re.IGNORECASE)
_TRAILING_AMOUNT = re.compile(r"[.:?]\s*((?:US\s?\$|USD|\$)\s*[0-9][0-9 ,.\u00a0\u202f]*)$", re.IGNORECASE)
_SPENT = re.compile(r"depense|expended|expenditure|spent|utilise")
_ALLOCATED = re.compile(r"alloue|allocated|prevu|planned|budgete")


# headline field (REPORT.md's dotted name) → the label hit it is read from
_LOCATED = {"project.title": "title", "project.countries": "countries", "project.start_date": "start_date",
            "project.end_date": "end_date", "project.gender_marker": "gender_marker",
            "project.risk_marker": "risk_marker", "report.type": "report_type", "report.date": "report_date",
            "report.implementation_rate": "implementation_rate",
            "report.evaluation_budget_usd": "evaluation_budget_usd", "report.covid_adjustment_usd": "covid_adjustment_usd"}


def read_report_fields(paragraphs: list[Paragraph], stop_at: int | None, warnings: list[str],
                       locations: dict | None = None) -> tuple[dict, dict]:
    """(project, report) dictionaries of REPORT.md from the paragraphs before the results table;
    `locations` (when given) receives where each headline field that was read was found."""
    hits = find_fields(paragraphs, stop_at)
    value = {name: hit.first_value() for name, hit in hits.items()}
    project_ids = read_project_ids(value.get("project_ids", ""))
    countries, unknown = read_countries(value.get("countries", ""))
    for part in unknown:
        warnings.append(f"{hits['countries'].location}: country '{part}' not recognised")
    agencies = read_agencies(hits.get("agency_list"), hits.get("budget_table"), paragraphs)
    warnings.extend(agencies.warnings)
    project = {
        "title": _title(value.get("title")),
        "project_ids": project_ids,
        "countries": countries,
        "window": read_window(project_ids),
        "start_date": read_date(value.get("start_date")),
        "end_date": read_date(value.get("end_date")),
        "first_transfer_date": read_date(value.get("first_transfer_date")),
        "duration_months": read_int(value.get("duration_months", "")),
        "gender_marker": _marker(hits.get("gender_marker"), None, "gender marker", warnings),
        "risk_marker": _marker(hits.get("risk_marker"), RISK_WORDS, "risk marker", warnings),
        "total_budget_usd": agencies.total_usd,
        "agencies": agencies.agencies,
    }
    allocated, spent, gewe_at = read_gewe(paragraphs[:stop_at] if stop_at else paragraphs)
    report = {
        "type": _report_type(hits.get("report_type")),
        "date": read_date(value.get("report_date")),
        "implementation_rate": _rate(hits.get("implementation_rate")),
        "gender_allocated_usd": allocated,
        "gender_spent_usd": spent,
        "evaluation_budget_usd": _amount(hits.get("evaluation_budget_usd"), warnings, "final evaluation budget"),
        "covid_adjustment_usd": _amount(hits.get("covid_adjustment_usd"), warnings, "COVID-19 adjustment"),
    }
    _warn_missing(project, report, warnings)
    if locations is not None:
        located = {"project": project, "report": report}
        for field, name in _LOCATED.items():
            part, key = field.split(".")
            if located[part].get(key) not in (None, [], "") and name in hits:
                locations[field] = hits[name].location
        if agencies.total_usd is not None and agencies.total_location:
            locations["project.total_budget_usd"] = agencies.total_location
        locations.update({f"report.{k}": where for k, where in gewe_at.items() if report.get(k) is not None})
    return project, report


def _title(text: str | None) -> str | None:
    title = clean(text)
    return title or None


def _value_of(hit: FieldHit | None, fits) -> str:
    """The value on the label's line, else the line just below it when `fits(line)` says it is one."""
    if hit is None:
        return ""
    if hit.inline:
        return hit.inline
    below = hit.first_value()
    return below if fits(below) else ""


def _short_value(hit: FieldHit | None) -> str:
    """The value on the label's line, else a short line just below it (a filled form cell)."""
    return _value_of(hit, lambda below: len(below) <= 40)


def _report_type(hit: FieldHit | None) -> str | None:
    if hit is None:
        return None
    answer = read_report_type(hit.inline)
    # the answer in the next cell, perhaps after the prompt (`…OR FINAL: annual`); a line ending in a
    # colon is the rest of a prompt that wrapped (`SEMI-ANNUAL, ANNUAL OR` / `FINAL :`), not the answer
    following = [p for p in hit.following[:2] if not clean(p.text).endswith(":")]
    if answer is None and following:
        below = TYPE_PROMPT.sub("", clean(following[0].text)).strip(" :")
        answer = read_report_type(below) if len(below) <= 40 else None
    return answer


def _marker(hit: FieldHit | None, words: dict | None, what: str, warnings: list[str]) -> int | None:
    value = _short_value(hit)
    if not value:
        return None
    marker = read_marker(value, words)
    if marker is None:
        warnings.append(f"{hit.location}: {what} '{value[:40]}' not understood (expected 0–3)")
    return marker


def _answer(hit: FieldHit | None) -> str:
    """The answer to a question: on its line, else the line below when that is an answer, not the next question."""
    return _value_of(hit, looks_like_answer)


def _rate(hit: FieldHit | None) -> float | None:
    """The implementation rate: `37%` → 0.37, `Néant` → 0, `N/A` → null; never a number of the next question."""
    answer = _answer(hit)
    said, value = word_answer(answer)
    return value if said else (read_rate(answer) if answer else None)


def _amount(hit: FieldHit | None, warnings: list[str], what: str) -> float | None:
    if hit is None:
        return None
    said, value = word_answer(_answer(hit))
    if said:
        return value
    for text in hit.values()[:3]:
        amount = read_amount(text)
        if amount is not None:
            return amount
    trailing = _TRAILING_AMOUNT.search(hit.inline or hit.label_text)
    if trailing:  # the answer joined to its question (`… liés au COVID-19. $0`, a PDF line)
        return read_amount(trailing.group(1))
    if hit.inline and not re.search(r"[?]|veuillez|please|indiquer|indicate", fold(hit.inline)):
        warnings.append(f"{hit.location}: {what} '{hit.inline[:40]}' is not an amount")
    return None


def read_gewe(paragraphs: list[Paragraph]) -> tuple[float | None, float | None, dict[str, str]]:
    """GEWE amount allocated in the project document, and spent (or allocated) to date, and where
    each was read (`gender_allocated_usd`/`gender_spent_usd` → location)."""
    allocated = spent = None
    where: dict[str, str] = {}
    for index, paragraph in enumerate(paragraphs):
        raw = paragraph.text
        if len(raw) > 1200 or not _GEWE_WORDS.search(raw):
            continue  # the GEWE questions are one-sentence form fields that name gender equality
        text = clean(raw)
        key = fold(text)
        if not _GEWE.search(key) or (":" not in raw and not re.search(r"[?)]\s*$|gewe\s*$", key)):
            continue  # a question: `…: $ 450,000`, or the answer in the next cell (`… (GEWE)?`)
        label, answer = text.rsplit(":", 1) if ":" in text else (text, "")
        said, word_value = word_answer(answer)
        if not said and read_amount(answer) is None:  # the answer below, unless that is the next question
            below = next((clean(p.text) for p in paragraphs[index + 1 : index + 3] if clean(p.text)), "")
            answer = below if looks_like_answer(below) and not _GEWE.search(fold(below)) else ""
            said, word_value = word_answer(answer)
        if said:  # `Néant` (0) or `N/A` (null): a word answer, never a number further on
            field = "gender_spent_usd" if _SPENT.search(fold(label)) and not _ALLOCATED.search(fold(label)) else \
                "gender_allocated_usd"
            if field == "gender_spent_usd" and spent is None and word_value is not None:
                spent, where[field] = word_value, paragraph.location
            elif field == "gender_allocated_usd" and allocated is None and word_value is not None:
                allocated, where[field] = word_value, paragraph.location
            continue
        first, second = read_amount_pair(answer)
        label_key = fold(label)
        if _SPENT.search(label_key) and not _ALLOCATED.search(label_key):
            if spent is None and first is not None:
                spent, where["gender_spent_usd"] = first, paragraph.location
        elif second is not None:
            if allocated is None and first is not None:
                allocated, where["gender_allocated_usd"] = first, paragraph.location
            spent, where["gender_spent_usd"] = second, paragraph.location
        elif _ALLOCATED.search(label_key) and allocated is None and first is not None:
            allocated, where["gender_allocated_usd"] = first, paragraph.location
    return allocated, spent, where


def _warn_missing(project: dict, report: dict, warnings: list[str]) -> None:
    for key in ("title", "countries", "agencies"):
        if not project.get(key):
            warnings.append(f"project {key.replace('_', ' ')} not found")
    if not project.get("project_ids"):
        warnings.append("project number (MPTF Gateway) not found")
    if report.get("type") is None:
        warnings.append("report type (semi-annual, annual or final) not stated")
