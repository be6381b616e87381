"""Interface language (English or French): labels, and numbers, money, percentages and dates
written the way each language writes them (1,245,996 / 1 245 996; 21.7% / 21,7 %)."""
from __future__ import annotations

import math

from babel import Locale

from loaders.normalise.countries import country_name
from metrics import settings
from metrics.settings import IMPLAUSIBLE_DELIVERY
from ui.formats import (
    NARROW_NBSP,
    fmt_compact,
    fmt_date,
    fmt_money,
    fmt_money_short,
    fmt_number,
    fmt_pct,
    plotly_separators,
)
from ui.labels import LABELS

# pages name countries, and write numbers, through the interface language module
__all__ = ["NARROW_NBSP", "country_name", "fmt_compact", "fmt_date", "fmt_money", "fmt_money_short", "fmt_number", "fmt_pct",
           "plotly_separators"]

LANGUAGES = ("en", "fr")

# The headline fields a report may leave unread (REPORT.md `missing`), as a user names them.
MISSING_FIELDS: dict[str, tuple[str, str]] = {
    "project.total_budget_usd": ("total approved budget", "budget total approuvé"),
    "project.agencies[].budget_usd": ("budget per recipient agency", "budget par agence récipiendaire"),
    "report.type": ("report type", "type de rapport"),
    "report.date": ("report date", "date du rapport"),
    "report.implementation_rate": ("implementation rate", "taux de mise en œuvre"),
    "report.gender_allocated_usd": ("GEWE amount allocated", "montant EGAF alloué"),
    "report.gender_spent_usd": ("GEWE amount spent", "montant EGAF dépensé"),
    "project.gender_marker": ("gender marker", "marqueur genre"),
    "project.risk_marker": ("risk marker", "marqueur de risque"),
    "indicators": ("results table (indicators)", "cadre de résultats (indicateurs)"),
}


TARGETS = {"un_minimum": settings.GEWE_UN_MINIMUM, "pbf_target": settings.GEWE_PBF_TARGET}


def versus(share, target: str, language: str, judged: bool = True) -> dict:
    """A metric's delta against a named target (`un_minimum`, `pbf_target`), as `st.metric`
    keywords: `+9.5 pts vs UN minimum 15%`, green and up above it, red and down below (Streamlit
    reads the direction from an ASCII "-", which the typographic minus of `fmt_points` is not).
    Nothing when the share is unknown; grey, without an arrow, when it covers too little of the
    portfolio to be `judged` against the target. Every page names a target the same way."""
    if share is None:
        return {}
    if not judged:
        return {"delta": fmt_points(share - TARGETS[target], language) + t("versus", language) + t("vs." + target, language),
                "delta_color": "off", "delta_arrow": "off"}
    below = share < TARGETS[target]
    return {"delta": fmt_points(share - TARGETS[target], language) + t("versus", language) + t("vs." + target, language),
            "delta_color": "red" if below else "green", "delta_arrow": "down" if below else "up"}


def fmt_points(difference, language: str) -> str:
    """A difference of two rates in percentage points: `+1.1 pts`, `−2,5 pts`."""
    value = difference * 100
    sign = "+" if value > 0 else ("−" if value < 0 else "")
    return f"{sign}{fmt_number(abs(value), language, 1)} {t('points', language)}"


def left_out_note(left_out: dict, language: str, here: bool = False) -> str:
    """`Left out of the totals: 1 project with a delivery rate above 150 %, …`."""
    reasons = [tn(f"left_out.{reason}", n, language).format(limit=fmt_pct(IMPLAUSIBLE_DELIVERY, language, 0))
               for reason, n in sorted(left_out.items())]
    return t("left_out_here" if here else "left_out", language).format(reasons=t("list_sep", language).join(reasons))


def left_out_label(reason, language: str) -> str:
    """A project's own left-out mark (`left out: delivery above 150 %`); '' when it counts."""
    if not isinstance(reason, str):
        return ""
    return t(f"left_out_short.{reason}", language).format(limit=fmt_pct(IMPLAUSIBLE_DELIVERY, language, 0))


def missing_label(names, language: str) -> str:
    """`total approved budget, report type` for the dotted names of REPORT.md's `missing`."""
    index = LANGUAGES.index(language) if language in LANGUAGES else 0
    return ", ".join(MISSING_FIELDS[name][index] if name in MISSING_FIELDS else str(name) for name in names)


class _Thresholds(dict):
    """The thresholds of metrics/settings.py as labels write them; other `{names}` are left for the caller."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def thresholds(language: str = "en") -> _Thresholds:
    """The thresholds as the language writes them (`15%` / `15 %`)."""
    return _Thresholds(
        un_minimum=fmt_pct(settings.GEWE_UN_MINIMUM, language, 0), pbf_target=fmt_pct(settings.GEWE_PBF_TARGET, language, 0),
        gap_behind=f"{settings.DELIVERY_GAP_BEHIND * 100:g}", low_delivery=fmt_pct(settings.LOW_DELIVERY, language, 0),
        months_left=f"{settings.MONTHS_LEFT_WARNING}")


THRESHOLDS = {language: thresholds(language) for language in LANGUAGES}


def with_thresholds(text: str, language: str = "en") -> str:
    """A label with its `{un_minimum}`-style thresholds filled in from metrics/settings.py."""
    return text.format_map(THRESHOLDS.get(language, THRESHOLDS["en"])) if "{" in text else text


def t(key: str, language: str) -> str:
    """The label in the interface language (the key itself if unknown), thresholds filled in."""
    pair = LABELS.get(key)
    if pair is None:
        return key
    return with_thresholds(pair[1] if language == "fr" else pair[0], language)


def colon(language: str) -> str:
    """`: ` in English, ` : ` in French (a no-break space before the colon, as French typography has it)."""
    return "\u00a0: " if language == "fr" else ": "


def tn(key: str, n: int, language: str) -> str:
    """The label for a count `n`, `{n}` filled in: its `.one` form where the language's plural rule
    (CLDR, through Babel) says one — `1 project`, and in French `0 projet`, `1 projet` — else the plural."""
    one = f"{key}.one"
    form = Locale.parse(language if language in LANGUAGES else "en").plural_form(abs(n))
    text = t(one if form == "one" and one in LABELS else key, language)
    return text.replace("{n}", fmt_number(n, language))


STATUS_LABELS = {"achieved": "atteint", "on track": "en bonne voie", "behind": "en retard",
                 "not started": "non commencé", "no data": "pas de donnée", "qualitative": "qualitatif"}
# Table headers for columns a page shows without naming them itself: (English, French).
COLUMN_LABELS: dict[str, tuple[str, str]] = {
    "project_key": ("Project no.", "N° de projet"), "title": ("Project", "Projet"), "countries": ("Country", "Pays"),
    "agency": ("Agency", "Agence"), "raw_name": ("As written", "Tel qu'écrit"),
    "lead": ("Lead", "Chef de file"), "file_name": ("File", "Fichier"),
    "ocr_pages": ("Pages read by OCR", "Pages lues par OCR"),
    "start_day": ("Start date", "Date de début"), "as_of": ("Figures as of", "Chiffres au"),
    "as_of_source": ("Date of the figures from", "Date des chiffres tirée de"),
    "budget_source": ("Budget from", "Budget tiré de"),
    "expenditure_usd": ("Expenditure reported (USD)", "Dépenses déclarées (USD)"),
    "net_funded_usd": ("Net funded (USD)", "Montant net financé (USD)"), "months_left": ("Months left", "Mois restants"),
    "meets_pbf_target": ("Meets the PBF's 30% GEWE target", "Atteint la cible EGAF de 30 % du PBF"),
    "milestone_raw": ("Milestone", "Étape"), "current_value": ("Current value", "Valeur actuelle"),
    "budget_usd": ("Budget (USD)", "Budget (USD)"),
    "indicators_disaggregated": ("Indicators split by sex", "Indicateurs ventilés par sexe"),
    "indicators_missing_split": ("Indicators to split by sex", "Indicateurs à ventiler par sexe"),
    "statement": ("Indicator", "Indicateur"), "baseline_raw": ("Baseline", "Base"),
    "target_raw": ("Target", "Cible"), "current_raw": ("Current", "Actuel"),
    "indicator_code": ("Indicator", "Indicateur"), "author": ("Reviewer", "Relecteur"), "text": ("Comment", "Commentaire"),
    "message": ("What", "Quoi"), "value_a": ("Value", "Valeur"), "value_b": ("Compared with", "Comparée à"),
    "indicator": ("Indicator", "Indicateur"), "format": ("Format", "Format"),
    "report_period": ("Report", "Rapport"),
    "type": ("Type", "Type"),
    "date": ("Date", "Date"), "implementation_rate": ("Implementation rate", "Taux de mise en œuvre"),
    "gender_allocated_usd": ("GEWE allocated (USD)", "EGAF alloué (USD)"),
    "gender_spent_usd": ("GEWE spent (USD)", "EGAF dépensé (USD)"),
    "corrected_fields": ("Entered by hand", "Saisi à la main"), "number": ("No.", "N°"),
    # the columns of the downloads (CSV, Excel), which carry every column of the table shown
    "delivery_source": ("Delivery rate from", "Taux d'exécution tiré de"), "end_day": ("End date", "Date de fin"),
    "expenditure_estimate_usd": ("Expenditure (USD)", "Dépenses (USD)"),
    "gewe_allocated_usd": ("GEWE allocated (USD)", "EGAF alloué (USD)"),
    "gewe_spent_usd": ("GEWE spent (USD)", "EGAF dépensé (USD)"),
    "indicators_behind": ("Indicators behind", "Indicateurs en retard"),
    "label": ("Name", "Nom"), "left_out_reason": ("Left out of the totals", "Exclu des totaux"),
    "meets_un_minimum": ("Meets the UN minimum", "Atteint le minimum ONU"),
    "reason_categories": ("Delay categories", "Catégories de retard"),
    "people": ("People", "Personnes"),
}

# Values shown in tables and options: (English, French).
VALUE_LABELS: dict[str, tuple[str, str]] = {
    "outcome": ("outcome", "résultat"), "output": ("output", "produit"),
    "security": ("security", "sécurité"), "covid-19": ("COVID-19", "COVID-19"),
    "recruitment/staffing": ("recruitment/staffing", "recrutement/personnel"),
    "procurement/logistics": ("procurement/logistics", "achats/logistique"),
    "political/institutional change": ("political/institutional change", "changement politique/institutionnel"),
    "government/partner dependency": ("government/partner dependency", "dépendance gouvernement/partenaires"),
    "data not yet collected": ("data not yet collected", "données pas encore collectées"), "other": ("other", "autre"),
    "expenditure": ("expenditure", "dépenses"), "reported": ("reported rate", "taux déclaré"),
    "report": ("report", "rapport"), "workbook": ("budget workbook", "budget Excel"), "export": ("export", "export"),
    "correction": ("entered by hand", "saisi à la main"),
    "annual": ("annual", "annuel"), "semi-annual": ("semi-annual", "semestriel"), "final": ("final", "final"),
    "progress_report": ("progress report", "rapport de progrès"), "final_review": ("final review", "revue finale"),
    "project_profile": ("project profile", "fiche projet"), "budget": ("budget workbook", "budget Excel"),
    "financial_export": ("financial export", "export financier"), "unknown": ("not recognised", "non reconnu"),
    "baseline_missing": ("baseline missing", "base manquante"),
    "target_not_a_number": ("target not a number", "cible non chiffrée"),
    "current_far_above_target": ("current far above target", "actuel très au-dessus de la cible"),
    "split_does_not_add_up": ("women + men ≠ total", "femmes + hommes ≠ total"),
    "reviewer_comment": ("reviewer comment", "commentaire de relecteur"),
    "report_total_differs": ("report total ≠ agency budgets", "total du rapport ≠ budgets des agences"),
    "agency_budget_differs": ("agency budget ≠ workbook", "budget d'agence ≠ budget Excel"),
    "gewe_differs": ("GEWE ≠ workbook", "EGAF ≠ budget Excel"),
    "expenditure_above_budget": ("expenditure above budget", "dépenses au-dessus du budget"),
    "delivery_rate_differs": ("export's delivery rate differs", "taux d'exécution de l'export différent"),
}


def status_label(status: str, language: str) -> str:
    """A status in the interface language."""
    return STATUS_LABELS.get(status, status) if language == "fr" else status


def column_label(name: str, language: str) -> str:
    """A column's header in the interface language: COLUMN_LABELS, else the label of the same name
    (`delivery_rate` → Delivery rate), else the name itself."""
    pair = COLUMN_LABELS.get(name)
    if pair is None:
        return t(name, language)  # the label of the same name, thresholds filled in; else the name
    return pair[LANGUAGES.index(language) if language in LANGUAGES else 0]


def value_label(value, language: str) -> str:
    """A value shown in a table or an option (level, delay category, source, report type) in the
    interface language; a status through `status_label`; '' for a missing value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = str(value)
    if text in STATUS_LABELS:
        return status_label(text, language)
    pair = VALUE_LABELS.get(text)
    return pair[LANGUAGES.index(language) if language in LANGUAGES else 0] if pair else text


def values_label(values, language: str) -> str:
    """A comma-separated list of values (`security, covid-19`) in the interface language."""
    if values is None or (isinstance(values, float) and math.isnan(values)):
        return ""
    parts = [p.strip() for p in str(values).split(",")] if isinstance(values, str) else list(values)
    return ", ".join(value_label(p, language) for p in parts if p)


def period_label(period, language: str) -> str:
    """A stored report period (`progress_report:annual:2020-11`, kind:type:date, `?` unknown) as a
    person reads it: `progress report, annual, Nov 2020` / `rapport de progrès, annuel, nov. 2020`."""
    if not isinstance(period, str) or not period:
        return ""
    kind, _, rest = period.partition(":")
    report_type, _, date = rest.partition(":")
    parts = [value_label(kind, language), value_label(report_type, language) if report_type != "?" else "",
             fmt_date(date, language) if date and date != "?" else ""]
    return ", ".join(p for p in parts if p)
