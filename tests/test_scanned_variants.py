"""Scanned reports (issue 23): sample reports laid out as Word files (ruled tables, or every
border removed), printed to PDF by LibreOffice, then scanned by tests/variants/scan.py —
rasterised at 150–200 dpi, turned a little, speckled, rebuilt image-only — and read by OCR.
Each must reach 90 % of its gold points, and every headline money figure must be right or listed
under `uncertain`. OCR takes ~30 s a report on two cores, so the suite scans two reports (one
ruled, one unruled); `LENS_ALL_SCANS=1` scans all twelve (three reports, French and English, ruled
and unruled)."""
from __future__ import annotations

import os

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from loaders.corrections import check
from loaders.errors import UnreadableFile
from loaders.formats import pdf_ocr
from loaders.ingest import ingest
from loaders.parse import parse_bytes
from loaders.store.corrections import add_correction
from loaders.store.session import reading, writing
from loaders.store.writer import write_record
from metrics import project_detail
from tests.conftest import ROOT
from tests.test_layout_variants import REPORTS, SCORER, _gold, _seed, _to_pdf
from tests.variants.english import to_english
from tests.variants.scan import to_scan
from tests.variants.word import to_docx

MIN_SCAN_SCORE = 0.90
# (report, language, ruled, dpi, angle): the suite's two; all twelve with LENS_ALL_SCANS=1
SCANS = [("caf-cmr-traite-2021", "fr", True, 200, 0.6), ("ml-peers-for-peace-final-2019", "en", False, 150, -0.4)]
if os.environ.get("LENS_ALL_SCANS"):
    SCANS = [(name, language, ruled, 200 if ruled else 150, 0.6 if ruled else -0.4)
             for name in REPORTS for language in ("fr", "en") for ruled in (True, False)]
MONEY = ("project.total_budget_usd", "report.implementation_rate", "report.gender_allocated_usd",
         "report.gender_spent_usd")


def _tesseract_or_skip() -> None:
    if pdf_ocr.tesseract_version() is None:
        if os.environ.get("CI"):
            pytest.fail("Tesseract is missing; .ci/run installs tesseract-ocr with its fra and eng data")
        pytest.skip("Tesseract (with fra and eng data) is not installed")


@pytest.fixture(scope="module")
def scans(tmp_path_factory) -> dict[tuple, tuple[bytes, dict]]:
    """Each scan's bytes and its parse record (read once for the module)."""
    _tesseract_or_skip()
    folder = tmp_path_factory.mktemp("scans")
    for name, language, ruled, _, _ in SCANS:
        text = _seed(name) if language == "fr" else to_english(_seed(name))
        (folder / f"{name}.{language}.{ruled}.docx").write_bytes(to_docx(text, f"{name}.txt", ruled=ruled))
    _to_pdf(folder)
    read = {}
    for key in SCANS:
        name, language, ruled, dpi, angle = key
        data = to_scan((folder / f"{name}.{language}.{ruled}.pdf").read_bytes(), dpi=dpi, angle=angle)
        read[key] = (data, parse_bytes(data, f"{name}.{language}.scan.pdf"))
    return read


@pytest.mark.parametrize("key", SCANS, ids=lambda k: f"{k[0]}-{k[1]}-{'ruled' if k[2] else 'unruled'}-{k[3]}dpi")
def test_a_scanned_report_reads_against_its_gold(scans, key):
    name, language = key[0], key[1]
    data, record = scans[key]
    assert record["source"]["format"] == "pdf"
    assert record["source"]["ocr_pages"] and record["source"]["ocr_pages"] == sorted(record["source"]["ocr_pages"])
    assert all(where.startswith("page ") for where in record["locations"].values()), record["locations"]
    result = SCORER.score(_gold(name, "english-pdf" if language == "en" else "pdf"), record)
    print(f"scan {key}: {result.ok}/{result.total} = {result.ok / result.total:.1%}, "
          f"{len(record['source']['ocr_pages'])} pages, {len(record['uncertain'])} uncertain")  # shown with -s
    assert result.ok / result.total >= MIN_SCAN_SCORE, f"{result.ok}/{result.total}\n" + "\n".join(result.misses)
    doubtful = {entry["field"] for entry in record["uncertain"]}
    for miss in result.misses:  # a money figure read wrong must have been listed as uncertain
        field = miss.split(":")[0]
        if field in MONEY:
            assert field in doubtful, miss
        if field.startswith("project.agencies") and field.endswith("budget_usd"):
            assert any(f.startswith("project.agencies.") for f in doubtful), miss


def test_uncertain_figures_name_a_field_a_correction_takes(scans):
    for _, record in scans.values():
        for entry in record["uncertain"]:
            check(entry["field"], "1", "checked against the paper copy")  # raises if the name is no field
            assert entry["confidence"] < pdf_ocr.MIN_CONFIDENCE and entry["read"]


def test_a_scan_in_the_store_and_on_the_project_page(scans, tmp_path, monkeypatch):
    """Stored: locations marked `ocr`, the uncertain figures listed until a correction settles one;
    the Project page says which figures OCR read and lists the doubtful ones, in English and French."""
    key = next(k for k in SCANS if scans[k][1]["uncertain"])
    record = scans[key][1]
    db = tmp_path / "p.duckdb"
    with writing(db) as con:
        assert write_record(con, record) == "added"
        project = con.execute("SELECT project_key FROM sources").fetchone()[0]
    con = reading(db)
    sources = {s for (s,) in con.execute("SELECT DISTINCT source FROM field_locations").fetchall()}
    pages = con.execute("SELECT ocr_pages FROM sources").fetchone()[0]
    listed = project_detail.uncertain_figures(con, project)
    con.close()
    assert sources == {"ocr"} and pages == record["source"]["ocr_pages"]
    assert sorted(listed["field"] + "/" + listed["read"]) == sorted(f"{u['field']}/{u['read']}" for u in record["uncertain"])
    monkeypatch.setenv("LENS_DB", str(db))
    monkeypatch.chdir(ROOT)
    for lang, intro, ocr in (("en", "read by OCR from a scan with low confidence", "Read by OCR from the scan"),
                             ("fr", "par OCR sur un document scanné avec une confiance faible",
                              "Lu par OCR dans le document scanné")):
        page = AppTest.from_file(str(ROOT / "views" / "project.py"), default_timeout=90)
        page.query_params["project"] = project
        page.query_params["lang"] = lang
        page.run()
        assert not page.exception
        assert any(intro in w.value for w in page.warning), [w.value for w in page.warning]
        assert any(ocr in c.value for c in page.caption), [c.value for c in page.caption]
    first = listed["field"].iloc[0]
    with writing(db) as con:  # an editor confirms the figure as it stands on paper: it is settled
        add_correction(con, project, check(first, listed["read"].iloc[0].strip("()/"), "checked on paper"), "editor")
    con = reading(db)
    after = project_detail.uncertain_figures(con, project)
    con.close()
    assert first not in set(after["field"]) and len(after) < len(listed)


def test_without_tesseract_one_line_says_how_to_install_it(scans, monkeypatch):
    data = next(iter(scans.values()))[0]
    monkeypatch.setattr("pytesseract.pytesseract.tesseract_cmd", "/nonexistent/tesseract")
    monkeypatch.setattr("loaders.formats.tesseract._FOUND", [])
    monkeypatch.setattr(pdf_ocr, "_CACHE", type(pdf_ocr._CACHE)())
    with pytest.raises(UnreadableFile) as raised:
        parse_bytes(data, "scan.pdf")
    assert "Tesseract" in raised.value.message and "apt-get install tesseract-ocr" in raised.value.hint
    assert "\n" not in raised.value.message + raised.value.hint


def test_ingest_shows_ocr_progress_page_by_page_and_reads_a_scan_once(scans, tmp_path, monkeypatch):
    """The bar moves page by page through a scan (a fraction of the file's share), and a scan read
    again — the app previews an upload, then stores it — comes from memory."""
    data = _first_pages(min((d for d, _ in scans.values()), key=len), 4)
    path = tmp_path / "scan.pdf"
    path.write_bytes(data)
    monkeypatch.setattr(pdf_ocr, "_CACHE", type(pdf_ocr._CACHE)())
    calls = []
    summary = ingest([path], tmp_path / "p.duckdb", lambda done, total, name: calls.append((done, total, name)))
    assert summary.files[0].status == "added", summary.files[0].error
    pages = len(parse_bytes(data, "scan.pdf")["source"]["ocr_pages"])  # from memory: no OCR, no progress
    assert [done for done, _, _ in calls] == [k / pages for k in range(1, pages)] + [1.0, 1]
    assert calls[2][2] == f"scan.pdf · OCR 3/{pages}" and calls[-1] == (1, 1, "scan.pdf")
    seen = []
    token = pdf_ocr.PAGE_PROGRESS.set(lambda done, total: seen.append(done))
    try:
        parse_bytes(data, "scan.pdf")
    finally:
        pdf_ocr.PAGE_PROGRESS.reset(token)
    assert seen == []


def _first_pages(data: bytes, pages: int) -> bytes:
    """The first pages of a PDF, as a PDF of their own (PDFium copies them)."""
    import io

    import pypdfium2 as pdfium

    source, target = pdfium.PdfDocument(data), pdfium.PdfDocument.new()
    target.import_pages(source, list(range(pages)))
    out = io.BytesIO()
    target.save(out)
    return out.getvalue()


def test_the_skew_of_a_page_is_measured():
    """Bars like lines of text, turned by a known angle: the angle found puts them level again."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (1600, 1200), 255)
    draw = ImageDraw.Draw(image)
    for y in range(100, 1100, 40):
        draw.rectangle((100, y, 1500, y + 12), fill=0)
    for angle in (0.0, 0.7, -1.3):
        turned = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
        import numpy as np

        assert abs(pdf_ocr.skew_angle(np.asarray(turned)) + angle) <= 0.1, angle


def test_a_photo_scan_is_refused_in_one_line(tmp_path):
    _tesseract_or_skip()
    from tests.badfiles.make_badfiles import _photo_pdf

    with pytest.raises(UnreadableFile) as raised:
        parse_bytes(_photo_pdf(), "photo.pdf")
    assert "no text that OCR could read" in raised.value.message


def test_the_store_upgrades_with_ocr_columns(tmp_path):
    db = tmp_path / "p.duckdb"
    with writing(db):
        pass
    con = duckdb.connect(str(db), read_only=True)
    columns = {c for (c,) in con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name IN "
                                          "('field_locations', 'sources', 'uncertain_figures')").fetchall()}
    con.close()
    assert {"source", "ocr_pages", "read", "confidence"} <= columns
