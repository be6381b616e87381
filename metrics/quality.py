"""Data-quality flags a reviewer would raise, as rows with a code, the values and the source:
the store's cross-file conflicts plus flags on each indicator and report."""
from __future__ import annotations

import duckdb
import pandas as pd

from metrics import settings
from metrics.base import Filters, uses_materialized
from metrics.query import indicator_query, project_query

_ORDER = "q.project_key, q.code, q.indicator, q.message, q.value_a, q.location"  # one order, however computed


def quality_flags(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> pd.DataFrame:
    """Every flag on the filtered projects: code, project, indicator, message, values, source, location.
    Read from mx_quality_flags, which is refreshed after every write to the store; as of another
    date, computed afresh from the reports current then (the same SELECT)."""
    filters = filters or Filters()
    if not uses_materialized(filters):
        return indicator_query(con, f"SELECT * FROM ({flags_select()}) q ORDER BY {_ORDER}", filters)
    return project_query(con, "SELECT q.* FROM mx_quality_flags q WHERE q.project_key IN (SELECT project_key FROM f) "
                              f"ORDER BY {_ORDER}", filters)


def flags_select() -> str:
    """The SELECT computing every flag (over the CTEs of metrics.base.indicator_ctes)."""
    return f"""
        SELECT 'baseline_missing' AS code, project_key, code AS indicator, 'baseline missing or to be determined' AS message,
               baseline_raw AS value_a, NULL AS value_b, location
        FROM i WHERE baseline_unit IS NULL OR (baseline_unit = 'text' AND baseline_value IS NULL)
        UNION ALL
        SELECT 'target_not_a_number', project_key, code, 'target is not a number', target_raw, NULL, location
        FROM i WHERE target_unit IS DISTINCT FROM 'number' AND target_unit IS DISTINCT FROM 'percent'
        UNION ALL
        SELECT 'current_far_above_target', project_key, code,
               'current is more than {settings.UNIT_MIXUP_RATIO:g}× the target (a unit mix-up?)',
               current_raw, target_raw, location
        FROM i WHERE target_comparable AND target_value > 0 AND current_value > {settings.UNIT_MIXUP_RATIO} * target_value
        UNION ALL
        SELECT 'split_does_not_add_up', project_key, code, 'women and men do not add up to the total',
               format('{{:g}} women + {{:g}} men', women, men), current_raw, location
        FROM i WHERE women IS NOT NULL AND men IS NOT NULL AND current_unit = 'number'
               AND abs(women + men - current_value) > 0.5
        UNION ALL
        SELECT 'reviewer_comment', i.project_key, i.code, 'reviewer comment: ' || c.author,
               c.text, NULL, coalesce(c.location, i.location)
        FROM i JOIN comments c ON c.source_sha256 = i.source_sha256 AND c.indicator_code = i.code
        UNION ALL
        SELECT 'report_total_differs', f.project_key, NULL, 'report total differs from the sum of agency budgets',
               format('{{:.2f}}', f.budget_usd), format('{{:.2f}}', sum(a.budget_usd)), NULL
        FROM f JOIN agency_lines a ON a.project_key = f.project_key
        WHERE f.budget_source = 'report' GROUP BY f.project_key, f.budget_usd
        HAVING count(a.budget_usd) > 0 AND abs(f.budget_usd - sum(a.budget_usd)) > {settings.MONEY_TOLERANCE}
        UNION ALL
        SELECT q.code, q.project_key, NULL, q.message,
               format('{{}} ({{}})', q.value_a, q.source_a), format('{{}} ({{}})', q.value_b, q.source_b), q.location
        FROM quality_flags q JOIN f ON f.project_key = q.project_key"""
