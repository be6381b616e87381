"""Gender: GEWE share and spend rate by project, country and agency against the 15 % and 30 %
targets; the gender-marker mix; women's share among people reached; projects below target."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from metrics import gender, settings, summary
from metrics.countries import country_rows_vs_portfolio
from ui.bases import base_note, judged_against_target
from ui.charts import BARS, OKABE_ITO, as_percent, money_column, percent_column, project_labels, rate_bars, show, style
from ui.context import Context, page_setup
from ui.corrections import corrected_note
from ui.country_rows import country_rows_note
from ui.definitions import help_text
from ui.exports import download_buttons
from ui.i18n import column_label, country_name, fmt_money_short, fmt_number, fmt_pct, t, versus
from ui.safe_text import md
from ui.tables import first_rows, show_table

PEOPLE_BARS = 30  # the projects reaching most people
def targets() -> list[tuple[float, str]]:
    """The UN minimum and the PBF target, as the chart's dashed lines name them (`UN minimum 15%`,
    `PBF target 30%`: `UN 15%` alone read as unclear in the screenshot review)."""
    return [(settings.GEWE_UN_MINIMUM, t("un_minimum")),
            (settings.GEWE_PBF_TARGET, t("pbf_target"))]


def headline(ctx: Context) -> None:
    """The portfolio's GEWE money in four figures, before any table or chart (the Overview's definitions)."""
    figures = ctx.run(summary.headline)
    if figures["gewe_allocated_usd"] is None and figures["gewe_spent_usd"] is None:
        return  # four dashes say nothing: the charts below say why there is no GEWE figure
    cols = st.columns(4)
    cols[0].metric(column_label("gewe_allocated_usd"), fmt_money_short(figures["gewe_allocated_usd"]))
    share = figures["gewe_share"]
    cols[1].metric(ctx.t("gewe_share"), fmt_pct(share), help=help_text("gewe_share"),
                   **versus(share, "pbf_target", judged=judged_against_target(figures)))
    cols[2].metric(column_label("gewe_spent_usd"), fmt_money_short(figures["gewe_spent_usd"]))
    cols[3].metric(ctx.t("gewe_spend_rate"), fmt_pct(figures["gewe_spend_rate"]),
                   help=help_text("gewe_spend_rate"))
    # the share sits beside the GEWE money, not the budget it is taken over: always say which budget
    note = base_note(figures, ("gewe_share", "gewe_spend_rate"), always=("gewe_share",))
    if note:
        st.caption(note)


def shares(ctx: Context, projects) -> None:
    """GEWE share by project, country or agency: one tab drawn at a time (a click on another reruns the page)."""
    tabs = st.tabs([ctx.t("by_project"), ctx.t("by_country"), ctx.t("by_agency")], key="gender_by", on_change="rerun")
    for tab, draw in zip(tabs, (lambda: by_project(ctx, projects), lambda: by_country(ctx), lambda: by_agency(ctx)),
                         strict=True):
        if tab.open is not False:
            with tab:
                draw()


def by_project(ctx: Context, projects) -> None:
    known = projects.dropna(subset=["gewe_share"]).assign(
        label=lambda f: project_labels(list(f["title"]), list(f["project_key"])))
    if known.empty:
        st.info(ctx.t("no_gewe"))
    else:
        show(rate_bars(known, "label", "gewe_share", title=ctx.t("gewe_share"), axis=ctx.t("gewe_share") + " (%)",
                       targets=targets()), "gewe-project")
        spend = known.dropna(subset=["gewe_spend_rate"]).nsmallest(BARS, "gewe_spend_rate")
        figure = go.Figure([
            go.Bar(name=ctx.t("gewe_spend_rate"), x=spend["label"], y=spend["gewe_spend_rate"],
                   marker_color=OKABE_ITO[2], hovertemplate="%{x}: %{y:.0%}<extra></extra>"),
            go.Bar(name=ctx.t("delivery_rate"), x=spend["label"], y=spend["delivery_rate"],
                   marker_color=OKABE_ITO[0], hovertemplate="%{x}: %{y:.0%}<extra></extra>")])
        top = spend[["gewe_spend_rate", "delivery_rate"]].max().max()  # NaN skipped; NaN if none
        figure.update_yaxes(tickformat=".0%", range=[0, (max(1.0, top) if pd.notna(top) else 1.0) * 1.05])
        show(style(figure, title=f"{ctx.t('gewe_spend_rate')} / {ctx.t('delivery_rate')}", x_title=None, y_title="%",
                   height=340), "gewe-spend")
        alone = spend[spend["delivery_rate"].isna()]  # named whole in the sentence (the bars' labels are cut)
        unpaired = [md(title or key) for title, key in zip(alone["title"], alone["project_key"], strict=True)]
        if len(unpaired):  # a GEWE spend bar with no delivery bar beside it says why
            st.caption(ctx.t("spend_without_delivery").format(projects=", ".join(unpaired)))


def by_country(ctx: Context) -> None:
    countries = ctx.run(gender.gewe_rollup, "country")
    countries["label"] = [country_name(c) for c in countries["country"]]
    if countries.dropna(subset=["gewe_share"]).empty:
        st.info(ctx.t("no_gewe"))
    else:
        show(rate_bars(countries, "label", "gewe_share", title=ctx.t("gewe_share"), axis=ctx.t("gewe_share") + " (%)",
                       targets=targets()), "gewe-country")
        money_by_country(ctx, countries)


def by_agency(ctx: Context) -> None:
    agencies = ctx.run(gender.gewe_by_agency)
    if agencies.dropna(subset=["gewe_share"]).empty:
        st.info(ctx.t("no_gewe_by_agency"))
    else:
        show(rate_bars(agencies, "agency", "gewe_share", title=ctx.t("gewe_share"), axis=ctx.t("gewe_share") + " (%)",
                       targets=targets()), "gewe-agency")


def money_by_country(ctx: Context, countries) -> None:
    """GEWE money per country, with the portfolio's totals as the last row (sums over sums)."""
    total = ctx.run(gender.gewe_rollup).iloc[0].to_dict() | {"label": ctx.t("portfolio_total")}
    table = pd.concat([countries, pd.DataFrame([total])], ignore_index=True)[
        ["label", "projects", "budget_usd", "gewe_allocated_usd", "gewe_share", "gewe_spent_usd", "gewe_spend_rate"]]
    show_table(as_percent(table, ["gewe_share", "gewe_spend_rate"]), hide_index=True, column_config={
        "label": st.column_config.TextColumn(ctx.t("country")),
        "projects": st.column_config.NumberColumn(ctx.t("projects")),
        "budget_usd": money_column(ctx.t("budget") + " (USD)"),
        "gewe_allocated_usd": money_column(column_label("gender_allocated_usd")),
        "gewe_share": percent_column(ctx.t("gewe_share"), help=help_text("gewe_share")),
        "gewe_spent_usd": money_column(column_label("gender_spent_usd")),
        "gewe_spend_rate": percent_column(ctx.t("gewe_spend_rate"), help=help_text("gewe_spend_rate")),
    })
    note = country_rows_note(ctx.run(country_rows_vs_portfolio), ("gewe_budget_usd", "gewe_allocated_usd"))
    if note:
        st.caption(note)
    download_buttons(table, "gewe-by-country")


def markers(ctx: Context, mix) -> None:
    if mix["gender_marker"].isna().all():  # one bar of "unknown" says nothing: say it in words
        st.info(ctx.t("no_markers"))
        return
    unstated = mix[mix["gender_marker"].isna()]
    mix = mix.dropna(subset=["gender_marker"])  # a bar of "not stated" dwarfed the markers: said in words below
    labels = [f"GM{int(m)}" for m in mix["gender_marker"]]
    left, right = st.columns(2)
    for column, value, title, key in ((left, "projects", ctx.t("projects"), "count"),
                                      (right, "budget_usd", ctx.t("budget") + " (USD)", "budget")):
        figure = go.Figure(go.Bar(x=labels, y=mix[value], marker_color=OKABE_ITO[4],
                                  hovertemplate="%{x}: %{y:,.0f}<extra></extra>"))
        if value == "projects":
            figure.update_yaxes(tickformat=",d", dtick=max(1, int(mix[value].max() or 1) // 5))  # whole projects
        with column:
            show(style(figure, title=f"{ctx.t('marker_mix')} · {title}", x_title=ctx.t("gender_marker"), y_title=title,
                       height=300), f"markers-{key}")
    st.caption(ctx.t("markers_legend"))
    if not unstated.empty:
        count = int(unstated["projects"].sum())
        st.caption(ctx.t("markers_unstated_one" if count == 1 else "markers_unstated_many").format(
            n=fmt_number(count), budget=fmt_money_short(unstated["budget_usd"].sum())))


def reached(ctx: Context, projects, split) -> None:
    titles = dict(zip(projects["project_key"], projects["title"], strict=True))
    known = split.dropna(subset=["women_share"])
    known = known.assign(label=project_labels([titles.get(k) for k in known["project"]], list(known["project"]), 28))
    st.subheader(ctx.t("women_share"), help=help_text("women_share"))
    if known.empty:
        st.info(ctx.t("no_split"))
        return
    figure = go.Figure([go.Bar(name=ctx.t("women"), x=known["label"], y=known["women"], marker_color=OKABE_ITO[3]),
                        go.Bar(name=ctx.t("men"), x=known["label"], y=known["men"], marker_color=OKABE_ITO[5])])
    figure.update_layout(barmode="stack")
    show(style(figure, title=f"{ctx.t('women')} / {ctx.t('men')}", x_title=None, y_title=ctx.t("women") + " + "
               + ctx.t("men"), height=320), "women-men")
    table = split.assign(project=project_labels([titles.get(k) for k in split["project"]], list(split["project"]), 60))
    show_table(as_percent(table, ["women_share"]), hide_index=True, column_config={
        "project": st.column_config.TextColumn(ctx.t("project"), width="large"),
        "women_share": percent_column(ctx.t("women_share"))})


def below_target(ctx: Context, projects) -> None:
    st.subheader(ctx.t("below_target"))
    below = projects[projects["gewe_share"].notna() & (projects["gewe_share"] < settings.GEWE_PBF_TARGET)]
    shown = below[["title", "countries", "gewe_allocated_usd", "gewe_share", "gewe_spent_usd", "gewe_spend_rate",
                   "meets_un_minimum", "project_key"]]
    if shown.empty:
        st.caption(ctx.t("none_below_target") if projects["gewe_share"].notna().any() else ctx.t("no_gewe"))
        return
    show_table(as_percent(first_rows(shown), ["gewe_share", "gewe_spend_rate"]), hide_index=True,
                 column_config={
        "title": st.column_config.TextColumn(ctx.t("project"), width=230),  # the columns fit 1400 px
        "countries": st.column_config.TextColumn(ctx.t("country"), width=100),
        "gewe_allocated_usd": money_column(column_label("gender_allocated_usd"), width=125),
        "gewe_share": percent_column(ctx.t("gewe_share"), help=help_text("gewe_share"), width=85),
        "gewe_spent_usd": money_column(column_label("gender_spent_usd"), width=125),
        "gewe_spend_rate": percent_column(ctx.t("gewe_spend_rate"), help=help_text("gewe_spend_rate"), width=130),
        "meets_un_minimum": st.column_config.CheckboxColumn(ctx.t("un_minimum"), width=120),
    }, column_order=[c for c in shown.columns if c != "project_key"])
    download_buttons(shown, "gewe-below-target")


def render(ctx: Context) -> None:
    projects = ctx.run(gender.gewe_by_project)
    if projects.empty:
        st.info(ctx.t("no_data"))
        return
    headline(ctx)
    mix, split = ctx.run(gender.marker_mix), ctx.run(gender.sex_disaggregated, "project", PEOPLE_BARS)
    if projects["gewe_allocated_usd"].isna().all() and mix["gender_marker"].isna().all() and \
            split.dropna(subset=["women_share"]).empty:  # (financial exports only) one sentence, not a table of dashes
        st.info(ctx.t("no_gender_figure"))
        return
    if projects["gewe_allocated_usd"].isna().all():
        st.info(ctx.t("no_gewe"))
    else:
        gewe_tables(ctx, projects)
    markers(ctx, mix)
    reached(ctx, projects, split)


GEWE_COLUMNS = ("title", "countries", "budget_usd", "gewe_allocated_usd", "gewe_share", "gewe_spent_usd",
                "gewe_spend_rate", "gender_marker", "corrected_fields")  # delivery: in the chart beside GEWE spend


def gewe_tables(ctx: Context, projects) -> None:
    """The projects' GEWE figures, the shares by project, country and agency, and those below target."""
    table = projects[["title", "countries", "budget_usd", "gewe_allocated_usd", "gewe_share", "gewe_spent_usd",
                      "gewe_spend_rate", "delivery_rate", "gender_marker", "corrected_fields", "project_key"]]
    table = table.assign(corrected_fields=[corrected_note(f) for f in table["corrected_fields"]])
    show_table(as_percent(first_rows(table), ["gewe_share", "gewe_spend_rate", "delivery_rate"]),
               hide_index=True, column_order=GEWE_COLUMNS,  # fits 1400 px; the downloads keep every column
               column_config={
        "title": st.column_config.TextColumn(ctx.t("project"), width=165),
        "countries": st.column_config.TextColumn(ctx.t("country"), width=90),
        "budget_usd": money_column(ctx.t("budget") + " (USD)", width=100),
        "gewe_allocated_usd": money_column(column_label("gender_allocated_usd"), width=125),
        "gewe_share": percent_column(ctx.t("gewe_share"), help=help_text("gewe_share"), width=85),
        "gewe_spent_usd": money_column(column_label("gender_spent_usd"), width=125),
        "gewe_spend_rate": percent_column(ctx.t("gewe_spend_rate"), width=130),
        "gender_marker": st.column_config.NumberColumn(ctx.t("marker_short"), format="GM%d", width=75,
                                                       help=help_text("gender_marker")),
        "corrected_fields": st.column_config.TextColumn("✎", help=ctx.t("entered_by_hand"), width=40),
    })
    download_buttons(table, "gewe-projects")
    shares(ctx, projects)
    below_target(ctx, projects)


context = page_setup("gender")
if context is not None:
    render(context)
