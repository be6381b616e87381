"""What the filter bar offers: the countries, agencies, outcomes, report types and gender markers
present in the store (current sources only)."""
from __future__ import annotations

import duckdb
import pandas as pd

from metrics.base import Filters
from metrics.query import project_query

OUTCOME_CHOICES = 500


def filter_options(con: duckdb.DuckDBPyConnection) -> dict[str, list]:
    """Choices for country, agency, report type and gender marker, sorted (outcomes: `outcome_options`)."""
    everything = Filters()
    countries = project_query(con, "SELECT DISTINCT unnest(countries) AS v FROM f ORDER BY 1", everything)["v"]
    agencies = project_query(con, "SELECT DISTINCT a.agency AS v FROM agency_lines a ORDER BY 1", everything)["v"]
    types = project_query(con, "SELECT DISTINCT report_type AS v FROM f WHERE report_type IS NOT NULL ORDER BY 1",
                          everything)["v"]
    markers = project_query(con, "SELECT DISTINCT gender_marker AS v FROM f WHERE gender_marker IS NOT NULL "
                                 "ORDER BY 1", everything)["v"]
    return {"country": list(countries), "agency": list(agencies), "report_type": list(types),
            "gender_marker": [int(m) for m in markers]}


def outcome_options(con: duckdb.DuckDBPyConnection, filters: Filters | None = None,
                    limit: int = OUTCOME_CHOICES) -> list[tuple[str, str]]:
    """(value "KEY::N", label "KEY · N. statement") for the outcomes of the projects the other filters
    keep, at most `limit` (a filter bar of 60,000 outcomes helps nobody: narrow by country first).
    A project known by its title only (key `title:…`) is named by the start of its title."""
    narrowed = Filters(country=(filters or Filters()).country, agency=(filters or Filters()).agency)
    frame: pd.DataFrame = project_query(con, f"""
        SELECT o.project_key, o.number, o.statement,
               CASE WHEN o.project_key LIKE 'title:%' THEN left(coalesce(f.title, o.project_key), 40)
                    ELSE o.project_key END AS shown FROM f JOIN outcomes o ON o.project_key = f.project_key
        JOIN current_source c ON c.sha256 = o.source_sha256
        WHERE o.statement IS NOT NULL ORDER BY o.project_key, o.number LIMIT {int(limit)}""", narrowed)
    return [(f"{k}::{n}", f"{shown} · {n}. {s}") for k, shown, n, s in zip(
        frame["project_key"], frame["shown"], frame["number"], frame["statement"], strict=True)]
