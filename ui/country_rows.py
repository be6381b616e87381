"""The note under every roll-up by country: what the country rows add up to against the
portfolio, and which projects make the difference (a joint project counted in full in each of its
countries; a project that names no country, in none). Numbers from metrics/countries.py."""
from __future__ import annotations

from ui.charts import short_title
from ui.i18n import country_name, fmt_money_short, fmt_number, t, tn

NAMED = 3  # projects named in the note; the rest counted


def country_rows_note(info: dict, figures: tuple[str, ...]) -> str | None:
    """`Country rows add up to $10.2M; the portfolio is $7.1M. Projects in several countries are
    counted in full in each (…).` None when the rows add up to the portfolio and no project is in
    several countries or in none."""
    if not info["joint"] and not info["no_country"]:
        return None  # every project in exactly one row: the rows add up to the portfolio
    parts = []
    differs = [f for f in figures if abs(info["rows"][f] - info["portfolio"][f]) >= 0.5]
    if differs:
        rows = t("and_list").join(_write(info["rows"][f], f) for f in differs)
        total = t("and_list").join(_write(info["portfolio"][f], f) for f in differs)
        parts.append(t("rows.add_up").format(rows=rows, total=total))
    money = "projects" not in figures  # money rows: only a joint project with a budget makes a difference
    joint = [p for p in info["joint"] if not money or (p["budget_usd"] or 0) > 0]
    if joint:
        parts.append(t("rows.joint").format(projects=_names(joint, with_countries=True)))
    if info["no_country"]:
        parts.append(t("rows.no_country").format(n=fmt_number(len(info["no_country"])),
                                                           projects=_names(info["no_country"], with_countries=False)))
    return " ".join(parts)


def _write(value: float, figure: str) -> str:
    if figure == "projects":
        return tn("n_projects", int(value))
    return fmt_money_short(value) + ("" if figure == "budget_usd" else " " + t("rows." + figure))


def _names(projects: list[dict], with_countries: bool) -> str:
    shown = []
    for project in projects[:NAMED]:
        name = short_title(project["title"], project["project_key"], 40)
        if with_countries:
            name += " (" + ", ".join(country_name(c) for c in project["countries"]) + ")"
        shown.append(name)
    if len(projects) > NAMED:
        shown.append(t("n_more").format(n=fmt_number(len(projects) - NAMED)))
    return t("list_sep").join(shown)
