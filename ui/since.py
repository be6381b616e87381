"""Now against a reporting round (issue 25): the Overview's "compared with" choice, each headline
figure's change as a metric delta, and the list of projects that changed since (metrics/changes.py)."""
from __future__ import annotations

from dataclasses import replace
from urllib.parse import quote

import pandas as pd
import streamlit as st

from metrics import changes
from ui.context import Context
from ui.exports import download_buttons
from ui.formats import DASH
from ui.i18n import fmt_date, fmt_money_short, fmt_number, fmt_pct, fmt_points, t, tn
from ui.tables import show_table

CHANGED_ROWS = 100  # the worst first
_KEY = "lens_since"


def since_choice(ctx: Context) -> str | None:
    """The date to compare with: the reporting rounds before the one shown, the previous by default
    (`since=` in the URL keeps another choice; `since=none` none)."""
    earlier = ctx.run(changes.earlier_rounds)
    if not earlier:
        return None
    options = [None, *earlier]
    if _KEY not in st.session_state or st.session_state[_KEY] not in options:
        asked = st.query_params.get("since")
        st.session_state[_KEY] = None if asked == "none" else (asked if asked in earlier else earlier[0])
    column, _ = st.columns([1, 2])
    chosen = column.selectbox(
        t("since"), options, index=options.index(st.session_state[_KEY]),
        format_func=lambda r: t("since_none") if r is None else (
            t("since_round").format(date=fmt_date(r)) if r == earlier[0] else fmt_date(r)),
        help=t("since_help"))
    st.session_state[_KEY] = chosen
    wanted = None if chosen == earlier[0] else ("none" if chosen is None else chosen)  # the default goes unsaid
    if st.query_params.get("since") != wanted:
        if wanted is None:
            del st.query_params["since"]
        else:
            st.query_params["since"] = wanted
    return chosen


def then_figures(ctx: Context, since: str | None, headline_of) -> dict | None:
    """The headline figures as of `since`, without indicator statuses (what changed among those is
    counted indicator by indicator: `indicator_moves`); None without a date to compare with."""
    if since is None:
        return None
    return ctx.run(headline_of, False, filters=replace(ctx.filters, as_of=since))


def indicator_moves(ctx: Context, since: str) -> tuple[int, int]:
    """How many indicators improved and worsened since the date (the list under the attention list counts them)."""
    table = ctx.run(changes.project_changes, since)
    return int(table["improved"].sum()), int(table["worsened"].sum())


def delta(now, then, kind: str) -> dict:
    """`st.metric` keywords for the change of one figure (`count`, `money`, `rate`): the signed
    change, its arrow (Streamlit reads a direction only from an ASCII minus, so it is given), grey
    for sizes (projects, budget), green or red for a rate."""
    if now is None or then is None:
        return {}
    change = now - then
    if abs(change) < 1e-9:
        return {"delta": "=", "delta_color": "off", "delta_arrow": "off"}
    sign = "+" if change > 0 else "−"
    text = {"count": lambda: sign + fmt_number(abs(change)),
            "money": lambda: sign + fmt_money_short(abs(change)),
            "rate": lambda: fmt_points(change),
            }[kind]()
    sized = kind in ("count", "money")
    return {"delta": text, "delta_color": "off" if sized else ("green" if change > 0 else "red"),
            "delta_arrow": "up" if change > 0 else "down"}


def since_caption(since: str, moves: tuple[int, int], target: dict, judged: bool = True) -> str:
    """What the arrows compare, the indicators that changed status, and the GEWE share against the
    PBF target (its arrow, without a date to compare with) when its base is enough to be `judged`
    against it (ui/bases.judged_against_target; else the note under the figures says why not)."""
    text = t("since_caption").format(date=fmt_date(since))
    if target.get("delta") and judged:
        text += " " + t("since_target").format(delta=target["delta"])
    improved, worsened = moves
    text += " " + t("since_indicators").format(improved=tn("n_improved", improved), worsened=tn("n_worsened", worsened))
    return text


def changes_since(ctx: Context, since: str) -> None:
    """The projects whose indicators changed status, that fell behind or whose end date moved, worst first."""
    st.subheader(t("changes_since").format(date=fmt_date(since)))
    table = ctx.run(changes.project_changes, since)
    now_label = t("delivery_then").format(date=fmt_date(ctx.filters.as_of)) if ctx.filters.as_of else t("delivery_now")
    if table.empty:
        st.caption(t("no_changes_since").format(date=fmt_date(since)))
        return
    table = table.head(CHANGED_ROWS)
    shown = pd.DataFrame({
        "title": table["title"],
        "open": [f"/project?project={quote(k, safe='')}&lang={ctx.language}" for k in table["project_key"]],
        "delivery_then": table["delivery_then"], "delivery_now": table["delivery_now"],
        "worsened": table["worsened"], "improved": table["improved"],
        "fell_behind": table["fell_behind"], "new": table["new"],
        "end_moved": [f"{fmt_date(a)} → {fmt_date(b)}" if moved else "" for a, b, moved in
                      zip(table["end_day_then"], table["end_day"], table["end_moved"], strict=True)],
        "project_key": table["project_key"]})
    # on screen, one column per question (delivery then → now, the indicators that moved, what else happened),
    # so that every column is read at 1400 px; the downloads keep one number per column, and the project's number
    rate = [f"{fmt_pct(a) if pd.notna(a) else DASH} → {fmt_pct(b) if pd.notna(b) else DASH}"
            for a, b in zip(shown["delivery_then"], shown["delivery_now"], strict=True)]
    moved = [f"{tn('n_worsened', int(w))} · {tn('n_improved', int(i))}" if w or i else ""
             for w, i in zip(shown["worsened"], shown["improved"], strict=True)]
    happened = [" · ".join(part for part in (t("fell_behind") if fell else "", t("joined_since") if new else "",
                                             f"{t('end_moved')} ({end})" if end else "") if part)
                for fell, new, end in zip(shown["fell_behind"], shown["new"], shown["end_moved"], strict=True)]
    show_table(pd.DataFrame({"title": shown["title"], "open": shown["open"], "delivery": rate, "indicators": moved,
                             "happened": happened}), hide_index=True, column_config={
        "title": st.column_config.TextColumn(t("project"), width="medium"),
        "open": st.column_config.LinkColumn(t("open"), display_text=t("open_project"), width="small"),
        "delivery": st.column_config.TextColumn(
            t("delivery_rate"), help=t("delivery_then").format(date=fmt_date(since)) + " → " + now_label),
        "indicators": st.column_config.TextColumn(t("indicators_moved")),
        "happened": st.column_config.TextColumn(t("also_happened"), width="large"),
    })
    download_buttons(shown, "changes-since")
