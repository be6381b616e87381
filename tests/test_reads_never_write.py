"""A read never writes: a store built by an older version is refused by `reading()` with one line
and a hint, left byte for byte as it was; `python -m loaders upgrade` (or the app, unless
LENS_READ_ONLY) brings it up to date, and then it reads."""
from __future__ import annotations

import subprocess
import sys

import duckdb
import pytest

from loaders.store.session import StoreOutdated, reading, upgrade
from tests.conftest import ROOT


def _age(db) -> None:
    """Make the store look as if an older Lens built it."""
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '9' WHERE key = 'schema_version'")
    con.close()


def test_an_older_store_is_refused_by_a_read_and_left_untouched(sample_db, tmp_path):
    db = tmp_path / "old.duckdb"
    db.write_bytes(sample_db.read_bytes())
    _age(db)
    before = db.read_bytes()
    with pytest.raises(StoreOutdated, match="older version") as raised:
        reading(db)
    assert "python -m loaders upgrade --db" in raised.value.hint
    assert db.read_bytes() == before  # nothing written
    summary = subprocess.run([sys.executable, "-m", "metrics", "summary", "--db", str(db)], cwd=ROOT,
                             capture_output=True, text=True, timeout=120)
    assert summary.returncode == 1 and "loaders upgrade" in summary.stderr
    assert db.read_bytes() == before


def test_upgrade_brings_it_up_to_date_once(sample_db, tmp_path):
    db = tmp_path / "old.duckdb"
    db.write_bytes(sample_db.read_bytes())
    _age(db)
    done = subprocess.run([sys.executable, "-m", "loaders", "upgrade", "--db", str(db)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "brought up to date" in done.stdout
    con = reading(db)
    assert con.execute("SELECT count(*) FROM mx_project_facts").fetchone()[0] == 5
    con.close()
    assert upgrade(db) is False  # already up to date: nothing written


def test_the_read_only_app_says_what_to_do_with_an_older_store(sample_db, tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest
    db = tmp_path / "old.duckdb"
    db.write_bytes(sample_db.read_bytes())
    _age(db)
    before = db.read_bytes()
    monkeypatch.setenv("LENS_DB", str(db))
    monkeypatch.setenv("LENS_READ_ONLY", "1")
    monkeypatch.chdir(ROOT)
    page = AppTest.from_file(str(ROOT / "views" / "overview.py"), default_timeout=90).run()
    assert db.read_bytes() == before
    assert not page.exception
    assert any("older version" in e.value and "loaders upgrade" in e.value for e in page.error), page.error
