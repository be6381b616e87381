"""Answers are not numbers (issue 23, item 3): a word answered to a money or rate question gives
what VALUES.md says — 0 where it means none (`Néant`, `Aucun`, `Nil`, `None`), null where it gives
no figure (`N/A`, `-`, a blank form field) — never the number of the next question; the 2020+
English GEWE wording is read; a range keeps its unit; a taller accented capital (`Élevé`) stays on
its PDF line."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from loaders.formats.pdf import read_pdf
from loaders.normalise.cells import read_cell
from loaders.parse import parse_bytes
from tests.badfiles.make_badfiles import _pdf, _stream

FRENCH = """RAPPORT DE PROGRES DE PROJET
PAYS : Mali
Titre du projet : Test
Numéro Projet / MPTF Gateway : 00123456
\tBudget PBF total approuvé (par agence récipiendaire) :
Agence récipiendaire                              Budget
PNUD                                                        $ 1000000
                                                         Total : $ 1000000.00
Taux de mise en œuvre approximatif comme pourcentage du budget total du projet : {rate}
Budgétisation sensible au genre :
Indiquez le montant ($) du budget dans le document de projet alloué aux activités dédiées à l’égalité des sexes ou \
à l’autonomisation des femmes : {allocated}
Indiquez le montant ($) du budget dépensé jusqu’à maintenant pour les activités dédiées à l’égalité des sexes ou \
à l’autonomisation des femmes : {spent}
2) Marquer de genre du projet : GEN 1
"""

ENGLISH_2020 = """PBF PROJECT PROGRESS REPORT
COUNTRY: Burkina Faso
Project Title: Test
Project Number from MPTF-O Gateway: 00123456
Total PBF approved project budget (by recipient organization):
Recipient Organization   Amount
UNDP (Convening Agency)    $ 1,000,000
   Total: $ 1,000,000
Approximate implementation rate as percentage of total project budget: 40%
Gender-responsive Budgeting:
Please specify the amount of the project's total budget allocated to activities in direct pursuit of gender \
equality and women's empowerment (GEWE):
{allocated}
Expenditure to date on GEWE:
{spent}
Project Gender Marker: GM2
"""


def _report(text: str) -> dict:
    record = parse_bytes(text.encode("utf-8"), "report.txt")
    return record["report"] | {"missing": record["missing"]}


@pytest.mark.parametrize("answer,value", [("Néant", 0.0), ("Aucun", 0.0), ("aucune", 0.0), ("Nil", 0.0),
                                          ("None", 0.0), ("N/A", None), ("n/a", None), ("-", None), ("", None),
                                          ("\u2002\u2002\u2002", None), ("TBD", None), ("à déterminer", None)])
def test_a_word_answer_to_a_money_or_rate_question_is_never_the_next_number(answer, value):
    report = _report(FRENCH.format(rate=answer, allocated=answer, spent=answer))
    assert (report["implementation_rate"], report["gender_allocated_usd"], report["gender_spent_usd"]) == (
        value, value, value)  # not 2, the number of the question below
    named = {"report.implementation_rate", "report.gender_allocated_usd", "report.gender_spent_usd"}
    assert (named <= set(report["missing"])) == (value is None)  # a field the file did not yield is named


def test_numbers_are_still_read_beside_word_answers():
    report = _report(FRENCH.format(rate="37 %", allocated="$ 324 547,00", spent="Aucun"))
    assert (report["implementation_rate"], report["gender_allocated_usd"], report["gender_spent_usd"]) == (
        0.37, 324_547.0, 0.0)


@pytest.mark.parametrize("layout", ["below", "inline", "no colon"])
def test_the_2020_english_gewe_questions_are_read(layout):
    text = ENGLISH_2020.format(allocated="$ 350,000", spent="$ 120,000")
    if layout == "inline":
        text = text.replace("(GEWE):\n$", "(GEWE): $").replace("GEWE:\n$", "GEWE: $")
    elif layout == "no colon":  # the question in one table cell, the answer in the next
        text = text.replace("(GEWE):\n", "(GEWE)\n").replace("on GEWE:\n", "on GEWE\n")
    report = _report(text)
    assert (report["gender_allocated_usd"], report["gender_spent_usd"]) == (350_000.0, 120_000.0)


def test_a_word_answer_to_the_english_gewe_questions():
    report = _report(ENGLISH_2020.format(allocated="N/A", spent="None"))
    assert (report["gender_allocated_usd"], report["gender_spent_usd"]) == (None, 0.0)


@pytest.mark.parametrize("cell", ["40-50%", "40 - 50 %", "40–50%", "entre 40 et 50%", "40% - 50%", "40 to 50%"])
def test_a_range_keeps_its_unit(cell):
    assert (read_cell(cell).value, read_cell(cell).unit) == (40, "percent")


def test_a_range_of_counts_stays_a_count():
    assert (read_cell("40 - 50").value, read_cell("40 - 50").unit) == (40, "number")


def test_a_word_raised_above_its_line_stays_on_it():
    """A 24-point line whose last word sits 3.5 points higher (as a taller `É` makes it in some
    fonts): it used to become two lines, `Marquer de risque du projet :` and `Élevé`."""
    content = (b"BT /F1 24 Tf 40 700 Td (Marquer de risque du projet :) Tj ET "
               b"BT /F1 24 Tf 400 703.5 Td (Eleve) Tj ET BT /F1 24 Tf 40 500 Td (Next line) Tj ET")
    data = _pdf([b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                 b"/Resources << /Font << /F1 5 0 R >> >> >>", _stream(content),
                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])
    lines = [p.text for p in read_pdf(data, "raised.pdf", "-").paragraphs]
    assert lines == ["Marquer de risque du projet : Eleve", "Next line"]


def test_accented_capitals_in_large_type_keep_their_words_and_lines(tmp_path):
    """A Word file printed to PDF by LibreOffice, in 10, 16 and 24 points: `Élevé` stays one word
    on its label's line (at 16 and 24 points it used to read `de du Él … evé L VE`)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is missing; .ci/run installs libreoffice-writer-nogui")
        pytest.skip("LibreOffice (soffice) is not installed")
    import docx
    from docx.shared import Pt

    document = docx.Document()
    for size in (10, 16, 24):
        document.add_paragraph().add_run("Marquer de risque du projet : Élevé").font.size = Pt(size)
        document.add_paragraph("·")
    document.save(tmp_path / "risk.docx")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(tmp_path / "risk.docx")], check=True, capture_output=True, timeout=120)
    texts = [p.text for p in read_pdf((tmp_path / "risk.pdf").read_bytes(), "risk.pdf", "-").paragraphs]
    assert [t for t in texts if t != "·"] == ["Marquer de risque du projet : Élevé"] * 3


def _with_ngo_lines() -> str:
    from tests.conftest import SEEDS

    return (SEEDS / "ml-peers-for-peace-final-2019.txt").read_text(encoding="utf-8").replace(
        "HCR : $ 825,000\n", "HCR : $ 525,000\nSearch for Common Ground : $ 200,000\n"
                            "Fonds national pour la paix du Mali : $ 100,000\n")


NGO_BUDGETS = [("WFP", 855_000.0), ("FAO", 820_000.0), ("UNHCR", 525_000.0), ("Search for Common Ground", 200_000.0),
               ("Fonds national pour la paix du Mali", 100_000.0)]


def _budgets(record: dict) -> list[tuple[str, float]]:
    assert not any("add up to" in w for w in record["warnings"]), record["warnings"]
    return [(a["agency"], a["budget_usd"]) for a in record["project"]["agencies"]]


def test_a_recipient_that_is_no_un_agency_keeps_its_line_in_a_word_table():
    """An NGO and a fund's national window, their names and amounts in two cells of the budget
    table: each keeps its line (the name alone in its cell used to wait for nothing)."""
    from tests.variants.word import to_docx

    text = _with_ngo_lines()
    assert _budgets(parse_bytes(text.encode("utf-8"), "ngo.txt")) == NGO_BUDGETS
    assert _budgets(parse_bytes(to_docx(text, "ngo.txt"), "ngo.docx")) == NGO_BUDGETS


def test_a_recipient_that_is_no_un_agency_keeps_its_line_in_a_pdf(tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is missing; .ci/run installs libreoffice-writer-nogui")
        pytest.skip("LibreOffice (soffice) is not installed")
    from tests.variants.word import to_docx

    for ruled in (True, False):
        (tmp_path / f"ngo-{ruled}.docx").write_bytes(to_docx(_with_ngo_lines(), "ngo.txt", ruled=ruled))
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(tmp_path / "ngo-True.docx"), str(tmp_path / "ngo-False.docx")],
                   check=True, capture_output=True, timeout=120)
    for ruled in (True, False):
        record = parse_bytes((tmp_path / f"ngo-{ruled}.pdf").read_bytes(), "ngo.pdf")
        assert _budgets(record) == NGO_BUDGETS, ruled
