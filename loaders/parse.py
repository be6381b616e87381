"""Parse one file into the JSON record of contracts/REPORT.md. Pure: bytes in, dict out."""
from __future__ import annotations

import hashlib
from pathlib import Path

from loaders.formats import reader_for
from loaders.model import Document
from loaders.templates.detect import detect_kind, detect_language
from loaders.templates.narrative import merge_outcomes, read_narrative_outcomes
from loaders.templates.other_documents import read_final_review, read_profile
from loaders.templates.progress_report import read_report_fields
from loaders.templates.results_table import read_results_table

LOADER_VERSION = "0.1.0"


def parse_bytes(data: bytes, name: str) -> dict:
    """Parse a file's bytes; raises LensError (with the file name) when it cannot be read at all."""
    sha256 = hashlib.sha256(data).hexdigest()
    document = reader_for(name)(data, name, sha256)
    return parse_document(document)


def parse_path(path: str | Path) -> dict:
    """Parse a file on disk."""
    path = Path(path)
    return parse_bytes(path.read_bytes(), path.name)


def parse_document(document: Document) -> dict:
    """Template readers over a document already read by its format reader."""
    warnings = list(document.warnings)
    full_text = "\n".join(document.lines())
    table = read_results_table(document)
    kind = detect_kind(full_text, table.found)
    if kind == "final_review":
        project, report = read_final_review(document.paragraphs, warnings)
    elif kind == "project_profile":
        project, report = read_profile(document.paragraphs, warnings)
    else:
        if kind is None:
            warnings.append("not recognised as a PBF progress report, final review or project profile; "
                            "read for the fields it holds")
        project, report = read_report_fields(document.paragraphs, None, warnings)
        if kind == "progress_report" and not table.found:
            warnings.append("no results table (indicators) found in this report")
    warnings.extend(table.warnings)
    narrative = read_narrative_outcomes(document.paragraphs, table.start_index) if kind != "project_profile" else {}
    return {
        "source": {"file": document.file, "sha256": document.sha256, "format": document.format,
                   "language": detect_language(full_text), "loader_version": LOADER_VERSION},
        "kind": kind,
        "project": project,
        "report": report,
        "outcomes": merge_outcomes(table.outcomes, narrative),
        "indicators": table.indicators,
        "comments": [c.as_dict() for c in document.comments],
        "warnings": warnings,
    }
