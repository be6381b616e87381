"""A correction with a side effect says so: correcting PBF/MLI/A-2's budget (1,498,000 → 2,000,000),
a project that reports only a rate (37 %), moves its expenditure (rate × budget: 554,260 →
740,000) and its GEWE share (324,547 ÷ budget: 21.7 % → 16.2 %). The trail records it, the command
line prints it, the trail table shows it in the page's language, and the form says beforehand what
a budget or a rate moves."""
from __future__ import annotations

import subprocess
import sys

import duckdb
import pytest

from loaders.ingest import ingest
from loaders.store.corrections import trail
from tests.conftest import ROOT, SAMPLES
from tests.test_what_a_person_reads import open_page
from ui.corrections import correct, trail_frame, undo
from ui.identity import User
from ui.language import speaking

EDITOR = User("awa@un.org", "editor")


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "p.duckdb"
    ingest([SAMPLES / "ml-cadre-crise-centre-annual-2020.txt"], path)
    return path


def _trail(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return trail(con)
    finally:
        con.close()


def test_a_budget_correction_records_the_expenditure_and_share_it_moved_and_its_undo_moves_them_back(db):
    first = correct(db, EDITOR, "PBF/MLI/A-2", "total_budget_usd", "2000000", "revision")
    moved = _trail(db)[0]["moves"]
    assert set(moved) == {"expenditure_estimate_usd", "gewe_share"}  # the budget itself is the correction
    assert moved["expenditure_estimate_usd"] == (554_260.0, 740_000.0)  # 0.37 × 1,498,000 → 0.37 × 2,000,000
    assert moved["gewe_share"] == pytest.approx((324_547 / 1_498_000, 324_547 / 2_000_000), abs=1e-6)
    undo(db, EDITOR, first)
    assert _trail(db)[0]["moves"]["expenditure_estimate_usd"] == (740_000.0, 554_260.0)
    correct(db, EDITOR, "PBF/MLI/A-2", "project.gender_marker", "GM2", "signed ProDoc")
    assert _trail(db)[0]["moves"] == {}  # a marker moves no other figure


def test_the_command_line_and_the_french_trail_say_what_moved(db):
    done = subprocess.run([sys.executable, "-m", "loaders", "correct", "--db", str(db), "--project", "PBF/MLI/A-2",
                           "--field", "report.implementation_rate", "--value", "50%", "--reason", "finance office"],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("also moved: expenditure_estimate_usd 554,260 → 749,000")
    with speaking("fr"):
        frame = trail_frame(db, None)
    assert list(frame["A aussi changé"]) == ["Dépenses 554\u202f260\u00a0$US → 749\u202f000\u00a0$US"]


def test_the_form_says_what_a_budget_or_a_rate_moves(db, monkeypatch):
    page = open_page(db, "project", "en", monkeypatch, project="PBF/MLI/A-2")
    assert any("also moves the expenditure of a project that reports none" in c.value for c in page.caption)
