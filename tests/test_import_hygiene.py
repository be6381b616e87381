"""loaders/ and metrics/ stay free of the UI: neither imports streamlit nor plotly."""
from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

MODULES = sorted(
    ".".join(p.relative_to(ROOT).with_suffix("").parts)
    for folder in ("loaders", "metrics") for p in (ROOT / folder).rglob("*.py") if p.name != "__main__.py"
)


def test_core_modules_import_without_ui_libraries():
    code = ("import importlib, sys\n"
            f"for name in {MODULES!r}:\n    importlib.import_module(name)\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('streamlit', 'plotly'))\n"
            "print(','.join(bad))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_every_module_says_what_it_is_for():
    for folder in ("loaders", "metrics", "tests", "ui", "views"):
        for path in (ROOT / folder).rglob("*.py"):
            if path.name == "__init__.py" and not path.read_text().strip():
                continue
            assert path.read_text(encoding="utf-8").lstrip().startswith('"""'), f"{path} has no module docstring"


def test_no_module_is_over_400_lines():
    for folder in ("loaders", "metrics", "tests", "bench", "ui", "views"):
        for path in (ROOT / folder).rglob("*.py"):
            assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path
    assert len((ROOT / "app.py").read_text(encoding="utf-8").splitlines()) <= 400
