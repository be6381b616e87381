"""Which figures of a record rest on words OCR was unsure of: each correctable headline field, agency budget
and indicator cell whose text holds a word Tesseract read with low confidence
(`Paragraph.uncertain`, set by loaders/formats/pdf_ocr.py) is listed with what was read and how
sure, under the name a correction takes (`project.total_budget_usd`,
`project.agencies.UNDP.budget_usd`, `indicators.1.2.target`), so a person confirms or corrects
it instead of it being stored as if sure. Pure."""
from __future__ import annotations

import re

from loaders.model import Paragraph
from loaders.record import CORRECTABLE

_ROW = re.compile(r"^(?:results table, )?(page \d+, table \d+, row \d+),")
_CELLS = ("baseline", "target", "milestone", "current")


def uncertain_figures(paragraphs: list[Paragraph], project: dict, locations: dict[str, str],
                      indicators: list[dict]) -> list[dict]:
    """REPORT.md `uncertain`: one entry per field and doubtful word."""
    doubtful: dict[str, list[tuple[str, float]]] = {}
    for paragraph in paragraphs:
        if paragraph.uncertain:
            doubtful.setdefault(paragraph.location, []).extend(paragraph.uncertain)
    if not doubtful:
        return []
    places = sorted((field, where) for field, where in locations.items() if field in CORRECTABLE)
    for agency in project.get("agencies") or []:
        places += [(f"project.agencies.{agency['agency']}.budget_usd", office["location"])
                   for office in agency.get("offices") or []]
    found = [_entry(field, where, text, confidence) for field, where in places
             for text, confidence in doubtful.get(where, [])]
    rows: dict[str, list[tuple[str, str, float]]] = {}
    for location, words in doubtful.items():
        if row := _ROW.match(location):
            rows.setdefault(row.group(1), []).extend((location, text, conf) for text, conf in words)
    for indicator in indicators:
        row = _ROW.match(indicator["location"])
        for location, text, confidence in rows.get(row.group(1), []) if row else []:
            cell = next((c for c in _CELLS if _holds(indicator[c].get("raw") or "", text)), None)
            if cell is not None:  # a doubtful word in the statement or the reason is no figure
                found.append(_entry(f"indicators.{indicator['code']}.{cell}", location, text, confidence))
    return list({(f["field"], f["read"]): f for f in found}.values())


def _holds(raw: str, text: str) -> bool:
    return re.search(rf"(?<![\w.,]){re.escape(text)}(?!\w)", raw) is not None


def _entry(field: str, location: str, text: str, confidence: float) -> dict:
    return {"field": field, "location": location, "read": text, "confidence": int(confidence)}
