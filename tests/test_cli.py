"""`python -m loaders parse` and `ingest` as a user runs them."""
from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT, SAMPLES


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "loaders", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_parse_one_file_prints_one_json_object():
    result = run("parse", str(SAMPLES / "ml-cadre-crise-centre-annual-2020.txt"))
    assert result.returncode == 0
    record = json.loads(result.stdout)
    assert record["project"]["project_ids"] == ["PBF/MLI/A-2"] and len(record["indicators"]) == 18


def test_parse_several_files_prints_json_lines():
    result = run("parse", str(SAMPLES / "tg-ceomp-final-review.txt"), str(SAMPLES / "liptako-gourma-profile.txt"))
    lines = result.stdout.strip().split("\n")
    assert [json.loads(line)["kind"] for line in lines] == ["final_review", "project_profile"]


def test_parse_names_the_bad_file_and_fails(tmp_path):
    bad = tmp_path / "photo.docx"
    bad.write_bytes(b"\xff\xd8\xff\xe0 jpeg")
    result = run("parse", str(bad), str(SAMPLES / "tg-ceomp-final-review.txt"))
    assert result.returncode == 1
    assert "photo.docx: this is not a .docx document" in result.stderr
    assert json.loads(result.stdout)["kind"] == "final_review"


def test_ingest_prints_a_summary_and_exit_code(tmp_path):
    db = tmp_path / "cli.duckdb"
    bad = tmp_path / "notes.pdf"
    bad.write_bytes(b"%PDF")
    result = run("ingest", str(SAMPLES), str(bad), "--db", str(db))
    assert result.returncode == 1
    assert "6 files read (5 added, 0 unchanged, 1 failed), 5 projects, 72 indicators" in result.stdout
    assert "failed: " in result.stderr and "notes.pdf: " not in result.stdout
    again = run("ingest", str(SAMPLES), "--db", str(db))
    assert again.returncode == 0 and "(0 added, 5 unchanged, 0 failed)" in again.stdout


def test_parse_a_budget_workbook_for_a_named_project():
    result = run("parse", "tests/data/budget-saved-by-libreoffice.xlsx", "--project", "PBF/MLI/A-2")
    record = json.loads(result.stdout)
    assert result.returncode == 0 and record["kind"] == "budget"
    assert len(record["budget_lines"]) == 13 + 15 and record["project"]["project_ids"] == ["PBF/MLI/A-2"]


def test_ingest_counts_budget_lines(tmp_path):
    result = run("ingest", str(SAMPLES.parent.parent / "tests" / "data" / "budget-saved-by-libreoffice.xlsx"), "--db",
                 str(tmp_path / "b.duckdb"),
                 "--project", "00125232", "--quiet")
    assert result.returncode == 0 and "28 budget lines" in result.stdout


def test_schema_prints_the_parse_records_json_schema():
    import json
    import subprocess
    import sys

    from tests.conftest import ROOT

    result = subprocess.run([sys.executable, "-m", "loaders", "schema"], cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    schema = json.loads(result.stdout)
    assert result.returncode == 0 and schema["title"] == "ParseRecord"
    assert {"source", "kind", "project", "report", "indicators", "budget_lines", "missing", "warnings"} <= set(
        schema["properties"])
    assert "project.total_budget_usd" in json.dumps(schema["properties"]["missing"])


def test_a_record_with_a_drifted_name_is_refused():
    import pydantic
    import pytest

    from loaders.parse import parse_path
    from loaders.record import validated
    from tests.conftest import SAMPLES

    record = parse_path(SAMPLES / "ml-cadre-crise-centre-annual-2020.txt")
    record["report"]["gewe_allocated_usd"] = record["report"].pop("gender_allocated_usd")
    with pytest.raises(pydantic.ValidationError):
        validated(record)


def test_ingest_says_how_to_read_its_warnings_and_lists_them(tmp_path):
    """The count of warnings at the end of an ingest can be read: `--warnings` lists each (issue 24)."""
    seed = SAMPLES / "caf-cmr-traite-2021.txt"
    plain = run("ingest", str(seed), "--db", str(tmp_path / "a.duckdb"), "--quiet")
    assert plain.returncode == 0 and "(list them with --warnings)" in plain.stdout
    assert "1 file read" in plain.stdout and "1 project," in plain.stdout
    listed = run("ingest", str(seed), "--db", str(tmp_path / "b.duckdb"), "--quiet", "--warnings")
    lines = [line for line in listed.stderr.splitlines() if line.startswith("warning: ")]
    count = int(listed.stdout.split(" warning")[0].rsplit(", ", 1)[1])
    assert count > 0 and len(lines) == count and all("caf-cmr-traite-2021.txt: " in line for line in lines)
