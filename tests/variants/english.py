"""The English template's labels put in place of the French ones in a text export: what a
report written on the English PBF template looks like, with the sample's own answers."""
from __future__ import annotations

import re

# (French label as the samples write it, the English template's label). Case and accents tolerated.
LABELS = [
    (r"RAPPORT DE PROGR[EÈ]S DE PROJET PBF", "PBF PROJECT PROGRESS REPORT"),
    (r"MODELE DE RAPPORT DE PROGRES DE PROJET PBF", "PBF PROJECT PROGRESS REPORT TEMPLATE"),
    (r"^(\s*)PAYS\s*:", r"\1COUNTRY:"),
    (r"TYPE DE RAPPORT\s*:\s*SEMESTRIEL, ANNUEL OU FINAL\s*:?", "TYPE OF REPORT: SEMI-ANNUAL, ANNUAL OR FINAL:"),
    (r"ANNEE DE RAPPORT", "YEAR OF REPORT"),
    (r"DATE DE RAPPORT", "DATE OF REPORT"),
    (r"Titre du projet", "Project Title"),
    (r"Numéro Projet / MPTF Gateway", "Project Number from MPTF-O Gateway"),
    (r"Si le financement passe par un Fonds Fiduciaire \(“Trust fund”\)",
     "If funding is disbursed into a national or regional trust fund"),
    (r"Fonds fiduciaire pays", "Country Trust Fund"), (r"Fonds fiduciaire régional", "Regional Trust Fund"),
    (r"Nom du fonds fiduciaire", "Name of Recipient Fund"),
    (r"Modalité de financement PBF", "PBF funding modality"),
    (r"Type et nom d’agence récipiendaire", "Type and name of recipient organizations"),
    (r"Liste de toutes les agences récipiendaires des fonds PBF \(en commençant par l’agence chef de file\), "
     r"avec le type d’organisation \(ONU, ONG etc\)",
     "List all recipient organizations of PBF funds (starting with the convening agency), with the type of "
     "organization (UN, NGO etc)"),
    (r"Liste d’autres partenaires de mise en œuvre \(gouvernementaux ou non-gouvernementaux\)",
     "List additional implementing partners, Governmental and non-Governmental"),
    (r"\(Agence coordinatrice\)|\(Agence Coordonatrice\)", "(Convening Agency)"),
    (r"Date du premier transfert de fonds", "Date of first transfer"),
    (r"Date de fin de projet", "Project end date"),
    (r"Date de début du projet", "Project commencement date"),
    (r"Durée du projet en mois", "Project duration in months"),
    (r"Le projet est-il dans ces six derniers mois de mise en œuvre \?", "Is the current project end date within 6 months?"),
    (r"Est-ce que le projet fait part d’une des fenêtres prioritaires spécifiques du PBF",
     "Check if the project falls under one or more PBF priority windows"),
    (r"Budget PBF total approuvé(\*?) \(par agence récipiendaire\)",
     r"Total PBF approved project budget\1 (by recipient organization)"),
    (r"Agence récipiendaire(\s+)Budget", r"Recipient Organization\1Amount"),
    (r"Combien de tranches ont déjà été perçues par le projet", "How many tranches have been received so far"),
    (r"Taux de mise en œuvre approximatif comme pourcentage du budget total du projet",
     "Approximate implementation rate as percentage of total project budget"),
    (r"\*JOINDRE LE BUDGET EXCEL DU PROJET MONTRANT LES DÉPENSES APPROXIMATIVES ACTUELLES\*",
     "*ATTACH PROJECT EXCEL BUDGET SHOWING CURRENT APPROXIMATE EXPENDITURE*"),
    (r"Budg[ée]tisation sensible au genre", "Gender-responsive Budgeting"),
    (r"Indiquez le montant \(\$\) du budget dans le document de projet alloué aux activités dédiées à l’égalité des "
     r"sexes ou à l’autonomisation des femmes",
     "Indicate dollar amount from the project document to be allocated to activities focussed on gender equality "
     "or women’s empowerment"),
    (r"Indiquez le montant \(\$\) du budget dépensé jusqu’à maintenant pour les activités dédiées à l’égalité des "
     r"sexes ou à l’autonomisation des femmes",
     "Amount expended to date on activities focussed on gender equality or women’s empowerment"),
    (r"Veuillez indiquer quel montant \$ a été prévu \(dans le document de projet\) pour les activités axées sur "
     r"l'égalité des sexes ou l'autonomisation des femmes et combien a été effectivement alloué à ce jour",
     "Please indicate what $ amount was planned (in the project document) for activities focussed on gender "
     "equality or women’s empowerment and how much has been actually allocated to date"),
    (r"Marquer de genre du projet", "Project Gender Marker"),
    (r"Marquer de risque du projet", "Project Risk Marker"),
    (r"Domaine de priorité de l’intervention PBF \(«\s*PBF focus area\s*»\)", "Project PBF focus area"),
    (r"Préparation du rapport", "Report preparation"),
    (r"Rapport préparé par", "Project report prepared by"), (r"Rapport approuvé par", "Project report approved by"),
    (r"Le Secrétariat PBF a-t-il revu le rapport", "Did PBF Secretariat review the report"),
    (r"Budget pour évaluation finale \(réponse obligatoire\)", "Evaluation budget (response required)"),
    (r"1\) Ajustements financiers : Veuillez indiquer le montant total en USD des ajustements liés au COVID-19\.",
     "1) Monetary adjustments: Please indicate the total amount in USD of adjustments due to COVID-19:"),
    (r"^(\s*)Partie ([0-9IVX]+)\s*:", r"\1PART \2:"), (r"^(\s*)PARTIE ([0-9IVX]+)\s*:", r"\1PART \2:"),
    (r"^(\s*)Indicateurs\s*$", r"\1Performance Indicators"),
    (r"^(\s*)Base de données?\s*$", r"\1Indicator Baseline"),
    (r"^(\s*)Cible de fin de projet\s*$", r"\1End of project Indicator Target"),
    (r"^(\s*)Etapes d’indicateur/ milestone\s*$", r"\1Indicator Milestone"),
    (r"^(\s*)Progrès actuel de l’indicateur\s*$", r"\1Current indicator progress"),
    (r"^(\s*)Raisons pour les retards ou changements\s*$", r"\1Reasons for Variance/ Delay (if any)"),
    (r"^(\s*)Ajustement des cibles \(cas échéant\)\s*$", r"\1Adjustment of target (if any)"),
    (r"Veuillez évaluer l'état actuel des progrès du résultat", "Please rate the current status of the outcome progress"),
    (r"^(\s*)Résultat\s+([0-9])", r"\1Outcome \2"), (r"^(\s*)Produit\s+([0-9])", r"\1Output \2"),
    (r"^(\s*)Indicateur\s+([0-9])", r"\1Indicator \2"),
]
ANSWERS = [(r"(OR FINAL:?\s*)ANNUEL\b", r"\1ANNUAL"), (r"(OR FINAL:?\s*)FINAL\b", r"\1FINAL"),
           (r"(OR FINAL:?\s*)SEMESTRIEL\b", r"\1SEMI-ANNUAL"),
           (r"\bJanvier\b", "January"), (r"\bNovembre\b", "November"), (r"\bNOVEMBRE\b", "NOVEMBER"),
           (r"\bDécembre\b", "December"),
           (r"(outcome progress\s*:\s*)Sur la bonne voie avec des résultats de consolidation de la paix",
            r"\1On track with peacebuilding results"),
           (r"(outcome progress\s*:\s*)Sur la bonne voie", r"\1On track"),
           (r"(outcome progress\s*:\s*)Hors de la bonne voie", r"\1Off track")]
_COMPILED = [(re.compile(a, re.IGNORECASE | re.MULTILINE), b) for a, b in LABELS + ANSWERS]


def to_english(text: str) -> str:
    """The text export with the English template's labels."""
    for pattern, replacement in _COMPILED:
        text = pattern.sub(replacement, text)
    return text
