"""Command line: `python -m loaders parse FILE...` prints REPORT.md JSON (JSON Lines for several
files); `python -m loaders ingest PATH... [--db FILE]` loads files and folders into DuckDB;
`python -m loaders schema` prints the parse record's JSON Schema (loaders/record.py);
`python -m loaders upgrade [--db FILE]` brings a store built by an older version up to date."""
from __future__ import annotations

import argparse
import json
import sys

from loaders.corrections_cli import corrections_command
from loaders.errors import LensError
from loaders.ingest import ingest
from loaders.parse import parse_path
from loaders.record import ParseRecord
from loaders.store.session import DEFAULT_DB, upgrade
from loaders.templates.missing import describe


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    parse_cmd = commands.add_parser("parse", help="print what is read from each file, as JSON")
    parse_cmd.add_argument("files", nargs="+")
    parse_cmd.add_argument("--project", help="project number for files that do not name one (budget workbooks)")
    ingest_cmd = commands.add_parser("ingest", help="load files and folders into the DuckDB store")
    ingest_cmd.add_argument("paths", nargs="+")
    ingest_cmd.add_argument("--db", default=str(DEFAULT_DB), help=f"database file (default {DEFAULT_DB})")
    ingest_cmd.add_argument("--quiet", action="store_true", help="no progress bar")
    ingest_cmd.add_argument("--project", help="project number for files that do not name one (budget workbooks)")
    ingest_cmd.add_argument("--debug", action="store_true", help="print the traceback of a failure that is a bug")
    ingest_cmd.add_argument("--warnings", action="store_true", help="list every warning, file by file")
    commands.add_parser("schema", help="print the JSON Schema of what `parse` prints")
    upgrade_cmd = commands.add_parser("upgrade", help="bring a store built by an older version up to date")
    upgrade_cmd.add_argument("--db", default=str(DEFAULT_DB))
    correct_cmd = commands.add_parser("correct", help="correct or enter a headline figure by hand (kept in the trail)")
    correct_cmd.add_argument("--db", default=str(DEFAULT_DB))
    correct_cmd.add_argument("--project", required=True, help="any of the project's numbers")
    correct_cmd.add_argument("--field", required=True, help="e.g. total_budget_usd, report.implementation_rate")
    correct_cmd.add_argument("--value", required=True)
    correct_cmd.add_argument("--reason", required=True)
    correct_cmd.add_argument("--user", default="local")
    trail_cmd = commands.add_parser("trail", help="list the corrections and undos")
    trail_cmd.add_argument("--db", default=str(DEFAULT_DB))
    trail_cmd.add_argument("--project")
    trail_cmd.add_argument("--json", action="store_true")
    undo_cmd = commands.add_parser("undo", help="undo a correction (the undo is itself a row of the trail)")
    undo_cmd.add_argument("correction_id", type=int)
    undo_cmd.add_argument("--db", default=str(DEFAULT_DB))
    undo_cmd.add_argument("--user", default="local")
    undo_cmd.add_argument("--reason", default="undone")
    args = parser.parse_args(argv)
    from metrics.materialize import install  # composition point: writes refresh the metric tables

    install()
    if args.command == "schema":
        print(json.dumps(ParseRecord.model_json_schema(), ensure_ascii=False, indent=1))
        return 0
    if args.command == "upgrade":
        try:
            changed = upgrade(args.db)
        except LensError as error:
            print(f"error: {error.message}" + (f" — {error.hint}" if error.hint else ""), file=sys.stderr)
            return 1
        print(f"{args.db}: {'brought up to date' if changed else 'already up to date'}")
        return 0
    if args.command in ("correct", "trail", "undo"):
        return corrections_command(args)
    if args.command == "parse":
        return _parse(args.files, args.project)
    return _ingest(args.paths, args.db, args.quiet, args.project, args.debug, args.warnings)


def _parse(files: list[str], project: str | None) -> int:
    failed = 0
    for name in files:
        try:
            record = parse_path(name, project)
        except LensError as error:
            hint = f" — {error.hint}" if error.hint else ""
            print(f"error: {name}: {error.message}{hint}", file=sys.stderr)
            failed += 1
            continue
        except OSError as error:
            print(f"error: {name}: cannot read the file ({error.strerror})", file=sys.stderr)
            failed += 1
            continue
        indent = 1 if len(files) == 1 else None
        print(json.dumps(record, ensure_ascii=False, indent=indent))
    return 1 if failed else 0


def _ingest(paths: list[str], db: str, quiet: bool, project: str | None, debug: bool = False,
            list_warnings: bool = False) -> int:
    show = not quiet and sys.stderr.isatty()

    def progress(done: float, total: int, name: str) -> None:  # a fraction while a scan's pages are read
        if show:
            width = 30
            filled = int(width * done / max(total, 1))
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {int(done)}/{total} {name[:50]:<50}")
            sys.stderr.flush()
        elif not quiet and done == int(done):
            print(f"{int(done)}/{total} {name}", file=sys.stderr)

    try:
        summary = ingest(paths, db, progress, project)
    except LensError as error:  # the store stayed busy past LENS_LOCK_TIMEOUT: nothing was written
        if show:
            sys.stderr.write("\n")
        print(f"error: {error.message}" + (f" — {error.hint}" if error.hint else ""), file=sys.stderr)
        return 1
    if show:
        sys.stderr.write("\n")
    for outcome in summary.failures:
        print(f"failed: {outcome.path}: {outcome.error}", file=sys.stderr)
        if outcome.bug and debug:
            print(outcome.bug, file=sys.stderr)
    for outcome in summary.files:
        if outcome.status == "skipped":
            print(f"skipped: {outcome.path}: {outcome.error}", file=sys.stderr)
        elif outcome.missing:
            print(f"missing: {outcome.path}: {describe(outcome.missing)} ({', '.join(outcome.missing)})",
                  file=sys.stderr)
    warned = [(outcome.path, text) for outcome in summary.files for text in outcome.warnings]
    for path, text in warned if list_warnings else []:
        print(f"warning: {path}: {text}", file=sys.stderr)
    if not summary.files:
        print("no readable files found (reports: .txt, .docx, .pdf; budgets and exports: .xlsx, .csv, .json)",
              file=sys.stderr)
    print(summary.line() + f" → {db}" + (" (list them with --warnings)" if warned and not list_warnings else ""))
    return 1 if summary.failures or not summary.files else 0
