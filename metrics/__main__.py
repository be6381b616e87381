"""`python -m metrics summary --db FILE [--country ISO3] [--agency X] [--json]`: the portfolio's
headline figures, to check them without the app."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from loaders.store.session import DEFAULT_DB, StoreOutdated, reading
from metrics.base import Filters
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
    try:
        figures = summary(con, Filters(country=args.country, agency=args.agency))
    finally:
        con.close()
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
        return 0
    print(f"projects {figures['projects']}, budget {_money(figures['budget_usd'])}, "
          f"expenditure {_money(figures['expenditure_usd'])}, delivery {_rate(figures['delivery_rate'])}")
    print(f"GEWE allocated {_money(figures['gewe_allocated_usd'])} = {_rate(figures['gewe_share'])} of budget; "
          f"spent {_money(figures['gewe_spent_usd'])} = {_rate(figures['gewe_spend_rate'])} of allocation")
    print("indicators: " + ", ".join(f"{k} {v}" for k, v in figures["indicators"].items()))
    for code, country in figures["by_country"].items():
        print(f"  {code}: {country['projects']} projects, budget {_money(country['budget_usd'])}, "
              f"delivery {_rate(country['delivery_rate'])}, GEWE share {_rate(country['gewe_share'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
