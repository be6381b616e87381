"""What a person reads, on the samples and on the real UNDP portfolio, in English and French:
no internal column names (`raw_name`, `project_key`), no `None` or `nan`, no Streamlit help
printed on the page, and French pages with French column headers."""
from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from loaders.ingest import ingest
from tests.conftest import ROOT, SHARED

PAGES = ["overview", "delivery", "gender", "indicators", "project", "data"]
INTERNAL = re.compile(r"^[a-z]+(_[a-z0-9]+)+$")  # snake_case: a column's own name, not a header
NOT_A_VALUE = re.compile(r"\b(None|nan|NaN|DeltaGenerator)\b")


@pytest.fixture(scope="module")
def real_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("real-pages") / "real.duckdb"
    assert not ingest([SHARED / "realdata"], db).failures
    return db


def _texts(app) -> list[str]:
    texts = []
    for kind in ("markdown", "caption", "info", "warning", "success", "error", "subheader", "title", "text"):
        texts += [str(e.value) for e in getattr(app, kind)]
    texts += [f"{m.label} {m.value}" for m in app.metric]
    return texts


def _headers(app) -> list[str]:
    headers = []
    for frame in app.dataframe:
        config = json.loads(frame.proto.columns or "{}")
        order = list(frame.proto.column_order) or list(frame.value.columns)
        headers += [config.get(c, {}).get("label", c) for c in order if c in frame.value.columns]
    return headers


def _check(db, page, language, monkeypatch, **params):
    monkeypatch.setenv("LENS_DB", str(db))
    monkeypatch.chdir(ROOT)
    app = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=120)
    app.query_params["lang"] = language
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    internal = [h for h in _headers(app) if INTERNAL.match(str(h))]
    assert internal == [], f"{page} ({language}) shows internal names as headers: {internal}"
    printed = [t[:80] for t in _texts(app) if NOT_A_VALUE.search(t)]
    assert printed == [], f"{page} ({language}) prints: {printed}"
    return app


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("page", PAGES)
def test_sample_pages_read_well(sample_db, tmp_path, monkeypatch, page, language):
    db = tmp_path / "p.duckdb"
    db.write_bytes(sample_db.read_bytes())
    params = {"project": "00125232"} if page == "project" else {}
    _check(db, page, language, monkeypatch, **params)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("page", PAGES)
def test_real_portfolio_pages_read_well(real_db, page, language, monkeypatch):
    _check(real_db, page, language, monkeypatch)


def test_french_indicator_page_speaks_french_and_keeps_its_filters_in_the_url(sample_db, tmp_path, monkeypatch):
    db = tmp_path / "p.duckdb"
    db.write_bytes(sample_db.read_bytes())
    app = _check(db, "indicators", "fr", monkeypatch, status="behind", q="recrutement")
    table = app.dataframe[0].value
    assert set(table["status"]) == {"en retard"}
    assert all("recrutement" in (s + r).lower() for s, r in zip(table["statement"], table["reason"], strict=True))
    assert app.query_params["status"] in ("behind", ["behind"]) and app.query_params["q"] in ("recrutement", ["recrutement"])
    assert "Base → actuel → cible" in _headers(app)
