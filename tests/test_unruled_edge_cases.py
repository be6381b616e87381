"""What a review found the borderless-PDF reader and the answer readers could get wrong, each
checked on a small PDF written here (Helvetica text at given positions, no ruling) or a text
report: a list mark set apart by a tab is no label and no answer; a blank field below a filled one
does not swallow it; a running footer does not end a table that goes on over the page; a number
alone on a line inside a table is a cell, not a page number; long answers that start with a figure,
and word answers, are read as VALUES.md says; a busy store gives one line on the command line."""
from __future__ import annotations

import os
import subprocess
import sys

from loaders.parse import parse_bytes
from loaders.templates.field_values import looks_like_answer, word_answer
from tests.conftest import ROOT, SAMPLES
from tests.test_write_lock import _hold


def _escape(text: str) -> bytes:
    return text.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def text_pdf(pages: list[list[tuple[float, float, str]]], size: int = 10) -> bytes:
    """A PDF whose pages hold the given (x, top, text) pieces (top measured from the page's top)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for pieces in pages:
        stream = b" ".join(b"BT /F1 %d Tf %.1f %.1f Td (%s) Tj ET" % (size, x, 842 - top, _escape(text))
                           for x, top, text in pieces)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R >> >> >>" % len(objects))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


COVER = [(40, 40, "RAPPORT DE PROGRES DE PROJET"), (40, 60, "Pays :"), (300, 60, "Mali"),
         (40, 75, "Titre du projet :"), (300, 75, "Test"), (40, 90, "Numero Projet / MPTF Gateway :"),
         (300, 90, "00123456")]


def test_a_list_mark_set_apart_by_a_tab_is_no_answer():
    """`1)` and `2)` at the margin, their questions a tab further: the unanswered rate stays null
    (it used to be read as 0.02 from the next question's `2)`)."""
    page = COVER + [(40, 120, "1)"), (70, 120, "Taux de mise en oeuvre approximatif comme pourcentage du budget total :"),
                    (40, 135, "2)"), (70, 135, "Marqueur genre du projet : 2"),
                    (40, 150, "3)"), (70, 150, "Marqueur de risque du projet : 1")]
    record = parse_bytes(text_pdf([page]), "marks.pdf")
    assert record["report"]["implementation_rate"] is None
    assert (record["project"]["gender_marker"], record["project"]["risk_marker"]) == (2, 1)


def test_a_blank_field_below_a_filled_one_does_not_swallow_it():
    page = COVER + [(40, 120, "Marqueur genre du projet :"), (300, 120, "2"), (40, 135, "Date du rapport :"),
                    (40, 150, "Marqueur de risque du projet :"), (300, 150, "1")]
    record = parse_bytes(text_pdf([page]), "blank.pdf")
    assert (record["project"]["gender_marker"], record["project"]["risk_marker"]) == (2, 1)
    assert "report.date" in record["missing"]


HEADER = [(40, 200, "Indicateurs"), (150, 200, "Base"), (220, 200, "Cible"), (290, 200, "Etapes"),
          (360, 200, "Progres actuel"), (450, 200, "Raisons")]


def _row(top: float, code: str, values: tuple[str, str, str, str], statement: str) -> list:
    return [(40, top, code), (150, top, values[0]), (220, top, values[1]), (290, top, values[2]),
            (360, top, values[3]), (40, top + 12, statement)]


def test_a_running_footer_does_not_end_a_table_that_goes_on_over_the_page():
    first = COVER + HEADER + _row(220, "Indicateur 1.1", ("0", "10", "5", "4"), "Nombre de comites") + [
        (150, 800, "Rapport annuel 2020 - PBF/MLI/B-1")]
    second = [(150, 30, "Rapport annuel 2020 - PBF/MLI/B-1")] + _row(60, "Indicateur 1.1.1", ("0", "20", "10", "12"),
                                                                      "Nombre de sessions") + _row(
        100, "Indicateur 1.1.2", ("0", "30", "15", "9"), "Nombre de radios") + [(290, 815, "2")]
    record = parse_bytes(text_pdf([first, second]), "footer.pdf")
    assert [(i["code"], i["current"]["value"]) for i in record["indicators"]] == [("1.1", 4), ("1.1.1", 12), ("1.1.2", 9)]


def test_a_number_alone_on_a_line_inside_a_table_is_a_cell():
    page = COVER + HEADER + _row(220, "Indicateur 1.1", ("0", "10", "5", "4 (RCA)"), "Nombre de comites") + [
        (360, 244, "2 (Cameroun)"), (360, 256, "3")] + _row(300, "Indicateur 1.2", ("0", "8", "4", "5"), "Nombre de radios")
    record = parse_bytes(text_pdf([page]), "alone.pdf")
    current = {i["code"]: i["current"]["raw"] for i in record["indicators"]}
    assert "3" in current["1.1"].split() and current["1.2"] == "5"


def test_long_answers_that_start_with_a_figure_and_word_answers():
    assert looks_like_answer("45 % du budget total du projet concerné (USD 1 350 000 sur USD 3 000 000 au 30 juin)")
    assert not looks_like_answer("2)") and not looks_like_answer("a)")
    assert word_answer("Pas encore disponible") == (True, None) and word_answer("Not yet available") == (True, None)
    assert word_answer("Aucun budget dédié, 15 000 USD") == (False, None)  # a figure is given: not a word answer
    text = (SAMPLES / "ml-cadre-crise-centre-annual-2020.txt").read_text(encoding="utf-8").replace(
        "budget total du projet : 37%",
        "budget total du projet :\n45 % du budget total du projet concerné (USD 1 350 000 sur USD 3 000 000 au 30 juin)")
    assert parse_bytes(text.encode("utf-8"), "long.txt")["report"]["implementation_rate"] == 0.45


def test_a_busy_store_gives_one_line_on_the_command_line(tmp_path):
    db = tmp_path / "busy.duckdb"
    from loaders.ingest import ingest

    ingest([SAMPLES / "ml-cadre-crise-centre-annual-2020.txt"], db)
    holder = _hold(db, 30)
    try:
        result = subprocess.run([sys.executable, "-m", "loaders", "ingest", str(SAMPLES / "tg-ceomp-final-review.txt"),
                                 "--db", str(db), "--quiet"], cwd=ROOT, capture_output=True, text=True,
                                env=os.environ | {"LENS_LOCK_TIMEOUT": "0.5"}, timeout=120)
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("error: another write to busy.duckdb did not finish")
