"""Downloads: text that a spreadsheet would run as a formula is neutralised, numbers stay numbers."""
from __future__ import annotations

import csv
import io

import openpyxl
import pandas as pd
import pytest

from ui.exports import neutralise, to_csv, to_excel

FRAME = pd.DataFrame({"statement": ["=HYPERLINK(\"http://x\")", "+1 cmd", "@SUM(A1)", "-2+3", "\tTab", "plain"],
                      "value": [-5.0, 1.5, 0.0, 2.0, None, 1245996.0],
                      "countries": [["MLI"], ["CAF", "CMR"], [], ["NER"], ["TGO"], ["BFA"]]})


def test_neutralise_prefixes_formula_like_text_only():
    assert [neutralise(v) for v in ["=1+1", "+a", "-b", "@c", "\td", "\re", "ok", -3.0]] == [
        "'=1+1", "'+a", "'-b", "'@c", "'\td", "'\re", "ok", -3.0]


def test_excel_keeps_numbers_and_neutralises_text():
    sheet = openpyxl.load_workbook(io.BytesIO(to_excel(FRAME))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("statement", "value", "countries")
    assert rows[1] == ("'=HYPERLINK(\"http://x\")", -5.0, "MLI")
    assert rows[2][0] == "'+1 cmd" and rows[2][2] == "CAF, CMR"
    assert rows[6] == ("plain", 1245996.0, "BFA")
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_csv_neutralises_text_and_keeps_negative_numbers():
    rows = list(csv.reader(io.StringIO(to_csv(FRAME).decode("utf-8-sig"))))
    assert rows[1] == ["'=HYPERLINK(\"http://x\")", "-5.0", "MLI"]
    assert [row[0] for row in rows[2:]] == ["'+1 cmd", "'@SUM(A1)", "'-2+3", "'\tTab", "plain"]


def test_a_large_export_reads_back_with_types_and_escaping():
    frame = pd.DataFrame({"text": ["a < b & c", " lead space", "x\x01y", None], "n": [1.0, 2.5, float("nan"), -3.0],
                          "ok": [True, False, True, False]})
    sheet = openpyxl.load_workbook(io.BytesIO(to_excel(frame))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows == [("text", "n", "ok"), ("a < b & c", 1, True), (" lead space", 2.5, False), ("xy", None, True),
                    (None, -3, False)]


def test_no_page_builds_an_export_while_it_draws(sample_db, tmp_path, monkeypatch):
    """The download buttons hold callables; the files are built on click, never during a run."""
    from streamlit.testing.v1 import AppTest

    import ui.exports
    from tests.conftest import ROOT

    calls = []
    monkeypatch.setattr(ui.exports, "to_csv", lambda frame: calls.append("csv") or b"")
    monkeypatch.setattr(ui.exports, "to_excel", lambda frame: calls.append("xlsx") or b"")
    db = tmp_path / "p.duckdb"
    db.write_bytes(sample_db.read_bytes())
    monkeypatch.setenv("LENS_DB", str(db))
    monkeypatch.chdir(ROOT)
    for page in ("overview", "delivery", "gender", "indicators", "project", "data"):
        app = AppTest.from_file(str(ROOT / "views" / f"{page}.py"), default_timeout=90).run()
        assert not app.exception, [e.value for e in app.exception]
    assert calls == []


@pytest.mark.parametrize("language, header", [("en", "Delivery rate"), ("fr", "Taux d'exécution")])
def test_every_download_is_headed_in_the_page_language(sample_db, tmp_path, monkeypatch, language, header):
    """The tables the pages hand to their CSV and Excel buttons, as the files will carry them:
    no column's own name (`delivery_rate`, `gewe_share`) as a header."""
    import re

    from streamlit.testing.v1 import AppTest

    import ui.exports
    from tests.conftest import ROOT
    from ui.language import speaking

    handed = {}
    monkeypatch.setattr(ui.exports, "download_buttons",
                        lambda table, name: handed.setdefault(name, table() if callable(table) else table))
    db = tmp_path / "p.duckdb"
    db.write_bytes(sample_db.read_bytes())
    monkeypatch.setenv("LENS_DB", str(db))
    monkeypatch.chdir(ROOT)
    for page in ("overview", "delivery", "gender", "indicators", "project", "data"):
        app = AppTest.from_file(str(ROOT / "views" / f"{page}.py"), default_timeout=90)
        app.query_params["lang"] = language
        if page == "project":
            app.query_params["project"] = "00125232"
        assert not app.run().exception
    assert {"delivery-projects", "gewe-projects", "indicators", "projects-needing-attention"} <= set(handed)
    with speaking(language):
        headers = {str(c) for frame in handed.values() for c in ui.exports.export_frame(frame).columns}
    assert sorted(h for h in headers if re.fullmatch(r"[a-z]+(_[a-z0-9]+)*", h)) == []
    assert header in headers
    with speaking(language):
        csv_header = to_csv(ui.exports.export_frame(handed["delivery-projects"])).decode("utf-8-sig").splitlines()[0]
    assert header in csv_header
