"""Down to the source (issue 24): the passage a figure or an indicator was read from, cut out of
the kept original — a text export's lines, a Word table's header and row, a PDF page with the
place outlined — and shown on the Project page in English and French."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from loaders.formats.passage import passage
from loaders.parse import parse_bytes
from tests.conftest import ROOT, SEEDS
from tests.test_layout_variants import _to_pdf
from tests.variants.word import to_docx
from ui.source_view import original

CAF = SEEDS / "caf-cmr-traite-2021.txt"


def _indicator(record: dict, code: str) -> dict:
    return next(i for i in record["indicators"] if i["code"] == code)


def test_a_text_exports_lines_around_the_one_named():
    record = parse_bytes(CAF.read_bytes(), CAF.name)
    where = _indicator(record, "1.1")["location"]  # `results table, line 342`
    cut = passage(CAF.read_bytes(), CAF.name, where)
    number = int(where.rsplit(" ", 1)[1])
    assert cut.kind == "lines" and cut.target == number
    assert [n for n, _ in cut.lines] == list(range(number - 3, number + 4))
    assert dict(cut.lines)[number].strip() == "Indicateur 1.1"


def test_a_word_tables_header_and_row():
    data = to_docx(CAF.read_text(encoding="utf-8"), CAF.name)
    record = parse_bytes(data, "caf.docx")
    indicator = _indicator(record, "1.2.1")
    cut = passage(data, "caf.docx", indicator["location"])
    assert cut.kind == "row" and " ".join(cut.row[cut.target].split()).startswith("Indicateur 1.2.1")
    assert cut.header[:2] == ["", "Indicateurs"] or "Indicateurs" in cut.header
    assert any(cell.startswith(str(indicator["baseline"]["raw"] or "")) for cell in cut.row)


def test_a_pdf_page_with_the_place_outlined(tmp_path):
    (tmp_path / "caf.txt").write_text(CAF.read_text(encoding="utf-8"), encoding="utf-8")
    _to_pdf(tmp_path, "txt")
    data = (tmp_path / "caf.pdf").read_bytes()
    indicator = _indicator(parse_bytes(data, "caf.pdf"), "1.1")
    cut = passage(data, "caf.pdf", indicator["location"], needle=indicator["statement"])
    page = int(indicator["location"].split("page ")[1].split(",")[0])
    assert cut.kind == "page" and cut.page == page and cut.image.startswith(b"\x89PNG")
    left, top, right, bottom = cut.box
    assert 0 < left < right and 0 < top < bottom < 11.7 * 110  # on an A4 page drawn at 110 dpi


def test_a_place_the_file_does_not_hold_gives_nothing():
    assert passage(CAF.read_bytes(), CAF.name, "results table, line 999999") is None
    assert passage(CAF.read_bytes(), CAF.name, "sheet 'Budget', cell B5") is None


@pytest.mark.parametrize("language,title", [("en", "The passage in the file"), ("fr", "Le passage dans le fichier")])
def test_the_project_page_shows_where_a_figure_was_read(env, language, title):
    app = AppTest.from_file(str(ROOT / "views" / "project.py"), default_timeout=90)
    app.query_params["project"] = "00125232"
    app.query_params["lang"] = language
    app.run()
    assert not app.exception
    assert title in [e.label for e in app.expander]
    shown = app.code[0].value
    marked = [line for line in shown.splitlines() if line.startswith("▶")]
    assert len(marked) == 1 and "Total" in marked[0] and "3102798" in marked[0]  # the budget's line, marked


def test_a_file_lens_did_not_keep_is_named_so():
    assert original("0" * 64, "gone.txt") is None


def test_the_outline_falls_on_the_whole_statement_not_on_its_first_words():
    """Review: `Number of radio programmes` above `Number of women trained` took the outline of the second."""
    from loaders.formats.passage import _found

    words = [{"text": t, "x0": 10.0 + 40 * k, "x1": 45.0 + 40 * k, "top": top, "bottom": top + 10}
             for top, line in ((100.0, "Number of radio programmes"), (130.0, "Number of women trained"))
             for k, t in enumerate(line.split())]
    assert _found(words, "Number of women trained in mediation")[1] == 127.0  # the second line, 3 pt above its top
    assert _found(words, "Number of goats") is None
