"""The home page run with streamlit.testing.v1.AppTest: first start builds the store from the
samples, the table lists projects with country names, agencies, budgets and indicator counts."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, SAMPLES


@pytest.fixture
def lens_env(tmp_path, monkeypatch):
    db = tmp_path / "portfolio.duckdb"
    monkeypatch.setenv("LENS_DB", str(db))
    monkeypatch.setenv("LENS_SAMPLES", str(SAMPLES))
    monkeypatch.chdir(ROOT)
    return db


def test_first_start_builds_the_database_and_lists_projects(lens_env):
    assert not lens_env.exists()
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not app.exception
    assert lens_env.exists()
    assert [m.value for m in app.metric] == ["5", "72", "5"]
    table = app.dataframe[0].value
    mali = table[table["Project number"] == "PBF/MLI/A-2"].iloc[0]
    assert mali["Countries"] == "Mali" and mali["Agencies"] == "UNDP (lead)"
    assert mali["Budget (USD)"] == 1498000.0 and mali["Indicators"] == 18
    caf = table[table["Project number"] == "00125232, 00125233"].iloc[0]
    assert caf["Countries"] == "Central African Republic, Cameroon" and caf["Agencies"] == "UNODC (lead), IOM"
    assert set(table["Countries"]) >= {"Togo", "Burkina Faso, Mali, Niger"}


def test_later_start_reuses_the_database(lens_env):
    AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    built = lens_env.stat().st_mtime_ns
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not app.exception and lens_env.stat().st_mtime_ns == built


def test_empty_sample_folder_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("LENS_DB", str(tmp_path / "empty.duckdb"))
    monkeypatch.setenv("LENS_SAMPLES", str(tmp_path / "no-reports"))
    (tmp_path / "no-reports").mkdir()
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not app.exception
    assert any("python -m loaders ingest" in info.value for info in app.info)


def test_app_shows_a_database_swapped_in_by_a_cli_ingest(lens_env, tmp_path):
    from loaders.ingest import ingest

    source = tmp_path / "one"
    source.mkdir()
    (source / "togo.txt").write_bytes((SAMPLES / "tg-ceomp-final-review.txt").read_bytes())
    ingest([source], lens_env)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert [m.value for m in app.metric] == ["1", "0", "1"]
    ingest([SAMPLES], lens_env)  # a writer swaps a new file in while the app holds a connection
    app.run()
    assert [m.value for m in app.metric] == ["5", "72", "5"]
