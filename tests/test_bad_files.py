"""The bad-file corpus (tests/badfiles/make_badfiles.py, 43 kinds): each file is named with its
reason in one line, the other files of the batch still land, and the database holds exactly what
it held before for a file that failed."""
from __future__ import annotations

import shutil

import duckdb
import pytest

from loaders.ingest import ingest
from loaders.store.integrity import integrity_problems
from tests.badfiles.make_badfiles import KINDS, make
from tests.conftest import SAMPLES
from tests.test_store import snapshot


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("badfiles")
    make(folder)
    return folder


@pytest.fixture(scope="module")
def base_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("base") / "base.duckdb"
    ingest([SAMPLES / "caf-cmr-traite-2021.txt"], db)
    return db


def test_the_corpus_has_at_least_25_kinds():
    assert len(KINDS) >= 25


@pytest.mark.parametrize("name", sorted(KINDS))
def test_each_bad_file(corpus, base_db, tmp_path, name):
    expected, words = KINDS[name]
    db = tmp_path / "p.duckdb"
    shutil.copyfile(base_db, db)
    if expected == "unchanged":
        ingest([corpus / "same-report-other-name.txt"], db)
    before = snapshot(db)
    summary = ingest([corpus / name], db)
    outcome = summary.files[0]
    if expected == "fail":
        assert outcome.status == "failed" and words in outcome.error, outcome.error
        assert "\n" not in outcome.error
        assert snapshot(db) == before  # byte-for-byte the same tables
    elif expected == "unchanged":
        assert outcome.status == "unchanged" and snapshot(db) == before
    else:
        assert outcome.status == "added", outcome.error
        if words:
            assert any(words in w for w in outcome.warnings), outcome.warnings
    con = duckdb.connect(str(db), read_only=True)
    assert integrity_problems(con) == []
    con.close()


def test_a_batch_with_every_bad_file_still_lands_the_good_ones(corpus, tmp_path):
    db = tmp_path / "batch.duckdb"
    summary = ingest([corpus, SAMPLES / "tg-ceomp-final-review.txt"], db)
    by_name = {outcome.path.rsplit("/", 1)[-1]: outcome.status for outcome in summary.files}
    assert by_name["tg-ceomp-final-review.txt"] == "added"
    assert {name for name, status in by_name.items() if status == "failed"} == {
        name for name, (kind, _) in KINDS.items() if kind == "fail" and not name.endswith(".odt")}
    assert by_name["notes.odt"] == "skipped"  # found in a folder, not a kind Lens reads
    con = duckdb.connect(str(db), read_only=True)
    assert integrity_problems(con) == [] and con.execute("SELECT count(*) FROM sources").fetchone()[0] >= 8
    con.close()


def test_reingesting_in_a_loop_leaves_identical_tables(tmp_path):
    db = tmp_path / "loop.duckdb"
    ingest([SAMPLES], db)
    first = snapshot(db)
    for _ in range(10):
        ingest([SAMPLES], db)
    assert snapshot(db) == first
    assert first["sources"] and first["indicators"] and first["mx_indicators"]  # the loop compared real content
