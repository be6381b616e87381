"""The parse record of ../shared/contracts/REPORT.md as pydantic models: what every reader
returns and the writer stores. `parse_bytes` validates each record against `ParseRecord`
(unknown keys are refused, so names cannot drift), and `python -m loaders schema` prints its
JSON Schema."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Strict):
    file: str
    sha256: str
    format: Literal["txt", "docx", "pdf", "xlsx", "csv", "json"]
    language: Literal["fr", "en"] | None = None
    loader_version: str = ""
    ocr_pages: list[int] = Field(default=[], description="pages read from a scan by OCR (Tesseract); [] for a text layer")


class Office(_Strict):
    """One line of the budget block: an agency's country office as written, with where it was read."""

    raw: str
    budget_usd: float | None = None
    location: str


class Agency(_Strict):
    raw: str = Field(description="the name(s) as written, joined with ' + ' when listed once per office")
    agency: str = Field(description="English acronym (UNDP, IOM, UN Women…)")
    lead: bool = False
    budget_usd: float | None = None
    offices: list[Office] = []


class Project(_Strict):
    title: str | None = None
    project_ids: list[str] = []
    countries: list[str] = Field(default=[], description="ISO 3166 alpha-3")
    window: Literal["IRF", "PRF"] | None = None
    start_date: str | None = Field(default=None, description="ISO date at the precision written: 2021, 2021-02, 2021-02-12")
    end_date: str | None = None
    first_transfer_date: str | None = None
    duration_months: int | None = None
    gender_marker: int | None = Field(default=None, ge=0, le=3)
    risk_marker: int | None = Field(default=None, ge=0, le=3)
    total_budget_usd: float | None = None
    agencies: list[Agency] = []


class Report(_Strict):
    type: Literal["semi-annual", "annual", "final"] | None = None
    date: str | None = None
    implementation_rate: float | None = Field(default=None, description="a fraction: 0.37")
    gender_allocated_usd: float | None = None
    gender_spent_usd: float | None = None
    evaluation_budget_usd: float | None = None
    covid_adjustment_usd: float | None = None


class Cell(_Strict):
    """An indicator cell: the text as written and the value read from it (VALUES.md)."""

    raw: str = ""
    value: float | None = None
    unit: Literal["number", "percent", "text"] | None = None


class Comment(_Strict):
    author: str
    text: str
    location: str | None = None


class IndicatorComment(_Strict):
    author: str
    text: str


class Indicator(_Strict):
    code: str
    level: Literal["outcome", "output"]
    outcome: str | None = None
    output: str | None = None
    statement: str
    baseline: Cell
    target: Cell
    milestone: Cell
    current: Cell
    women: float | None = None
    men: float | None = None
    reason: str | None = None
    target_adjustment: str | None = None
    comments: list[IndicatorComment] = []
    location: str


class Output(_Strict):
    number: str
    statement: str | None = None


class Outcome(_Strict):
    number: str
    statement: str | None = None
    rating: str | None = None
    outputs: list[Output] = []


class BudgetLine(_Strict):
    project_id: str | None = None
    outcome: str | None = None
    output: str | None = None
    activity: str | None = None
    agency: str | None = None
    raw_agency: str | None = None
    category: str | None = None
    fiscal_year: str | None = None
    amount_usd: float | None = None
    gewe_share: float | None = None
    gewe_usd: float | None = None
    expenditure_usd: float | None = None
    net_funded_usd: float | None = None
    reported_delivery_rate: float | None = None
    breakdown: str | None = None
    location: str


class Uncertain(_Strict):
    """A figure OCR read with low confidence: the field it fed, what was read there and how sure."""

    field: str = Field(description="the name a correction takes: `project.total_budget_usd`, "
                                   "`project.agencies.UNDP.budget_usd`, `indicators.1.2.target`")
    location: str
    read: str = Field(description="the word as OCR read it")
    confidence: int = Field(ge=0, le=100, description="Tesseract's word confidence")


# The headline fields a person can correct by hand (loaders/corrections.py), and what each holds.
CORRECTABLE: dict[str, str] = {
    "project.total_budget_usd": "money",
    "report.implementation_rate": "rate",
    "report.gender_allocated_usd": "money",
    "report.gender_spent_usd": "money",
    "project.gender_marker": "marker",
    "project.risk_marker": "marker",
    "report.type": "type",
    "report.date": "date",
}

MissingField = Literal["project.total_budget_usd", "project.agencies[].budget_usd", "report.type", "report.date",
                       "report.implementation_rate", "report.gender_allocated_usd", "report.gender_spent_usd",
                       "project.gender_marker", "indicators"]


class ParseRecord(_Strict):
    """What `python -m loaders parse FILE` prints for one file."""

    source: Source
    kind: Literal["progress_report", "final_review", "project_profile", "budget", "financial_export"] | None
    project: Project
    report: Report
    outcomes: list[Outcome] = []
    indicators: list[Indicator] = []
    comments: list[Comment] = []
    budget_lines: list[BudgetLine] = []
    missing: list[MissingField] = Field(default=[], description="headline fields the template asks for that the file did "
                                                                "not yield (REPORT.md)")
    locations: dict[str, str] = Field(default={}, description="where each headline field that was read was found, by "
                                                              "its dotted name: {\"report.gender_allocated_usd\": "
                                                              "\"line 88\"} (indicators and budget lines carry their own)")
    uncertain: list[Uncertain] = Field(default=[], description="figures read by OCR with low confidence: to be "
                                                               "confirmed or corrected by a person")
    warnings: list[str] = []


def validated(record: dict) -> dict:
    """The record checked against `ParseRecord` (raises pydantic.ValidationError on drift), as given."""
    ParseRecord.model_validate(record)
    return record
