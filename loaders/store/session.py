"""Opening the store. Writers work on a private copy and swap it in atomically (os.replace), so
readers (the app) never see a half-written database and DuckDB's one-writer lock never bites; each
writer holds the store's write lock (loaders/store/lock.py) from its copy to its rename, so no
write is lost to another's rename.

What must follow every write — the metrics' pre-computed tables — is installed from above
(`install_write_hooks`, called by the composition points: the CLIs, the app, the tests, the
benchmarks), so the store imports nothing of the metrics."""
from __future__ import annotations

import contextlib
import os
import shutil
import threading
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb

from loaders.errors import LensError
from loaders.store.lock import write_lock
from loaders.store.writer import SCHEMA_VERSION, create_schema

DEFAULT_DB = Path("data/portfolio.duckdb")


@dataclass(frozen=True)
class WriteHooks:
    """Called inside every writing session: `before(con)` once the schema is up to date (not on an
    upgrade), `after(con)` before the copy is swapped in; `current(con)` tells a reader whether the
    derived tables were built by today's definitions (else the store is refreshed first)."""

    before: Callable[[duckdb.DuckDBPyConnection], None]
    after: Callable[[duckdb.DuckDBPyConnection], None]
    current: Callable[[duckdb.DuckDBPyConnection], bool]


_HOOKS: list[WriteHooks] = []


def install_write_hooks(hooks: WriteHooks) -> None:
    """Install what every write must do after it (once; a second install replaces the first)."""
    _HOOKS[:] = [hooks]


@contextlib.contextmanager
def writing(db_path: str | Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to a private copy of the database; swapped in when the block ends normally.
    The store's write lock is held from the copy to the rename (another writer waits)."""
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with write_lock(db_path):
        yield from _write_copy(db_path)


def _write_copy(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    work = db_path.with_name(f".{db_path.name}.{os.getpid()}.writing")
    _remove_abandoned_copies(db_path)
    if db_path.exists():
        shutil.copyfile(db_path, work)
    con = duckdb.connect(str(work))
    try:
        upgraded = _schema_version(con) != SCHEMA_VERSION
        create_schema(con)  # idempotent: creates a new store, adds what an older one lacks
        for hooks in _HOOKS:
            if not upgraded:
                hooks.before(con)  # the refresh narrows itself to what this write changed; an upgrade rebuilds all
        yield con
        for hooks in _HOOKS:
            hooks.after(con)
        con.execute("CHECKPOINT")
        con.close()
        os.replace(work, db_path)
    finally:
        with contextlib.suppress(Exception):
            con.close()
        work.unlink(missing_ok=True)
        work.with_name(work.name + ".wal").unlink(missing_ok=True)


def _remove_abandoned_copies(db_path: Path) -> None:
    """Private copies left by writers that were killed (their process is gone) are deleted."""
    for copy in db_path.parent.glob(f".{db_path.name}.*.writing*"):
        pid = copy.name[len(db_path.name) + 2 :].split(".")[0]
        if pid.isdigit() and (int(pid) == os.getpid() or not _alive(int(pid))):
            copy.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


_OPEN_READERS: dict[str, list[tuple[tuple, weakref.ref]]] = {}
_READERS_LOCK = threading.Lock()


class StoreOutdated(LensError):
    """The store was built by an older version of Lens (or its metric tables by older queries)."""


def reading(db_path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection (the app's); the caller closes it. A read never writes: a store built
    by an older version raises StoreOutdated — the composition points (the app's first read unless
    LENS_READ_ONLY, the ingest and upgrade commands) call `upgrade` first.

    DuckDB hands back the *old* database to a new connect() while any connection to it is still
    open in this process, so connections to a file that has since been swapped are closed first."""
    con = _connect_current(Path(db_path))
    if not _up_to_date(con):
        con.close()
        raise StoreOutdated(f"the store {db_path} was built by an older version of Lens",
                            hint=f"bring it up to date with `python -m loaders upgrade --db {db_path}`")
    con.execute("SET enable_progress_bar = false")
    return con


def upgrade(db_path: str | Path) -> bool:
    """Bring a store built by an older version up to date (schema and metric tables), through a
    private copy swapped in like any write; True when it had to."""
    if not Path(db_path).exists():
        return False
    con = _connect_current(Path(db_path))
    try:
        current = _up_to_date(con)
    finally:
        con.close()
    if current:
        return False
    with writing(db_path):
        pass
    return True


def _up_to_date(con: duckdb.DuckDBPyConnection) -> bool:
    return _schema_version(con) == SCHEMA_VERSION and all(hooks.current(con) for hooks in _HOOKS)


def _connect_current(db_path: Path) -> duckdb.DuckDBPyConnection:
    key = str(db_path.resolve())
    with _READERS_LOCK:
        stat = db_path.stat()
        version = (stat.st_ino, stat.st_mtime_ns)
        kept = []
        for opened_version, reference in _OPEN_READERS.get(key, []):
            connection = reference()
            if connection is None:
                continue
            if opened_version != version:
                connection.close()
            else:
                kept.append((opened_version, reference))
        con = duckdb.connect(str(db_path), read_only=True)
        kept.append((version, weakref.ref(con)))
        _OPEN_READERS[key] = kept
        return con


def _schema_version(con: duckdb.DuckDBPyConnection) -> str | None:
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except duckdb.CatalogException:
        return None
    return row[0] if row else None
