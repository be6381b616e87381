"""Field labels of the PBF report templates (French and English, several versions), matched
tolerantly with rapidfuzz so that `Marquer de genre` and `Marqueur de genre` are one field."""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from loaders.normalise.matching import FUZZY_MIN_LENGTH, LABEL_CUTOFF
from loaders.normalise.text import fold

FIELD_LABELS: dict[str, list[str]] = {
    "title": ["titre du projet", "project title", "intitule du projet", "title of the project"],
    "project_ids": ["numero projet / mptf gateway", "numero du projet / mptf gateway", "numero de projet",
                    "project number from mptf-o gateway", "mptf gateway project number", "project number",
                    "numero du projet"],
    "countries": ["pays", "country", "countries", "country/ies", "pays concernes"],
    "report_type": ["type de rapport", "type of report", "report type"],
    "report_date": ["annee de rapport", "date de rapport", "date du rapport", "date of report", "year of report",
                    "report date"],
    "first_transfer_date": ["date du premier transfert de fonds", "date du premier transfert",
                            "date of first transfer", "date of first fund transfer"],
    "end_date": ["date de fin de projet", "date de fin du projet", "project end date", "end date of the project",
                 "date de cloture du projet", "project closing date", "end date"],
    "start_date": ["date de debut du projet", "date de debut de projet", "project start date",
                   "project commencement date", "date of project commencement", "commencement date",
                   "date de commencement du projet", "date de demarrage du projet", "start date"],
    "duration_months": ["duree du projet en mois", "project duration in months", "duree du projet",
                        "project duration", "duration of the project in months", "duration of project"],
    "gender_marker": ["marquer de genre du projet", "marqueur de genre du projet", "marqueur genre du projet",
                      "project gender marker", "gender marker"],
    "risk_marker": ["marquer de risque du projet", "marqueur de risque du projet", "project risk marker",
                    "risk marker"],
    "implementation_rate": ["taux de mise en oeuvre approximatif comme pourcentage du budget total du projet",
                            "approximate implementation rate as percentage of total project budget",
                            "taux de mise en oeuvre approximatif", "approximate implementation rate",
                            "taux de mise en oeuvre", "implementation rate", "current implementation rate",
                            "what is the approximate implementation rate", "quel est le taux de mise en oeuvre"],
    "evaluation_budget_usd": ["budget pour evaluation finale", "budget for final evaluation",
                              "budget de l'evaluation finale", "evaluation budget", "budget for evaluation",
                              "budget pour l'evaluation", "budget d'evaluation"],
    "focus_area": ["domaine de priorite de l'intervention pbf", "project pbf focus area", "pbf focus area"],
    "covid_adjustment_usd": ["ajustements financiers", "ajustements monetaires", "monetary adjustments",
                             "financial adjustments"],
    "agency_list": ["type et nom d'agence recipiendaire", "type et nom des agences recipiendaires",
                    "liste de toutes les agences recipiendaires", "type and name of recipient organizations",
                    "list all recipient organizations", "recipient organizations", "agences recipiendaires"],
    "budget_table": ["budget pbf total approuve", "total pbf approved project budget", "total approved budget",
                     "budget total approuve", "total pbf approved budget", "pbf total approved budget"],
}
_LEADING_ENUMERATION = re.compile(r"^\s*(?:\d+[).]\s|\d+\)|[·•\-–*]|\(?[a-zA-Z]\))\s*")


def label_key(text: str) -> str:
    """A paragraph folded for label matching: enumeration marks and bullets removed."""
    return fold(_LEADING_ENUMERATION.sub("", text)).strip()


_ACCENTED = str.maketrans({"e": "[eéèê]", "a": "[aàâ]", "i": "[iîï]", "o": "[oô]", "u": "[uùû]", "c": "[cç]"})
# A cheap first test on the raw paragraph: does it start (after a bullet or "1)") like some label?
_LABEL_START = re.compile(
    r"^\s*(?:\d+\)|[·•\-–*]|\(?[a-z]\))?\s*(?:"
    + "|".join(sorted({re.escape(v.split()[0][:4]).translate(_ACCENTED) for vs in FIELD_LABELS.values() for v in vs}))
    + ")", re.IGNORECASE)


def match_field(text: str) -> str | None:
    """The field whose label starts this paragraph, or None. Long labels match fuzzily."""
    if not _LABEL_START.match(text):
        return None  # labels differ between versions in their middle, not their first letters
    key = label_key(text[:160])  # the longest label is ~80 characters
    if not key:
        return None
    best: tuple[float, int, str] | None = None
    for field, variants in FIELD_LABELS.items():
        for variant in variants:
            score = _prefix_score(variant, key)
            if score and (best is None or (score, len(variant)) > best[:2]):
                best = (score, len(variant), field)
    return best[2] if best else None


def _prefix_score(variant: str, key: str) -> float:
    if key[:2] != variant[:2]:
        return 0.0  # labels differ between versions in their middle, not their first letters
    head = key[: len(variant)]
    boundary_ok = len(key) <= len(variant) or not key[len(variant)].isalnum()
    if head == variant and boundary_ok:
        return 100.0
    if len(variant) < FUZZY_MIN_LENGTH:
        return 0.0
    score = fuzz.ratio(variant, key[: len(variant) + 2])
    return score if score >= LABEL_CUTOFF else 0.0


def value_after_label(text: str) -> str:
    """The text after a label's colon on the same paragraph ('' when the value is further down)."""
    if ":" not in text:
        return ""
    return text.split(":", 1)[1].strip()
