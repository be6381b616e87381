"""Outcome statements and ratings from a report's narrative part (`Résultat 1 : …`,
`Outcome 1: …`, followed by the progress-rating dropdown)."""
from __future__ import annotations

import re

from loaders.model import Paragraph
from loaders.normalise.text import clean, fold

_OUTCOME_LINE = re.compile(r"^\s*(?:r[ée]sultat|outcome)\s*([0-9]+)\s*:\s*(?:outcome\s*[0-9]+\s*:\s*)?(.*)$", re.IGNORECASE)
_RATING_LINE = re.compile(r"(?:[ée]valuer l'[ée]tat actuel des progr[eè]s|rate the current status)[^:]*:\s*(.*)$", re.IGNORECASE)
_MAYBE = re.compile(r"^\s*(?:r[ée]sultat|outcome)|valuer l|rate the current", re.IGNORECASE)
_OFF_TRACK = re.compile(r"off track|not on track|hors de la bonne voie|pas (?:sur|en) (?:la )?bonne voie|en retard")
_ON_TRACK = re.compile(r"on track|(?:sur la|en) bonne voie")
_SIGNIFICANT = re.compile(r"significant|significati")
_PEACEBUILDING = re.compile(r"peacebuilding results|resultats de consolidation de la paix|consolidation de la paix")


def read_narrative_outcomes(paragraphs: list[Paragraph], stop_at: int | None) -> dict[str, dict]:
    """Outcome number → {statement, rating} from the narrative, before the results table."""
    outcomes: dict[str, dict] = {}
    current = None
    for paragraph in paragraphs[: stop_at if stop_at is not None else len(paragraphs)]:
        if not _MAYBE.search(paragraph.text):
            continue
        text = clean(paragraph.text).replace("’", "'")
        match = _OUTCOME_LINE.match(text)
        if match and clean(match.group(2)):
            current = match.group(1)
            outcomes.setdefault(current, {"statement": clean(match.group(2)), "rating": None})
            continue
        rating = _RATING_LINE.search(text)
        if rating and current in outcomes and outcomes[current]["rating"] is None:
            outcomes[current]["rating"] = _rating(rating.group(1))
    return outcomes


def _rating(text: str) -> str | None:
    """The template's choice, by what it says in either language (`On track with significant
    peacebuilding results`, `Sur la bonne voie`, `Hors de la bonne voie`); None for a blank or an
    unknown answer."""
    key = fold(text)
    if _OFF_TRACK.search(key):
        return "off track"
    if not _ON_TRACK.search(key):
        return None
    if _PEACEBUILDING.search(key):
        return ("on track with significant peacebuilding results" if _SIGNIFICANT.search(key)
                else "on track with peacebuilding results")
    return "on track"


def merge_outcomes(table_outcomes: list[dict], narrative: dict[str, dict]) -> list[dict]:
    """Outcomes from the table, with statements and ratings filled from the narrative."""
    merged = {o["number"]: dict(o) for o in table_outcomes}
    for number, found in narrative.items():
        entry = merged.setdefault(number, {"number": number, "statement": None, "rating": None, "outputs": []})
        entry["statement"] = entry["statement"] or found["statement"]
        entry["rating"] = entry["rating"] or found["rating"]
    return [merged[n] for n in sorted(merged, key=lambda n: int(n) if n.isdigit() else 0)]
