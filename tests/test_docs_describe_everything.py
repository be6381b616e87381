"""The docs keep up with the code: every table and view of the store (the `mx_*` tables too) is
described in docs/DATA_MODEL.md, and every metric function in docs/METRICS.md. A table or a
metric added without a word in the docs fails here."""
from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import duckdb

import metrics
from tests.conftest import ROOT

INFRASTRUCTURE = {"base", "query", "materialize", "settings", "__main__", "delay_reasons", "rollups"}


def test_every_table_and_view_is_in_the_data_model(sample_db):
    con = duckdb.connect(str(sample_db), read_only=True)
    names = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables "
                                        "WHERE table_schema = 'main'").fetchall()]
    con.close()
    text = (ROOT / "docs" / "DATA_MODEL.md").read_text(encoding="utf-8")
    assert len(names) >= 20
    assert [n for n in names if f"`{n}`" not in text] == []


def test_every_metric_function_is_in_the_metrics_doc():
    text = (ROOT / "docs" / "METRICS.md").read_text(encoding="utf-8")
    functions = []
    for module in pkgutil.iter_modules(metrics.__path__):
        if module.name in INFRASTRUCTURE:
            continue
        loaded = importlib.import_module(f"metrics.{module.name}")
        functions += [f"{module.name}.{name}" for name, fn in inspect.getmembers(loaded, inspect.isfunction)
                      if fn.__module__ == loaded.__name__ and not name.startswith("_")
                      and list(inspect.signature(fn).parameters)[:1] == ["con"]]
    assert len(functions) >= 25
    assert [f for f in functions if not re.search(rf"\b{f.split('.')[1]}\b", text)] == []
