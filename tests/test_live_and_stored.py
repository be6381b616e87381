"""Each figure has one definition: every metric function gives the same answer from the stored
mx_* tables as from the live queries they materialise, on the samples, the real UNDP portfolio
and a synthetic portfolio."""
from __future__ import annotations

import math

import duckdb
import pandas as pd
import pytest

import metrics.as_of_tables
import metrics.base
import metrics.gender
import metrics.quality
from bench.make_portfolio import build
from loaders.ingest import ingest
from metrics import attention, catalog, delivery, gender, indicators, project_detail, quality, summary
from metrics.base import Filters
from tests.conftest import SHARED

CALLS = [
    (delivery.delivery_by_project, ()), (delivery.delivery_portfolio, ()), (delivery.delivery_by_country, ()),
    (delivery.delivery_by_agency, ()), (delivery.delivery_by_outcome, ()), (delivery.project_choices, ()),
    (gender.gewe_by_project, ()), (gender.gewe_rollup, ()), (gender.gewe_rollup, ("country",)),
    (gender.gewe_by_agency, ()), (gender.marker_mix, ()), (gender.marker_mix, ("country",)),
    (gender.marker_mix, ("agency",)), (gender.sex_disaggregated, ("country",)), (gender.sex_disaggregated, ("project",)),
    (gender.sex_disaggregated, ("agency",)), (gender.sex_disaggregated, ("project", 10)),
    (indicators.indicator_table, ()), (indicators.indicator_count, ()),
    (indicators.indicator_match_count, ()), (indicators.status_counts, ()), (indicators.status_counts, ("country",)),
    (indicators.delay_reason_counts, ()), (attention.projects_needing_attention, ()), (summary.headline, ()),
    (summary.summary, ()), (catalog.outcome_options, ()), (quality.quality_flags, ()),
]


def _live(monkeypatch) -> None:
    for module in (metrics.base, metrics.gender, metrics.quality, metrics.as_of_tables):
        monkeypatch.setattr(module, "uses_materialized", lambda filters: False)
    monkeypatch.setattr(metrics.as_of_tables, "ENABLED", False)


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


def test_as_of_a_date_every_metric_agrees_with_a_store_holding_only_the_reports_by_then(tmp_path):
    """The portfolio as of 30 November 2020 (live queries over the whole series of tests/variants/series.py)
    gives what a store holding only the reports of June and November 2020 gives from its stored tables: each
    project's latest report by then is its current one, its end date and indicators with it. Only where the
    date came from differs (`as_of_source`: chosen, against the report's own)."""
    from tests.variants.series import series

    texts = series()
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    whole, partial = tmp_path / "whole.duckdb", tmp_path / "partial.duckdb"
    assert not ingest(sorted(tmp_path.glob("*.txt")), whole).failures
    assert not ingest([tmp_path / "mali-2020-06.txt", tmp_path / "mali-2020-11.txt"], partial).failures
    compared = 0
    for function, args in CALLS:
        con = duckdb.connect(str(whole), read_only=True)
        try:
            as_of = function(con, Filters(as_of="2020-11-30"), *args)
        finally:
            con.close()
        con = duckdb.connect(str(partial), read_only=True)
        try:
            stored = function(con, Filters(), *args)
        finally:
            con.close()
        if isinstance(as_of, pd.DataFrame) and "as_of_source" in as_of:
            assert set(as_of["as_of_source"]) <= {"chosen"} and set(stored["as_of_source"]) <= {"report"}
            as_of, stored = as_of.drop(columns=["as_of_source"]), stored.drop(columns=["as_of_source"])
        if isinstance(as_of, dict) and "as_of" in as_of:  # the summary names the date it was asked for
            assert as_of.pop("as_of") == "2020-11-30"
        _same(stored, as_of, f"as of 2020-11-30: {function.__module__}.{function.__name__}{args}")
        compared += 1
    assert compared == len(CALLS)


def test_as_of_a_date_the_project_page_lists_what_the_reports_by_then_said(tmp_path):
    """The Project page's lists below the figures — agency budgets, reviewer comments, fields not found,
    figures OCR was unsure of, where each figure was read — as of 30 November 2020 on the whole series
    equal those of a store holding only the reports of June and November 2020."""
    from tests.test_history import PROJECT
    from tests.variants.series import series

    for name, text in series().items():  # a reviewer's comment on outcome 1 in June 2020, another in June 2021
        said = {"mali-2020-06.txt": "Quelles preuves ?", "mali-2021-06.txt": "Pourquoi ce recul ?"}.get(name)
        if said:
            start = text.index("Résultat 1 :")
            line_end = text.index("\n", start)
            text = text[:line_end] + f"\tComment by Reviewer: {said}" + text[line_end:]
        (tmp_path / name).write_text(text, encoding="utf-8")
    whole, partial = tmp_path / "whole.duckdb", tmp_path / "partial.duckdb"
    assert not ingest(sorted(tmp_path.glob("*.txt")), whole).failures
    assert not ingest([tmp_path / "mali-2020-06.txt", tmp_path / "mali-2020-11.txt"], partial).failures
    listed = (project_detail.agency_budget_table, project_detail.project_comments, project_detail.current_missing,
              project_detail.uncertain_figures, project_detail.headline_locations)
    with duckdb.connect(str(whole), read_only=True) as con:
        as_of = [function(con, PROJECT, "2020-11-30") for function in listed]
        everything = project_detail.project_comments(con, PROJECT)
    with duckdb.connect(str(partial), read_only=True) as con:
        stored = [function(con, PROJECT) for function in listed]
    for function, a, b in zip(listed, as_of, stored, strict=True):
        _same(b, a, f"as of 2020-11-30: {function.__name__}")
    assert list(as_of[1]["text"]) == ["Quelles preuves ?"]
    assert sorted(everything["text"]) == ["Pourquoi ce recul ?", "Quelles preuves ?"]
