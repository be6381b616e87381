"""Parse one file into the JSON record of contracts/REPORT.md. Pure: bytes in, dict out.
Reports (.txt, .docx, .pdf) go through the document readers; workbooks (.xlsx), CSV exports and UNDP
project records (.json) through the tabular ones."""
from __future__ import annotations

import hashlib
from pathlib import Path

from loaders.errors import NotADocument, UnreadableFile, UnsupportedFormat
from loaders.formats import READERS, reader_for
from loaders.formats.csv_table import read_csv
from loaders.formats.xlsx import read_xlsx
from loaders.model import Document
from loaders.normalise.project_ids import canonical_project_id
from loaders.record import validated
from loaders.templates.budget_categories import category_sheet, read_category_sheet
from loaders.templates.budget_workbook import find_budget_table, read_budget_sheet
from loaders.templates.detect import detect_kind, detect_language
from loaders.templates.financial_export import find_header_row, read_financial_export
from loaders.templates.missing import missing_fields
from loaders.templates.narrative import merge_outcomes, read_narrative_outcomes
from loaders.templates.other_documents import empty_project, empty_report, read_final_review, read_profile
from loaders.templates.progress_report import read_report_fields
from loaders.templates.results_table import read_results_table
from loaders.templates.uncertain import uncertain_figures
from loaders.templates.undp_project import read_undp_project

LOADER_VERSION = "0.2.0"
TABULAR = (".xlsx", ".csv", ".json")
SUPPORTED = tuple(READERS) + TABULAR


def parse_bytes(data: bytes, name: str, project_id: str | None = None) -> dict:
    """Parse a file's bytes; raises LensError (with the file name) when it cannot be read at all.
    `project_id` names the project of a budget workbook (which does not say it); reports name their own.
    The record is checked against loaders/record.py's ParseRecord before it is returned."""
    return validated(_parse(data, name, project_id))


def _parse(data: bytes, name: str, project_id: str | None) -> dict:
    sha256 = hashlib.sha256(data).hexdigest()
    suffix = Path(name).suffix.lower()
    if suffix == ".xlsx":
        return _parse_workbook(data, name, sha256, project_id)
    if suffix == ".csv":
        return _parse_csv(data, name, sha256, project_id)
    if suffix == ".json":
        return _parse_undp_project(data, name, sha256)
    if suffix not in READERS:
        raise UnsupportedFormat(f"files ending in '{suffix or '(none)'}' are not read "
                                f"(reports: .txt, .docx, .pdf; budgets and exports: .xlsx, .csv, .json)", name)
    return parse_document(reader_for(name)(data, name, sha256))


def parse_path(path: str | Path, project_id: str | None = None) -> dict:
    """Parse a file on disk."""
    path = Path(path)
    return parse_bytes(path.read_bytes(), path.name, project_id)


def _source(name: str, sha256: str, fmt: str, language: str | None) -> dict:
    return {"file": name, "sha256": sha256, "format": fmt, "language": language, "loader_version": LOADER_VERSION}


def _tabular_record(name, sha256, fmt, kind, lines, warnings, project_id) -> dict:
    project = empty_project()
    if project_id:
        project["project_ids"] = [project_id]
        for line in lines:
            line["project_id"] = line["project_id"] or canonical_project_id(project_id)
    return {"source": _source(name, sha256, fmt, None), "kind": kind, "project": project,
            "report": empty_report(None), "outcomes": [], "indicators": [], "comments": [],
            "budget_lines": lines, "missing": [], "warnings": warnings}


def _parse_workbook(data: bytes, name: str, sha256: str, project_id: str | None) -> dict:
    workbook = read_xlsx(data, name, sha256)
    warnings = list(workbook.warnings)
    for sheet in workbook.sheets:
        table = find_budget_table(sheet)
        if table is not None:
            lines = read_budget_sheet(sheet, table, warnings)
            categories = category_sheet(workbook)
            if categories is not None and categories is not sheet:
                lines += read_category_sheet(categories, warnings)
            if not project_id:
                warnings.append("the workbook does not name its project; ingest it with --project ID to join it "
                                "to the project's reports")
            return _tabular_record(name, sha256, "xlsx", "budget", lines, warnings, project_id)
    for sheet in workbook.sheets:
        if find_header_row(sheet.rows) is not None:
            lines = read_financial_export(sheet.rows, sheet.location, False, warnings)
            return _tabular_record(name, sha256, "xlsx", "financial_export", lines, warnings, project_id)
    raise UnreadableFile("this workbook is neither a PBF budget (no 'Outcome/ output/ activity formulation' "
                         "header) nor a financial export (no budget/expenditure columns)", name)


def _parse_csv(data: bytes, name: str, sha256: str, project_id: str | None) -> dict:
    table = read_csv(data, name, sha256)
    if find_header_row(table.rows) is None:
        raise UnreadableFile("this CSV is not a financial export: no budget, net funded or expenditure columns "
                             "in its first rows", name)
    warnings = list(table.warnings)
    lines = read_financial_export(table.rows, lambda i: f"row {i + 1}", table.decimal_comma, warnings)
    return _tabular_record(name, sha256, "csv", "financial_export", lines, warnings, project_id)


def _parse_undp_project(data: bytes, name: str, sha256: str) -> dict:
    project, report, warnings = read_undp_project(data, name)
    return {"source": _source(name, sha256, "json", None), "kind": "project_profile", "project": project,
            "report": report, "outcomes": [], "indicators": [], "comments": [], "budget_lines": [],
            "missing": [], "warnings": warnings}


def parse_document(document: Document) -> dict:
    """Template readers over a document already read by its format reader."""
    warnings = list(document.warnings)
    locations: dict[str, str] = {}
    full_text = "\n".join(document.lines())
    table = read_results_table(document)
    kind = detect_kind(full_text, table.found)
    if kind is None:  # a letter, a shopping list: nothing Lens knows, so no project is made of it
        raise NotADocument(document.file, "no PBF report, final review or project profile heading or field found")
    if kind == "final_review":
        project, report = read_final_review(document.paragraphs, warnings)
    elif kind == "project_profile":
        project, report = read_profile(document.paragraphs, warnings)
    else:
        project, report = read_report_fields(document.paragraphs, None, warnings, locations)
        if kind == "progress_report" and not table.found:
            warnings.append("no results table (indicators) found in this report")
    if not (project.get("project_ids") or project.get("title") or table.indicators):
        raise NotADocument(document.file, f"read as a {kind.replace('_', ' ')}, but it names no project and holds "
                                          "no results table")
    warnings.extend(table.warnings)
    narrative = read_narrative_outcomes(document.paragraphs, table.start_index) if kind != "project_profile" else {}
    source = _source(document.file, document.sha256, document.format, detect_language(full_text))
    if document.ocr_pages:
        source["ocr_pages"] = document.ocr_pages
    return {
        "source": source,
        "kind": kind,
        "project": project,
        "report": report,
        "outcomes": merge_outcomes(table.outcomes, narrative),
        "indicators": table.indicators,
        "comments": [c.as_dict() for c in document.comments],
        "missing": missing_fields(kind, project, report, table.indicators, table.found),
        "locations": locations,
        "uncertain": uncertain_figures(document.paragraphs, project, locations, table.indicators),
        "warnings": warnings,
    }
