"""The pages' downloads opened in a real spreadsheet program: each table's Excel file is read by
LibreOffice Calc (headless, converted back to CSV) and must hold what the CSV download holds —
numbers as numbers, dates as dates (`2021-02-12`, a date cell, never `2021-02-12 00:00:00`), and
no `NaT`, `nan` or `None` where a value is missing (issue 24: the Delivery table's Excel file held
six `NaT` cells and every date as text). On the samples and the real portfolio."""
from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess

import duckdb
import openpyxl
import pytest

from loaders.ingest import ingest
from metrics.delivery import delivery_by_project
from metrics.gender import gewe_by_project
from metrics.indicators import indicator_table
from metrics.quality import quality_flags
from tests.conftest import SHARED
from ui.exports import export_frame, to_csv, to_excel
from ui.i18n import column_label

TABLES = {"delivery": delivery_by_project, "gender": gewe_by_project, "indicators": indicator_table,
          "flags": quality_flags}
NOT_A_VALUE = {"NaT", "nan", "NaN", "None", "<NA>"}


def _calc() -> str:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is missing; .ci/run installs libreoffice-calc-nogui")
        pytest.skip("LibreOffice Calc (soffice) is not installed")
    return soffice


@pytest.fixture(scope="module")
def real_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("real-downloads") / "real.duckdb"
    assert not ingest([SHARED / "realdata"], db).failures
    return db


@pytest.mark.parametrize("store", ["samples", "real"])
def test_each_download_reads_the_same_in_calc(store, sample_db, real_db, tmp_path):
    soffice = _calc()
    con = duckdb.connect(str(sample_db if store == "samples" else real_db), read_only=True)
    frames = {name: export_frame(table(con)) for name, table in TABLES.items()}
    con.close()
    for name, frame in frames.items():
        (tmp_path / f"{name}.xlsx").write_bytes(to_excel(frame))
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false", "--outdir",
                    str(tmp_path / "calc"), *sorted(str(p) for p in tmp_path.glob("*.xlsx"))],
                   check=True, capture_output=True, timeout=300)
    for name, frame in frames.items():
        ours = list(csv.reader(io.StringIO(to_csv(frame).decode("utf-8-sig"))))
        calc = list(csv.reader(io.StringIO((tmp_path / "calc" / f"{name}.csv").read_text(encoding="utf-8"))))
        assert len(calc) == len(ours) == len(frame) + 1, name
        printed = sorted({cell for row in ours + calc for cell in row if cell in NOT_A_VALUE})
        assert printed == [], f"{name}: {printed}"
        for r, (mine, theirs) in enumerate(zip(ours, calc, strict=True)):
            for column, (a, b) in enumerate(zip(mine, theirs, strict=True)):
                assert _same(a, b), f"{store} {name} row {r} {ours[0][column]}: csv {a!r}, Calc {b!r}"
    dated = openpyxl.load_workbook(tmp_path / "delivery.xlsx").active
    header = [c.value for c in dated[1]]
    column = header.index(column_label("start_day", "en"))
    start = [row[column] for row in dated.iter_rows(min_row=2) if row[column].value]
    assert start and all(c.is_date and c.number_format == "yyyy-mm-dd" for c in start)


def _same(ours: str, calc: str) -> bool:
    """One cell read back: the same text, or the same number as Calc writes it."""
    if ours == calc or (ours in ("True", "False") and calc == ours.upper()):  # a true/false cell
        return True
    try:
        return abs(float(ours) - float(calc)) <= 1e-6 * max(1.0, abs(float(ours)))
    except ValueError:
        return False
