"""Files handed to the app: kept under their content hash (never a name chosen by the user),
previewed (what would be read) before they are stored, and removed with everything read from them."""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from loaders.errors import LensError, NotADocument, UnsupportedFormat
from loaders.ingest import IngestSummary, ingest
from loaders.parse import SUPPORTED, parse_bytes
from loaders.store.session import writing
from loaders.store.writer import remove_source


def save_upload(data: bytes, name: str, folder: Path) -> Path:
    """Write the bytes as <folder>/<sha256><suffix>; the suffix only if it is one we read."""
    suffix = Path(name).suffix.lower()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (hashlib.sha256(data).hexdigest() + (suffix if suffix in SUPPORTED else ".unknown"))
    if not path.exists():
        temporary = path.with_suffix(path.suffix + ".part")
        temporary.write_bytes(data)
        temporary.replace(path)
    return path


def preview(data: bytes, name: str, project_id: str | None = None) -> dict:
    """What reading the file gives, before anything is stored: kind, project, counts, warnings or the error."""
    try:
        record = parse_bytes(data, name, project_id or None)
    except LensError as error:
        return {"file": name, "kind": None, "project": None, "indicators": 0, "budget_lines": 0, "warnings": [],
                "missing": [], "error": error.message + (f" — {error.hint}" if error.hint else ""),
                "refusal": "not_a_document" if isinstance(error, NotADocument) else
                           "unsupported" if isinstance(error, UnsupportedFormat) else "unreadable"}
    project = record.get("project") or {}
    return {"file": name, "kind": record.get("kind"), "project": (project.get("project_ids") or [None])[0]
            or project.get("title"), "indicators": len(record.get("indicators") or []),
            "budget_lines": len(record.get("budget_lines") or []), "warnings": record.get("warnings") or [],
            "missing": record.get("missing") or [], "error": None, "refusal": None}


def preview_files(files: list[tuple[str, str]], project_id: str | None = None,
                  progress: Callable[[int, int, str], None] | None = None) -> list[dict]:
    """`preview` of each saved upload, given as (path, the name the user gave it), in order;
    `progress(done, total, name)` as each file is begun (`done` files read before it)."""
    previews = []
    for number, (path, name) in enumerate(files):
        if progress is not None:
            progress(number, len(files), name)
        previews.append(preview(Path(path).read_bytes(), name, project_id))
    return previews


def store_uploads(paths: list[Path], names: dict[Path, str], db: Path, project_id: str | None,
                  progress: Callable[[int, int, str], None] | None = None) -> IngestSummary:
    """Ingest saved uploads; the summary names each file by the name the user gave it."""
    summary = ingest(paths, db, progress, project_id or None, names)
    for outcome in summary.files:
        outcome.path = names.get(Path(outcome.path), outcome.path)
    return summary


def remove_file(db: Path, sha256: str) -> None:
    """Remove one ingested file and everything read from it (through a swapped copy, like any write)."""
    with writing(db) as con:
        remove_source(con, sha256)
