"""Text from files never runs as Markdown or HTML in the app."""
from __future__ import annotations

from streamlit.testing.v1 import AppTest

from loaders.ingest import ingest
from tests.conftest import ROOT, SAMPLES
from ui.safe_text import md

HOSTILE = "**Bold** <img src=x onerror=alert(1)> [link](javascript:alert(1))"


def test_markdown_is_escaped():
    assert md(HOSTILE) == r"\*\*Bold\*\* \<img src=x onerror=alert\(1\)\> \[link\]\(javascript\:alert\(1\)\)"
    assert md(None) == ""


def test_no_unsafe_html_anywhere_in_the_app():
    for path in [ROOT / "app.py", *(ROOT / "views").glob("*.py"), *(ROOT / "ui").glob("*.py")]:
        code = path.read_text(encoding="utf-8")
        assert "unsafe_allow_html=True" not in code, path


def test_a_hostile_title_is_shown_as_text(tmp_path, monkeypatch):
    report = tmp_path / "hostile.txt"
    text = (SAMPLES / "ml-cadre-crise-centre-annual-2020.txt").read_text(encoding="utf-8")
    report.write_text(text.replace("Appui au nouveau cadre politique", HOSTILE, 1), encoding="utf-8")
    db = tmp_path / "p.duckdb"
    ingest([report], db)
    monkeypatch.setenv("LENS_DB", str(db))
    monkeypatch.chdir(ROOT)
    app = AppTest.from_file(str(ROOT / "views" / "project.py"), default_timeout=60)
    app.query_params["project"] = "PBF/MLI/A-2"
    app.run()
    assert not app.exception
    assert app.subheader[0].value.startswith(md(HOSTILE))
