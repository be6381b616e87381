"""The metric queries each page runs (mirroring views/*.py), and the same figures computed the
naive way — load the tables into pandas, then merge and group — for the benchmark's ratio."""
from __future__ import annotations

from collections.abc import Callable

import duckdb
import numpy as np
import pandas as pd

from metrics import attention, catalog, delivery, gender, indicators, project_detail, quality, summary
from metrics.base import Filters

Query = Callable[[duckdb.DuckDBPyConnection, Filters], object]


def _project_page(con, filters: Filters) -> None:
    choices = delivery.project_choices(con, filters)
    key = choices["project_key"].iloc[0] if len(choices) else ""
    one = Filters(project=key)
    delivery.delivery_by_project(con, one)
    gender.gewe_by_project(con, one)
    indicators.indicator_table(con, one)
    quality.quality_flags(con, one)
    project_detail.project_sources(con, key)
    project_detail.report_history(con, key)
    project_detail.project_comments(con, key)
    project_detail.outcome_statements(con, key)


PAGES: dict[str, list[Query]] = {
    "Overview": [lambda c, f: catalog.filter_options(c), catalog.outcome_options, summary.headline,
                 delivery.delivery_by_country, lambda c, f: attention.projects_needing_attention(c, f, 100)],
    "Delivery": [delivery.delivery_by_country, delivery.delivery_by_agency,
                 lambda c, f: delivery.delivery_by_outcome(c, f, 30), delivery.delivery_by_project],
    "Gender": [gender.gewe_by_project, lambda c, f: gender.gewe_rollup(c, f, "country"), gender.gewe_by_agency,
               gender.marker_mix, lambda c, f: gender.sex_disaggregated(c, f, "project", 30)],
    "Indicators": [indicators.indicator_count, lambda c, f: indicators.indicator_table(c, f, limit=5000)],
    "Project": [_project_page],
    "Data": [lambda c, f: project_detail.all_sources(c), lambda c, f: project_detail.source_count(c)],
}


def run_page(con: duckdb.DuckDBPyConnection, page: str, filters: Filters) -> None:
    for query in PAGES[page]:
        query(con, filters)


# --- the naive way --------------------------------------------------------------------------------

def _load(con, *tables: str) -> dict[str, pd.DataFrame]:
    return {t: con.execute(f"SELECT * FROM {t}").df() for t in tables}


def _current(t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    sources = t["sources"][t["sources"]["superseded_by"].isna()]
    reports = t["reports"].merge(sources[["sha256", "ingested_at"]], left_on="source_sha256", right_on="sha256")
    reports = reports.sort_values(["project_key", "date", "ingested_at"]).groupby("project_key").tail(1)
    facts = reports.merge(t["projects"], on=["project_key", "source_sha256"])
    facts["delivery_rate"] = facts["implementation_rate"]
    facts["spent"] = facts["delivery_rate"] * facts["total_budget_usd"]
    return facts


def _country(facts: pd.DataFrame, country: str | None) -> pd.DataFrame:
    exploded = facts.explode("countries")
    return exploded[exploded["countries"] == country] if country else exploded


def _statuses(t: dict[str, pd.DataFrame], facts: pd.DataFrame) -> pd.DataFrame:
    ind = t["indicators"][t["indicators"]["source_sha256"].isin(facts["source_sha256"])]
    progress = (ind["current_value"] - ind["baseline_value"].fillna(0)) / (ind["target_value"]
                                                                          - ind["baseline_value"].fillna(0))
    ind = ind.assign(status=np.select([ind["current_value"].isna(), progress >= 1,
                                       ind["current_value"] == ind["baseline_value"]],
                                      ["no data", "achieved", "not started"], "on track"))
    ind = ind.assign(reason_categories=ind["reason"].fillna("").str.lower().str.contains("recrut|covid|secur"))
    return ind


def pandas_page(con: duckdb.DuckDBPyConnection, page: str, country: str | None) -> None:
    """The page's figures from tables loaded into pandas (what a user would write)."""
    tables = ["sources", "reports", "projects"]
    if page in ("Overview", "Indicators", "Project", "Gender"):
        tables.append("indicators")
    if page in ("Delivery", "Overview"):
        tables.append("agency_budgets")
    if page == "Delivery":
        tables.append("budget_lines")
    t = _load(con, *tables)
    facts = _country(_current(t), country)
    if page == "Overview":
        facts.groupby("countries")[["spent", "total_budget_usd"]].sum()
        _statuses(t, facts).groupby(["project_key", "status"]).size()
    elif page == "Delivery":
        facts.groupby("countries")[["spent", "total_budget_usd"]].sum()
        t["agency_budgets"].merge(facts, on="project_key").groupby("agency")["budget_usd"].sum()
        lines = t["budget_lines"].merge(facts[["project_key"]], on="project_key")
        lines.groupby(["project_key", "outcome"])[["amount_usd", "expenditure_usd"]].sum()
    elif page == "Gender":
        facts.assign(share=facts["gender_allocated_usd"] / facts["total_budget_usd"]).groupby("countries")["share"].sum()
        facts.groupby("gender_marker")["total_budget_usd"].agg(["count", "sum"])
        _statuses(t, facts).groupby("project_key")[["women", "men"]].sum()
    elif page == "Indicators":
        _statuses(t, facts).head(5000)
    elif page == "Project":
        key = facts["project_key"].iloc[0] if len(facts) else ""
        _statuses(t, facts[facts["project_key"] == key])
    else:
        t["sources"].sort_values("ingested_at", ascending=False).head(1000)
