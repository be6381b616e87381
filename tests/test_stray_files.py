"""Only documents Lens understands become projects, on the Data page: a stray file is refused in
the preview in the page's language, the Store button stores only the files that passed (and is
off when none did), the result is green only when everything stored landed, and the files list
shows every value through its label."""
from __future__ import annotations

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, SAMPLES, settled

SHOPPING = ("shopping-list.txt", b"Shopping list\n- milk\n- 2 kg of rice\n- 12 eggs\nBudget: 25 000 FCFA\n", "text/plain")
PNG_AS_DOCX = ("photo.docx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
               "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
MALI = SAMPLES / "ml-cadre-crise-centre-annual-2020.txt"


@pytest.fixture
def page(tmp_path, monkeypatch):
    monkeypatch.setenv("LENS_DB", str(tmp_path / "p.duckdb"))
    monkeypatch.setenv("LENS_UPLOADS", str(tmp_path / "uploads"))
    monkeypatch.setenv("LENS_SAMPLES", str(tmp_path / "no-samples"))
    monkeypatch.chdir(ROOT)

    def open_page(language: str, files: list[tuple]) -> AppTest:
        app = AppTest.from_file(str(ROOT / "views" / "data.py"), default_timeout=90)
        app.query_params["lang"] = language
        app.run()
        app.file_uploader[0].set_value(files)
        return settled(app.run())
    return open_page


def _sources(tmp_path) -> list[tuple]:
    db = tmp_path / "p.duckdb"
    if not db.exists():
        return []
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT file_name, kind, project_key FROM sources ORDER BY file_name").fetchall()
    finally:
        con.close()


def _files_list(app: AppTest):
    """The list of stored files (the table with an ingestion time), not the preview above it."""
    return next(frame.value for frame in app.dataframe if "ingested_at" in frame.value.columns)


def _store_button(app: AppTest, label: str):
    return next(b for b in app.button if b.label == label)


def test_a_stray_file_alone_is_refused_in_french_and_nothing_can_be_stored(page, tmp_path):
    app = page("fr", [SHOPPING])
    preview = app.dataframe[0].value
    assert list(preview["Erreur"]) == [
        "ce fichier n'est ni un rapport PBF, ni un budget Excel, ni un export financier que Lens sait lire"]
    assert any("Aucun fichier ne peut être enregistré" in e.value for e in app.error), [e.value for e in app.error]
    button = _store_button(app, "Enregistrer ces fichiers")
    assert button.disabled  # (AppTest, like a browser, refuses to click it)
    assert _sources(tmp_path) == []  # no project made of a shopping list


def test_only_the_files_that_passed_are_stored_and_the_box_is_green_when_they_all_landed(page, tmp_path):
    app = page("fr", [SHOPPING, PNG_AS_DOCX, (MALI.name, MALI.read_bytes(), "text/plain")])
    errors = list(app.dataframe[0].value["Erreur"])
    assert errors[0].startswith("ce fichier n'est ni un rapport PBF") and errors[2] == "—"
    assert errors[1] == "ce fichier ne peut pas être lu (vide, abîmé, protégé, ou d'un autre format sous ce nom)"
    assert any("not a .docx document" in t.value for t in app.text)  # the reader's words, under "détail technique"
    assert [e.value.replace("\\", "") for e in app.error] == [  # (file names are markdown-escaped)
        "Refusés, donc non enregistrés : shopping-list.txt, photo.docx. Les autres fichiers le seront."]
    button = _store_button(app, "Enregistrer ces fichiers")
    assert not button.disabled
    settled(button.click().run())
    assert not app.exception, [e.value for e in app.exception]
    assert [s.value for s in app.success] == [
        "Fichiers ajoutés : 1 · déjà enregistrés : 0 · en échec : 0 · refusés à l'aperçu, non enregistrés : 2 — "
        "projets dans le portefeuille : 1."]
    assert [name for name, _, _ in _sources(tmp_path)] == [MALI.name]


def test_the_files_list_shows_labels_never_internal_names(page, tmp_path):
    app = page("en", [(MALI.name, MALI.read_bytes(), "text/plain"),
                      ("togo.txt", (SAMPLES / "tg-ceomp-final-review.txt").read_bytes(), "text/plain")])
    settled(_store_button(app, "Store these files").click().run())
    assert [s.value for s in app.success] == [
        "Files added: 2 · already stored: 0 · failed: 0 · refused in the preview, not stored: 0 — projects in the "
        "portfolio: 2."]
    listed = _files_list(app)
    cells = {str(v) for column in listed.columns for v in listed[column]}
    assert {"progress report", "final review"} <= cells
    assert not {c for c in cells if c in ("unknown", "progress_report", "final_review", "None", "nan")
                or c.startswith(("file:", "title:"))}, cells


def test_the_files_list_shows_a_file_as_soon_as_it_is_stored(page, tmp_path):
    """Issue 24: after storing, the list still said 93 / 93 until a reload."""
    app = page("en", [(MALI.name, MALI.read_bytes(), "text/plain")])
    settled(_store_button(app, "Store these files").click().run())
    assert list(_files_list(app)["file_name"]) == [MALI.name]
    app.file_uploader[0].set_value([("togo.txt", (SAMPLES / "tg-ceomp-final-review.txt").read_bytes(), "text/plain")])
    settled(_store_button(settled(app.run()), "Store these files").click().run())
    assert not app.exception, [e.value for e in app.exception]
    assert sorted(_files_list(app)["file_name"]) == sorted([MALI.name, "togo.txt"])
