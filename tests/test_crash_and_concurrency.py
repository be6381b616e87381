"""Crashes and concurrent use: an ingest killed at random points (SIGKILL) leaves a store that
opens, passes our integrity check and holds all or none of each file; pages keep rendering, never
from partial data, while a writer ingests 200 files."""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
from streamlit.testing.v1 import AppTest

from loaders.ingest import ingest
from loaders.store.integrity import integrity_problems
from loaders.store.session import reading
from metrics.summary import headline
from tests.conftest import ROOT, SAMPLES

KILLS = int(os.environ.get("LENS_KILLS", "12"))


def unique_copies(folder: Path, count: int) -> Path:
    """`count` distinct report files (seeds with a counter appended), so each one is new to the store."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(SAMPLES.glob("*.txt"))
    for number in range(count):
        seed = seeds[number % len(seeds)]
        (folder / f"{number:03d}-{seed.name}").write_bytes(seed.read_bytes() + f"\ncopy {number}\n".encode())
    return folder


def sources(db: Path) -> set[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert integrity_problems(con) == []
        return {row[0] for row in con.execute("SELECT file_name FROM sources").fetchall()}
    finally:
        con.close()


def test_ingest_killed_at_random_points(tmp_path):
    files = unique_copies(tmp_path / "files", 40)
    base = tmp_path / "base.duckdb"
    ingest([SAMPLES / "tg-ceomp-final-review.txt"], base)
    before = sources(base)
    everything = before | {p.name for p in files.iterdir()}
    rng = random.Random(7)
    outcomes = {"killed": 0, "finished": 0}
    for iteration in range(KILLS):
        db = tmp_path / f"kill{iteration}.duckdb"
        shutil.copyfile(base, db)
        writer = subprocess.Popen([sys.executable, "-m", "loaders", "ingest", str(files), "--db", str(db), "--quiet"],
                                  cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, 3.0))
        if writer.poll() is None:
            writer.send_signal(signal.SIGKILL)
            outcomes["killed"] += 1
        else:
            outcomes["finished"] += 1
        writer.wait(timeout=60)
        assert sources(db) in (before, everything), f"iteration {iteration}: a partial batch is visible"
        ingest([], db)  # the next writer clears the copy the killed one left
        assert not list(tmp_path.glob(f".{db.name}.*.writing*"))
    print(f"kill loop: {outcomes}")
    assert outcomes["killed"] >= KILLS // 2


WRITER = """
import sys
from pathlib import Path
from loaders.ingest import ingest
from metrics.materialize import install
install()
folder, db = Path(sys.argv[1]), Path(sys.argv[2])
files = sorted(folder.iterdir())
for start in range(0, len(files), 20):
    ingest(files[start:start + 20], db)
"""


def test_pages_render_while_a_writer_ingests_200_files(tmp_path, monkeypatch):
    files = unique_copies(tmp_path / "files", 200)
    db = tmp_path / "live.duckdb"
    ingest([SAMPLES / "tg-ceomp-final-review.txt"], db)
    monkeypatch.setenv("LENS_DB", str(db))
    monkeypatch.chdir(ROOT)
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(files), str(db)], cwd=ROOT)
    seen_counts, renders = [], 0
    try:
        while writer.poll() is None:
            con = reading(db)
            try:
                count = con.execute("SELECT count(*) FROM sources").fetchone()[0]
                assert integrity_problems(con) == []
                headline(con)
            finally:
                con.close()
            assert (count - 1) % 20 == 0, f"{count} files visible: a batch was half written"
            seen_counts.append(count)
            if renders < 3:
                app = AppTest.from_file(str(ROOT / "views" / "overview.py"), default_timeout=60).run()
                assert not app.exception
                renders += 1
            time.sleep(0.2)
    finally:
        writer.wait(timeout=600)
    assert writer.returncode == 0
    assert seen_counts == sorted(seen_counts) and len(set(seen_counts)) >= 2
    assert sources(db) >= {p.name for p in files.iterdir()}


def test_correction_killed_at_random_points(tmp_path):
    """A kill during a correction leaves the old value or the new one, and a trail that says which."""
    base = tmp_path / "base.duckdb"
    ingest([SAMPLES / "ml-cadre-crise-centre-annual-2020.txt"], base)
    rng = random.Random(11)
    killed = 0
    for iteration in range(max(4, KILLS // 4)):
        db = tmp_path / f"corr{iteration}.duckdb"
        shutil.copyfile(base, db)
        writer = subprocess.Popen([sys.executable, "-m", "loaders", "correct", "--db", str(db), "--project", "PBF/MLI/A-2",
                                   "--field", "total_budget_usd", "--value", "2000000", "--reason", "kill test"],
                                  cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, 1.5))
        if writer.poll() is None:
            writer.send_signal(signal.SIGKILL)
            killed += 1
        writer.wait(timeout=60)
        con = duckdb.connect(str(db), read_only=True)
        budget = con.execute("SELECT budget_usd FROM mx_project_facts WHERE project_key = 'PBF/MLI/A-2'").fetchone()[0]
        rows = con.execute("SELECT count(*) FROM corrections").fetchone()[0]
        assert integrity_problems(con) == []
        con.close()
        assert (budget, rows) in ((1_498_000.0, 0), (2_000_000.0, 1)), f"iteration {iteration}: {budget}, {rows} rows"
    assert killed >= 1
