"""The project list: one row per project, from its latest active report (what the home page shows)."""
from __future__ import annotations

import duckdb
import pandas as pd

from loaders.normalise.countries import country_name

PROJECT_LIST_SQL = """
WITH latest AS (
    SELECT s.sha256, s.project_key, s.file_name, s.kind, r.type AS report_type, r.date AS report_date,
           r.implementation_rate,
           row_number() OVER (PARTITION BY s.project_key
                              ORDER BY (s.kind = 'progress_report') DESC, r.date DESC NULLS LAST,
                                       s.ingested_at DESC) AS rank
    FROM active_sources s JOIN reports r ON r.source_sha256 = s.sha256
)
SELECT l.project_key, p.title, p.countries, p.project_ids,
       (SELECT string_agg(a.agency || CASE WHEN a.lead THEN ' (lead)' ELSE '' END, ', ' ORDER BY a.lead DESC, a.agency)
          FROM agency_budgets a WHERE a.source_sha256 = l.sha256) AS agencies,
       p.total_budget_usd, l.implementation_rate,
       (SELECT count(*) FROM indicators i WHERE i.source_sha256 = l.sha256) AS indicators,
       l.kind, l.report_type, l.report_date, l.file_name
FROM latest l JOIN projects p ON p.project_key = l.project_key AND p.source_sha256 = l.sha256
WHERE l.rank = 1
ORDER BY p.total_budget_usd DESC NULLS LAST, p.title
"""


def project_list(con: duckdb.DuckDBPyConnection, language: str = "en") -> pd.DataFrame:
    """Projects with country names, agencies, budget, indicator count and the file they come from."""
    frame = con.execute(PROJECT_LIST_SQL).df()
    frame["country_names"] = [", ".join(country_name(c, language) for c in (codes if codes is not None else []))
                              for codes in frame["countries"]]
    return frame


def portfolio_counts(con: duckdb.DuckDBPyConnection) -> dict:
    """Headline counts over active files: files, projects, indicators, total budget."""
    files = con.execute("SELECT count(*) FROM active_sources").fetchone()[0]
    projects = con.execute("SELECT count(DISTINCT p.project_key) FROM projects p "
                           "JOIN active_sources s ON s.sha256 = p.source_sha256").fetchone()[0]
    indicators = con.execute(
        "SELECT count(*) FROM indicators i JOIN active_sources s ON s.sha256 = i.source_sha256").fetchone()[0]
    return {"files": files, "projects": projects, "indicators": indicators}
