"""Each roll-up figure defined once, as a SQL aggregate over project_facts rows (alias f): the
portfolio's headline, the per-country and per-agency bars and the summary command all compose
these. Rates are sums over sums (budget-weighted), never averages of rates; a project whose own
figures are implausible (`left_out_reason`, see project_facts) is left out of the money sums and
counted under LEFT_OUT."""
from __future__ import annotations

INCLUDED = "left_out_reason IS NULL"
BUDGET = f"sum(budget_usd) FILTER (WHERE {INCLUDED})"
EXPENDITURE = f"sum(expenditure_estimate_usd) FILTER (WHERE {INCLUDED})"
BUDGETED_PROJECTS = f"count(*) FILTER (WHERE budget_usd IS NOT NULL AND {INCLUDED})"  # the budget's base, in projects
DELIVERED_BUDGET = f"sum(budget_usd) FILTER (WHERE delivery_rate IS NOT NULL AND {INCLUDED})"
DELIVERY_RATE = f"{EXPENDITURE} / nullif({DELIVERED_BUDGET}, 0)"
DELIVERED_PROJECTS = f"count(*) FILTER (WHERE delivery_rate IS NOT NULL AND {INCLUDED})"  # the rate's base, in projects
GEWE_ALLOCATED = "sum(gender_allocated_usd) FILTER (WHERE budget_usd > 0)"
GEWE_BUDGET = "sum(budget_usd) FILTER (WHERE gender_allocated_usd IS NOT NULL)"
GEWE_SHARE = f"{GEWE_ALLOCATED} / nullif({GEWE_BUDGET}, 0)"
GEWE_PROJECTS = "count(*) FILTER (WHERE gender_allocated_usd IS NOT NULL AND budget_usd > 0)"  # the share's base
GEWE_SPENT = "sum(gender_spent_usd) FILTER (WHERE gender_allocated_usd > 0)"
GEWE_SPEND_BASE = "sum(gender_allocated_usd) FILTER (WHERE gender_spent_usd IS NOT NULL)"
GEWE_SPEND_RATE = f"{GEWE_SPENT} / nullif({GEWE_SPEND_BASE}, 0)"
GEWE_SPEND_PROJECTS = "count(*) FILTER (WHERE gender_spent_usd IS NOT NULL AND gender_allocated_usd > 0)"
PROJECTS_BEHIND = "count(*) FILTER (WHERE behind)"
WITH_TIME_ELAPSED = "count(*) FILTER (WHERE time_elapsed IS NOT NULL)"
JUDGED = "count(*) FILTER (WHERE time_elapsed IS NOT NULL AND delivery_rate IS NOT NULL)"  # those `behind` can be said of
LEFT_OUT = f"count(*) FILTER (WHERE NOT ({INCLUDED}))"
# An agency's budget in a project (`a`: agency_lines, `f`: the project's facts): as its files give it, or, for
# the project's only recipient when no file splits the budget out, the project's whole budget.
AGENCY_BUDGET = ("coalesce(a.budget_usd, CASE WHEN count(*) OVER (PARTITION BY a.project_key) = 1 "
                 "THEN f.budget_usd END)")
