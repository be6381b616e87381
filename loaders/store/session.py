"""Opening the store. Writers work on a private copy and swap it in atomically (os.replace), so
readers (the app) never see a half-written database and DuckDB's one-writer lock never bites."""
from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb

from loaders.store.writer import SCHEMA_VERSION, create_schema

DEFAULT_DB = Path("data/portfolio.duckdb")


@contextlib.contextmanager
def writing(db_path: str | Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to a private copy of the database; swapped in when the block ends normally."""
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    work = db_path.with_name(f".{db_path.name}.{os.getpid()}.writing")
    for stale in (work, work.with_name(work.name + ".wal")):
        stale.unlink(missing_ok=True)
    if db_path.exists():
        shutil.copyfile(db_path, work)
    con = duckdb.connect(str(work))
    try:
        create_schema(con)  # idempotent: creates a new store, adds what an older one lacks
        yield con
        from metrics.materialize import refresh  # the metrics' pre-computed tables follow every write

        refresh(con)
        con.execute("CHECKPOINT")
        con.close()
        os.replace(work, db_path)
    finally:
        with contextlib.suppress(Exception):
            con.close()
        work.unlink(missing_ok=True)
        work.with_name(work.name + ".wal").unlink(missing_ok=True)


def reading(db_path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection (the app's); the caller closes it. A store built by an older version
    is first brought up to date (through a private copy swapped in, like any write)."""
    con = duckdb.connect(str(db_path), read_only=True)
    if _schema_version(con) != SCHEMA_VERSION:
        con.close()
        with writing(db_path):
            pass
        con = duckdb.connect(str(db_path), read_only=True)
    con.execute("SET enable_progress_bar = false")
    return con


def _schema_version(con: duckdb.DuckDBPyConnection) -> str | None:
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except duckdb.CatalogException:
        return None
    return row[0] if row else None
