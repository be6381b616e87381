"""Shared fixtures: where the seeds and gold files are, and a store built from the samples."""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from metrics.materialize import install
from ui.language import forget

install()  # the suite's writes refresh the metric tables, as the app's and the CLI's do

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("LENS_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"
SAMPLES = ROOT / "data" / "samples"


def load_scorer():
    """The team's scorer, ../shared/contracts/score.py, imported as a module."""
    spec = importlib.util.spec_from_file_location("gold_score", SHARED / "contracts" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    """A database built once from data/samples (read-only use in tests)."""
    from loaders.ingest import ingest

    db = tmp_path_factory.mktemp("store") / "samples.duckdb"
    summary = ingest([SAMPLES], db)
    assert not summary.failures
    return db


@pytest.fixture
def env(sample_db, tmp_path, monkeypatch):
    """A page's surroundings for AppTest: a copy of the sample store, an uploads folder, the repository as working directory."""
    db = tmp_path / "portfolio.duckdb"
    db.write_bytes(sample_db.read_bytes())
    monkeypatch.setenv("LENS_DB", str(db))
    monkeypatch.setenv("LENS_UPLOADS", str(tmp_path / "uploads"))
    monkeypatch.chdir(ROOT)
    return db


@pytest.fixture(autouse=True)
def _english_outside_pages():
    """A page run leaves its language as the one last spoken (ui/language.py): the next test starts
    in English, as a fresh process would."""
    yield
    forget()


def settled(app, timeout: float = 120.0):
    """Run an AppTest page again until the work it sent to the worker process (ui/jobs.py) has come
    back: a browser's progress fragment reruns the page by itself, AppTest has no browser."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        try:
            pending = dict(app.session_state["lens-jobs"])
        except KeyError:
            pending = {}
        if not pending:
            return app
        assert time.monotonic() < deadline, f"the worker's jobs did not end within {timeout} s: {list(pending)}"
        time.sleep(0.1)
        app.run()
