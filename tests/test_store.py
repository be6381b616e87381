"""The DuckDB store: what lands from the samples, idempotent re-ingest, all-or-nothing per file,
supersession of an older report of the same project and period, removal of a file."""
from __future__ import annotations

import shutil

import duckdb

from loaders.ingest import ingest
from loaders.store.writer import remove_source
from tests.conftest import SAMPLES

FACT_TABLES = ["sources", "projects", "reports", "agency_budgets", "outcomes", "outputs", "indicators", "comments",
               "budget_lines", "project_aliases", "field_locations", "corrections"]
TABLES = FACT_TABLES + ["mx_current_source", "mx_project_facts", "mx_indicators", "mx_quality_flags", "mx_budget_lines",
                        "mx_project_counts"]


def snapshot(db) -> dict:
    """Every table's rows (minus the ingest time), to compare databases exactly."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        result = {}
        for table in TABLES:
            columns = [c[0] for c in con.execute(f"DESCRIBE {table}").fetchall() if c[0] != "ingested_at"]
            result[table] = sorted(map(repr, con.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()))
        return result
    finally:
        con.close()


def test_samples_land_with_their_numbers(sample_db):
    con = duckdb.connect(str(sample_db), read_only=True)
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    assert counts["sources"] == 5 and counts["indicators"] == 18 + 39 + 15
    assert counts["comments"] == 49
    row = con.execute("SELECT current_value, women, location FROM indicators WHERE project_key = 'PBF/MLI/A-2' "
                      "AND code = '1.1.1'").fetchone()
    assert row == (15.0, 6.0, "results table, line 202")
    iom = con.execute("SELECT sum(budget_usd) FROM agency_budgets WHERE project_key = '00125232' AND agency = 'IOM'")
    assert iom.fetchone()[0] == 2129278.0
    on_row = con.execute("SELECT count(*) FROM comments WHERE project_key = '00125232' AND indicator_code = '1.1.2'")
    assert on_row.fetchone()[0] == 3
    con.close()


def test_reingesting_the_same_files_changes_nothing(tmp_path):
    db = tmp_path / "p.duckdb"
    ingest([SAMPLES], db)
    before = snapshot(db)
    summary = ingest([SAMPLES], db)
    assert {f.status for f in summary.files} == {"unchanged"}
    assert snapshot(db) == before


def test_a_failed_file_leaves_the_database_exactly_as_it_was(tmp_path):
    db = tmp_path / "p.duckdb"
    ingest([SAMPLES / "ml-cadre-crise-centre-annual-2020.txt"], db)
    before = snapshot(db)
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    good = tmp_path / "togo.txt"
    shutil.copy(SAMPLES / "tg-ceomp-final-review.txt", good)
    summary = ingest([bad, empty, good], db)
    assert [f.status for f in summary.files] == ["failed", "failed", "added"]
    assert "not a .docx document" in summary.failures[0].error and "empty" in summary.failures[1].error
    after = snapshot(db)
    assert after["sources"] != before["sources"]
    for table in TABLES:  # everything that was there is still there, only the good file was added
        assert set(before[table]) <= set(after[table])
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT file_name FROM sources ORDER BY file_name").fetchall() == [
        ("ml-cadre-crise-centre-annual-2020.txt",), ("togo.txt",)]
    con.close()


def test_newer_report_of_same_project_and_period_supersedes_the_older(tmp_path):
    db = tmp_path / "p.duckdb"
    original = (SAMPLES / "ml-cadre-crise-centre-annual-2020.txt").read_text(encoding="utf-8")
    first, revised = tmp_path / "v1.txt", tmp_path / "v2.txt"
    first.write_text(original, encoding="utf-8")
    revised.write_text(original.replace("\t15 dont 6 femmes", "\t17 dont 8 femmes"), encoding="utf-8")
    ingest([first], db)
    ingest([revised], db)
    con = duckdb.connect(str(db), read_only=True)
    active = con.execute("SELECT file_name FROM active_sources").fetchall()
    kept = con.execute("SELECT count(*) FROM sources").fetchone()[0]
    value = con.execute("SELECT i.current_value FROM indicators i JOIN active_sources s ON s.sha256 = i.source_sha256 "
                        "WHERE i.code = '1.1.1'").fetchall()
    con.close()
    assert active == [("v2.txt",)] and kept == 2 and value == [(17.0,)]


def test_removing_a_file_removes_everything_read_from_it(tmp_path):
    db = tmp_path / "p.duckdb"
    ingest([SAMPLES], db)
    con = duckdb.connect(str(db))
    sha = con.execute("SELECT sha256 FROM sources WHERE file_name LIKE 'caf-cmr%'").fetchone()[0]
    remove_source(con, sha)
    left = {t: con.execute(f"SELECT count(*) FROM {t} WHERE {'sha256' if t == 'sources' else 'source_sha256'} = ?",
                           [sha]).fetchone()[0] for t in FACT_TABLES}
    con.close()
    assert set(left.values()) == {0}
