"""The trail of corrections: each correction, and each undo, is its own row of `corrections`
(who, when, what it corrects, the value read from the file, the new value, the reason). Nothing
is overwritten: the `active_corrections` view picks, per project and field, the newest
correction that has not been undone, and the metrics use it in place of the value read.

Corrections are keyed by project and field, not by file, so they survive re-ingesting the same
file and a newer report of the same project and period; `stale_corrections` lists those whose
value read from the file has changed since (the newer file says something else)."""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass

import duckdb

from loaders.errors import LensError
from loaders.normalise.project_ids import canonical_project_id
from loaders.normalise.text import fold
from loaders.store.current import CURRENT_REPORT_ORDER


class BadCorrection(LensError):
    """A correction that names no known field, gives a value that is not one, or has no reason."""


@dataclass(frozen=True)
class Correction:
    """A checked correction (loaders/corrections.py checks it): the field and its new value as stored."""

    field: str
    value: str
    reason: str


# Where each field's value read from the file lives: the project's latest active report.
_READ = {
    "project.total_budget_usd": "p.total_budget_usd", "project.gender_marker": "p.gender_marker",
    "project.risk_marker": "p.risk_marker", "report.implementation_rate": "r.implementation_rate",
    "report.gender_allocated_usd": "r.gender_allocated_usd", "report.gender_spent_usd": "r.gender_spent_usd",
    "report.type": "r.type", "report.date": "r.date",
}


def resolve_project(con: duckdb.DuckDBPyConnection, given: str) -> str:
    """The project key of any of a project's numbers (`125233` → the CAF–CMR project), or of the title
    of a project that has none, or BadCorrection."""
    candidates = [given.strip(), canonical_project_id(given) or "",
                  "title:" + fold(given)[:120]]  # a project known by its title only (store/writer.project_key)
    row = con.execute("""
        SELECT p.project_key FROM projects p JOIN active_sources s ON s.sha256 = p.source_sha256
        WHERE p.project_key = ANY(?) UNION
        SELECT a.project_key FROM project_aliases a JOIN active_sources s ON s.sha256 = a.source_sha256
        WHERE a.alias = ANY(?) LIMIT 1""", [candidates, candidates]).fetchone()
    if row is None:
        raise BadCorrection(f"no project '{given}' in this store (give its MPTF number or project code)")
    return row[0]


def read_value(con: duckdb.DuckDBPyConnection, project_key: str, field: str) -> tuple[str | None, str | None]:
    """(value read from the file, that file's sha256) for a field of the project's latest active report."""
    if field.startswith("project.agencies."):
        agency = field[len("project.agencies."):-len(".budget_usd")]
        row = con.execute(f"""
            SELECT CAST(a.budget_usd AS VARCHAR), s.sha256 FROM agency_budgets a
            JOIN active_sources s ON s.sha256 = a.source_sha256 JOIN reports r ON r.source_sha256 = s.sha256
            WHERE a.project_key = ? AND a.agency = ?
            ORDER BY {CURRENT_REPORT_ORDER} LIMIT 1""", [project_key, agency]).fetchone()
        return (row[0], row[1]) if row else (None, None)  # an agency the report did not list: entered by hand
    if field.startswith("indicators."):
        code, cell = field[len("indicators."):].rsplit(".", 1)
        row = con.execute(f"""
            SELECT i.{cell}_raw, s.sha256 FROM indicators i JOIN active_sources s ON s.sha256 = i.source_sha256
            JOIN reports r ON r.source_sha256 = s.sha256
            WHERE i.project_key = ? AND i.code = ?
            ORDER BY {CURRENT_REPORT_ORDER} LIMIT 1""", [project_key, code]).fetchone()
        if row is None:
            raise BadCorrection(f"project {project_key} has no indicator {code}")
        return row[0], row[1]
    row = con.execute(f"""
        SELECT CAST({_READ[field]} AS VARCHAR), s.sha256
        FROM active_sources s JOIN reports r ON r.source_sha256 = s.sha256
        JOIN projects p ON p.source_sha256 = s.sha256 AND p.project_key = s.project_key
        WHERE s.project_key = ?
        ORDER BY {CURRENT_REPORT_ORDER} LIMIT 1""", [project_key]).fetchone()
    return (row[0], row[1]) if row else (None, None)


# The project's derived figures (budget, expenditure, rates), as the metrics compute them: installed
# by the composition points (metrics/materialize.install), so that a correction can record what else
# it moved (a budget moves the expenditure of a project that reports only a rate) without the store
# importing the metrics. Without it, nothing is recorded.
_FIGURES: list[Callable[[duckdb.DuckDBPyConnection, str], dict]] = []


def install_figures(figures: Callable[[duckdb.DuckDBPyConnection, str], dict]) -> None:
    _FIGURES[:] = [figures]


# Only a money or rate field can move another figure (a marker, a date, an indicator cell cannot):
# the others skip the two computations (about 0.1 s each at 20,000 projects).
_CAN_MOVE = ("project.total_budget_usd", "report.implementation_rate", "report.gender_allocated_usd",
             "report.gender_spent_usd")


def _figures(con, key: str, field: str) -> dict:
    return _FIGURES[0](con, key) if _FIGURES and field in _CAN_MOVE else {}


def add_correction(con: duckdb.DuckDBPyConnection, project: str, correction: Correction, user: str) -> int:
    """Store one correction in its own transaction; returns its id."""
    key = resolve_project(con, project)
    read, sha = read_value(con, key, correction.field)
    before = _figures(con, key, correction.field)
    new_id = _insert(con, key, sha, correction.field, read, correction.value, correction.reason, user, None)
    _note_moves(con, new_id, key, correction.field, before)
    return new_id


_ITSELF = {"project.total_budget_usd": "budget_usd", "report.implementation_rate": "delivery_rate"}


def _note_moves(con, correction_id: int, key: str, field: str, before: dict) -> None:
    """Record the figures, other than the one corrected, that changed with this row of the trail
    (figure → [before, after])."""
    after = _figures(con, key, field)
    moved = {name: [before.get(name), value] for name, value in after.items()
             if before.get(name) != value and name != _ITSELF.get(field)}
    if moved:
        con.execute("UPDATE corrections SET moves = ? WHERE id = ?", [json.dumps(moved), correction_id])


def moves_of(con: duckdb.DuckDBPyConnection, correction_id: int) -> dict:
    """What else moved with a correction or an undo: figure → (before, after)."""
    row = con.execute("SELECT moves FROM corrections WHERE id = ?", [correction_id]).fetchone()
    return {k: tuple(v) for k, v in json.loads(row[0]).items()} if row and row[0] else {}


def undo_correction(con: duckdb.DuckDBPyConnection, correction_id: int, user: str, reason: str = "undone") -> int:
    """Undo a correction: a new row of the trail that names it; returns the new row's id."""
    row = con.execute("SELECT project_key, source_sha256, field, new_value, read_value, undoes FROM corrections "
                      "WHERE id = ?", [correction_id]).fetchone()
    if row is None:
        raise BadCorrection(f"there is no correction {correction_id}")
    if row[5] is not None:
        raise BadCorrection(f"{correction_id} is itself an undo; correct the field again instead")
    if con.execute("SELECT 1 FROM corrections WHERE undoes = ?", [correction_id]).fetchone():
        raise BadCorrection(f"correction {correction_id} is already undone")
    before = _figures(con, row[0], row[2])
    new_id = _insert(con, row[0], row[1], row[2], row[3], row[4], reason or "undone", user, correction_id)
    _note_moves(con, new_id, row[0], row[2], before)
    return new_id


def made_by(con: duckdb.DuckDBPyConnection, correction_id: int) -> str | None:
    """Who entered a correction (an editor may undo only their own; an admin any)."""
    row = con.execute("SELECT made_by FROM corrections WHERE id = ?", [correction_id]).fetchone()
    return row[0] if row else None


def _insert(con, key, sha, field, read, new, reason, user, undoes) -> int:
    con.execute("BEGIN TRANSACTION")
    try:
        new_id = con.execute("SELECT coalesce(max(id), 0) + 1 FROM corrections").fetchone()[0]
        con.execute("INSERT INTO corrections (id, made_at, made_by, project_key, source_sha256, field, read_value, "
                    "new_value, reason, undoes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [new_id, dt.datetime.now(dt.UTC).replace(tzinfo=None), user or "local", key, sha, field, read, new,
                     reason, undoes])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return int(new_id)


def trail(con: duckdb.DuckDBPyConnection, project_key: str | None = None) -> list[dict]:
    """Every row of the trail (corrections and undos), newest first, for one project or all."""
    where, params = ("WHERE project_key = ?", [project_key]) if project_key else ("", [])
    cursor = con.execute(f"""
        SELECT id, made_at, made_by, project_key, field, read_value, new_value, reason, undoes,
               id IN (SELECT id FROM active_corrections) AS active, moves
        FROM corrections {where} ORDER BY id DESC""", params)
    names = [c[0] for c in cursor.description]
    rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    for row in rows:
        row["moves"] = {k: tuple(v) for k, v in json.loads(row["moves"]).items()} if row["moves"] else {}
    return rows


def stale_corrections(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Active corrections whose file now says something else than when they were entered."""
    rows = []
    for item in trail(con):
        if not item["active"]:
            continue
        now, _ = read_value(con, item["project_key"], item["field"])
        if now != item["read_value"]:
            rows.append(item | {"file_now": now})
    return rows
