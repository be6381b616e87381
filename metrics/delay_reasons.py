"""Delay-reason categories from the French or English reason text. One set of keyword patterns,
used by Python (`categorise_reason`) and by DuckDB (`reason_categories_sql`) alike."""
from __future__ import annotations

import re

from loaders.normalise.text import fold

# Patterns run on folded text (lower case, no accents). RE2-compatible: no look-arounds.
CATEGORIES: dict[str, str] = {
    "security": r"securit|insecurit|attaque|attack|violence|conflit arme|armed|terroris|jihad|groupes? arme|acces.{0,20}zone|"
                r"contraintes operationnelles et securitaires",
    "covid-19": r"covid|pandemi|confinement|lockdown|restrictions sanitaires|coronavirus|mesures barrieres|"
                r"instructions gouvernementales|regroupement",
    "recruitment/staffing": r"recrut|staff|personnel|consultant|coordinat(eur|rice|or)|equipe de terrain|"
                            r"pas encore ete deploy|deploiement|indisponibilite des formateurs|hiring|vacan",
    "procurement/logistics": r"procurement|acquisition|achat|passation|fournisseur|supplier|logisti|livraison|delivery of",
    "political/institutional change": r"election|dissou|dissol|coup d|transition|remaniement|gouvernement de transition|"
                                      r"crise (socio)?politique|political crisis|assemblee|parliament",
    "government/partner dependency": r"depend|ne maitrise pas|initiatives lancees par|depose par le gouvernement|"
                                     r"en attente (du|de la|des)|waiting for|pending (government|approval)|"
                                     r"validation (du|de la|par)|approval by",
    "data not yet collected": r"enquete|survey|mesure(e|ra)? a la fin|sera mesure|baseline|donnees|data|etude|"
                              r"pas de liste|pas disponible|not available|desagreg",
}
OTHER = "other"


def categorise_reason(text: str | None) -> list[str]:
    """Every category a reason text falls in; ['other'] for a reason matching none; [] for no reason."""
    key = fold(text)
    if not key:
        return []
    found = [name for name, pattern in CATEGORIES.items() if re.search(pattern, key)]
    return found or [OTHER]


def reason_categories_sql(folded_column: str) -> str:
    """A DuckDB expression giving the same list as categorise_reason for a folded text column."""
    items = ", ".join(
        f"CASE WHEN regexp_matches({folded_column}, '{pattern.replace(chr(39), chr(39) * 2)}') THEN '{name}' END"
        for name, pattern in CATEGORIES.items())
    listed = f"list_filter([{items}], lambda x: x IS NOT NULL)"
    return (f"CASE WHEN {folded_column} IS NULL OR {folded_column} = '' THEN []::VARCHAR[] "
            f"WHEN len({listed}) = 0 THEN ['{OTHER}'] ELSE {listed} END")
