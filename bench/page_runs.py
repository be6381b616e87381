"""Whole-page timings, what a person waits for: every page's script run under
`streamlit.testing.v1.AppTest` (a first visit with empty caches, then a cached rerun), on a
synthetic portfolio. Rows are named `pagerun:<page>`.

    python -m bench.page_runs --projects 20000
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["overview", "delivery", "gender", "indicators", "project", "data"]


def page_runs(db: Path, projects: int, runs: int = 3) -> list[dict]:
    """First-visit and cached run times of every page (medians of `runs`); then the views of `views`."""
    rows = [_page_run(db, projects, page, page, {}, runs) for page in PAGES]
    return rows + [_page_run(db, projects, name, page, params, runs) for name, page, params in views(db)]


def views(db: Path) -> list[tuple[str, str, dict]]:
    """(row name, page, URL parameters) of the views timed beside the pages: the Overview as of a date
    (`overview:as_of`, the median report date: its facts computed as of then, against the round before)
    and the Project page of a project with six reports (`project:6reports`, its indicators across them)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        as_of = con.execute("SELECT strftime(quantile_disc(CAST(report_date || '-28' AS DATE), 0.5), '%Y-%m-%d') "
                            "FROM mx_project_facts").fetchone()[0]
        six = con.execute("SELECT project_key FROM reports GROUP BY 1 HAVING count(*) >= 6 ORDER BY 1 LIMIT 1").fetchone()
    finally:
        con.close()
    return [("overview:as_of", "overview", {"as_of": as_of})] + ([("project:6reports", "project", {"project": six[0]})]
                                                                 if six else [])


def _page_run(db: Path, projects: int, name: str, page: str, params: dict, runs: int) -> dict:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    os.environ["LENS_DB"] = str(db)
    first, cached = [], []
    for _ in range(runs):
        st.cache_data.clear()
        st.cache_resource.clear()
        app = AppTest.from_file(str(ROOT / "views" / f"{page}.py"), default_timeout=600)
        for key, value in params.items():
            app.query_params[key] = value
        started = time.perf_counter()
        app.run()
        first.append(time.perf_counter() - started)
        if app.exception:
            raise RuntimeError(f"{name}: {app.exception[0].value}")
        started = time.perf_counter()
        app.run()
        cached.append(time.perf_counter() - started)
    return {"name": f"pagerun:{name}", "n": projects, "first_s": round(statistics.median(first), 3),
            "cached_s": round(statistics.median(cached), 3), "median_s": round(statistics.median(first), 3),
            "p90_s": round(max(first), 3), "runs": runs, **({"params": params} if params else {})}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--projects", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from bench.make_portfolio import build

    with tempfile.TemporaryDirectory() as folder:
        for size in args.projects:
            db = Path(folder) / f"p{size}.duckdb"
            build(db, size, seed=7)
            for row in page_runs(db, size, args.runs):
                print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
