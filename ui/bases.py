"""What each headline rate is taken over, said in words under the figures whenever that differs
from the figure beside it ("23.5 % is taken over $4.6M, the budget of the 2 of 5 projects with an
expenditure or a reported rate"). The bases are the headline's own sums (metrics/summary.py), so
the sentence and the rate are one computation. Used by every page that shows a headline rate."""
from __future__ import annotations

from ui.i18n import fmt_money_short, fmt_number, fmt_pct, t

# rate → (its base in money, its base in projects, the headline figure it is compared with)
BASES = {
    "budget_usd": ("budget_usd", "budget_base_projects", "budget_usd"),
    "delivery_rate": ("delivery_base_usd", "delivery_base_projects", "budget_usd"),
    "gewe_share": ("gewe_share_base_usd", "gewe_share_base_projects", "budget_usd"),
    "gewe_spend_rate": ("gewe_spend_base_usd", "gewe_spend_base_projects", "gewe_allocated_usd"),
}


def base_sentence(figures: dict, rate: str, always: bool = False) -> str | None:
    """The sentence naming what `rate` is taken over; None when the rate is unknown, or when it is
    taken over every project and over the very figure shown beside it (unless `always`)."""
    value = figures.get(rate)
    if value is None:
        return None
    money, count, beside = BASES[rate]
    n, of = figures[count], figures["projects"]
    if not always and n == of and _same_money(figures[money], figures.get(beside)):
        return None
    if rate == "budget_usd" and n == of:
        return None  # every project gives a budget: the figure is what it says
    sentence = t("base." + rate).format(
        rate=fmt_pct(value), base=fmt_money_short(figures[money]), n=fmt_number(n),
        of=fmt_number(of), budget=fmt_money_short(value))
    if rate == "gewe_share" and not judged_against_target(figures):
        sentence += " " + t("base.too_few")
    return sentence


def indicator_sentence(figures: dict) -> str | None:
    """`The 72 indicators come from the 3 of 96 projects whose reports give a results table` — when
    some projects give none (projects known from exports only, final reviews, profiles)."""
    total, n, of = sum(figures["indicators"].values()), figures["indicator_projects"], figures["projects"]
    if not total or n == of:
        return None
    return t("base.indicators").format(total=fmt_number(total), n=fmt_number(n),
                                                 of=fmt_number(of))


def judged_against_target(figures: dict) -> bool:
    """Whether the GEWE share covers enough of the portfolio (half its budget) for its distance to
    the target to say something of the portfolio; else the delta is shown grey, and the sentence says why."""
    budget, base = figures.get("budget_usd") or 0, figures.get("gewe_share_base_usd") or 0
    return budget > 0 and base >= 0.5 * budget


def base_note(figures: dict, rates: tuple[str, ...], always: tuple[str, ...] = ()) -> str:
    """The sentences of several rates (and `indicators`), one line each ('' when none is needed)."""
    sentences = (indicator_sentence(figures) if r == "indicators" else base_sentence(figures, r,
                                                                                               always=r in always) for r in rates)
    return "  \n".join(s for s in sentences if s)


def _same_money(a, b) -> bool:
    return a is not None and b is not None and abs(a - b) < 0.5
