"""`python -m loaders correct | trail | undo`: corrections from the command line, for scripts and
for checking without the app. A field name or value that makes no sense gets one line and
changes nothing; every correction and undo is a row of the trail."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from loaders.corrections import check
from loaders.errors import LensError
from loaders.store.corrections import add_correction, moves_of, resolve_project, trail, undo_correction
from loaders.store.session import reading, writing


def corrections_command(args: argparse.Namespace) -> int:
    if not Path(args.db).exists():
        print(f"error: no database at {args.db}", file=sys.stderr)
        return 1
    try:
        if args.command == "correct":
            correction = check(args.field, args.value, args.reason)
            with writing(args.db) as con:
                new_id = add_correction(con, args.project, correction, args.user)
                moved = moves_of(con, new_id)
            print(f"correction {new_id}: {correction.field} = {correction.value} ({args.user})" + _moves_text(moved))
        elif args.command == "undo":
            with writing(args.db) as con:
                new_id = undo_correction(con, args.correction_id, args.user, args.reason)
                moved = moves_of(con, new_id)
            print(f"correction {args.correction_id} undone (trail row {new_id})" + _moves_text(moved))
        else:
            con = reading(args.db)
            try:
                key = resolve_project(con, args.project) if args.project else None
                rows = trail(con, key)
            finally:
                con.close()
            _print_trail(rows, args.json)
    except LensError as error:
        print(f"error: {error.message}" + (f" — {error.hint}" if error.hint else ""), file=sys.stderr)
        return 1
    return 0


def _moves_text(moved: dict) -> str:
    """`; also moved: expenditure_estimate_usd 554260 → 740000` (what else the correction changed)."""
    if not moved:
        return ""
    return "; also moved: " + ", ".join(f"{name} {_plain(a)} → {_plain(b)}" for name, (a, b) in moved.items())


def _plain(value) -> str:
    return "—" if value is None else f"{value:.6g}" if abs(value) < 10 else f"{value:,.2f}".rstrip("0").rstrip(".")


def _print_trail(rows: list[dict], as_json: bool) -> None:
    if as_json:
        print(json.dumps([r | {"made_at": r["made_at"].isoformat(timespec="seconds")} for r in rows], ensure_ascii=False))
        return
    if not rows:
        print("no corrections")
    for r in rows:
        what = f"undo of {r['undoes']}" if r["undoes"] else f"{r['field']}: {r['read_value'] or '—'} → {r['new_value']}"
        state = "" if r["undoes"] or r["active"] else " (not in use)"
        print(f"{r['id']:>4}  {r['made_at']:%Y-%m-%d %H:%M}  {r['made_by']:<16} {r['project_key']:<14} {what}{state}"
              f"  — {r['reason']}{_moves_text(r['moves'])}")
