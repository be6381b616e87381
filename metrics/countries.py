"""How a roll-up by country relates to the portfolio. A project in several countries (a joint,
cross-border project) is kept whole in each of its countries — no file says how its money splits
between them — so country rows add up to more than the portfolio; a project naming no country is in
no row. This module names those projects and measures the difference with the same aggregates the
rows use, so a page can say by how much and why (docs/METRICS.md, "By country")."""
from __future__ import annotations

import duckdb
import pandas as pd

from metrics.base import Filters
from metrics.query import project_query
from metrics.rollups import BUDGET, GEWE_ALLOCATED, GEWE_BUDGET

# What the country rows of each page add up: the delivery budget and the GEWE table's columns.
AGGREGATES = {"projects": "count(*)", "budget_usd": BUDGET, "gewe_budget_usd": GEWE_BUDGET,
              "gewe_allocated_usd": GEWE_ALLOCATED}


def country_rows_vs_portfolio(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> dict:
    """Σ over the country rows and the portfolio's own figure, for each of AGGREGATES, and the
    projects behind the difference: `joint` (in several countries, with their countries and budget)
    and `no_country` (in none)."""
    filters = filters or Filters()
    select = ", ".join(f"{sql} AS {name}" for name, sql in AGGREGATES.items())
    rows = project_query(con, f"SELECT {select} FROM (SELECT unnest(countries) AS country, * FROM f)", filters)
    total = project_query(con, f"SELECT {select} FROM f", filters)
    projects = project_query(con, """
        SELECT project_key, title, countries, len(countries) AS n, budget_usd FROM f
        WHERE len(coalesce(countries, [])) <> 1 ORDER BY len(countries) DESC, budget_usd DESC NULLS LAST, project_key""",
                             filters)
    return {
        "rows": {name: _number(rows[name].iloc[0]) for name in AGGREGATES},
        "portfolio": {name: _number(total[name].iloc[0]) for name in AGGREGATES},
        "joint": _records(projects[projects["n"] > 1]),
        "no_country": _records(projects[projects["n"].fillna(0) == 0]),
    }


def _number(value) -> float:
    return 0.0 if value is None or pd.isna(value) else float(value)


def _records(frame: pd.DataFrame) -> list[dict]:
    return [{"project_key": r["project_key"], "title": r["title"] if isinstance(r["title"], str) else None,
             "countries": list(r["countries"]) if r["countries"] is not None else [],
             "budget_usd": None if pd.isna(r["budget_usd"]) else float(r["budget_usd"])}
            for r in frame.to_dict("records")]
