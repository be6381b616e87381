"""Which template a document follows (progress report, final review, project profile) and its language."""
from __future__ import annotations

import re

_FRENCH = re.compile(r"\b(le|la|les|des|du|de|et|est|pour|dans|une|sur|avec|sont|ont|au|aux)\b")
_ENGLISH = re.compile(r"\b(the|and|of|to|in|is|for|with|are|has|have|was|were|this|that|on)\b")


def detect_language(text: str) -> str:
    """fr or en, by counting common words."""
    folded = text[:20_000].lower()
    return "fr" if len(_FRENCH.findall(folded)) >= len(_ENGLISH.findall(folded)) else "en"


def detect_kind(text: str, has_results_table: bool) -> str | None:
    """progress_report | final_review | project_profile, or None for a document we do not know."""
    lowered = text[:60_000].lower()
    if re.search(r"rapport de progr[eè]s de projet|project progress report|progress report", lowered) or has_results_table:
        return "progress_report"
    if re.search(r"final project review|related cpap outcome|revue finale du projet|lessons.learned", lowered):
        return "final_review"
    if re.search(r"select solutions you want to learn more|our partners|fiche projet|project profile", lowered):
        return "project_profile"
    if re.search(r"taux de mise en (?:oe|œ)uvre|implementation rate|marque?u?r de genre|gender marker", lowered):
        return "progress_report"
    return None
