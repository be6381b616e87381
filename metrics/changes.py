"""What changed in the portfolio between two dates (issue 25): the reporting rounds the stored
reports fall in, the "since" date a page compares with by default (the end of the round before the
latest), and, project by project, the indicators whose status improved or worsened, the delivery
rate then and now, projects that fell behind, and end dates moved.

A reporting round is a half-year (PBF projects report semi-annually, and annually at year end): a
report belongs to the half-year its period ends in. The portfolio "as of" a round's last day counts
for each project its latest report whose period had ended by then (metrics/base.py)."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

import duckdb
import pandas as pd

from loaders.store.current import period_end
from metrics.base import Filters, indicator_ctes
from metrics.query import indicator_query, metric_ctes, project_query

# better to worse; statuses outside this order (no data, qualitative) are not compared
STATUS_RANK = {"achieved": 3, "on track": 2, "not started": 1, "behind": 0}


def round_end(day: dt.date) -> dt.date:
    """The last day of the half-year `day` falls in."""
    return dt.date(day.year, 6, 30) if day.month <= 6 else dt.date(day.year, 12, 31)


def reporting_rounds(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> list[str]:
    """The last day of every half-year in which a progress report of the (filtered) portfolio ends,
    newest first, as ISO dates."""
    ends = project_query(con, f"""
        SELECT DISTINCT {period_end('r.date')} AS day
        FROM active_sources s JOIN reports r ON r.source_sha256 = s.sha256
        WHERE s.kind = 'progress_report' AND r.date IS NOT NULL AND r.project_key IN (SELECT project_key FROM f)""",
                         replace(filters or Filters(), as_of=None))
    days = {round_end(pd.Timestamp(d).date()) for d in ends["day"].dropna()}
    return [d.isoformat() for d in sorted(days, reverse=True)]


def earlier_rounds(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> list[str]:
    """The rounds before the one now shown (the latest round with a report by the as-of date, else the
    latest round), newest first: what "since" may be."""
    filters = filters or Filters()
    return [r for r in reporting_rounds(con, filters) if filters.as_of is None or r <= filters.as_of][1:]


def previous_round(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> str | None:
    """The default "since": the last day of the round before the one now shown; None when there is none."""
    earlier = earlier_rounds(con, filters)
    return earlier[0] if earlier else None


def indicator_changes(con: duckdb.DuckDBPyConnection, filters: Filters, since: str) -> pd.DataFrame:
    """One row per indicator whose status differs between `since` and now (the filters' as-of date,
    else each project's latest report): project, title, code, statement, status then and now, and
    `change` (`improved`, `worsened`). Indicators present at one date only are not compared."""
    return _compared(con, filters, since, """
        SELECT x.project_key, f.title AS project_title, x.code, ind.statement, x.status_then, x.status_now, x.change
        FROM changed x JOIN f ON f.project_key = x.project_key JOIN current_source c ON c.project_key = x.project_key
        LEFT JOIN indicators ind ON ind.source_sha256 = c.sha256 AND ind.row_number = x.row_number
        ORDER BY x.project_key, x.code""")


def _compared(con: duckdb.DuckDBPyConnection, filters: Filters, since: str, select: str) -> pd.DataFrame:
    """`select` over `changed` (project, code, row, status then and now, change), the indicators whose status
    moved: now as every page reads it (metrics/query.py: the stored tables, those as of the filters' date, or
    computed afresh), then the same as of `since` in a nested query of its own, the two compared in SQL so
    that only what changed comes back."""
    then_sql, then_params = metric_ctes(indicator_ctes, con, replace(filters, as_of=since), keep=False)
    rank_now, rank_then = _rank("n.status"), _rank("t.status")
    ctes = f"""then_i AS ({then_sql} SELECT project_key, code, status FROM indicator_status),
changed AS (
    SELECT n.project_key, n.code, n.row_number, t.status AS status_then, n.status AS status_now,
           CASE WHEN {rank_now} > {rank_then} THEN 'improved' ELSE 'worsened' END AS change
    FROM indicator_status n JOIN then_i t ON t.project_key = n.project_key AND t.code = n.code
    WHERE {rank_now} IS NOT NULL AND {rank_then} IS NOT NULL AND {rank_now} <> {rank_then})"""
    return indicator_query(con, select, filters, params=then_params, more_ctes=ctes)


def _rank(column: str) -> str:
    return "CASE " + column + " " + " ".join(f"WHEN '{status}' THEN {rank}" for status, rank in STATUS_RANK.items()) + " END"


def project_changes(con: duckdb.DuckDBPyConnection, filters: Filters, since: str) -> pd.DataFrame:
    """One row per project with a change worth reading between `since` and now, worst first:
    title, delivery rate then and now, behind then and now, indicators worsened and improved, the end
    date then and now (`end_moved`: a later report moved it), and `new` (no report by `since`: it
    joined the portfolio since)."""
    select = "SELECT project_key, title, delivery_rate, behind, report_date, strftime(end_day, '%Y-%m-%d') AS end_day FROM f"
    now = project_query(con, select, filters)
    then = project_query(con, select, replace(filters, as_of=since), keep=False).assign(present_then=True)
    both = now.merge(then, on="project_key", how="left", suffixes=("", "_then"))
    both["new"] = both["present_then"].isna()  # no report by then: it joined the portfolio since
    both = both.drop(columns=["present_then"])
    both = both.drop(columns=["title_then"]).rename(columns={"delivery_rate": "delivery_now", "behind": "behind_now",
                                                             "delivery_rate_then": "delivery_then"})
    counts = _compared(con, filters, since, "SELECT project_key, count(*) FILTER (WHERE change = 'worsened') AS worsened, "
                                            "count(*) FILTER (WHERE change = 'improved') AS improved FROM changed GROUP BY 1")
    counts = counts.set_index("project_key")
    for change in ("worsened", "improved"):
        both[change] = both["project_key"].map(counts[change]).fillna(0).astype(int)
    both["fell_behind"] = both["behind_now"].fillna(False).astype(bool) & ~both["behind_then"].fillna(False).astype(bool) \
        & both["report_date_then"].notna()
    both["new_report"] = both["report_date"].fillna("") != both["report_date_then"].fillna("")
    both["end_moved"] = both["end_day_then"].notna() & both["end_day"].notna() & (both["end_day"] != both["end_day_then"])
    changed = both[(both["worsened"] > 0) | (both["improved"] > 0) | both["fell_behind"] | both["end_moved"] | both["new"]]
    return changed.sort_values(["fell_behind", "worsened", "new", "improved", "project_key"],
                               ascending=[False, False, False, False, True]).reset_index(drop=True)
