"""What each figure means, shown as help tooltips; the full definitions are in docs/METRICS.md."""
from __future__ import annotations

from ui.i18n import with_thresholds

DEFINITIONS: dict[str, tuple[str, str]] = {
    "delivery_rate": (
        "Expenditure ÷ budget. Where only the report's implementation rate is known, that rate (marked "
        "'reported'; its expenditure is then rate × budget). Rolled up as Σ expenditure ÷ Σ budget over the "
        "projects with an expenditure or a rate only (the sentence under the figures names that budget), never an "
        "average of rates.",
        "Dépenses ÷ budget. Si seul le taux de mise en œuvre du rapport est connu, ce taux (marqué « déclaré » ; "
        "ses dépenses valent alors taux × budget). Agrégé en Σ dépenses ÷ Σ budget sur les seuls projets ayant des "
        "dépenses ou un taux (la phrase sous les chiffres nomme ce budget), jamais en moyenne de taux."),
    "time_elapsed": (
        "(as-of date − start) ÷ (end − start); start is the first transfer when no start date is written; as-of "
        "is the report date.",
        "(date de référence − début) ÷ (fin − début) ; le début est le premier transfert si aucune date de début "
        "n'est écrite ; la date de référence est celle du rapport."),
    "delivery_gap": (
        "Time elapsed − delivery rate. Behind when above {gap_behind} points, or delivery under {low_delivery} with "
        "under {months_left} months left.",
        "Temps écoulé − taux d'exécution. En retard au-delà de {gap_behind} points, ou exécution sous {low_delivery} "
        "à moins de {months_left} mois de la fin."),
    "gewe_share": (
        "GEWE allocation ÷ total budget, over the projects that state a GEWE amount, against the UN-wide minimum "
        "of {un_minimum} and the PBF's {pbf_target} target (the figure's delta is taken against the PBF target).",
        "Montant alloué à l'égalité des sexes et l'autonomisation des femmes ÷ budget total, sur les projets qui "
        "indiquent un montant EGAF, face au minimum ONU de {un_minimum} et à la cible PBF de {pbf_target} (la vue "
        "d'ensemble le compare au minimum, la page Genre à la cible PBF ; chacune nomme celle qu'elle utilise)."),
    "gewe_spend_rate": ("GEWE spent ÷ GEWE allocated, over the projects that state both, beside the overall delivery.",
                        "EGAF dépensé ÷ EGAF alloué, sur les projets qui indiquent les deux, à côté de l'exécution "
                        "globale."),
    "status": (
        "achieved (progress ≥ 100 %), on track (milestone reached or progress ≥ time elapsed), behind, not started "
        "(current = baseline), no data (missing or placeholder), qualitative (words only). "
        "Progress = (current − baseline) ÷ (target − baseline).",
        "atteint (progrès ≥ 100 %), en bonne voie (jalon atteint ou progrès ≥ temps écoulé), en retard, non "
        "commencé (actuel = base), pas de donnée (vide ou à déterminer), qualitatif (texte seulement). "
        "Progrès = (actuel − base) ÷ (cible − base)."),
    "women_share": ("Σ women ÷ Σ (women + men), over indicators whose current cell gives both.",
                    "Σ femmes ÷ Σ (femmes + hommes), sur les indicateurs dont la cellule donne les deux."),
    "budget": ("Approved budget: the report's total, else the budget workbook's lines, else the export's.",
               "Budget approuvé : le total du rapport, sinon les lignes du budget Excel, sinon l'export."),
}


def help_text(key: str, language: str) -> str:
    english, french = DEFINITIONS[key]
    return with_thresholds(french if language == "fr" else english, language) + " — docs/METRICS.md"
