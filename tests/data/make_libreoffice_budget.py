"""Regenerates tests/data/budget-saved-by-libreoffice.xlsx: the test budget workbook built with
openpyxl, opened and saved again by LibreOffice Calc (which stores every formula's value).
Needs `soffice` (Debian: libreoffice-calc-nogui). Run: python tests/data/make_libreoffice_budget.py"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.xlsx_factory import build_budget_workbook  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "budget.xlsx"
        source.write_bytes(build_budget_workbook())
        subprocess.run(["soffice", "--headless", "--calc", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                        "--outdir", str(Path(folder) / "out"), str(source)], check=True, timeout=300)
        shutil.copyfile(Path(folder) / "out" / "budget.xlsx", HERE / "budget-saved-by-libreoffice.xlsx")


if __name__ == "__main__":
    main()
