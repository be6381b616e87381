"""Delivery: delivery rate by country, agency and outcome; delivery against time elapsed with the
"behind" zone shaded; the projects with budget, expenditure, rate, gap and end date."""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from metrics import delivery, settings, summary
from metrics.countries import country_rows_vs_portfolio
from ui.bases import base_note
from ui.charts import (
    OKABE_ITO,
    as_percent,
    density_grid,
    money_column,
    percent_column,
    project_labels,
    rate_bars,
    show,
    style,
)
from ui.context import Context, page_setup
from ui.corrections import corrected_note
from ui.country_rows import country_rows_note
from ui.definitions import help_text
from ui.exports import download_buttons
from ui.i18n import country_name, fmt_money, fmt_money_short, fmt_number, fmt_pct, left_out_label, left_out_note
from ui.scatter_labels import label_positions
from ui.tables import DATE_FORMATS, first_rows, show_table

OUTCOME_BARS = 30  # the outcomes with the lowest delivery; a chart of thousands of bars helps nobody
LABELLED_POINTS = 30  # past this many projects the scatter drops its text labels
SCATTER_POINTS = 2000  # past this many, projects are counted per cell instead of drawn one by one
X_RANGE = (0.0, 1.05)  # time elapsed: a project at 100 % keeps its point and label inside the plot
CELL = 0.05  # the counting cells: 5 points of time elapsed × 5 points of delivery


def headline(ctx: Context) -> None:
    """The portfolio's delivery in four figures, before any chart (the same figures as the Overview's)."""
    figures = ctx.run(summary.headline)
    cols = st.columns(4)
    cols[0].metric(ctx.t("budget"), fmt_money_short(figures["budget_usd"]), help=help_text("budget"))
    cols[1].metric(ctx.t("expenditure"), fmt_money_short(figures["expenditure_usd"]))
    cols[2].metric(ctx.t("delivery_rate"), fmt_pct(figures["delivery_rate"]), help=help_text("delivery_rate"))
    cols[3].metric(ctx.t("projects_behind"), fmt_number(figures["projects_behind"]),
                   ctx.t("of_judged").format(m=fmt_number(figures["projects_judged"])),
                   delta_color="off", delta_arrow="off", help=help_text("delivery_gap"))
    note = base_note(figures, ("budget_usd", "delivery_rate"))
    if note:
        st.caption(note)
    if figures["left_out"]:
        st.caption(left_out_note(figures["left_out"], here=True))  # the table they are in is on this page


def by_group(ctx: Context) -> None:
    """Delivery by country, agency or outcome: one tab drawn at a time (the open one's query and
    chart only; a click on another reruns the page)."""
    tabs = st.tabs([ctx.t("by_country"), ctx.t("by_agency"), ctx.t("by_outcome")], key="delivery_by", on_change="rerun")
    for tab, (label, key) in zip(tabs, (("label", "country"), ("agency", "agency"), ("outcome", "outcome")), strict=True):
        if tab.open is False:
            continue
        with tab:
            frame = group_rates(ctx, key)
            known = frame.dropna(subset=["delivery_rate"]) if not frame.empty else frame
            if known.empty:
                st.info(ctx.t("no_data") if key != "outcome" else ctx.t("no_outcome_spending"))
                continue
            if key == "outcome":
                known = known.assign(outcome=known["project_key"] + " · " + known["outcome"].astype(str))
            show(rate_bars(known, label, "delivery_rate", title=ctx.t("delivery_rate"), axis=ctx.t("delivery_rate") + " (%)"),
                 f"delivery-{key}")
            if key == "country":  # each country's rate is over its projects' whole budgets: say whose count twice
                note = country_rows_note(ctx.run(country_rows_vs_portfolio), ("budget_usd",))
                if note:
                    st.caption(note)


def group_rates(ctx: Context, key: str):
    """Delivery per country (with its name in the page's language as `label`), agency or outcome."""
    if key == "country":
        countries = ctx.run(delivery.delivery_by_country)
        return countries.assign(label=[country_name(c) for c in countries["country"]])
    if key == "agency":
        return ctx.run(delivery.delivery_by_agency)
    return ctx.run(delivery.delivery_by_outcome, OUTCOME_BARS)


def scatter(ctx: Context, projects) -> None:
    # an implausible project (left out of the totals, marked ⚠ in the table) would stretch the axis to 3,000 %
    data = projects[projects["left_out_reason"].isna()].dropna(subset=["delivery_rate", "time_elapsed"])
    if data.empty:
        st.info(ctx.t("not_plotted").format(shown=0, total=fmt_number(len(projects))))
        return
    top = float(data["delivery_rate"].max())  # up to the implausibility limit: no point drawn off the chart
    y_range = (min(0.0, float(data["delivery_rate"].min())) - 0.02, max(1.05, top + 0.05))
    gap = settings.DELIVERY_GAP_BEHIND
    guides = [go.Scatter(x=[gap, 1, 1, gap], y=[0, 0, 1 - gap, 0], fill="toself", mode="lines", line={"width": 0},
                         fillcolor="rgba(213,94,0,0.15)", name=ctx.t("behind_zone"), hoverinfo="skip"),
              go.Scatter(x=[0, 1], y=[0, 1], mode="lines", line={"dash": "dot", "color": "#777"},
                         name=ctx.t("delivery_equals_time"), hoverinfo="skip")]
    counted = len(data) > SCATTER_POINTS  # the counts under the zone; single points over it
    figure = go.Figure([density(ctx, data, y_range), *guides] if counted else [*guides, points(ctx, data, y_range)])
    figure.update_xaxes(range=list(X_RANGE), tickformat=".0%")
    figure.update_yaxes(range=list(y_range), tickformat=".0%")
    show(style(figure, title=f"{ctx.t('delivery_rate')} / {ctx.t('time_elapsed')}",
               x_title=ctx.t("time_elapsed") + " (%)", y_title=ctx.t("delivery_rate") + " (%)", height=460), "delivery-scatter")
    if counted:
        st.caption(ctx.t("drawn_as_counts").format(n=fmt_number(len(data)),
                                                   step=fmt_number(round(100 * CELL))))
    if len(data) < len(projects):  # say who is not drawn, and why
        st.caption(ctx.t("not_plotted").format(shown=fmt_number(len(data)),
                                               total=fmt_number(len(projects))))


def points(ctx: Context, data, y_range: tuple[float, float]) -> go.Scatter:
    """One point per project, sized by budget; labelled by short titles when there are few, each label
    placed beside its point where it covers no other and stays inside the plot (ui/scatter_labels.py)."""
    budgets = data["budget_usd"].fillna(0)
    many = len(data) > LABELLED_POINTS
    sizes = (6 if many else 12) + (10 if many else 40) * (budgets / budgets.max()) ** 0.5 if budgets.max() > 0 \
        else pd.Series(8.0, index=data.index)
    labels = None if many else project_labels(list(data["title"]), list(data["project_key"]), 28)
    places = "top center" if many else label_positions(list(data["time_elapsed"]), list(data["delivery_rate"]), labels,
                                                        list(sizes), X_RANGE, y_range)
    return go.Scatter(
        x=data["time_elapsed"], y=data["delivery_rate"], mode="markers" if many else "markers+text",
        text=labels, textposition=places, marker={"size": sizes, "color": OKABE_ITO[0], "opacity": 0.5 if many else 0.8,
                                           "line": {"width": 0 if many else 1, "color": "white"}},
        name=ctx.t("projects"),
        customdata=[[title, fmt_money(budget)] for title, budget in zip(data["title"], data["budget_usd"],
                                                                                     strict=True)],
        hovertemplate="%{customdata[0]}<br>" + ctx.t("time_elapsed") + " %{x:.0%}<br>" + ctx.t("delivery_rate")
                      + " %{y:.0%}<br>" + ctx.t("budget") + " %{customdata[1]}<extra></extra>")


def density(ctx: Context, data, y_range: tuple[float, float]) -> go.Heatmap:
    """Past SCATTER_POINTS projects, how many fall in each cell of 5 × 5 points: thousands of dots
    drawn one on another show a blot, and cost the browser seconds (1.5 MB for 20,000)."""
    low = math.floor(y_range[0] / CELL) * CELL
    grid = density_grid(data["time_elapsed"], data["delivery_rate"], CELL, (0.0, 1.05),
                        (low, math.ceil(y_range[1] / CELL) * CELL))
    # the hover label's percentages written in the page's language (plotly's own have no space: 21,7%)
    cells = [[f"{ctx.t('time_elapsed')} ≈ {fmt_pct(x, decimals=0)}<br>"
              f"{ctx.t('delivery_rate')} ≈ {fmt_pct(y, decimals=0)}" if count else ""
              for x, count in zip(grid["x"], row, strict=True)] for y, row in zip(grid["y"], grid["z"], strict=True)]
    return go.Heatmap(**grid, text=cells, hoverongaps=False, colorscale="Blues", xgap=1, ygap=1, name=ctx.t("projects"),
                      colorbar={"title": {"text": ctx.t("projects")}, "thickness": 12},
                      hovertemplate="%{z} " + ctx.t("projects").lower() + "<br>%{text}<extra></extra>")


def project_table(ctx: Context, projects) -> None:
    shown = projects[["title", "countries", "budget_usd", "expenditure_estimate_usd", "delivery_rate",
                      "delivery_source", "delivery_rate_net_funded", "time_elapsed", "delivery_gap", "end_day",
                      "behind", "left_out_reason", "corrected_fields", "project_key"]].assign(
        left_out_reason=[left_out_label(r) for r in projects["left_out_reason"]],
        corrected_fields=[corrected_note(f) for f in projects["corrected_fields"]])
    show_table(as_percent(first_rows(shown),
                            ["delivery_rate", "delivery_rate_net_funded", "time_elapsed", "delivery_gap"]),
                 hide_index=True, column_config={
        "title": st.column_config.TextColumn(ctx.t("project"), width="large"),
        "countries": st.column_config.TextColumn(ctx.t("country")),
        "budget_usd": money_column(ctx.t("budget") + " (USD)",
                                                    help=help_text("budget")),
        "expenditure_estimate_usd": money_column(ctx.t("expenditure") + " (USD)"),
        "delivery_rate": percent_column(ctx.t("delivery_rate"), help=help_text("delivery_rate")),
        "delivery_source": st.column_config.TextColumn(ctx.t("source")),
        "delivery_rate_net_funded": percent_column(ctx.t("delivery_rate_net_funded")),
        "time_elapsed": percent_column(ctx.t("time_elapsed"), help=help_text("time_elapsed")),
        "delivery_gap": percent_column(ctx.t("delivery_gap"), help=help_text("delivery_gap")),
        "end_day": st.column_config.DateColumn(ctx.t("end_date"), format=DATE_FORMATS[ctx.language][0]),
        "behind": st.column_config.CheckboxColumn(ctx.t("behind")),
        "left_out_reason": st.column_config.TextColumn("⚠", help=ctx.t("left_out_help")),
        "corrected_fields": st.column_config.TextColumn("✎", help=ctx.t("entered_by_hand")),
    })
    download_buttons(shown, "delivery-projects")


def render(ctx: Context) -> None:
    projects = ctx.run(delivery.delivery_by_project)
    if projects.empty:
        st.info(ctx.t("no_data"))
        return
    headline(ctx)
    by_group(ctx)
    scatter(ctx, projects)
    project_table(ctx, projects)


context = page_setup("delivery")
if context is not None:
    render(context)
