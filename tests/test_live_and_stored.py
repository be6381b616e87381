"""Each figure has one definition: every metric function gives the same answer from the stored
mx_* tables as from the live queries they materialise, on the samples, the real UNDP portfolio
and a synthetic portfolio."""
from __future__ import annotations

import math

import duckdb
import pandas as pd
import pytest

import metrics.attention
import metrics.base
import metrics.gender
from bench.make_portfolio import build
from loaders.ingest import ingest
from metrics import attention, catalog, delivery, gender, indicators, summary
from metrics.base import Filters
from tests.conftest import SHARED

CALLS = [
    (delivery.delivery_by_project, ()), (delivery.delivery_portfolio, ()), (delivery.delivery_by_country, ()),
    (delivery.delivery_by_agency, ()), (delivery.delivery_by_outcome, ()), (delivery.project_choices, ()),
    (gender.gewe_by_project, ()), (gender.gewe_rollup, ()), (gender.gewe_rollup, ("country",)),
    (gender.gewe_by_agency, ()), (gender.marker_mix, ()), (gender.marker_mix, ("country",)),
    (gender.marker_mix, ("agency",)), (gender.sex_disaggregated, ("country",)), (gender.sex_disaggregated, ("project",)),
    (gender.sex_disaggregated, ("agency",)), (indicators.indicator_table, ()), (indicators.indicator_count, ()),
    (indicators.indicator_match_count, ()), (indicators.status_counts, ()), (indicators.status_counts, ("country",)),
    (indicators.delay_reason_counts, ()), (attention.projects_needing_attention, ()), (summary.headline, ()),
    (summary.summary, ()), (catalog.outcome_options, ()),
]


def _live(monkeypatch) -> None:
    for module in (metrics.base, metrics.gender, metrics.attention):
        monkeypatch.setattr(module, "uses_materialized", lambda filters: False)


def _same(a, b, where: str) -> None:
    if isinstance(a, pd.DataFrame):
        assert list(a.columns) == list(b.columns), where
        key = [c for c in a.columns if a[c].dtype == object or pd.api.types.is_string_dtype(a[c].dtype)][:3] or None
        a = a.sort_values(key).reset_index(drop=True) if key else a.reset_index(drop=True)
        b = b.sort_values(key).reset_index(drop=True) if key else b.reset_index(drop=True)
        assert len(a) == len(b), f"{where}: {len(a)} rows stored, {len(b)} live"
        if len(a):  # money sums may differ in the last bit with the order DuckDB adds them in
            pd.testing.assert_frame_equal(a, b, check_dtype=False, check_exact=False, rtol=1e-9, obj=where)
    elif isinstance(a, dict):
        assert a.keys() == b.keys(), where
        for key in a:
            _same(a[key], b[key], f"{where}.{key}")
    elif isinstance(a, float) and isinstance(b, float):
        assert (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b), where
    else:
        assert a == b, where


@pytest.fixture(scope="module")
def stores(tmp_path_factory, sample_db):
    folder = tmp_path_factory.mktemp("live-stored")
    real = folder / "real.duckdb"
    ingest([SHARED / "realdata"], real)
    synthetic = folder / "synthetic.duckdb"
    build(synthetic, 150, seed=3)
    return {"samples": sample_db, "real": real, "synthetic": synthetic}


@pytest.mark.parametrize("store", ["samples", "real", "synthetic"])
def test_every_metric_function_agrees_live_and_stored(stores, store, monkeypatch):
    con = duckdb.connect(str(stores[store]), read_only=True)
    filters = [Filters()]
    country = con.execute("SELECT countries[1] FROM mx_project_facts WHERE len(countries) > 0 LIMIT 1").fetchone()
    if country:
        filters.append(Filters(country=country[0]))
    try:
        stored = [[function(con, f, *args) for function, args in CALLS] for f in filters]
        _live(monkeypatch)
        live = [[function(con, f, *args) for function, args in CALLS] for f in filters]
    finally:
        con.close()
    for f, stored_row, live_row in zip(filters, stored, live, strict=True):
        for (function, args), a, b in zip(CALLS, stored_row, live_row, strict=True):
            _same(a, b, f"{store}: {function.__module__}.{function.__name__}{args} {f}")
