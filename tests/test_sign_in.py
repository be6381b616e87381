"""Streamlit's own sign-in (`st.login`, configured by an `[auth]` section of secrets.toml): a
visitor who is not signed in gets a sign-in button and no form; a signed-in user gets the role the
roles file gives their e-mail, sees it in the sidebar, and their corrections carry their name."""
from __future__ import annotations

import duckdb
from streamlit.testing.v1 import AppTest

from loaders.ingest import ingest
from tests.conftest import ROOT, SAMPLES

AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "not-a-real-secret",
        "client_id": "lens", "client_secret": "not-a-real-secret",
        "server_metadata_url": "https://login.example.org/.well-known/openid-configuration"}


def _project_page(tmp_path, monkeypatch, user: dict) -> AppTest:
    db = tmp_path / "p.duckdb"
    if not db.exists():
        ingest([SAMPLES / "ml-cadre-crise-centre-annual-2020.txt"], db)
    roles = tmp_path / "roles.toml"
    roles.write_text('[domains]\n"un.org" = "editor"\n[default]\nrole = "viewer"\n', encoding="utf-8")
    monkeypatch.setenv("LENS_DB", str(db))
    monkeypatch.setenv("LENS_ROLES", str(roles))
    monkeypatch.delenv("LENS_TRUSTED_USER_HEADER", raising=False)
    monkeypatch.chdir(ROOT)
    page = AppTest.from_file(str(ROOT / "views" / "project.py"), default_timeout=90)
    page.secrets["auth"] = AUTH
    page.user = user
    page.query_params["project"] = "PBF/MLI/A-2"
    return page.run()


def test_a_visitor_not_signed_in_is_offered_sign_in_and_no_form(tmp_path, monkeypatch):
    page = _project_page(tmp_path, monkeypatch, {"is_logged_in": False})
    assert not page.exception, [e.value for e in page.exception]
    assert [b.label for b in page.sidebar.button] == ["Sign in"]
    assert "Correct or enter a figure" not in [e.label for e in page.expander]


def test_a_signed_in_editor_corrects_and_the_trail_names_them(tmp_path, monkeypatch):
    page = _project_page(tmp_path, monkeypatch, {"is_logged_in": True, "email": "awa@un.org", "name": "Awa"})
    assert not page.exception, [e.value for e in page.exception]
    assert "Signed in as awa@un.org (editor)" in [c.value for c in page.sidebar.caption]
    assert [b.label for b in page.sidebar.button] == ["Sign out"]
    inputs = {w.label: w for w in page.text_input}
    inputs["New value"].set_value("1600000")
    inputs["Reason (required)"].set_value("revised budget")
    next(b for b in page.button if b.label == "Save the correction").click().run()
    assert not page.exception, [e.value for e in page.exception]
    con = duckdb.connect(str(tmp_path / "p.duckdb"), read_only=True)
    assert con.execute("SELECT made_by, new_value FROM corrections").fetchall() == [("awa@un.org", "1600000")]
    con.close()


def test_a_signed_in_outsider_reads_only(tmp_path, monkeypatch):
    page = _project_page(tmp_path, monkeypatch, {"is_logged_in": True, "email": "someone@example.com"})
    assert "Signed in as someone@example.com (reader)" in [c.value for c in page.sidebar.caption]
    assert "Correct or enter a figure" not in [e.label for e in page.expander]
