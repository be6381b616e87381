"""The SQL every metric starts from, as common table expressions: one row per project
(`project_facts`) and one per indicator of each project's current report (`indicator_facts`),
with filters applied. Definitions are written out in docs/METRICS.md."""
from __future__ import annotations

from dataclasses import dataclass

from loaders.store.current import CURRENT_REPORT_ORDER, period_end
from metrics import settings
from metrics.delay_reasons import reason_categories_sql


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the portfolio to; empty means everything."""

    country: str | None = None  # ISO3
    agency: str | None = None  # English acronym
    report_type: str | None = None
    gender_marker: int | None = None
    outcome: str | None = None  # "PROJECT_KEY::N": one outcome of one project
    project: str | None = None  # one project key
    as_of: str | None = None  # ISO date; default: each project's report date
    projects: tuple[str, ...] | None = None  # several project keys (the refresh of what a write changed)

    def where(self) -> tuple[str, list]:
        """SQL conditions on project_facts (alias f) and their parameters."""
        clauses, params = ["TRUE"], []
        if self.country:
            clauses.append("list_contains(f.countries, ?)")
            params.append(self.country.upper())
        if self.agency:
            clauses.append("f.project_key IN (SELECT a.project_key FROM agency_lines a WHERE a.agency = ?)")
            params.append(self.agency)
        if self.report_type:
            clauses.append("f.report_type = ?")
            params.append(self.report_type)
        if self.gender_marker is not None:
            clauses.append("f.gender_marker = ?")
            params.append(self.gender_marker)
        if self.outcome:
            clauses.append("f.project_key = ?")
            params.append(self.outcome.split("::")[0])
        if self.project:
            clauses.append("f.project_key = ?")
            params.append(self.project)
        if self.projects is not None:
            clauses.append("f.project_key = ANY(?)")
            params.append(list(self.projects))
        return " AND ".join(clauses), params

    def outcome_number(self) -> str | None:
        """The outcome number of the outcome filter, if any."""
        return self.outcome.split("::", 1)[1] if self.outcome and "::" in self.outcome else None


def period_start(column: str) -> str:
    """First day of a date written at year, month or day precision."""
    return (f"CASE length({column}) WHEN 4 THEN make_date(CAST({column} AS INTEGER), 1, 1) "
            f"WHEN 7 THEN CAST({column} || '-01' AS DATE) WHEN 10 THEN CAST({column} AS DATE) END")


def reported_by(as_of: str | None, date: str = "r.date") -> tuple[str, list]:
    """The condition that a report (its `date` column) counts as of a date, and its parameters: its
    period had ended by then, or it is undated (no date can place it, so it stays). TRUE without a date."""
    if not as_of:
        return "TRUE", []
    return f"({date} IS NULL OR {period_end(date)} <= CAST(? AS DATE))", [as_of]


def uses_materialized(filters: Filters) -> bool:
    """Queries read the tables refreshed after each ingest (metrics/materialize.py) unless the user
    asked for another as-of date, which needs the facts computed afresh."""
    return filters.as_of is None


AGENCY_FIELD = r"^project\.agencies\.(.+)\.budget_usd$"  # a correction of one agency's budget


def agency_lines_ctes() -> str:
    """`agency_lines`: the budget per agency of each project's current report, with the agency
    budgets corrected by hand (active_corrections, field `project.agencies.AGENCY.budget_usd`) in
    place of the ones read, and those entered for an agency the report did not list added."""
    return f"""agency_fix AS (
    SELECT project_key, regexp_extract(field, '{AGENCY_FIELD}', 1) AS agency,
           TRY_CAST(new_value AS DOUBLE) AS budget_usd
    FROM active_corrections WHERE regexp_matches(field, '{AGENCY_FIELD}')
), agency_lines AS (
    SELECT a.project_key, a.agency, a.raw_name, a.lead, coalesce(x.budget_usd, a.budget_usd) AS budget_usd,
           a.location, a.source_sha256, x.agency IS NOT NULL AS corrected
    FROM agency_budgets a JOIN current_source c ON c.sha256 = a.source_sha256
    LEFT JOIN agency_fix x ON x.project_key = a.project_key AND x.agency = a.agency
    UNION ALL
    SELECT x.project_key, x.agency, NULL, FALSE, x.budget_usd, NULL, c.sha256, TRUE
    FROM agency_fix x JOIN current_source c ON c.project_key = x.project_key
    WHERE NOT EXISTS (SELECT 1 FROM agency_budgets a WHERE a.source_sha256 = c.sha256 AND a.agency = x.agency)
)"""


def project_ctes(filters: Filters, live: bool | None = None, tables: str = "") -> tuple[str, list]:
    """`WITH …` defining current_source, project_facts (filtered as f) and their parameters: computed
    afresh (`live`), or read from the tables `tables` names — "" for the stored mx_* tables, or the
    prefix of the tables computed once as of the filters' date (metrics/as_of_tables.py), which also
    hold the corrections in force then."""
    where, params = filters.where()
    live = not uses_materialized(filters) if live is None and not tables else bool(live)
    if not live:
        # as of a date, the agency lines are found when a query asks (few do): kept, they cost each date 0.1 s at 20k
        kept = f"corrections_in_force AS (SELECT * FROM {tables}mx_corrections_in_force), {agency_lines_ctes()},\n" \
            if tables else "agency_lines AS (SELECT * FROM mx_agency_lines),"
        return (f"""
WITH current_source AS (SELECT * FROM {tables}mx_current_source), {kept}
project_facts AS (SELECT * FROM {tables}mx_project_facts),
budget_lines_resolved AS (SELECT * FROM mx_budget_lines),
f AS (SELECT * FROM project_facts f WHERE {where})
""", params)
    as_of = "CAST(? AS DATE)" if filters.as_of else "NULL::DATE"
    as_of_params = [filters.as_of] if filters.as_of else []
    # as of a chosen date: the reports whose period had ended by then (an undated one cannot be
    # placed and stays), and the export's fiscal years up to that date's year
    by_then, _ = reported_by(filters.as_of)
    exported_by = ("(TRY_CAST(left(fiscal_year, 4) AS INTEGER) IS NULL"
                   " OR TRY_CAST(left(fiscal_year, 4) AS INTEGER) <= year(CAST(? AS DATE)))") if filters.as_of else "TRUE"
    sql = f"""
WITH ranked AS (
    SELECT s.sha256, s.project_key, s.kind, r.type, r.date, r.implementation_rate, r.gender_allocated_usd,
           r.gender_spent_usd,
           row_number() OVER (PARTITION BY s.project_key ORDER BY {CURRENT_REPORT_ORDER}) AS rank
    FROM active_sources s JOIN reports r ON r.source_sha256 = s.sha256
    WHERE {by_then}
), current_source AS (SELECT * FROM ranked WHERE rank = 1), corrections_in_force AS (
    -- a report's figure or indicator cell corrected by hand counts with the report it was entered on,
    -- and with a newer file of the same period that supersedes it (the trail lists it if that file
    -- differs); a report of another period is read afresh, and as of an earlier date that report's own
    -- figures show; a project's budget, markers and agency budgets count with any report, and so does a
    -- correction whose file was removed
    SELECT a.* FROM active_corrections a LEFT JOIN current_source c ON c.project_key = a.project_key
    LEFT JOIN sources corrected ON corrected.sha256 = a.source_sha256
    LEFT JOIN sources shown ON shown.sha256 = c.sha256
    WHERE NOT (starts_with(a.field, 'report.') OR starts_with(a.field, 'indicators.'))
          OR corrected.sha256 IS NULL OR corrected.report_period = shown.report_period
), {agency_lines_ctes()},
workbook AS (
    SELECT resolved_project_key AS project_key, round(sum(amount_usd), 2) AS budget,
           round(sum(expenditure_usd), 2) AS expenditure, count(expenditure_usd) AS with_expenditure,
           round(sum(gewe_usd), 2) AS gewe
    FROM budget_lines_resolved WHERE source_kind = 'budget' AND breakdown IN ('activity', 'cost') GROUP BY 1
), export AS (
    SELECT resolved_project_key AS project_key, round(sum(amount_usd), 2) AS budget,
           round(sum(net_funded_usd), 2) AS net_funded, round(sum(expenditure_usd), 2) AS expenditure,
           max(fiscal_year) AS last_fiscal_year
    FROM budget_lines_resolved WHERE source_kind = 'financial_export' AND resolved_project_key IS NOT NULL
                                     AND {exported_by} GROUP BY 1
), fix AS (
    SELECT project_key, list(field ORDER BY field) AS corrected_fields,
           max(TRY_CAST(new_value AS DOUBLE)) FILTER (WHERE field = 'project.total_budget_usd') AS total_budget_usd,
           max(TRY_CAST(new_value AS INTEGER)) FILTER (WHERE field = 'project.gender_marker') AS gender_marker,
           max(TRY_CAST(new_value AS INTEGER)) FILTER (WHERE field = 'project.risk_marker') AS risk_marker,
           max(TRY_CAST(new_value AS DOUBLE)) FILTER (WHERE field = 'report.implementation_rate') AS implementation_rate,
           max(TRY_CAST(new_value AS DOUBLE)) FILTER (WHERE field = 'report.gender_allocated_usd') AS gender_allocated_usd,
           max(TRY_CAST(new_value AS DOUBLE)) FILTER (WHERE field = 'report.gender_spent_usd') AS gender_spent_usd,
           max(new_value) FILTER (WHERE field = 'report.type') AS report_type,
           max(new_value) FILTER (WHERE field = 'report.date') AS report_date
    FROM corrections_in_force GROUP BY project_key
), dated AS (
    SELECT c.project_key, p.title, p.countries, coalesce(x.gender_marker, p.gender_marker) AS gender_marker,
           coalesce(x.risk_marker, p.risk_marker) AS risk_marker, c.kind,
           coalesce(x.report_type, c.type) AS report_type, coalesce(x.report_date, c.date) AS report_date,
           coalesce(x.implementation_rate, c.implementation_rate) AS implementation_rate,
           coalesce(x.gender_allocated_usd, c.gender_allocated_usd) AS gender_allocated_usd,
           coalesce(x.gender_spent_usd, c.gender_spent_usd) AS gender_spent_usd,
           x.corrected_fields,  -- NULL when nothing was entered by hand (an empty list costs pandas 13 ms per 20k rows)
           coalesce(x.total_budget_usd, p.total_budget_usd, w.budget, e.budget) AS budget_usd,
           CASE WHEN x.total_budget_usd IS NOT NULL THEN 'correction' WHEN p.total_budget_usd IS NOT NULL THEN 'report'
                WHEN w.budget IS NOT NULL THEN 'workbook' WHEN e.budget IS NOT NULL THEN 'export' END AS budget_source,
           CASE WHEN w.with_expenditure > 0 THEN w.expenditure ELSE e.expenditure END AS expenditure_usd,
           e.net_funded AS net_funded_usd, w.gewe AS workbook_gewe_usd,
           {period_start('coalesce(p.start_date, p.first_transfer_date)')} AS start_day,
           coalesce({period_end('p.end_date')},
                    {period_start('coalesce(p.start_date, p.first_transfer_date)')}
                    + to_months(p.duration_months) - INTERVAL 1 DAY) AS end_day,
           coalesce({as_of}, {period_end('coalesce(x.report_date, c.date)')}, {period_end('e.last_fiscal_year')}) AS as_of,
           CASE WHEN {as_of} IS NOT NULL THEN 'chosen' WHEN coalesce(x.report_date, c.date) IS NOT NULL THEN 'report'
                WHEN e.last_fiscal_year IS NOT NULL THEN 'export' END AS as_of_source
    FROM current_source c
    LEFT JOIN fix x ON x.project_key = c.project_key
    JOIN projects p ON p.project_key = c.project_key AND p.source_sha256 = c.sha256
    LEFT JOIN workbook w ON w.project_key = c.project_key
    LEFT JOIN export e ON e.project_key = c.project_key
), measured AS (
    SELECT *,
        CASE WHEN expenditure_usd IS NOT NULL AND budget_usd > 0 THEN expenditure_usd / budget_usd
             WHEN expenditure_usd IS NULL THEN implementation_rate END AS delivery_rate,
        CASE WHEN expenditure_usd IS NOT NULL AND budget_usd > 0 THEN 'expenditure'
             WHEN expenditure_usd IS NULL AND implementation_rate IS NOT NULL THEN 'reported' END AS delivery_source,
        CASE WHEN net_funded_usd > 0 THEN expenditure_usd / net_funded_usd END AS delivery_rate_net_funded,
        CASE WHEN end_day > start_day AND as_of IS NOT NULL
             THEN greatest(0.0, least(1.0, datediff('day', start_day, as_of) / datediff('day', start_day, end_day)))
             END AS time_elapsed,
        datediff('month', as_of, end_day) AS months_left,
        CASE WHEN budget_usd > 0 THEN gender_allocated_usd / budget_usd END AS gewe_share,
        CASE WHEN gender_allocated_usd > 0 THEN gender_spent_usd / gender_allocated_usd END AS gewe_spend_rate
    FROM dated
), project_facts AS (
    SELECT *,
        CASE WHEN delivery_rate IS NOT NULL AND budget_usd IS NOT NULL
             THEN coalesce(expenditure_usd, delivery_rate * budget_usd) END AS expenditure_estimate_usd,
        time_elapsed - delivery_rate AS delivery_gap,
        CASE WHEN delivery_rate > {settings.IMPLAUSIBLE_DELIVERY} OR delivery_rate < 0 THEN 'delivery_implausible'
             WHEN coalesce(budget_usd, 0) = 0 AND coalesce(expenditure_usd, 0) <> 0 THEN 'spending_without_budget'
             END AS left_out_reason,
        coalesce(time_elapsed - delivery_rate > {settings.DELIVERY_GAP_BEHIND}
                 OR (delivery_rate < {settings.LOW_DELIVERY} AND months_left < {settings.MONTHS_LEFT_WARNING}), FALSE)
            AS behind
    FROM measured
), f AS (SELECT * FROM project_facts f WHERE {where})
"""
    return sql, as_of_params * 4 + params


_CELL_FIELD = r"^indicators\.(.+)\.(baseline|target|milestone|current)$"
_CELLS = ("baseline", "target", "milestone", "current")
# An indicator cell corrected by hand (active_corrections, field `indicators.CODE.CELL`) replaces the one read.
_CELL_REPLACE = ",\n        ".join(
    f"coalesce({c}_fix.raw, ind.{c}_raw) AS {c}_raw, "
    f"CASE WHEN {c}_fix.code IS NULL THEN ind.{c}_value ELSE {c}_fix.value END AS {c}_value, "
    f"CASE WHEN {c}_fix.code IS NULL THEN ind.{c}_unit ELSE {c}_fix.unit END AS {c}_unit" for c in _CELLS)
_CELL_JOINS = "\n    ".join(
    f"LEFT JOIN cell_fix {c}_fix ON {c}_fix.project_key = ind.project_key AND {c}_fix.code = ind.code "
    f"AND {c}_fix.cell = '{c}'" for c in _CELLS)
_CELL_MARKS = ", ".join(f"{c}_fix.cell" for c in _CELLS)
_PLACEHOLDER = r"^(tbd|tbc|n/?a|nd|-+|a determiner.*|a preciser.*|to be (determined|confirmed).*|non disponible)$"
_SHOULD_SPLIT = r"desagreg|disaggregat|par sexe|by sex|\(sexe|sexe ?/ ?age|sexe, age|sexe et age|sex and age"


# `indicator_status`: one slim row per indicator of `i`, what the portfolio's counts by status read, with
# the delay categories of those behind. As of a date, the rows kept (metrics/as_of_tables.py) hold the
# folded reason of those behind, whose categories are found when a query asks (for every row at once,
# then dropped for all but those behind, they cost a second at 20,000 projects).
_STATUS_KEYS = "project_key, code, row_number, outcome, status"
STATUS_ROWS = f"{_STATUS_KEYS}, CASE WHEN status = 'behind' THEN reason_folded END AS behind_reason"
_STORED_STATUS = f"{_STATUS_KEYS}, CASE WHEN status = 'behind' THEN reason_categories END AS behind_categories"
_KEPT_STATUS = (f"{_STATUS_KEYS}, CASE WHEN behind_reason IS NOT NULL THEN {reason_categories_sql('behind_reason')} "
                "END AS behind_categories")


def indicator_ctes(filters: Filters, live: bool | None = None, tables: str = "") -> tuple[str, list]:
    """project CTEs plus `indicator_facts` (alias i): status, progress, reason, categories, flags; and
    `indicator_status` (STATUS_ROWS). With `tables` naming the tables computed as of a date,
    i is computed afresh over them and indicator_status is read from them."""
    live = not uses_materialized(filters) if live is None and not tables else bool(live)
    sql, params = project_ctes(filters, live, tables)
    outcome_params = [filters.outcome_number()] if filters.outcome_number() else []
    if not live and not tables:
        outcome = "mi.outcome = ?" if filters.outcome_number() else "TRUE"
        sql += f", i AS (SELECT * FROM mx_indicators mi WHERE mi.project_key IN (SELECT project_key FROM f) AND {outcome})\n"
        return sql + f", indicator_status AS NOT MATERIALIZED (SELECT {_STORED_STATUS} FROM i)\n", params + outcome_params
    tail, tail_params = indicator_tail(filters)
    if not tables:
        status = f"SELECT {_KEPT_STATUS} FROM (SELECT {STATUS_ROWS} FROM i)"
        return sql + tail + f", indicator_status AS NOT MATERIALIZED ({status})\n", params + tail_params
    outcome = "s.outcome = ?" if filters.outcome_number() else "TRUE"
    return (sql + tail + f", indicator_status AS NOT MATERIALIZED (SELECT {_KEPT_STATUS} FROM {tables}mx_indicator_status s "
                         f"WHERE s.project_key IN (SELECT project_key FROM f) AND {outcome})\n",
            params + tail_params + outcome_params)


def indicator_tail(filters: Filters) -> tuple[str, list]:
    """The indicator CTEs computed afresh over the project CTEs (`f`, `current_source`, `corrections_in_force`)."""
    sql = f""", cell_fix AS (
    SELECT project_key, regexp_extract(field, '{_CELL_FIELD}', 1) AS code, regexp_extract(field, '{_CELL_FIELD}', 2) AS cell,
           json_extract_string(new_value, '$.raw') AS raw, TRY_CAST(json_extract_string(new_value, '$.value') AS DOUBLE) AS value,
           json_extract_string(new_value, '$.unit') AS unit
    FROM corrections_in_force WHERE field LIKE 'indicators.%'
), indicators_corrected AS (
    SELECT ind.* REPLACE ({_CELL_REPLACE}),
        list_filter([{_CELL_MARKS}], lambda x: x IS NOT NULL) AS corrected_cells
    FROM indicators ind
    {_CELL_JOINS}
), indicator_base AS (
    SELECT ind.*, f.countries, f.time_elapsed, f.report_type, f.report_date, f.title AS project_title,
           (SELECT s.file_name FROM active_sources s WHERE s.sha256 = ind.source_sha256) AS file_name,
           strip_accents(lower(coalesce(ind.reason, ''))) AS reason_folded,
           strip_accents(lower(coalesce(ind.statement, ''))) AS statement_folded,
           strip_accents(lower(coalesce(ind.current_raw, ''))) AS current_folded,
           ind.current_unit IN ('number', 'percent') AND ind.current_value IS NOT NULL AS current_is_number,
           ind.target_value IS NOT NULL AND ind.target_unit = ind.current_unit AS target_comparable,
           CASE WHEN ind.baseline_value IS NOT NULL AND ind.baseline_unit = ind.current_unit
                THEN ind.baseline_value ELSE 0 END AS base,
           ind.baseline_value IS NOT NULL AND ind.baseline_unit = ind.current_unit AS has_baseline
    FROM indicators_corrected ind JOIN f ON f.project_key = ind.project_key
    JOIN current_source c ON c.sha256 = ind.source_sha256
    WHERE {"ind.outcome = ?" if filters.outcome_number() else "TRUE"}
), indicator_progress AS (
    SELECT *,
        CASE WHEN current_is_number AND target_comparable AND target_value <> base
             THEN (current_value - base) / (target_value - base) END AS progress,
        target_value < base AS decreasing,
        milestone_value IS NOT NULL AND milestone_unit = current_unit AS milestone_comparable
    FROM indicator_base
), indicator_facts AS (
    SELECT *,
        CASE
            WHEN current_unit IS NULL THEN 'no data'
            WHEN current_unit = 'text' AND regexp_matches(current_folded, '{_PLACEHOLDER}') THEN 'no data'
            WHEN current_unit = 'text' THEN 'qualitative'
            WHEN NOT target_comparable THEN CASE
                WHEN target_unit = 'text' AND NOT regexp_matches(strip_accents(lower(coalesce(target_raw, ''))),
                                                                 '{_PLACEHOLDER}') THEN 'qualitative'
                ELSE 'no data' END
            WHEN progress IS NULL THEN 'no data'
            WHEN progress >= 1 THEN 'achieved'
            WHEN current_value = base THEN 'not started'
            WHEN milestone_comparable AND ((NOT decreasing AND current_value >= milestone_value)
                                           OR (decreasing AND current_value <= milestone_value)) THEN 'on track'
            WHEN time_elapsed IS NOT NULL AND progress >= time_elapsed THEN 'on track'
            WHEN time_elapsed IS NULL THEN 'no data'
            ELSE 'behind' END AS status,
        {reason_categories_sql('reason_folded')} AS reason_categories,
        regexp_matches(statement_folded, '{_SHOULD_SPLIT}') AS should_be_disaggregated
    FROM indicator_progress
), i AS (
    SELECT *,
        CASE status
            WHEN 'no data' THEN CASE WHEN current_unit IS NULL THEN 'no current value'
                                     WHEN current_unit = 'text' THEN format('current is a placeholder ({{}})', current_raw)
                                     WHEN NOT target_comparable THEN 'target is not a number in the unit of current'
                                     WHEN progress IS NULL AND target_value = base THEN 'target equals baseline'
                                     ELSE 'time elapsed unknown' END
            WHEN 'qualitative' THEN 'progress is written in words'
            WHEN 'achieved' THEN format('current {{:g}} reaches target {{:g}}', current_value, target_value)
            WHEN 'not started' THEN format('current {{:g}} = baseline {{:g}}, {{}} of time elapsed', current_value, base,
                                           coalesce(format('{{:.0f}}%', time_elapsed * 100), 'unknown share'))
            WHEN 'on track' THEN CASE
                WHEN milestone_comparable AND ((NOT decreasing AND current_value >= milestone_value)
                                               OR (decreasing AND current_value <= milestone_value))
                THEN format('current {{:g}} has reached milestone {{:g}}', current_value, milestone_value)
                ELSE format('{{:.0f}}% of the way to target, {{:.0f}}% of time elapsed', progress * 100,
                            time_elapsed * 100) END
            WHEN 'behind' THEN CASE
                WHEN progress < 0  -- a negative share of the way means moving away: say it in words
                THEN format('current {{:g}} has moved away from target {{:g}} since baseline {{:g}}, {{:.0f}}% of time elapsed',
                            current_value, target_value, base, time_elapsed * 100)
                ELSE format('{{:.0f}}% of the way to target, {{:.0f}}% of time elapsed', progress * 100,
                            time_elapsed * 100) END
            ELSE format('{{:.0f}}% of the way to target, {{:.0f}}% of time elapsed', progress * 100,
                        time_elapsed * 100) END
        || CASE WHEN status IN ('achieved', 'not started', 'on track', 'behind') AND NOT has_baseline
                THEN ' (no baseline: taken as 0)' ELSE '' END AS status_reason
    FROM indicator_facts
)
"""
    return sql, [filters.outcome_number()] if filters.outcome_number() else []
