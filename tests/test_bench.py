"""`python -m bench --quick --json` runs and reports every measurement with its fields (the
harness's correctness; the timings themselves are not judged here)."""
from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT


def test_quick_bench_reports_every_measurement():
    result = subprocess.run([sys.executable, "-m", "bench", "--quick", "--json"], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    names = {r["name"] for r in rows}
    assert {"parse:txt", "parse:docx", "ingest"} <= names
    pages = ["Overview", "Delivery", "Gender", "Indicators", "Project", "Data"]
    assert {f"page:{p}" for p in pages} | {f"page:{p}:pandas" for p in pages} | {f"page:{p}:country" for p in pages} <= names
    for r in rows:
        assert {"name", "n", "median_s", "p90_s", "runs"} <= set(r) and r["median_s"] > 0
    assert all("per_s" in r for r in rows if r["name"].startswith(("parse:", "ingest")))
    assert all("ratio" in r for r in rows if r["name"].startswith("page:") and not r["name"].endswith(":pandas"))
    assert {r["n"] for r in rows if r["name"] == "page:Overview"} == {100, 500}
    assert any(r["name"] == "growth:page:Overview" for r in rows)
    assert {f"pagerun:{p.lower()}" for p in pages} <= names  # every page run whole under AppTest
    assert all(r["first_s"] > 0 and r["cached_s"] > 0 for r in rows if r["name"].startswith("pagerun:"))
    assert "grow:ingest" in names
    assert {"parse:pdf-unruled", "ocr:page (1 core)", "ocr:page (all cores)"} <= names  # issue 23
