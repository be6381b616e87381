"""A synthetic portfolio for measuring only (never the app's samples): N projects in countries,
2–4 agencies each, 3–6 reports each, 10–60 indicators per report with the value mix of the seeds
(counts, percents, text, TBD, sex splits, reasons), comments and budget lines — written straight
into the store's schema by DuckDB bulk inserts.

    python bench/make_portfolio.py --projects 20000 --seed 1 --out /tmp/p20k.duckdb
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from loaders.store.writer import create_schema  # noqa: E402
from metrics.materialize import refresh  # noqa: E402

COUNTRIES = ["MLI", "NER", "BFA", "CAF", "CMR", "TGO", "BDI", "COD", "GIN", "LBR", "SLE", "SOM", "SSD", "SDN", "HTI",
             "KGZ", "LKA", "COL", "GTM", "YEM"]
AGENCIES = ["UNDP", "UNICEF", "UN Women", "IOM", "WFP", "FAO", "UNHCR", "UNFPA", "UNODC", "OHCHR"]
REASONS = ["Les activités de regroupement ont été reportées suite aux instructions gouvernementales",
           "Le consultant est en cours de recrutement", "Insécurité dans la zone d'intervention",
           "Delays in procurement of equipment", "Elections postponed the activity", "Pas de retard.",
           "The baseline survey has not been conducted yet", ""]
_SOURCE_COLUMNS = ("sha256, file_name, format, kind, language, project_key, report_period, ingested_at, loader_version, "
                   "warnings, superseded_by, indicator_rows, budget_line_rows")


def _sql_list(values: list[str]) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)


STATEMENTS = ["Nombre de personnes formées désagrégé par sexe", "% des ménages qui font confiance aux mécanismes",
              "Number of community dialogues held", "# de réunions du comité", "Existence d'un plan national"]


def build(db: Path, projects: int, seed: int) -> dict:
    """Write the portfolio; returns row counts and seconds taken."""
    started = time.perf_counter()
    db.unlink(missing_ok=True)
    con = duckdb.connect(str(db))
    create_schema(con)
    con.execute(f"SELECT setseed({(seed % 1000) / 1000})")
    con.execute(f"""CREATE TEMP TABLE gen_projects AS
        SELECT p AS n, printf('%08d', 100000 + p) AS project_key,
               [{_sql_list(COUNTRIES)}][1 + (hash(p * 7 + {seed}) % {len(COUNTRIES)})::INT] AS country,
               2 + (hash(p * 11 + {seed}) % 3)::INT AS agencies, 3 + (hash(p * 13 + {seed}) % 4)::INT AS reports,
               make_date(2016 + (hash(p + {seed}) % 6)::INT, 1 + (hash(p * 3) % 12)::INT, 1) AS start_day,
               (500000 + (hash(p * 17 + {seed}) % 5000000))::DOUBLE AS budget
        FROM range({projects}) t(p)""")
    con.execute("""CREATE TEMP TABLE gen_reports AS
        SELECT g.*, r AS report_no, md5(g.project_key || '-' || r) AS sha,
               g.start_day + to_months(6 * (r + 1)) AS report_day
        FROM gen_projects g, range(6) t(r) WHERE r < g.reports""")
    con.execute(f"""INSERT INTO sources ({_SOURCE_COLUMNS})
        SELECT sha, 'synthetic-' || project_key || '-' || report_no || '.docx', 'docx',
        'progress_report', 'fr', project_key, 'progress_report:semi-annual:' || strftime(report_day, '%Y-%m'),
        now()::TIMESTAMP, 'synthetic', [], NULL, NULL, NULL FROM gen_reports""")
    con.execute("""INSERT INTO projects SELECT project_key, sha, 'Synthetic project ' || n, [project_key], [country],
        'PRF', NULL, strftime(start_day + to_months(36) - INTERVAL 1 DAY, '%Y-%m-%d'), strftime(start_day, '%Y-%m-%d'),
        NULL, (hash(n) % 4)::INT, (hash(n * 5) % 3)::INT, budget FROM gen_reports""")
    con.execute("""INSERT INTO reports SELECT sha, project_key, 'progress_report', 'semi-annual',
        strftime(report_day, '%Y-%m'), least(1.0, 0.1 * (report_no + 1) + (hash(sha) % 20) / 100.0),
        budget * (0.1 + (hash(n) % 30) / 100.0), budget * (hash(sha) % 25) / 100.0, 30000, 0 FROM gen_reports""")
    con.execute(f"""INSERT INTO agency_budgets SELECT sha, project_key,
        [{_sql_list(AGENCIES)}][1 + ((n + a) % {len(AGENCIES)})::INT], 'agency ' || a, a = 0,
        budget / agencies, 'line ' || (40 + a) FROM gen_reports, range(4) t(a) WHERE a < agencies""")
    con.execute("""INSERT INTO outcomes SELECT sha, project_key, o::VARCHAR, 'Outcome ' || o || ' of project ' || n, NULL
        FROM gen_reports, range(1, 4) t(o)""")
    con.execute(_INDICATOR_SQL)
    con.execute("""INSERT INTO comments SELECT source_sha256, project_key, code, 'Reviewer ' || (row_number % 7),
        'Please check this figure', location FROM indicators WHERE hash(source_sha256 || code) % 9 = 0""")
    con.execute("""INSERT INTO budget_lines (source_sha256, project_key, outcome, output, activity, agency, amount_usd,
            gewe_share, gewe_usd, expenditure_usd, breakdown, location, project_id)
        SELECT md5(project_key || '-budget'), project_key, (1 + l % 3)::VARCHAR, (1 + l % 3) || '.1',
               (1 + l % 3) || '.1.' || l, 'UNDP', budget / 10, 0.3, budget / 10 * 0.3,
               budget / 10 * (hash(n * l) % 90) / 100.0, 'activity', 'sheet ''1) Budget Table'', row ' || (7 + l),
               project_key
        FROM gen_projects, range(10) t(l) WHERE n % 4 = 0""")
    con.execute(f"""INSERT INTO sources ({_SOURCE_COLUMNS})
        SELECT md5(project_key || '-budget'), 'synthetic-budget-' || project_key || '.xlsx',
        'xlsx', 'budget', NULL, project_key, 'budget:?:?', now()::TIMESTAMP, 'synthetic', [], NULL, NULL, NULL
        FROM gen_projects WHERE n % 4 = 0""")
    refresh(con)
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("sources", "projects", "indicators", "comments", "budget_lines", "mx_indicators")}
    con.execute("CHECKPOINT")
    con.close()
    return {"seconds": round(time.perf_counter() - started, 2), **counts}


_INDICATOR_SQL = f"""
INSERT INTO indicators
SELECT sha, project_key, code, level, outcome, CASE WHEN level = 'output' THEN outcome || '.1' END,
       [{_sql_list(STATEMENTS)}][1 + (k % {len(STATEMENTS)})::INT] || ' ' || code,
       CASE WHEN kind = 3 THEN 'TBD' ELSE '0' END, CASE WHEN kind = 3 THEN NULL ELSE 0 END,
       CASE WHEN kind = 3 THEN 'text' WHEN kind = 1 THEN 'percent' ELSE 'number' END,
       target::VARCHAR, target, CASE WHEN kind = 1 THEN 'percent' ELSE 'number' END,
       (target / 2)::VARCHAR, target / 2, CASE WHEN kind = 1 THEN 'percent' ELSE 'number' END,
       CASE WHEN kind = 2 THEN 'Les activités se poursuivent' WHEN kind = 4 THEN current || ' dont '
            || (current * 0.4)::INT || ' femmes' ELSE current::VARCHAR END,
       CASE WHEN kind = 2 THEN NULL ELSE current END,
       CASE WHEN kind = 2 THEN 'text' WHEN kind = 1 THEN 'percent' ELSE 'number' END,
       CASE WHEN kind = 4 THEN (current * 0.4)::INT END, CASE WHEN kind = 4 THEN current - (current * 0.4)::INT END,
       NULLIF([{_sql_list(REASONS)}][1 + (hash(sha || k) % {len(REASONS)})::INT], ''),
       NULL, 'results table, table 3, row ' || (k + 2), k
FROM (
    SELECT sha, project_key, k, (1 + k % 3)::VARCHAR AS outcome,
           CASE WHEN k % 4 = 0 THEN 'outcome' ELSE 'output' END AS level,
           CASE WHEN k % 4 = 0 THEN (1 + k % 3) || '.' || (1 + k // 12)
                ELSE (1 + k % 3) || '.1.' || (1 + k // 3) END AS code,
           (hash(sha || k) % 6)::INT AS kind, (10 + hash(k * 31 + n) % 90)::DOUBLE AS target,
           ((hash(sha || k || 'c') % 120))::DOUBLE AS current
    FROM gen_reports, range(60) t(k)
    WHERE k < 10 + hash(sha) % 51
)"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    print(build(Path(args.out), args.projects, args.seed))


if __name__ == "__main__":
    main()
