"""`python -m metrics summary --db FILE [--country ISO3] [--agency X] [--as-of YYYY-MM-DD] [--json]`:
the portfolio's headline figures (as of a date: each project's latest report by then), to check them
without the app; `python -m metrics history --db FILE --project ID
[--json]`: a project's reports in date order and each indicator's series across them."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from loaders.cli_text import counted, quiet_broken_pipe
from loaders.store.session import DEFAULT_DB, StoreOutdated, reading
from metrics.base import Filters
from metrics.history_text import history, history_lines
from metrics.materialize import install
from metrics.summary import summary


def _money(value) -> str:
    return "—" if value is None else f"{value:,.0f} USD"


def _rate(value) -> str:
    return "—" if value is None else f"{value:.1%}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m metrics", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    cmd = commands.add_parser("summary", help="headline figures of the portfolio")
    cmd.add_argument("--db", default=str(DEFAULT_DB))
    cmd.add_argument("--country", help="ISO3 code, e.g. MLI")
    cmd.add_argument("--agency", help="English acronym, e.g. UNDP")
    cmd.add_argument("--as-of", dest="as_of", type=_iso_date,
                     help="YYYY-MM-DD: each project's latest report whose period had ended by then, "
                          "export years up to that year")
    cmd.add_argument("--json", action="store_true", help="one JSON object")
    cmd = commands.add_parser("history", help="a project's reports and indicator series, in date order")
    cmd.add_argument("--db", default=str(DEFAULT_DB))
    cmd.add_argument("--project", required=True, help="project number, e.g. 00125232 or PBF/MLI/A-2")
    cmd.add_argument("--json", action="store_true", help="one JSON object")
    args = parser.parse_args(argv)
    install()
    if not Path(args.db).exists():
        print(f"error: no database at {args.db}; build one with python -m loaders ingest FILES --db {args.db}",
              file=sys.stderr)
        return 1
    try:
        con = reading(args.db)
    except StoreOutdated as error:
        print(f"error: {error.message} — {error.hint}", file=sys.stderr)
        return 1
    if args.command == "history":
        return _history(con, args.project, args.json)
    try:
        unknown = _unknown_filter(con, args.country, args.agency)
        figures = None if unknown else summary(con, Filters(country=args.country, agency=args.agency,
                                                                     as_of=args.as_of))
    finally:
        con.close()
    if unknown:
        print(f"error: {unknown}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
        return 0
    for line in summary_lines(figures):
        print(line)
    return 0


def _iso_date(text: str) -> str:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date written YYYY-MM-DD: {text!r}") from None


def _history(con, project: str, as_json: bool) -> int:
    try:
        known = con.execute("SELECT count(*) FROM mx_project_facts WHERE project_key = ?", [project]).fetchone()[0]
        data = history(con, project) if known else None
    finally:
        con.close()
    if data is None:
        print(f"error: no project {project} in this store (project numbers as `metrics summary --json` lists them)",
              file=sys.stderr)
        return 1
    if as_json:
        print(json.dumps(data, ensure_ascii=False, default=str))
        return 0
    for line in history_lines(data):
        print(line)
    return 0


def _unknown_filter(con, country: str | None, agency: str | None) -> str | None:
    """A line saying the country or agency asked for is in no project of the store, with those that are."""
    for asked, sql, what in ((country, "SELECT DISTINCT unnest(countries) FROM mx_project_facts", "country"),
                             (agency, "SELECT DISTINCT agency FROM mx_agency_lines", "agency")):
        if asked is None:
            continue
        known = sorted(v for (v,) in con.execute(sql).fetchall() if v)
        if asked.upper() not in {k.upper() for k in known}:
            listed = ", ".join(known[:30]) + ("…" if len(known) > 30 else "")
            return f"no project of this store has the {what} {asked}; {what} codes in it: {listed or 'none'}"
    return None


def summary_lines(figures: dict) -> list[str]:
    """The summary as text: what --json holds, in sentences (projects behind and left out included)."""
    left = figures.get("left_out") or {}
    left_text = "; ".join(f"{n} {_LEFT_OUT.get(reason, reason)}" for reason, n in sorted(left.items()))
    lines = [f"as of {figures['as_of']}: each project's latest report by then"] if figures.get("as_of") else []
    lines += [f"{counted(figures['projects'], 'project')}, {figures['projects_behind']} behind"
             + (f"; left out of the totals: {left_text}" if left_text else ""),
             f"budget {_money(figures['budget_usd'])} ({counted(figures['budget_base_projects'], 'project')} with a "
             f"budget), expenditure {_money(figures['expenditure_usd'])}, delivery {_rate(figures['delivery_rate'])} "
             f"of {_money(figures['delivery_base_usd'])} ({counted(figures['delivery_base_projects'], 'project')})"]
    if figures["gewe_share_base_projects"]:
        lines.append(f"GEWE allocated {_money(figures['gewe_allocated_usd'])} = {_rate(figures['gewe_share'])} of "
                     f"the budget of {counted(figures['gewe_share_base_projects'], 'project')}; spent "
                     f"{_money(figures['gewe_spent_usd'])} = {_rate(figures['gewe_spend_rate'])} of allocation")
    else:
        lines.append("GEWE: no figure (GEWE amounts come from the gender questions of progress reports; "
                     "financial exports carry none)")
    if figures["indicators"]:
        lines.append(f"indicators ({counted(figures['indicator_projects'], 'project')}): "
                     + ", ".join(f"{k} {v}" for k, v in figures["indicators"].items()))
    else:
        lines.append("indicators: none (they come from the results tables of progress reports)")
    for code, country in figures["by_country"].items():
        lines.append(f"  {code}: {counted(country['projects'], 'project')}, budget {_money(country['budget_usd'])}, "
                     f"delivery {_rate(country['delivery_rate'])}, GEWE share {_rate(country['gewe_share'])}")
    return lines


_LEFT_OUT = {"delivery_implausible": "with a delivery rate below 0% or above 150%",
             "spending_without_budget": "with spending but no budget"}


if __name__ == "__main__":
    sys.exit(quiet_broken_pipe(main))
