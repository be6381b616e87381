"""Delivery: delivery rate by country, agency and outcome; delivery against time elapsed with the
"behind" zone shaded; the projects with budget, expenditure, rate, gap and end date."""
from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from metrics import delivery, settings
from ui.charts import OKABE_ITO, as_percent, money_column, percent_column, project_labels, rate_bars, show, style
from ui.context import Context, page_setup
from ui.corrections import corrected_note
from ui.definitions import help_text
from ui.exports import download_buttons
from ui.i18n import country_name, fmt_number, left_out_label
from ui.tables import DATE_FORMATS, first_rows, show_table

OUTCOME_BARS = 30  # the outcomes with the lowest delivery; a chart of thousands of bars helps nobody
LABELLED_POINTS = 30  # past this many projects the scatter drops its text labels


def by_group(ctx: Context) -> None:
    lang = ctx.language
    tabs = st.tabs([ctx.t("by_country"), ctx.t("by_agency"), ctx.t("by_outcome")])
    countries = ctx.run(delivery.delivery_by_country)
    countries["label"] = [country_name(c, lang) for c in countries["country"]]
    agencies = ctx.run(delivery.delivery_by_agency)
    outcomes = ctx.run(delivery.delivery_by_outcome, OUTCOME_BARS)
    for tab, frame, label, key in ((tabs[0], countries, "label", "country"), (tabs[1], agencies, "agency", "agency"),
                                   (tabs[2], outcomes, "outcome", "outcome")):
        with tab:
            known = frame.dropna(subset=["delivery_rate"]) if not frame.empty else frame
            if known.empty:
                st.info(ctx.t("no_data") if key != "outcome" else ctx.t("no_outcome_spending"))
                continue
            if key == "outcome":
                known = known.assign(outcome=known["project_key"] + " · " + known["outcome"].astype(str))
            show(rate_bars(known, label, "delivery_rate", lang, ctx.t("delivery_rate"), ctx.t("delivery_rate") + " (%)"),
                 f"delivery-{key}")


def scatter(ctx: Context, projects) -> None:
    # an implausible project (left out of the totals, marked ⚠ in the table) would stretch the axis to 3,000 %
    data = projects[projects["left_out_reason"].isna()].dropna(subset=["delivery_rate", "time_elapsed"])
    if data.empty:
        st.info(ctx.t("not_plotted").format(shown=0, total=fmt_number(len(projects), ctx.language)))
        return
    gap = settings.DELIVERY_GAP_BEHIND
    figure = go.Figure()
    figure.add_trace(go.Scatter(x=[gap, 1, 1, gap], y=[0, 0, 1 - gap, 0], fill="toself", mode="lines",
                                line={"width": 0}, fillcolor="rgba(213,94,0,0.15)", name=ctx.t("behind_zone"),
                                hoverinfo="skip"))
    figure.add_trace(go.Scatter(x=[0, 1], y=[0, 1], mode="lines", line={"dash": "dot", "color": "#777"},
                                name=ctx.t("delivery_equals_time"), hoverinfo="skip"))
    budgets = data["budget_usd"].fillna(0)
    many = len(data) > LABELLED_POINTS
    sizes = (6 if many else 12) + (10 if many else 40) * (budgets / budgets.max()) ** 0.5 if budgets.max() > 0 else 8
    points = go.Scattergl if many else go.Scatter  # WebGL past a few hundred points; labels only on few
    figure.add_trace(points(
        x=data["time_elapsed"], y=data["delivery_rate"], mode="markers" if many else "markers+text",
        text=None if many else project_labels(list(data["title"]), list(data["project_key"]), 28),
        textposition="top center", marker={"size": sizes, "color": OKABE_ITO[0], "opacity": 0.5 if many else 0.8,
                                           "line": {"width": 0 if many else 1, "color": "white"}},
        name=ctx.t("projects"), customdata=data[["title", "budget_usd"]],
        hovertemplate="%{customdata[0]}<br>" + ctx.t("time_elapsed") + " %{x:.0%}<br>" + ctx.t("delivery_rate")
                      + " %{y:.0%}<br>" + ctx.t("budget") + " %{customdata[1]:,.0f} USD<extra></extra>"))
    figure.update_xaxes(range=[0, 1.05], tickformat=".0%")
    top = float(data["delivery_rate"].max())  # up to the implausibility limit: no point drawn off the chart
    figure.update_yaxes(range=[min(0.0, float(data["delivery_rate"].min())) - 0.02, max(1.05, top + 0.05)],
                        tickformat=".0%")
    show(style(figure, ctx.language, f"{ctx.t('delivery_rate')} / {ctx.t('time_elapsed')}",
               ctx.t("time_elapsed") + " (%)", ctx.t("delivery_rate") + " (%)", height=460), "delivery-scatter")
    if len(data) < len(projects):  # say who is not drawn, and why
        st.caption(ctx.t("not_plotted").format(shown=fmt_number(len(data), ctx.language),
                                               total=fmt_number(len(projects), ctx.language)))


def project_table(ctx: Context, projects) -> None:
    shown = projects[["title", "countries", "budget_usd", "expenditure_estimate_usd", "delivery_rate",
                      "delivery_source", "delivery_rate_net_funded", "time_elapsed", "delivery_gap", "end_day",
                      "behind", "left_out_reason", "corrected_fields", "project_key"]].assign(
        left_out_reason=[left_out_label(r, ctx.language) for r in projects["left_out_reason"]],
        corrected_fields=[corrected_note(f, ctx.language) for f in projects["corrected_fields"]])
    show_table(ctx.language, as_percent(first_rows(shown, ctx.language),
                            ["delivery_rate", "delivery_rate_net_funded", "time_elapsed", "delivery_gap"]),
                 hide_index=True, column_config={
        "title": st.column_config.TextColumn(ctx.t("project"), width="large"),
        "countries": st.column_config.TextColumn(ctx.t("country")),
        "budget_usd": money_column(ctx.t("budget") + " (USD)",
                                                    help=help_text("budget", ctx.language)),
        "expenditure_estimate_usd": money_column(ctx.t("expenditure") + " (USD)"),
        "delivery_rate": percent_column(ctx.t("delivery_rate"), help=help_text("delivery_rate", ctx.language)),
        "delivery_source": st.column_config.TextColumn(ctx.t("source")),
        "delivery_rate_net_funded": percent_column(ctx.t("delivery_rate_net_funded")),
        "time_elapsed": percent_column(ctx.t("time_elapsed"), help=help_text("time_elapsed", ctx.language)),
        "delivery_gap": percent_column(ctx.t("delivery_gap"), help=help_text("delivery_gap", ctx.language)),
        "end_day": st.column_config.DateColumn(ctx.t("end_date"), format=DATE_FORMATS[ctx.language][0]),
        "behind": st.column_config.CheckboxColumn(ctx.t("behind")),
        "left_out_reason": st.column_config.TextColumn("⚠", help=ctx.t("left_out_help")),
        "corrected_fields": st.column_config.TextColumn("✎", help=ctx.t("entered_by_hand")),
    })
    download_buttons(shown, "delivery-projects", ctx.language)


def render(ctx: Context) -> None:
    projects = ctx.run(delivery.delivery_by_project)
    if projects.empty:
        st.info(ctx.t("no_data"))
        return
    by_group(ctx)
    scatter(ctx, projects)
    project_table(ctx, projects)


context = page_setup("delivery")
if context is not None:
    render(context)
