-- PBF Portfolio Lens store. Created once when a database is created; never altered inside an ingest.
-- Every fact row carries source_sha256: the file it was read from (see docs/DATA_MODEL.md).
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE IF NOT EXISTS sources (
    sha256 VARCHAR PRIMARY KEY, file_name VARCHAR NOT NULL, format VARCHAR NOT NULL, kind VARCHAR NOT NULL,
    language VARCHAR, project_key VARCHAR, report_period VARCHAR, ingested_at TIMESTAMP NOT NULL,
    loader_version VARCHAR NOT NULL, warnings VARCHAR[] NOT NULL, superseded_by VARCHAR
);

CREATE TABLE IF NOT EXISTS projects (
    project_key VARCHAR NOT NULL, source_sha256 VARCHAR NOT NULL, title VARCHAR, project_ids VARCHAR[],
    countries VARCHAR[], funding_window VARCHAR, start_date VARCHAR, end_date VARCHAR, first_transfer_date VARCHAR,
    duration_months INTEGER, gender_marker INTEGER CHECK (gender_marker BETWEEN 0 AND 3),
    risk_marker INTEGER CHECK (risk_marker BETWEEN 0 AND 3),
    total_budget_usd DOUBLE CHECK (isfinite(total_budget_usd)),
    PRIMARY KEY (project_key, source_sha256)
);

CREATE TABLE IF NOT EXISTS reports (
    source_sha256 VARCHAR PRIMARY KEY, project_key VARCHAR NOT NULL, kind VARCHAR NOT NULL, type VARCHAR,
    date VARCHAR, implementation_rate DOUBLE CHECK (isfinite(implementation_rate)),
    gender_allocated_usd DOUBLE CHECK (isfinite(gender_allocated_usd)),
    gender_spent_usd DOUBLE CHECK (isfinite(gender_spent_usd)),
    evaluation_budget_usd DOUBLE CHECK (isfinite(evaluation_budget_usd)),
    covid_adjustment_usd DOUBLE CHECK (isfinite(covid_adjustment_usd))
);

CREATE TABLE IF NOT EXISTS agency_budgets (
    source_sha256 VARCHAR NOT NULL, project_key VARCHAR NOT NULL, agency VARCHAR NOT NULL, raw_name VARCHAR,
    lead BOOLEAN NOT NULL, budget_usd DOUBLE CHECK (isfinite(budget_usd)), location VARCHAR
);

CREATE TABLE IF NOT EXISTS outcomes (
    source_sha256 VARCHAR NOT NULL, project_key VARCHAR NOT NULL, number VARCHAR NOT NULL, statement VARCHAR,
    rating VARCHAR
);

CREATE TABLE IF NOT EXISTS outputs (
    source_sha256 VARCHAR NOT NULL, project_key VARCHAR NOT NULL, outcome VARCHAR NOT NULL,
    number VARCHAR NOT NULL, statement VARCHAR
);

CREATE TABLE IF NOT EXISTS indicators (
    source_sha256 VARCHAR NOT NULL, project_key VARCHAR NOT NULL, code VARCHAR NOT NULL, level VARCHAR,
    outcome VARCHAR, output VARCHAR, statement VARCHAR NOT NULL,
    baseline_raw VARCHAR, baseline_value DOUBLE CHECK (isfinite(baseline_value)), baseline_unit VARCHAR,
    target_raw VARCHAR, target_value DOUBLE CHECK (isfinite(target_value)), target_unit VARCHAR,
    milestone_raw VARCHAR, milestone_value DOUBLE CHECK (isfinite(milestone_value)), milestone_unit VARCHAR,
    current_raw VARCHAR, current_value DOUBLE CHECK (isfinite(current_value)), current_unit VARCHAR,
    women DOUBLE CHECK (isfinite(women)), men DOUBLE CHECK (isfinite(men)), reason VARCHAR,
    target_adjustment VARCHAR, location VARCHAR NOT NULL, row_number INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS comments (
    source_sha256 VARCHAR NOT NULL, project_key VARCHAR NOT NULL, indicator_code VARCHAR, author VARCHAR,
    text VARCHAR, location VARCHAR
);

-- Budget workbooks and financial exports: one row per activity/cost line and agency, or per export row.
CREATE TABLE IF NOT EXISTS budget_lines (
    source_sha256 VARCHAR NOT NULL, project_key VARCHAR, outcome VARCHAR, output VARCHAR, activity VARCHAR,
    agency VARCHAR, category VARCHAR, amount_usd DOUBLE CHECK (isfinite(amount_usd)),
    gewe_share DOUBLE CHECK (isfinite(gewe_share)), gewe_usd DOUBLE CHECK (isfinite(gewe_usd)),
    expenditure_usd DOUBLE CHECK (isfinite(expenditure_usd)), net_funded_usd DOUBLE CHECK (isfinite(net_funded_usd)),
    reported_delivery_rate DOUBLE CHECK (isfinite(reported_delivery_rate)), location VARCHAR
);
ALTER TABLE budget_lines ADD COLUMN IF NOT EXISTS project_id VARCHAR;
ALTER TABLE budget_lines ADD COLUMN IF NOT EXISTS raw_agency VARCHAR;
ALTER TABLE budget_lines ADD COLUMN IF NOT EXISTS fiscal_year VARCHAR;
ALTER TABLE budget_lines ADD COLUMN IF NOT EXISTS breakdown VARCHAR;

-- How many fact rows each file gave, written in the file's own transaction (integrity checks).
ALTER TABLE sources ADD COLUMN IF NOT EXISTS indicator_rows INTEGER;
ALTER TABLE sources ADD COLUMN IF NOT EXISTS budget_line_rows INTEGER;
-- The headline fields the file's template asks for that it did not yield (REPORT.md `missing`).
ALTER TABLE sources ADD COLUMN IF NOT EXISTS missing VARCHAR[];

-- Corrections entered by hand, and their undos: each is its own row, never an overwrite.
CREATE TABLE IF NOT EXISTS corrections (
    id INTEGER PRIMARY KEY, made_at TIMESTAMP NOT NULL, made_by VARCHAR NOT NULL, project_key VARCHAR NOT NULL,
    source_sha256 VARCHAR, field VARCHAR NOT NULL, read_value VARCHAR, new_value VARCHAR, reason VARCHAR NOT NULL,
    undoes INTEGER
);
-- What else moved with a correction (JSON: figure → [before, after]), e.g. a budget moves a reported-rate expenditure.
ALTER TABLE corrections ADD COLUMN IF NOT EXISTS moves VARCHAR;

-- Every project number a file gives for a project, so files naming another of its numbers join it.
CREATE TABLE IF NOT EXISTS project_aliases (
    source_sha256 VARCHAR NOT NULL, alias VARCHAR NOT NULL, project_key VARCHAR NOT NULL
);

-- The facts that count: rows from files not superseded by a newer report of the same project and period.
CREATE OR REPLACE VIEW active_sources AS SELECT * FROM sources WHERE superseded_by IS NULL;

-- Budget lines with the project they belong to: through any project number a report gave for it.
CREATE OR REPLACE VIEW budget_lines_resolved AS
SELECT b.*, coalesce(a.project_key, b.project_id) AS resolved_project_key, s.file_name, s.kind AS source_kind
FROM budget_lines b
JOIN active_sources s ON s.sha256 = b.source_sha256
LEFT JOIN (SELECT p.alias, min(p.project_key) AS project_key FROM project_aliases p
           JOIN active_sources s2 ON s2.sha256 = p.source_sha256 GROUP BY p.alias) a ON a.alias = b.project_id;

-- Data-quality flags a reviewer would raise: both values and both sources, one row per conflict.
CREATE OR REPLACE VIEW quality_flags AS
WITH workbook AS (
    SELECT resolved_project_key AS project_key, agency, round(sum(amount_usd), 2) AS amount,
           round(sum(gewe_usd), 2) AS gewe, string_agg(DISTINCT file_name, ', ' ORDER BY file_name) AS file_name
    FROM budget_lines_resolved WHERE source_kind = 'budget' AND breakdown IN ('activity', 'cost') GROUP BY ALL
), reported AS (
    SELECT a.project_key, a.agency, round(sum(a.budget_usd), 2) AS budget, s.file_name
    FROM agency_budgets a JOIN active_sources s ON s.sha256 = a.source_sha256
    WHERE s.kind = 'progress_report' AND a.budget_usd IS NOT NULL GROUP BY ALL
)
SELECT 'agency_budget_differs' AS code, r.project_key, r.agency,
       'report agency budget differs from the budget workbook' AS message,
       r.budget AS value_a, r.file_name AS source_a, w.amount AS value_b, w.file_name AS source_b, NULL AS location
FROM reported r JOIN workbook w ON w.project_key = r.project_key AND w.agency = r.agency
WHERE abs(r.budget - w.amount) > 0.5
UNION ALL
SELECT 'gewe_differs', rp.project_key, NULL, 'report GEWE allocation differs from the workbook''s GEWE total',
       rp.gender_allocated_usd, s.file_name, w.gewe, w.file_name, NULL
FROM reports rp JOIN active_sources s ON s.sha256 = rp.source_sha256
JOIN (SELECT project_key, round(sum(gewe), 2) AS gewe, string_agg(DISTINCT file_name, ', ' ORDER BY file_name) AS file_name
      FROM workbook GROUP BY project_key) w ON w.project_key = rp.project_key
WHERE rp.gender_allocated_usd IS NOT NULL AND w.gewe IS NOT NULL AND abs(rp.gender_allocated_usd - w.gewe) > 0.5
UNION ALL
SELECT 'expenditure_above_budget', resolved_project_key, agency, 'expenditure is above the budget' || coalesce(' (' || fiscal_year || ')', ''),
       expenditure_usd, file_name, amount_usd, file_name, location
FROM budget_lines_resolved WHERE expenditure_usd > amount_usd + 0.5
UNION ALL
SELECT 'delivery_rate_differs', resolved_project_key, agency,
       'the export''s delivery rate differs from expenditure ÷ net funded by more than half a point',
       reported_delivery_rate, file_name, expenditure_usd / net_funded_usd, file_name, location
FROM budget_lines_resolved
WHERE net_funded_usd <> 0 AND reported_delivery_rate IS NOT NULL
  AND abs(reported_delivery_rate - expenditure_usd / net_funded_usd) > 0.005;

-- Per project and field, the newest correction that has not been undone: what the metrics use.
CREATE OR REPLACE VIEW active_corrections AS
SELECT * EXCLUDE (rank) FROM (
    SELECT *, row_number() OVER (PARTITION BY project_key, field ORDER BY id DESC) AS rank
    FROM corrections
    WHERE undoes IS NULL AND id NOT IN (SELECT undoes FROM corrections WHERE undoes IS NOT NULL)
) WHERE rank = 1;

-- Where each headline field of a file was read (REPORT.md's dotted names: report.gender_allocated_usd → line 88).
CREATE TABLE IF NOT EXISTS field_locations (
    source_sha256 VARCHAR NOT NULL, field VARCHAR NOT NULL, location VARCHAR NOT NULL,
    PRIMARY KEY (source_sha256, field)
);
-- 'ocr' where the field was read from a scanned page by OCR, 'text' from a text layer (issue 23).
ALTER TABLE field_locations ADD COLUMN IF NOT EXISTS source VARCHAR DEFAULT 'text';
-- The pages of a PDF read from a scan by OCR (REPORT.md `source.ocr_pages`).
ALTER TABLE sources ADD COLUMN IF NOT EXISTS ocr_pages INTEGER[];

-- Figures OCR read with low confidence (REPORT.md `uncertain`), under the name a correction takes;
-- a correction of the field (its value confirmed or put right) settles it.
CREATE TABLE IF NOT EXISTS uncertain_figures (
    source_sha256 VARCHAR NOT NULL, field VARCHAR NOT NULL, location VARCHAR, read VARCHAR, confidence INTEGER
);
