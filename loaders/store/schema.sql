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

-- Filled by the budget-workbook and financial-export loaders (issue 3).
CREATE TABLE IF NOT EXISTS budget_lines (
    source_sha256 VARCHAR NOT NULL, project_key VARCHAR, outcome VARCHAR, output VARCHAR, activity VARCHAR,
    agency VARCHAR, category VARCHAR, amount_usd DOUBLE CHECK (isfinite(amount_usd)),
    gewe_share DOUBLE CHECK (isfinite(gewe_share)), gewe_usd DOUBLE CHECK (isfinite(gewe_usd)),
    expenditure_usd DOUBLE CHECK (isfinite(expenditure_usd)), net_funded_usd DOUBLE CHECK (isfinite(net_funded_usd)),
    reported_delivery_rate DOUBLE CHECK (isfinite(reported_delivery_rate)), location VARCHAR
);

-- The facts that count: rows from files not superseded by a newer report of the same project and period.
CREATE OR REPLACE VIEW active_sources AS SELECT * FROM sources WHERE superseded_by IS NULL;
