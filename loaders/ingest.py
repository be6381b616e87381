"""Ingest files and folders into the store: parse each file, write it in its own transaction,
report per file what happened. Failures never stop the batch and never touch the database."""
from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from loaders.cli_text import counted
from loaders.errors import LensError
from loaders.formats.pdf_ocr import PAGE_PROGRESS
from loaders.parse import SUPPORTED, parse_bytes
from loaders.store.session import writing
from loaders.store.writer import project_key, write_record


@dataclass
class FileOutcome:
    """What happened to one file: added, unchanged or failed, and why."""

    path: str
    status: str
    indicators: int = 0
    budget_lines: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    project_key: str | None = None
    missing: list[str] = field(default_factory=list)  # headline fields the file did not yield
    bug: str | None = None  # the traceback, when Lens itself failed (shown with --debug)


@dataclass
class IngestSummary:
    """The closing summary of a batch."""

    files: list[FileOutcome] = field(default_factory=list)
    seconds: float = 0.0
    projects: int = 0

    @property
    def failures(self) -> list[FileOutcome]:
        return [f for f in self.files if f.status == "failed"]

    def line(self) -> str:
        added = sum(f.status == "added" for f in self.files)
        unchanged = sum(f.status == "unchanged" for f in self.files)
        skipped = sum(f.status == "skipped" for f in self.files)
        read = len(self.files) - skipped
        skipped_text = f", {skipped} skipped" if skipped else ""
        return (f"{counted(read, 'file')} read ({added} added, {unchanged} unchanged, {len(self.failures)} failed"
                f"{skipped_text}), {counted(self.projects, 'project')}, "
                f"{counted(sum(f.indicators for f in self.files), 'indicator')}, "
                f"{counted(sum(f.budget_lines for f in self.files), 'budget line')}, "
                f"{counted(sum(len(f.warnings) for f in self.files), 'warning')}, in {self.seconds:.2f} s")


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and every file inside folders named (sorted, recursively; hidden files left out)."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file()
                            and not any(part.startswith(".") for part in p.relative_to(path).parts))
        else:
            found.append(path)
    return found


def ingest(paths: Iterable[str | Path], db_path: str | Path,
           progress: Callable[[int, int, str], None] | None = None, project_id: str | None = None,
           names: dict[Path, str] | None = None) -> IngestSummary:
    """Parse and store every file; `progress(done, total, name)` is called after each one is read (and
    after each page of a scan read by OCR, `done` then a fraction: 2.5 is half-way through the third). `names`
    gives the name a file is known by where it is stored under another (uploads, kept by content hash).
    Files are read before the store's write lock is taken, so a long batch holds it only to write."""
    started = time.perf_counter()
    named = [Path(p) for p in paths]
    files = collect_files(named)
    read: list[tuple[Path, dict | FileOutcome]] = []
    for number, path in enumerate(files, start=1):
        if path not in named and path.suffix.lower() not in SUPPORTED:  # found in a folder, not a kind we read
            read.append((path, FileOutcome(str(path), "skipped", error=f"not a kind Lens reads ({path.suffix})")))
        else:
            name = (names or {}).get(path, path.name)
            pages = _page_progress(progress, number, len(files), name)
            token = PAGE_PROGRESS.set(pages)
            try:
                read.append((path, _read_one(path, project_id, name)))
            finally:
                PAGE_PROGRESS.reset(token)
        if progress:
            progress(number, len(files), path.name)
    summary = IngestSummary()
    with writing(db_path) as con:
        summary.files = [item if isinstance(item, FileOutcome) else _write_one(con, path, item) for path, item in read]
        projects = con.execute("SELECT count(DISTINCT p.project_key) FROM projects p "
                               "JOIN active_sources s ON s.sha256 = p.source_sha256").fetchone()[0]
    summary.seconds = time.perf_counter() - started
    summary.projects = projects
    return summary


def _page_progress(progress, number: int, files: int, name: str):
    """While a scan is read by OCR, the file's share of the bar grows page by page."""
    if progress is None:
        return None
    return lambda done, pages: progress(number - 1 + done / pages, files, f"{name} · OCR {done}/{pages}")


def _read_one(path: Path, project_id: str | None, name: str) -> dict | FileOutcome:
    """The file's parse record, or the outcome that says why it could not be read."""
    try:
        return parse_bytes(path.read_bytes(), name, project_id)
    except LensError as error:
        return FileOutcome(str(path), "failed", error=error.message + (f" — {error.hint}" if error.hint else ""))
    except OSError as error:
        return FileOutcome(str(path), "failed", error=f"cannot read the file ({error.strerror})")
    except Exception as error:  # a bug in Lens, not a bad file: said so; the batch goes on
        return _bug(path, error)


def _write_one(con, path: Path, record: dict) -> FileOutcome:
    try:
        status = write_record(con, record)
    except duckdb.Error as error:  # the store refused what was read (a constraint): the file, not Lens
        return FileOutcome(str(path), "failed", error=f"the store refused what was read from it ({error})".splitlines()[0])
    except Exception as error:
        return _bug(path, error)
    added = status == "added"
    return FileOutcome(str(path), status, len(record["indicators"]) if added else 0,
                       len(record.get("budget_lines") or []) if added else 0,
                       record["warnings"] if added else [], project_key=project_key(record),
                       missing=list(record.get("missing") or []))


def _bug(path: Path, error: Exception) -> FileOutcome:
    return FileOutcome(str(path), "failed", error=f"a bug in Lens stopped reading this file ({type(error).__name__}: "
                                                  f"{error}); please report it with the file",
                       bug=traceback.format_exc())
