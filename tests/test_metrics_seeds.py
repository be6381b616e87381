"""Metrics on the sample portfolio: the worked examples of docs/METRICS.md, the summary CLI, and
a check that every public metric function is documented."""
from __future__ import annotations

import importlib
import inspect
import json
import subprocess
import sys

import duckdb
import pytest

from metrics.delivery import delivery_by_project
from metrics.gender import gewe_by_project
from metrics.indicators import indicator_table
from tests.conftest import ROOT, SAMPLES


@pytest.fixture(scope="module")
def con(sample_db):
    connection = duckdb.connect(str(sample_db), read_only=True)
    yield connection
    connection.close()


def test_mali_2020_worked_example(con):
    gewe = gewe_by_project(con).set_index("project_key").loc["PBF/MLI/A-2"]
    assert round(gewe["gewe_share"], 3) == 0.217 and bool(gewe["meets_un_minimum"]) and not gewe["meets_pbf_target"]
    delivery = delivery_by_project(con).set_index("project_key").loc["PBF/MLI/A-2"]
    assert delivery["time_elapsed"] == pytest.approx(334 / 730) and not delivery["behind"]
    statuses = indicator_table(con).query("project_key == 'PBF/MLI/A-2'").set_index("code")["status"]
    assert (statuses["1.1.1"], statuses["1.2.2"]) == ("on track", "behind")


def test_caf_cmr_is_behind(con):
    delivery = delivery_by_project(con).set_index("project_key").loc["00125232"]
    assert delivery["time_elapsed"] == pytest.approx(322 / 548)
    assert delivery["delivery_gap"] == pytest.approx(322 / 548 - 0.17) and bool(delivery["behind"])


def test_summary_cli_json(sample_db):
    result = subprocess.run([sys.executable, "-m", "metrics", "summary", "--db", str(sample_db), "--json"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["projects"] == 5 and figures["budget_usd"] == 7100798.0
    assert figures["delivery_rate"] == pytest.approx((0.37 * 1498000 + 0.17 * 3102798) / 4600798, abs=1e-6)
    assert figures["gewe_share"] == pytest.approx(2205676 / 7100798, abs=1e-6)
    assert figures["indicators"] == {"achieved": 18, "behind": 10, "no data": 2, "not started": 32, "on track": 10}
    assert figures["by_country"]["MLI"]["projects"] == 3


def test_summary_cli_text_and_missing_db(sample_db, tmp_path):
    text = subprocess.run([sys.executable, "-m", "metrics", "summary", "--db", str(sample_db), "--country", "CAF"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert text.stdout.startswith("1 project, 1 behind\n")  # one project, not "projects 1" nor "1 projects"
    assert "budget 3,102,798 USD (1 project with a budget)" in text.stdout and "delivery 17.0%" in text.stdout
    absent = subprocess.run([sys.executable, "-m", "metrics", "summary", "--db", str(sample_db), "--country", "GIN"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert absent.returncode == 1 and absent.stdout == ""  # was "projects 0", exit 0 (issue 24)
    assert absent.stderr == ("error: no project of this store has the country GIN; country codes in it: "
                             "BFA, CAF, CMR, MLI, NER, TGO\n")
    missing = subprocess.run([sys.executable, "-m", "metrics", "summary", "--db", str(tmp_path / "none.duckdb")],
                             cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert missing.returncode == 1 and "no database at" in missing.stderr


def test_every_metric_function_is_documented():
    doc = (ROOT / "docs" / "METRICS.md").read_text(encoding="utf-8")
    for module_name in ("delivery", "gender", "indicators", "quality", "summary"):
        module = importlib.import_module(f"metrics.{module_name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ == module.__name__ and not name.startswith("_"):
                assert name in doc, f"metrics.{module_name}.{name} is not described in docs/METRICS.md"


def test_a_summary_cut_short_by_its_reader_ends_quietly(sample_db):
    """`python -m metrics summary | head -1`: no BrokenPipeError traceback (issue 24)."""
    shell = (f"{sys.executable} -m metrics summary --db {sample_db} | head -1; "
             f"{sys.executable} -m loaders parse {SAMPLES / 'caf-cmr-traite-2021.txt'} | head -1")
    result = subprocess.run(["bash", "-c", shell], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr and "BrokenPipeError" not in result.stderr, result.stderr
    assert result.stdout.splitlines() == ["5 projects, 1 behind", "{"]
