"""Interface language (English or French): labels, and numbers, money, percentages and dates
written the way each language writes them (1,245,996 / 1 245 996; 21.7% / 21,7 %)."""
from __future__ import annotations

import math

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

# pages name countries, and write numbers, through the interface language module
__all__ = ["NARROW_NBSP", "country_name", "fmt_compact", "fmt_date", "fmt_money", "fmt_money_short", "fmt_number", "fmt_pct",
           "plotly_separators"]

LANGUAGES = ("en", "fr")

LABELS: dict[str, tuple[str, str]] = {
    # navigation and shared
    "app_title": ("PBF Portfolio Lens", "PBF Portfolio Lens"),
    "overview": ("Overview", "Vue d'ensemble"), "delivery": ("Delivery", "Exécution financière"),
    "gender": ("Gender", "Genre"), "indicators": ("Indicators", "Indicateurs"), "project": ("Project", "Projet"),
    "data": ("Data", "Données"), "language": ("Language", "Langue"), "filters": ("Filters", "Filtres"),
    "country": ("Country", "Pays"), "agency": ("Recipient agency", "Agence récipiendaire"),
    "outcome": ("Outcome", "Résultat"), "report_type": ("Report type", "Type de rapport"),
    "gender_marker": ("Gender marker", "Marqueur genre"), "all": ("All", "Tous"),
    "download_csv": ("Download CSV", "Télécharger CSV"), "download_xlsx": ("Download Excel", "Télécharger Excel"),
    "no_data": ("No project matches these filters yet — ingest reports on the Data page or widen the filters.",
                "Aucun projet ne correspond encore à ces filtres — importez des rapports sur la page Données ou "
                "élargissez les filtres."),
    "empty_store": ("The portfolio is empty — ingest reports, budgets or exports on the Data page.",
                    "Le portefeuille est vide — importez des rapports, budgets ou exports sur la page Données."),
    "source": ("Source", "Source"), "comments": ("Reviewer comments", "Commentaires des relecteurs"),
    "no_comments": ("No reviewer comment on this row.", "Aucun commentaire sur cette ligne."),
    # figures
    "projects": ("Projects", "Projets"), "budget": ("Budget", "Budget"), "expenditure": ("Expenditure", "Dépenses"),
    "delivery_rate": ("Delivery rate", "Taux d'exécution"), "gewe_share": ("GEWE share", "Part EGAF"),
    "gewe_spend_rate": ("GEWE spend rate", "Taux de dépense EGAF"), "time_elapsed": ("Time elapsed", "Temps écoulé"),
    "delivery_gap": ("Delivery gap", "Écart d'exécution"), "behind": ("Behind", "En retard"),
    "end_date": ("End date", "Date de fin"), "status": ("Status", "Statut"), "women": ("Women", "Femmes"),
    "men": ("Men", "Hommes"), "women_share": ("Women's share", "Part des femmes"),
    "indicators_by_status": ("Indicators by status", "Indicateurs par statut"),
    "needing_attention": ("Projects needing attention", "Projets à suivre"),
    "flags": ("Data-quality flags", "Alertes qualité des données"),
    "by_country": ("By country", "Par pays"), "by_agency": ("By agency", "Par agence"),
    "by_outcome": ("By outcome", "Par résultat"), "by_project": ("By project", "Par projet"),
    "un_minimum": ("UN minimum {un_minimum}", "Minimum ONU {un_minimum}"),
    "pbf_target": ("PBF target {pbf_target}", "Cible PBF {pbf_target}"),
    "delivery_equals_time": ("delivery = time elapsed", "exécution = temps écoulé"),
    "delivery_rate_net_funded": ("Delivery ÷ net funded", "Exécution ÷ montant net financé"),
    "no_outcome_spending": ("No budget workbook with expenditure by outcome yet — ingest one on the Data page.",
                            "Aucun budget Excel avec dépenses par résultat — importez-en un sur la page Données."),
    "spend_without_delivery": ("No delivery rate beside the GEWE spend rate of {projects}: no expenditure figure "
                               "(report or export) for the project as a whole.",
                               "Pas de taux d'exécution à côté du taux de dépense EGAF de {projects} : aucun chiffre de "
                               "dépenses (rapport ou export) pour l'ensemble du projet."),
    "no_gewe_by_agency": ("Reports give GEWE per project only; per agency it comes from budget workbooks — ingest one "
                          "on the Data page.", "Les rapports donnent l'EGAF par projet ; par agence, il vient des "
                          "budgets Excel — importez-en un sur la page Données."),
    "read_at": ("Read from {file} —", "Lu dans {file} —"),
    "projects_behind": ("Projects behind", "Projets en retard"),
    "of_dated": ("of {m} with dates", "sur {m} datés"),
    "find_project": ("Find a project: its number or words of its title",
                     "Trouver un projet : son numéro ou des mots de son titre"),
    "listing_projects": ("Listing {shown} of {total} projects, largest budget first: type a number or words of a title "
                         "to find the others.",
                         "{shown} projets listés sur {total}, les plus gros budgets d'abord : tapez un numéro ou des "
                         "mots d'un titre pour trouver les autres."),
    "no_project_match": ("No project matches “{text}”.", "Aucun projet ne correspond à « {text} »."),
    "chart_not_drawn": ("This chart could not be drawn: the browser did not receive the chart script "
                        "(static/plotly-cartesian.min.js). The table on this page has the same figures.",
                        "Ce graphique n’a pas pu être affiché : le navigateur n’a pas reçu le script des graphiques "
                        "(static/plotly-cartesian.min.js). Le tableau de cette page donne les mêmes chiffres."),
    "drawn_as_counts": ("{n} projects are too many to draw one by one: the chart counts them per cell of {step} × {step} "
                        "points (hover a cell for its count); the table below lists every project.",
                        "{n} projets, trop nombreux pour être dessinés un à un : le graphique les compte par case de "
                        "{step} × {step} points (survolez une case pour son nombre) ; le tableau ci-dessous les liste tous."),
    "not_plotted": ("{shown} of {total} projects drawn: the others have no delivery rate, no start and end dates, "
                    "or an implausible figure (⚠ in the table).",
                    "{shown} projets sur {total} dessinés : les autres n'ont pas de taux d'exécution, pas de dates "
                    "de début et de fin, ou un chiffre invraisemblable (⚠ dans le tableau)."),
    "no_markers": ("No gender marker stated for these projects (reports and project documents give it as GM0–GM3).",
                   "Aucun marqueur genre indiqué pour ces projets (les rapports et documents de projet le donnent, "
                   "de GM0 à GM3)."),
    "none_below_target": ("Every project with a GEWE figure reaches the {pbf_target} target.",
                          "Tous les projets avec un chiffre EGAF atteignent la cible de {pbf_target}."),
    "store_outdated": ("This store was built by an older version of Lens and this app only reads: {hint}.",
                       "Cette base a été construite par une version antérieure de Lens et cette application ne fait "
                       "que lire : mettez-la à jour avec la commande suivante — {hint}."),
    "many_projects": ("many projects (an export)", "plusieurs projets (un export)"),
    "no_rows": ("Nothing to show here.", "Rien à afficher ici."),
    "no_project_number": ("no project number", "sans numéro de projet"),
    "behind_zone": ("behind zone (gap > {gap_behind} points)", "zone de retard (écart > {gap_behind} points)"),
    "marker_mix": ("Gender-marker mix", "Répartition par marqueur genre"),
    "below_target": ("Projects below the {pbf_target} target", "Projets sous la cible de {pbf_target}"),
    "search": ("Search statements and reasons", "Rechercher dans les énoncés et raisons"),
    "level": ("Level", "Niveau"), "reason": ("Reason for delay", "Raison du retard"),
    "reason_category": ("Delay-reason category", "Catégorie de raison de retard"),
    "select_row": ("Select a row to see where it was read and its comments.",
                   "Sélectionnez une ligne pour voir sa source et ses commentaires."),
    "files": ("Files read", "Fichiers lus"), "upload": ("Upload reports, budget workbooks or exports",
                                                          "Importer des rapports, budgets ou exports"),
    "store_files": ("Store these files", "Enregistrer ces fichiers"),
    "remove": ("Remove this file and everything read from it", "Supprimer ce fichier et tout ce qui en a été lu"),
    "choose_project": ("Project", "Projet"), "report_history": ("Reports over time", "Rapports dans le temps"),
    "outcomes_indicators": ("Outcomes and indicators", "Résultats et indicateurs"),
    "agency_budgets": ("Budget per agency", "Budget par agence"),
    "missing": ("Not found in the file", "Absent du fichier"),
    "missing_intro": ("Not found in the current report, so left out of the figures above:",
                      "Absent du rapport en cours, donc laissé hors des chiffres ci-dessus :"),
    "missing_file": ("{file}: not found in the file — {fields}", "{file} : absent du fichier — {fields}"),
    "file": ("File", "Fichier"), "kind": ("Kind", "Type"), "project_id": ("Project", "Projet"),
    "warnings": ("Warnings", "Avertissements"), "error": ("Error", "Erreur"),
    "showing_rows": ("Showing the first {shown} of {total} rows — narrow with the filters; the downloads hold "
                     "every row.", "Affichage des {shown} premières lignes sur {total} — affinez avec les filtres ; "
                     "les téléchargements contiennent toutes les lignes."),
    "showing_bars": ("{shown} lowest of {total}", "les {shown} plus bas sur {total}"),
    "ingested_at": ("Stored at", "Enregistré le"),
    "no_attention": ("No project needs attention: none is behind, none has an indicator behind or a data-quality flag.",
                     "Aucun projet à suivre : aucun n'est en retard, n'a d'indicateur en retard ni d'alerte qualité."),
    "left_out": ("Left out of the totals: {reasons}. They are listed, with their figures, on the Delivery page.",
                 "Laissés hors des totaux : {reasons}. Ils figurent, avec leurs chiffres, sur la page Exécution financière."),
    "left_out.delivery_implausible": ("{n} project(s) with a delivery rate below 0% or above {limit} (a misread or "
                                      "mistyped figure)", "{n} projet(s) au taux d'exécution inférieur à 0 % ou supérieur "
                                      "à {limit} (chiffre mal lu ou mal saisi)"),
    "left_out.spending_without_budget": ("{n} project(s) with spending but no budget",
                                         "{n} projet(s) avec des dépenses mais sans budget"),
    "points": ("pts", "pts"),
    "no_indicators": ("No indicator for these projects: indicators come from the results tables of progress reports, "
                      "and the files read for them hold none — ingest progress reports on the Data page.",
                      "Aucun indicateur pour ces projets : les indicateurs viennent des cadres de résultats des rapports "
                      "de progrès, et les fichiers lus n'en contiennent pas — importez des rapports de progrès sur la "
                      "page Données."),
    "others": ("Others ({n})", "Autres ({n})"),
    "portfolio_total": ("Portfolio (all countries)", "Portefeuille (tous pays)"),
    "why": ("Why", "Pourquoi"), "open": ("Open", "Ouvrir"), "open_project": ("project page ›", "page du projet ›"),
    "why_gap": ("delivery {delivery} after {time} of the time", "exécution {delivery} après {time} du temps"),
    "why_indicators": ("{n} of {of} indicators behind", "{n} indicateurs sur {of} en retard"),
    "why_mostly": ("(mostly {category})", "(surtout : {category})"),
    "why_flags": ("{n} data-quality flag(s)", "{n} alerte(s) qualité"),
    "no_gewe": ("No GEWE figure for these projects: GEWE amounts come from the gender-budgeting questions of progress "
                "reports or from budget workbooks, and the files read for them hold none.",
                "Aucun montant EGAF pour ces projets : les montants EGAF viennent des questions de budgétisation sensible "
                "au genre des rapports de progrès ou des budgets Excel, et les fichiers lus n'en contiennent pas."),
    "no_split": ("No result split by sex for these projects: the split comes from the current-progress cells of "
                 "results tables (\"120 (50 women, 70 men)\").",
                 "Aucun résultat ventilé par sexe pour ces projets : la ventilation vient des cellules de progrès des "
                 "cadres de résultats (« 120 (50 femmes, 70 hommes) »)."),
    "left_out_short.delivery_implausible": ("left out: delivery below 0% or above {limit}",
                                            "exclu : exécution sous 0 % ou au-delà de {limit}"),
    "left_out_short.spending_without_budget": ("left out: spending, no budget", "exclu : dépenses sans budget"),
    "left_out_help": ("Shown, but left out of every total: the figure is implausible.",
                      "Affiché, mais laissé hors de tous les totaux : le chiffre n'est pas plausible."),
    "superseded": ("Superseded", "Remplacé"),
    "code": ("Code", "Code"), "path": ("Baseline → current → target", "Base → actuel → cible"),
    "progress": ("Progress", "Progrès"), "status_reason": ("Why this status", "Pourquoi ce statut"),
    "location": ("Where it was read", "Où il a été lu"), "choose": ("Choose", "Choisir"),
    "signed_in_as": ("Signed in as {name} ({role})", "Connecté : {name} ({role})"),
    "signed_out": ("Sign in to correct figures or upload files.",
                   "Connectez-vous pour corriger des chiffres ou importer des fichiers."),
    "sign_in": ("Sign in", "Se connecter"), "sign_out": ("Sign out", "Se déconnecter"),
    "role.viewer": ("reader", "lecture"), "role.editor": ("editor", "éditeur"), "role.admin": ("administrator", "administrateur"),
    "preview_correct": ("Enter or correct a figure of {file} before storing it",
                        "Saisir ou corriger un chiffre de {file} avant de l'enregistrer"),
    "add_pending": ("Keep this figure for storing", "Garder ce chiffre pour l'enregistrement"),
    "pending": ("Entered by hand, stored with the file:", "Saisi à la main, enregistré avec le fichier :"),
    "pending_stored": ("{n} figure(s) entered by hand stored as corrections.",
                       "{n} chiffre(s) saisi(s) à la main enregistré(s) comme corrections."),
    "corr.agency": ("Budget — {agency} (USD)", "Budget — {agency} (USD)"),
    "corr.indicator": ("Indicator {code} — {cell}", "Indicateur {code} — {cell}"),
    "corr.cell.baseline": ("baseline", "base"), "corr.cell.target": ("target", "cible"),
    "corr.cell.milestone": ("milestone", "jalon"), "corr.cell.current": ("current value", "valeur actuelle"),
    "entered_by_hand": ("entered by hand (see the corrections below)", "saisi à la main (voir les corrections plus bas)"),
    "corr.project.total_budget_usd": ("Total approved budget (USD)", "Budget total approuvé (USD)"),
    "corr.report.implementation_rate": ("Implementation rate", "Taux de mise en œuvre"),
    "corr.report.gender_allocated_usd": ("GEWE allocated (USD)", "EGAF alloué (USD)"),
    "corr.report.gender_spent_usd": ("GEWE spent (USD)", "EGAF dépensé (USD)"),
    "corr.project.gender_marker": ("Gender marker", "Marqueur genre"),
    "corr.project.risk_marker": ("Risk marker", "Marqueur de risque"),
    "corr.report.type": ("Report type", "Type de rapport"),
    "corr.report.date": ("Report date", "Date du rapport"),
    "trail.id": ("No.", "N°"), "trail.made_at": ("When (UTC)", "Quand (UTC)"), "trail.made_by": ("Who", "Qui"),
    "trail.project_key": ("Project", "Projet"), "trail.field": ("Figure", "Chiffre"),
    "trail.read_value": ("Read from the file", "Lu dans le fichier"), "trail.new_value": ("Entered", "Saisi"),
    "trail.reason": ("Reason", "Raison"), "trail.undoes": ("Undoes", "Annule"), "trail.active": ("In use", "En vigueur"),
    "corrections": ("Corrections entered by hand", "Corrections saisies à la main"),
    "no_corrections": ("No figure has been corrected by hand.", "Aucun chiffre n'a été corrigé à la main."),
    "correct_figure": ("Correct or enter a figure", "Corriger ou saisir un chiffre"),
    "field": ("Figure", "Chiffre"), "new_value": ("New value", "Nouvelle valeur"),
    "reason_required": ("Reason (required)", "Raison (obligatoire)"),
    "save_correction": ("Save the correction", "Enregistrer la correction"),
    "correction_saved": ("Correction {id} saved.", "Correction {id} enregistrée."),
    "undo_id": ("Correction no. to undo", "N° de la correction à annuler"), "undo": ("Undo", "Annuler"),
    "corrected_help": ("✎ entered by hand: see the corrections below for the value read and the reason.",
                       "✎ saisi à la main : voir les corrections ci-dessous pour la valeur lue et la raison."),
    "stale_corrections": ("These corrections now differ from what the newer file says:",
                          "Ces corrections diffèrent de ce que dit le fichier plus récent :"),
}

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


def versus(share, target: float, language: str) -> dict:
    """A metric's delta against a target, as `st.metric` keywords: `+9.5 pts vs 15%`, green and up
    above it, red and down below (Streamlit reads the direction from an ASCII "-", which the
    typographic minus of `fmt_points` is not). Nothing when the share is unknown."""
    if share is None:
        return {}
    below = share < target
    return {"delta": fmt_points(share - target, language) + " vs " + fmt_pct(target, language, 0),
            "delta_color": "red" if below else "green", "delta_arrow": "down" if below else "up"}


def fmt_points(difference, language: str) -> str:
    """A difference of two rates in percentage points: `+1.1 pts`, `−2,5 pts`."""
    value = difference * 100
    sign = "+" if value > 0 else ("−" if value < 0 else "")
    return f"{sign}{fmt_number(abs(value), language, 1)} {t('points', language)}"


def left_out_note(left_out: dict, language: str) -> str:
    """`Left out of the totals: 1 project(s) with a delivery rate above 150 %, …`."""
    reasons = [t(f"left_out.{reason}", language).format(n=n, limit=fmt_pct(IMPLAUSIBLE_DELIVERY, language, 0))
               for reason, n in sorted(left_out.items())]
    return t("left_out", language).format(reasons="; ".join(reasons))


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


STATUS_LABELS = {"achieved": "atteint", "on track": "en bonne voie", "behind": "en retard",
                 "not started": "non commencé", "no data": "pas de donnée", "qualitative": "qualitatif"}
# Table headers for columns a page shows without naming them itself: (English, French).
COLUMN_LABELS: dict[str, tuple[str, str]] = {
    "project_key": ("Project no.", "N° de projet"), "title": ("Project", "Projet"), "countries": ("Country", "Pays"),
    "agency": ("Agency", "Agence"), "raw_name": ("As written", "Tel qu'écrit"),
    "lead": ("Lead", "Chef de file"), "file_name": ("File", "Fichier"),
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
    "financial_export": ("financial export", "export financier"),
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
