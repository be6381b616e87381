"""Overview: the portfolio's headline figures, indicators by status, countries, and the projects
that need attention."""
from __future__ import annotations

from urllib.parse import quote

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from metrics import attention, delivery, summary
from metrics.countries import country_rows_vs_portfolio
from ui.bases import base_note, judged_against_target
from ui.charts import BARS, OKABE_ITO, STATUS_COLOURS, as_percent, percent_column, show, style
from ui.context import Context, page_setup
from ui.country_rows import country_rows_note
from ui.definitions import help_text
from ui.exports import download_buttons
from ui.i18n import (
    country_name,
    fmt_date,
    fmt_money_short,
    fmt_number,
    fmt_pct,
    left_out_label,
    left_out_note,
    status_label,
    t,
    tn,
    value_label,
    versus,
)
from ui.since import changes_since, delta, indicator_moves, since_caption, since_choice, then_figures
from ui.tables import show_table

ATTENTION_ROWS = 100  # the worst first; the filters narrow the rest


def headline(ctx: Context, since: str | None) -> dict:
    """The five headline figures; with a date to compare with, each one's change since (the GEWE
    share keeps its delta against the PBF target, its own change said under the figures)."""
    figures = ctx.run(summary.headline)
    then = then_figures(ctx, since, summary.headline) or {}
    cols = st.columns([0.8, 1.3, 1, 1.2, 0.8])  # room for a budget written `105,8 M $US` and the share's delta
    cols[0].metric(ctx.t("projects"), fmt_number(figures["projects"]),
                   **delta(figures["projects"], then.get("projects"), "count"))
    cols[1].metric(ctx.t("budget"), fmt_money_short(figures["budget_usd"]), help=help_text("budget"),
                   **delta(figures["budget_usd"], then.get("budget_usd"), "money"))
    cols[2].metric(ctx.t("delivery_rate"), fmt_pct(figures["delivery_rate"]), help=help_text("delivery_rate"),
                   **delta(figures["delivery_rate"], then.get("delivery_rate"), "rate"))
    share = figures["gewe_share"]
    judged = judged_against_target(figures)
    target = versus(share, "pbf_target", judged=judged)
    change = delta(share, then.get("gewe_share"), "rate") if then else target
    if then and change and not judged:  # a share over too little of the portfolio: its change is said, not coloured
        change = change | {"delta_color": "off"}
    cols[3].metric(ctx.t("gewe_share"), fmt_pct(share), help=help_text("gewe_share"),  # every arrow: the change since
                   **change)
    cols[4].metric(ctx.t("indicators"), fmt_number(sum(figures["indicators"].values())), help=help_text("status"))
    if then:
        st.caption(since_caption(since, indicator_moves(ctx, since), target, judged))
    note = base_note(figures, ("budget_usd", "delivery_rate", "gewe_share", "indicators"))
    if note:
        st.caption(note)
    if figures["left_out"]:
        st.caption(left_out_note(figures["left_out"]))
    return figures


def status_chart(ctx: Context, counts: dict) -> None:
    if not counts:
        st.info(ctx.t("no_indicators"))
        return
    order = [s for s in STATUS_COLOURS if s in counts]
    figure = go.Figure(go.Bar(x=[counts[s] for s in order], y=[status_label(s) for s in order],
                              orientation="h",
                              marker_color=[STATUS_COLOURS[s] for s in order], text=[counts[s] for s in order],
                              textposition="outside", hovertemplate="%{y}: %{x}<extra></extra>"))
    figure.update_yaxes(autorange="reversed")
    show(style(figure, title=ctx.t("indicators_by_status"), x_title=ctx.t("indicators"), y_title=None, height=300),
         "status-chart")


def country_chart(ctx: Context) -> None:
    countries = ctx.run(delivery.delivery_by_country)
    if countries.empty:
        return
    if ctx.filters.country:  # a project in several countries: only the chosen one is drawn
        countries = countries[countries["country"] == ctx.filters.country]
    ranked = countries.sort_values(["projects", "country"], ascending=[False, True])
    if len(ranked) < 2:  # one country (a filter chose it): a one-bar chart would say nothing the filter does not
        return
    names = [country_name(c) for c in ranked["country"]]
    counts = list(ranked["projects"])
    rest = None
    if len(names) > BARS:  # the largest; the rest named in a sentence (one bar of their sum would outgrow the largest)
        rest = (len(names) - BARS, sum(counts[BARS:]))
        names, counts = names[:BARS], counts[:BARS]
    figure = go.Figure(go.Bar(y=names[::-1], x=counts[::-1], orientation="h", name=ctx.t("projects"),
                              marker_color=OKABE_ITO[0], text=counts[::-1], textposition="outside",
                              hovertemplate="%{y}: %{x}<extra></extra>"))
    figure.update_xaxes(tickformat=",d", range=[0, max(counts) * 1.15 + 1])
    show(style(figure, title=f"{ctx.t('projects')} · {ctx.t('by_country')}", x_title=ctx.t("projects"), y_title=None,
               height=max(260, 60 + 26 * len(names))), "country-chart")
    if rest:
        st.caption(t("not_drawn").format(countries=tn("n_countries", rest[0]),
                                                       projects=tn("n_projects", rest[1])))
    if not ctx.filters.country:  # the bars count a joint project once per country: say so
        note = country_rows_note(ctx.run(country_rows_vs_portfolio), ("projects",))
        if note:
            st.caption(note)


def attention_list(ctx: Context) -> None:
    st.subheader(ctx.t("needing_attention"))
    table = ctx.run(attention.projects_needing_attention, ATTENTION_ROWS)
    if table.empty:
        st.info(ctx.t("no_attention"))
        return
    lang = ctx.language
    dated = bool(ctx.filters.as_of)
    shown = table.assign(why=[attention_reason(row, dated) for row in table.to_dict("records")],
                         open=[f"/project?project={quote(k, safe='')}&lang={lang}" for k in table["project_key"]])[
        ["title", "open", "delivery_rate", "time_elapsed", "countries", "why", "behind", "indicators_behind",
         "indicators", "flags", "project_key"]]  # the link and the rates first: seen without scrolling sideways
    # on screen, what a person reads at 1400 px (the counts are in the "why" sentence); the downloads keep every column
    show_table(as_percent(shown, ["delivery_rate", "time_elapsed"]), hide_index=True,
               column_order=["title", "open", "delivery_rate", "time_elapsed", "countries", "why"], column_config={
        "title": st.column_config.TextColumn(ctx.t("project"), width=180),
        "countries": st.column_config.TextColumn(ctx.t("country"), width=110),
        "why": st.column_config.TextColumn(ctx.t("why"), width="large"),  # the reason, read without scrolling
        "delivery_rate": percent_column(ctx.t("delivery_rate"), help=help_text("delivery_rate")),
        "time_elapsed": percent_column(ctx.t("time_elapsed")),
        "behind": st.column_config.CheckboxColumn(ctx.t("behind"), help=help_text("delivery_gap")),
        "indicators_behind": st.column_config.NumberColumn(ctx.t("indicators") + " · " + ctx.t("behind").lower()),
        "indicators": st.column_config.NumberColumn(ctx.t("indicators")),
        "flags": st.column_config.NumberColumn(ctx.t("flags")),
        "open": st.column_config.LinkColumn(ctx.t("open"), display_text=ctx.t("open_project")),
    })
    download_buttons(shown, "projects-needing-attention")


def attention_reason(row: dict, dated: bool = False) -> str:
    """Why a project needs attention, in words: the delivery gap, the indicators behind and their
    commonest delay category, the flags. As of a chosen date (`dated`) the time elapsed is taken at that
    date and a reported rate at its report's: the sentence names the report."""
    parts = []
    left_out = isinstance(row.get("left_out_reason"), str)  # its rate is implausible: never quoted as a gap
    if row.get("behind") and not left_out and row.get("delivery_rate") is not None and row.get("time_elapsed") is not None:
        reported = dated and row.get("delivery_source") == "reported" and isinstance(row.get("report_date"), str)
        parts.append(t("why_gap_dated" if reported else "why_gap").format(
            delivery=fmt_pct(row["delivery_rate"], decimals=0), time=fmt_pct(row["time_elapsed"], decimals=0),
            report=fmt_date(row["report_date"]) if reported else ""))
    if row.get("indicators_behind"):
        text = t("why_indicators").format(n=int(row["indicators_behind"]), of=int(row["indicators"]))
        if isinstance(row.get("top_delay_category"), str):
            text += " " + t("why_mostly").format(category=value_label(row["top_delay_category"]))
        parts.append(text)
    if row.get("flags"):
        parts.append(tn("why_flags", int(row["flags"])))
    if not pd.isna(row.get("no_report_since")):
        parts.append(t("why_stale").format(date=fmt_date(pd.Timestamp(row["no_report_since"]).date().isoformat())))
    if left_out:
        parts.append(left_out_label(row["left_out_reason"]))
    return t("list_sep").join(parts)


def render(ctx: Context) -> None:
    if ctx.filters.as_of:
        st.caption(ctx.t("as_of_note").format(date=fmt_date(ctx.filters.as_of)))
    since = since_choice(ctx)
    figures = headline(ctx, since)
    if figures["projects"] == 0:
        st.info(ctx.t("no_data"))
        return
    left, right = st.columns(2)
    with left:
        status_chart(ctx, figures["indicators"])
    with right:
        country_chart(ctx)
    attention_list(ctx)
    if since:
        changes_since(ctx, since)


context = page_setup("overview")
if context is not None:
    render(context)
