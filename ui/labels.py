"""The interface's own words, (English, French) per key: page titles, figures, buttons, notes.
Read through `ui.i18n.t`, which fills in the thresholds of metrics/settings.py."""
from __future__ import annotations

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
    # a figure's delta names its target in a few words (the help text and docs/METRICS.md say more)
    "versus": (" vs ", " par rapport à "),
    "vs.un_minimum": ("UN {un_minimum}", "l'objectif ONU de {un_minimum}"),
    "vs.pbf_target": ("PBF {pbf_target}", "la cible PBF de {pbf_target}"),
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
    "read_at_ocr": ("Read by OCR from the scan {file} —", "Lu par OCR dans le document scanné {file} —"),
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
    "uncertain_one": ("One figure below was read by OCR from a scan with low confidence. Check it against the paper "
                      "copy: an editor confirms it (entering it as it stands) or puts it right with the correction form "
                      "further down. Until then it counts as read.",
                      "Un chiffre ci-dessous a été lu par OCR sur un document scanné avec une confiance faible. "
                      "Vérifiez-le sur l'exemplaire papier : un éditeur le confirme (en le saisissant tel qu'il figure) "
                      "ou le corrige avec le formulaire de correction plus bas. D'ici là, il compte tel que lu."),
    "uncertain_many": ("{n} figures below were read by OCR from a scan with low confidence. Check them against the "
                       "paper copy: an editor confirms each (entering it as it stands) or puts it right with the "
                       "correction form further down. Until then they count as read.",
                       "{n} chiffres ci-dessous ont été lus par OCR sur un document scanné avec une confiance faible. "
                       "Vérifiez-les sur l'exemplaire papier : un éditeur confirme chacun (en le saisissant tel qu'il "
                       "figure) ou le corrige avec le formulaire de correction plus bas. D'ici là, ils comptent tels "
                       "que lus."),
    "by_ocr": ("read by OCR", "lu par OCR"),
    "figure": ("Figure", "Chiffre"), "ocr_read": ("Read as", "Lu comme"),
    "ocr_confidence": ("OCR confidence", "Confiance de l'OCR"),
    "warnings_box": ("The readers' warnings ({n})", "Avertissements des lecteurs ({n}, texte technique en anglais)"),
    "warning_text": ("Warning", "Avertissement (en anglais)"),
    "sole_recipient": ("The project's only recipient: its budget is the project's, which no file splits by agency.",
                       "Seul récipiendaire du projet : son budget est celui du projet, qu'aucun fichier ne répartit "
                       "par agence."),
    "files_shown": ("{shown} of the {total} files in the store", "{shown} des {total} fichiers enregistrés"),
    "marker_not_stated": ("Not stated", "Non indiqué"),
    "not_stated": ("Not stated in the current report:", "Non indiqué dans le rapport en cours :"),
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
    "left_out_here": ("Left out of the totals: {reasons}. They are in the projects table below, marked ⚠.",
                      "Laissés hors des totaux : {reasons}. Ils figurent dans le tableau des projets ci-dessous, "
                      "marqués ⚠."),
    "left_out.delivery_implausible": ("{n} projects with a delivery rate below 0% or above {limit} (misread or "
                                      "mistyped figures)", "{n} projets au taux d'exécution inférieur à 0 % ou supérieur "
                                      "à {limit} (chiffres mal lus ou mal saisis)"),
    "left_out.delivery_implausible.one": ("{n} project with a delivery rate below 0% or above {limit} (a misread or "
                                          "mistyped figure)", "{n} projet au taux d'exécution inférieur à 0 % ou "
                                          "supérieur à {limit} (chiffre mal lu ou mal saisi)"),
    "left_out.spending_without_budget": ("{n} projects with spending but no budget",
                                         "{n} projets avec des dépenses mais sans budget"),
    "left_out.spending_without_budget.one": ("{n} project with spending but no budget",
                                             "{n} projet avec des dépenses mais sans budget"),
    "points": ("pts", "pts"),
    "no_reports": ("No progress report for this project yet: its figures come from the other files below "
                   "(financial exports, budget workbooks, a project profile).",
                   "Aucun rapport de progrès pour ce projet : ses chiffres viennent des autres fichiers ci-dessous "
                   "(exports financiers, budgets Excel, fiche de projet)."),
    "no_indicators_one": ("No indicator for this project: indicators come from the results tables of progress "
                          "reports; add one of its reports on the Data page.",
                          "Aucun indicateur pour ce projet : les indicateurs viennent des cadres de résultats des "
                          "rapports de progrès ; ajoutez un de ses rapports sur la page Données."),
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
    "why_flags": ("{n} data-quality flags", "{n} alertes qualité"),
    "why_flags.one": ("{n} data-quality flag", "{n} alerte qualité"),
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
    "pending_stored": ("{n} figures entered by hand stored as corrections.",
                       "{n} chiffres saisis à la main enregistrés comme corrections."),
    "pending_stored.one": ("{n} figure entered by hand stored as a correction.",
                           "{n} chiffre saisi à la main enregistré comme correction."),
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
    "waiting_write": ("Waiting for another write to finish…", "En attente de la fin d'une autre écriture…"),
    "store_busy": ("Another write is still running: nothing was changed. Try again in a moment.",
                   "Une autre écriture est encore en cours : rien n'a été modifié. Réessayez dans un instant."),
    "not_a_document": ("this file is not a PBF report, budget workbook or financial export Lens can read",
                       "ce fichier n'est ni un rapport PBF, ni un budget Excel, ni un export financier que Lens sait lire"),
    "refused_not_stored": ("Refused, so not stored: {files}. The other files will be.",
                           "Refusés, donc non enregistrés : {files}. Les autres fichiers le seront."),
    "nothing_to_store": ("No file can be stored: each one was refused above.",
                         "Aucun fichier ne peut être enregistré : chacun a été refusé ci-dessus."),
    "reading_files": ("Reading the files…", "Lecture des fichiers…"),
    "ocr_pages": ("Reading the scan {file} by OCR: page {done} of {pages}",
                  "Lecture par OCR du document scanné {file} : page {done} sur {pages}"),
    "stored_line": ("Files added: {added} · already stored: {unchanged} · failed: {failed} · refused in the preview, "
                    "not stored: {refused} — projects in the portfolio: {projects}.",
                    "Fichiers ajoutés : {added} · déjà enregistrés : {unchanged} · en échec : {failed} · refusés à "
                    "l'aperçu, non enregistrés : {refused} — projets dans le portefeuille : {projects}."),
    # what a headline rate is taken over (ui/bases.py)
    "base.budget_usd": ("Budget {budget} adds up the {n} of {of} projects that give a budget and count in the totals.",
                        "Le budget de {budget} additionne les {n} projets sur {of} qui en donnent un et comptent dans "
                        "les totaux."),
    "base.indicators": ("The {total} indicators come from the {n} of {of} projects whose reports give a results table.",
                        "Les {total} indicateurs viennent des {n} projets sur {of} dont les rapports donnent un cadre de "
                        "résultats."),
    "base.too_few": ("That is under half the portfolio's budget: too little to judge the portfolio against the target.",
                     "C'est moins de la moitié du budget du portefeuille : trop peu pour juger le portefeuille face à la "
                     "cible."),
    "base.delivery_rate": (
        "Delivery rate {rate} is taken over {base}, the budget of the {n} of {of} projects with an expenditure or a "
        "reported implementation rate.",
        "Le taux d'exécution de {rate} porte sur {base}, le budget des {n} projets sur {of} qui ont des dépenses ou "
        "un taux de mise en œuvre déclaré."),
    "base.gewe_share": (
        "GEWE share {rate} is taken over {base}, the budget of the {n} of {of} projects that state a GEWE amount.",
        "La part EGAF de {rate} porte sur {base}, le budget des {n} projets sur {of} qui indiquent un montant EGAF."),
    "base.gewe_spend_rate": (
        "GEWE spend rate {rate} is taken over {base} allocated to GEWE by the {n} of {of} projects that state what "
        "they spent on it.",
        "Le taux de dépense EGAF de {rate} porte sur {base} alloués à l'EGAF par les {n} projets sur {of} qui "
        "indiquent ce qu'ils y ont dépensé."),
    "moves_hint": ("A budget or an implementation rate also moves the expenditure of a project that reports none "
                   "(expenditure = rate × budget), and a budget moves the GEWE share; the trail records what moved.",
                   "Un budget ou un taux de mise en œuvre modifie aussi les dépenses d'un projet qui n'en déclare pas "
                   "(dépenses = taux × budget), et un budget modifie la part EGAF ; le journal note ce qui a changé."),
    "also_moved": ("Also moved:", "A aussi changé :"),
    "trail.moves": ("Also moved", "A aussi changé"),
    # under a roll-up by country (ui/country_rows.py)
    "rows.add_up": ("Country rows add up to {rows}; the portfolio is {total}.",
                    "Les lignes par pays totalisent {rows} ; le portefeuille, {total}."),
    "rows.joint": ("Projects in several countries count in full in each: {projects}.",
                   "Les projets couvrant plusieurs pays comptent en entier dans chacun : {projects}."),
    "rows.no_country": ("Projects that name no country are in no row ({n}): {projects}.",
                        "Les projets qui ne nomment aucun pays ne figurent dans aucune ligne ({n}) : {projects}."),
    "rows.gewe_budget_usd": ("of budget with a GEWE figure", "de budget avec un chiffre EGAF"),
    "rows.gewe_allocated_usd": ("of GEWE allocated", "d'EGAF alloué"),
    "and_list": (" and ", " et "), "list_sep": ("; ", " ; "),
    "n_projects": ("{n} projects", "{n} projets"), "n_project": ("{n} project", "{n} projet"),
    "n_more": ("{n} more", "{n} autres"),
    "refused.unreadable": ("this file cannot be read (empty, damaged, protected, or another format under this name)",
                           "ce fichier ne peut pas être lu (vide, abîmé, protégé, ou d'un autre format sous ce nom)"),
    "refused.unsupported": ("Lens does not read files of this kind", "Lens ne lit pas les fichiers de ce type"),
    "technical_detail": ("{file}: technical detail", "{file} : détail technique"),
}
