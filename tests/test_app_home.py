"""The app entry (app.py) run with streamlit.testing.v1.AppTest: the first start builds the store
from the samples, later starts reuse it, an ingest that swaps the file in is picked up."""
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


def metric_values(app) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def test_first_start_builds_the_database_and_shows_the_overview(lens_env):
    assert not lens_env.exists()
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not app.exception
    assert lens_env.exists()
    assert metric_values(app) == {"Projects": "5", "Budget": "$7.1M", "Delivery rate": "23.5%",
                                  "GEWE share": "31.1%", "Indicators": "72"}
    attention = app.dataframe[0].value
    assert list(attention["project_key"]) == ["00125232", "PBF IRF-217", "PBF/MLI/A-2"]


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
    assert any("Data page" in info.value for info in app.info)


def test_app_shows_a_database_swapped_in_by_a_cli_ingest(lens_env, tmp_path):
    from loaders.ingest import ingest

    source = tmp_path / "one"
    source.mkdir()
    (source / "mali.txt").write_bytes((SAMPLES / "ml-cadre-crise-centre-annual-2020.txt").read_bytes())
    ingest([source], lens_env)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert metric_values(app)["Projects"] == "1"
    ingest([SAMPLES], lens_env)  # a writer swaps a new file in while the app holds a connection
    app.run()
    assert metric_values(app)["Projects"] == "5"
