"""A series of one project's reports (issue 25), written from the Mali sample: the same project
reporting in June 2020 (semi-annual), November 2020 (the sample itself, annual) and June 2021
(semi-annual), with an implementation rate that rises, indicator 1.1.1 rising then falling, its
target revised from 30 to 40, indicator 1.1 reaching its target, and the project's end moved from
31 December 2021 to 30 June 2022 in the last report (a no-cost extension); outcome 1 rated on
track, on track, then off track, outcome 2 off track then on track with peacebuilding results,
outcome 3 never rated (its choice left blank, as in the sample)."""
from __future__ import annotations

from tests.conftest import SEEDS

SOURCE = SEEDS / "ml-cadre-crise-centre-annual-2020.txt"
TYPE_LINE = "TYPE DE RAPPORT : SEMESTRIEL, annuEl OU FINAL : ANNUEL"
DATE_LINE = "ANNEE DE RAPPORT: Novembre 2020"
RATE_LINE = "Taux de mise en œuvre approximatif comme pourcentage du budget total du projet : 37%"
END_LINE = "Date de fin de projet : 31 Décembre 2021"

RATING_LINE = "Veuillez évaluer l'état actuel des progrès du résultat : "
# per report, the rating chosen under outcomes 1, 2 and 3 ('' leaves the choice blank)
RATINGS = {"mali-2020-06.txt": ("Sur la bonne voie", "Hors de la bonne voie", ""),
           "mali-2020-11.txt": ("Sur la bonne voie", "Sur la bonne voie avec des résultats de consolidation de la paix", ""),
           "mali-2021-06.txt": ("Hors de la bonne voie", "Sur la bonne voie avec des résultats de consolidation de la paix", "")}
# (file name, report type, date line, rate, 1.1.1 current, 1.1.1 target, 1.1 current, end date)
REPORTS = [
    ("mali-2020-06.txt", "SEMESTRIEL", "Juin 2020", "20%", "8 dont 3 femmes", "30", "0", "31 Décembre 2021"),
    ("mali-2020-11.txt", "ANNUEL", "Novembre 2020", "37%", "15 dont 6 femmes", "30", "1", "31 Décembre 2021"),
    ("mali-2021-06.txt", "SEMESTRIEL", "Juin 2021", "55%", "12 dont 5 femmes", "40 (révisé)", "1", "30 Juin 2022"),
]


def series() -> dict[str, str]:
    """File name → text of each report of the series."""
    text = SOURCE.read_text(encoding="utf-8")
    return {name: _rated(_report(text, kind, date, rate, current, target, outcome, end), RATINGS[name])
            for name, kind, date, rate, current, target, outcome, end in REPORTS}


def _rated(text: str, ratings: tuple[str, ...]) -> str:
    """The outcomes' rating lines, in order, with their choices filled in."""
    parts = text.split(RATING_LINE)
    assert len(parts) == len(ratings) + 1, len(parts)
    return parts[0] + "".join(RATING_LINE + rating + part for rating, part in zip(ratings, parts[1:], strict=True))


def _report(text: str, kind: str, date: str, rate: str, current: str, target: str, outcome: str, end: str) -> str:
    for old, new in ((TYPE_LINE, f"TYPE DE RAPPORT : SEMESTRIEL, annuEl OU FINAL : {kind}"),
                     (DATE_LINE, f"ANNEE DE RAPPORT: {date}"), (RATE_LINE, RATE_LINE.replace("37%", rate)),
                     (END_LINE, f"Date de fin de projet : {end}")):
        assert old in text, old
        text = text.replace(old, new)
    block = text.index("\tIndicateur 1.1.1\n")
    head, rest = text[:block], text[block:]
    rest = rest.replace("\n\t30\n", f"\n\t{target}\n", 1).replace("\n\t15 dont 6 femmes\n", f"\n\t{current}\n", 1)
    outcome_at = head.index("\tIndicateur 1.1\n")
    cells = head[outcome_at:].split("\n")  # `Indicateur 1.1`, blank, statement, then baseline, target, milestone, current
    values = [k for k, line in enumerate(cells) if line.startswith("\t") and k > 0]
    cells[values[3]] = f"\t{outcome}"
    return head[:outcome_at] + "\n".join(cells) + rest
