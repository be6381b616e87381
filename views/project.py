"""Project: one project end to end — what it is, its budget per agency, its reports over time,
outcomes with their indicators, GEWE, reviewer comments, data-quality flags and its files."""
from __future__ import annotations

import dataclasses

import pandas as pd
import streamlit as st

from metrics import attention, delivery, gender, indicators, project_detail, quality, settings
from metrics import history as across
from ui.charts import as_percent, money_column, percent_column, progress_column, project_ref, short_title, show, style
from ui.context import Context, db_path, page_setup
from ui.corrections import agency_choices, corrected_list, correction_form, field_label, mark, show_trail, undo_form
from ui.definitions import help_text
from ui.exports import download_buttons
from ui.i18n import (
    colon,
    column_label,
    country_name,
    fmt_date,
    fmt_money_short,
    fmt_number,
    fmt_pct,
    left_out_label,
    missing_label,
    value_label,
)
from ui.identity import current_user, read_only
from ui.safe_text import md
from ui.sentences import flag_value, location
from ui.source_view import show_passage
from ui.tables import show_table, warnings_box
from ui.trajectory import outcome_charts, ratings_table, trajectory_table

CHANGES_LISTED = 12  # indicators whose changes are listed under the table; all of them in the downloads

CHOOSER_OPTIONS = 500  # past this many projects the chooser lists the largest and a search finds the rest


def choose(ctx: Context, projects):
    """The project chooser. A portfolio of thousands would send every title to the browser (730 KB
    for 20,000) before the page could draw: past CHOOSER_OPTIONS it lists the largest budgets and a
    search box finds any other by its number or words of its title."""
    keys = list(projects["project_key"])
    titles = dict(zip(projects["project_key"], projects["title"], strict=True))
    wanted = st.query_params.get("project")
    if len(keys) > CHOOSER_OPTIONS:
        keys = searched(ctx, projects, wanted)
        if not keys:
            return None
    index = keys.index(wanted) if wanted in keys else 0
    key = st.selectbox(ctx.t("choose_project"), keys, index=index,
                       format_func=lambda k: project_ref(k, titles.get(k)))
    if st.query_params.get("project") != key:
        st.query_params["project"] = key
    return key


def searched(ctx: Context, projects, wanted) -> list[str]:
    """The chooser's options when there are too many to list: the search's matches (number or title,
    any case), else the largest budgets, the project named in the address kept among them."""
    text = st.text_input(ctx.t("find_project"), key="project_search").strip()
    if text:
        found = projects["project_key"].str.contains(text, case=False, regex=False) | \
            projects["title"].fillna("").str.contains(text, case=False, regex=False)
        matches = list(projects.loc[found, "project_key"])
        if not matches:
            st.info(ctx.t("no_project_match").format(text=text))
            return []
    else:
        matches = list(projects["project_key"])
    keys = matches[:CHOOSER_OPTIONS]
    if not text and wanted in set(matches) and wanted not in keys:
        keys = [wanted, *keys[:-1]]
    if len(matches) > len(keys):
        st.caption(ctx.t("listing_projects").format(shown=fmt_number(len(keys)),
                                                    total=fmt_number(len(matches))))
    return keys


def facts(ctx: Context, row) -> None:
    st.subheader(md(row["title"] or row["project_key"]))
    countries = row["countries"]
    if isinstance(countries, str):  # one text of codes (`CAF, CMR`), not a list
        countries = [c.strip() for c in countries.split(",") if c.strip()]
    names = ", ".join(country_name(c) for c in (countries if countries is not None else []))
    number = ctx.t("no_project_number") if str(row["project_key"]).startswith("title:") else row["project_key"]
    taken = _day(row.get("as_of"))  # the date time elapsed and the figures are taken at (the report's, or the one chosen)
    st.caption(f"{md(number)} · {md(names)} · {fmt_date(_day(row['start_day']))} → "
               f"{fmt_date(_day(row['end_day']))}" + (f" · {ctx.t('figures_taken').format(date=fmt_date(taken))}"
                                                       if taken else ""))
    fixed = corrected_list(row.get("corrected_fields"))
    budget_fixed = "project.total_budget_usd" in fixed
    cols = st.columns(5)
    cols[0].metric(mark(ctx.t("budget"), "project.total_budget_usd", fixed), fmt_money_short(row["budget_usd"]),
                   help=help_text("budget"))
    rate_label = ctx.t("delivery_rate") + (" ✎" if budget_fixed or "report.implementation_rate" in fixed else "")
    cols[1].metric(rate_label, fmt_pct(row["delivery_rate"]), help=help_text("delivery_rate"))
    cols[2].metric(ctx.t("time_elapsed"), fmt_pct(row["time_elapsed"]), help=help_text("time_elapsed"))
    share_label = ctx.t("gewe_share") + (" ✎" if budget_fixed or "report.gender_allocated_usd" in fixed else "")
    cols[3].metric(share_label, fmt_pct(row["gewe_share"]), help=help_text("gewe_share"))
    cols[4].metric(mark(ctx.t("gewe_spend_rate"), "report.gender_spent_usd", fixed), fmt_pct(row["gewe_spend_rate"]),
                   help=help_text("gewe_spend_rate"))
    if fixed:
        st.caption(ctx.t("corrected_help"))
    read_at = ctx.query(project_detail.headline_locations, row["project_key"], ctx.filters.as_of)
    read_at = read_at[read_at["field"].isin(HEADLINE_FIELDS)].sort_values(
        "field", key=lambda fields: [HEADLINE_FIELDS.index(f) for f in fields])
    if not read_at.empty:  # where each figure was read, so a person can find it in the file
        scanned = set(read_at["source"]) == {"ocr"}  # a whole scan says so once, a page of one beside each place
        st.caption(ctx.t("read_at_ocr" if scanned else "read_at").format(file=md(read_at["file_name"].iloc[0])) + " "
                   + " · ".join(f"{missing_label([f])}{colon()}{md(location(where))}"
                                + (f" ({ctx.t('by_ocr')})" if source == "ocr" and not scanned else "")
                                for f, where, source in zip(read_at["field"], read_at["location"], read_at["source"],
                                                            strict=True)))
        with st.expander(ctx.t("passage.show")):
            fields = list(read_at["field"])
            chosen = st.selectbox(ctx.t("passage.field"), fields, format_func=lambda f: missing_label([f]),
                                  key="passage-field")
            place = read_at.iloc[fields.index(chosen)]
            show_passage(place["source_sha256"], place["file_name"], place["location"])
    if isinstance(row.get("left_out_reason"), str):
        st.warning(f"{left_out_label(row['left_out_reason']).capitalize()} — {ctx.t('left_out_help')}")


def freshness(ctx: Context, key: str, one) -> None:
    """The date of the project's last report, and a warning when an open project has not reported for
    more than STALE_MONTHS (the attention list's `no_report_since`, judged at the as-of date or today)."""
    dated = ctx.query(across.project_reports, key, ctx.filters.as_of)["date"].dropna()
    if dated.empty:
        return
    late = ctx.run(attention.projects_needing_attention, filters=one)
    since = late["no_report_since"].dropna() if "no_report_since" in late else late.iloc[0:0]
    if len(since):
        st.warning(ctx.t("stale_project").format(date=fmt_date(pd.Timestamp(since.iloc[0]).date().isoformat()),
                                                 months=settings.STALE_MONTHS))
    else:
        st.caption(ctx.t("last_report").format(date=fmt_date(dated.iloc[-1])))


NOT_FIGURES = ("report.type", "report.date")
HEADLINE_FIELDS = ("project.total_budget_usd", "report.implementation_rate", "report.gender_allocated_usd",
                   "report.gender_spent_usd", "project.gender_marker", "project.risk_marker", "report.type", "report.date")


def _day(value) -> str | None:
    """ISO day of a date value, None when missing."""
    return None if pd.isna(value) else str(value)[:10]


def history(ctx: Context, key: str) -> None:
    reports = ctx.query(project_detail.report_history, key, ctx.filters.as_of)
    reports = reports.dropna(how="all", subset=["type", "date", "implementation_rate", "gender_allocated_usd",
                                                "gender_spent_usd"])  # a profile or export row says nothing here
    st.markdown(f"**{ctx.t('report_history')}**")
    if reports.empty:
        st.caption(ctx.t("no_reports"))
        years = ctx.query(across.export_years, key)
        if not years.empty:  # a project known from financial exports: its money year by year
            st.caption(ctx.t("export_years"))
            show_table(as_percent(years, ["delivery_to_date"]), hide_index=True, column_config={
                "fiscal_year": st.column_config.TextColumn(column_label("fiscal_year")),
                "budget_usd": money_column(ctx.t("budget") + " (USD)"),
                "net_funded_usd": money_column(column_label("net_funded_usd")),
                "expenditure_usd": money_column(ctx.t("expenditure") + " (USD)"),
                "delivery_to_date": percent_column(column_label("delivery_to_date"))})
        return
    reports = reports.assign(type=[value_label(v) for v in reports["type"]],
                             date=[fmt_date(d) if isinstance(d, str) else None for d in reports["date"]])
    # the files are listed at the foot of the page: here the figures;
    # the rate as a bar on each report's row, in date order: its course reads down the column (a line chart
    # here loaded the charting library for six points, 0.7 s of every visit in the browser at 20k)
    show_table(as_percent(reports.drop(columns=["file_name"]), ["implementation_rate"]), hide_index=True, column_config={
        "implementation_rate": progress_column(ctx.t("delivery_rate")),
        "gender_allocated_usd": money_column(column_label("gender_allocated_usd")),
        "gender_spent_usd": money_column(column_label("gender_spent_usd"))})


def across_reports(ctx: Context, key: str) -> None:
    """Each indicator's value report by report (issue 25), when the project has two reports or more."""
    reports = ctx.query(across.project_reports, key, ctx.filters.as_of)
    if len(reports) < 2:
        return
    series = ctx.query(across.indicator_series, key, ctx.filters.as_of)
    table = trajectory_table(series, reports)
    if table.empty:
        return
    st.markdown(f"**{ctx.t('across_reports')}**")
    # the charts are drawn when opened (the click reruns the page), as closed outcomes are: 2 s less to wait at 20k
    box = st.expander(ctx.t("progress_charts"), expanded=False, key=f"progress-charts-{key}", on_change="rerun")
    if box.open:
        with box:
            charts = outcome_charts(series, reports)
            for row in range(0, len(charts), 3):  # three outcomes a row
                for column, (outcome, figure) in zip(st.columns(3), charts[row:row + 3], strict=False):
                    with column:
                        show(style(figure, title=ctx.t("outcome_progress").format(n=outcome), x_title=None,
                                   y_title=ctx.t("progress_to_target"), height=300), f"outcome-progress-{outcome}")
    # on screen the target beside the indicator, then the reports newest first (at 1400 px the latest status was
    # past the right edge); what changed is listed under the table; the downloads keep the reports in date order
    fixed = ["code", "statement", "target_raw", "changes"]
    newest_first = [c for c in table.columns if c not in fixed][::-1]
    show_table(table, hide_index=True, column_order=["code", "statement", "target_raw"] + newest_first,
               column_config={
        "code": st.column_config.TextColumn(ctx.t("code")),
        "statement": st.column_config.TextColumn(column_label("indicator"), width="medium"),
        "target_raw": st.column_config.TextColumn(column_label("target_raw"), width="small")})
    changed = table[table["changes"] != ""]  # a sentence too long for a cell: listed whole under the table
    if not changed.empty:
        st.markdown(f"**{ctx.t('changes_between')}**\n\n" + "\n".join(
            f"- **{md(code)}** {md(statement)}{colon()}{md(changes)}" for code, statement, changes in
            changed.head(CHANGES_LISTED)[["code", "statement", "changes"]].itertuples(index=False)))
        if len(changed) > CHANGES_LISTED:
            st.caption(ctx.t("more_changes").format(n=len(changed) - CHANGES_LISTED))
    download_buttons(table, f"trajectory-{key.replace('/', '-')}")
    ratings = ratings_table(ctx.query(across.outcome_ratings, key, ctx.filters.as_of), reports,
                            ctx.query(project_detail.outcome_statements, key))
    if not ratings.empty:
        st.markdown(f"**{ctx.t('outcome_ratings')}**", help=ctx.t("outcome_ratings_help"))
        newest_first = [c for c in ratings.columns if c != "outcome"][::-1]  # as the indicators above
        show_table(ratings, hide_index=True, column_order=["outcome"] + newest_first, column_config={
            "outcome": st.column_config.TextColumn(ctx.t("outcome"), width="small")})  # the ratings readable whole


def outcomes(ctx: Context, key: str) -> list[str]:
    """The results table by outcome; returns the indicator codes shown."""
    st.markdown(f"**{ctx.t('outcomes_indicators')}**")
    table = ctx.run(indicators.indicator_table, filters=dataclasses.replace(ctx.filters, project=key))
    if table.empty:
        st.caption(ctx.t("no_indicators_one"))
        return []
    statements = ctx.query(project_detail.outcome_statements, key)
    for number in sorted(table["outcome"].dropna().unique(), key=lambda n: int(n) if str(n).isdigit() else 0):
        rows = table[table["outcome"] == number]
        label = statements.get(number, "")
        # a closed outcome's table is drawn when it is opened (the click reruns the page)
        box = st.expander(f"{ctx.t('outcome')} {md(number)} · {md(short_title(label, '', 110))}", expanded=False,
                          key=f"outcome-{key}-{number}", on_change="rerun")
        if box.open is False:
            continue
        with box:
            show_table(as_percent(rows[["code", "statement", "baseline_raw", "target_raw", "current_raw",
                                                      "progress", "status", "status_reason", "reason", "location"]],
                                                ["progress"]), hide_index=True, column_config={
                "statement": st.column_config.TextColumn(column_label("indicator"), width="large"),
                "progress": progress_column(ctx.t("progress"))})
    return list(dict.fromkeys(table["code"].dropna()))


def uncertain(ctx: Context, doubtful: pd.DataFrame) -> None:
    """Figures OCR was unsure of, not yet confirmed or corrected: what was read, how sure, where."""
    st.warning(ctx.t("uncertain_one") if len(doubtful) == 1 else ctx.t("uncertain_many").format(n=len(doubtful)))
    show_table(pd.DataFrame({
        "figure": [field_label(f) for f in doubtful["field"]], "read": doubtful["read"],
        "confidence": [fmt_pct(c / 100, decimals=0) for c in doubtful["confidence"]],
        "location": [location(w) for w in doubtful["location"]], "file_name": doubtful["file_name"]}),
        hide_index=True, column_config={"figure": ctx.t("figure"), "read": ctx.t("ocr_read"),
                                        "confidence": ctx.t("ocr_confidence")})


def render(ctx: Context) -> None:
    projects = ctx.run(delivery.project_choices)
    if projects.empty:
        st.info(ctx.t("no_data"))
        return
    key = choose(ctx, projects)
    if key is None:
        return
    one = dataclasses.replace(ctx.filters, project=key)
    row = ctx.run(delivery.delivery_by_project, filters=one).merge(
        ctx.run(gender.gewe_by_project, filters=one)[["project_key", "gewe_share", "gewe_spend_rate"]],
        on="project_key").set_index("project_key").loc[key]
    facts(ctx, row.to_dict() | {"project_key": key})
    freshness(ctx, key, one)
    missing = ctx.query(project_detail.current_missing, key, ctx.filters.as_of)
    if missing:
        figures = [f for f in missing if f not in NOT_FIGURES]  # report type and date: no figure above
        if figures:
            st.warning(f"{ctx.t('missing_intro')} {missing_label(figures)}.")
        if len(figures) < len(missing):
            st.caption(f"{ctx.t('not_stated')} {missing_label([f for f in missing if f in NOT_FIGURES])}.")
    doubtful = ctx.query(project_detail.uncertain_figures, key, ctx.filters.as_of)
    if not doubtful.empty:
        uncertain(ctx, doubtful)
    # the reports over time first, then the agency budgets, each the page's width: side by side, each table
    # was cut at its right edge at 1400 px
    history(ctx, key)
    st.markdown(f"**{ctx.t('agency_budgets')}**")
    agencies = ctx.query(project_detail.agency_budget_table, key, ctx.filters.as_of)
    whole = bool(agencies["whole_project"].fillna(False).any())
    agencies = agencies.drop(columns=["whole_project"]).assign(
        corrected=["✎" if c else "" for c in agencies["corrected"]])
    if not (agencies["corrected"] == "✎").any():  # an empty column says nothing
        agencies = agencies.drop(columns=["corrected"])
    show_table(agencies, hide_index=True, column_config={
        "budget_usd": money_column(ctx.t("budget") + " (USD)"),
        "corrected": st.column_config.TextColumn("✎", help=ctx.t("entered_by_hand"))})
    if whole:  # no file splits the budget: the one recipient's is the project's
        st.caption(ctx.t("sole_recipient"))
    codes = outcomes(ctx, key)
    across_reports(ctx, key)
    st.markdown(f"**{ctx.t('comments')}**")
    comments = ctx.query(project_detail.project_comments, key, ctx.filters.as_of)
    if comments.empty:
        st.caption(ctx.t("no_project_comments"))
    else:
        show_table(comments, hide_index=True)
    st.markdown(f"**{ctx.t('flags')}**")
    flags = ctx.run(quality.quality_flags, filters=dataclasses.replace(ctx.filters, project=key))
    flags = flags[flags["code"] != "reviewer_comment"]  # the comments are listed just above: not twice
    if flags.empty:
        st.caption(ctx.t("no_flags"))
    else:  # one project's flags: its number is the page's; an indicator column only where a flag names one
        # the message says what each flag is, in the page's language: its code beside it said it twice
        shown = flags.drop(columns=["project_key", "code"] + (["indicator"] if flags["indicator"].isna().all() else []))
        show_table(shown.assign(
            value_a=[flag_value(c, v) for c, v in zip(flags["code"], flags["value_a"], strict=True)],
            value_b=[flag_value(c, v) for c, v in zip(flags["code"], flags["value_b"], strict=True)]),
            hide_index=True)
        download_buttons(flags, f"flags-{key.replace('/', '-')}")
    st.markdown(f"**{ctx.t('corrections')}**")
    user = current_user()
    if not read_only():
        named = list(agencies["agency"])
        correction_form(db_path(), user, key, agencies=named + [a for a in agency_choices() if a not in named],
                        codes=codes)
    if show_trail(db_path(), key, name=f"corrections-{key.replace('/', '-')}") and not read_only():
        undo_form(db_path(), user, key)
    st.markdown(f"**{ctx.t('files')}**")
    files = ctx.query(project_detail.project_sources, key).drop(columns=["sha256"])
    show_table(files, hide_index=True, column_order=[c for c in files.columns if c != "format"], column_config={
        # fits 1400 px; a file's format is its name's ending
        "file_name": st.column_config.TextColumn(column_label("file_name"), width=155),
        "kind": st.column_config.TextColumn(column_label("kind"), width=100),
        "report_period": st.column_config.TextColumn(column_label("report_period"), width=250),
        "superseded": st.column_config.CheckboxColumn(column_label("superseded"), width=80),
        "warnings": st.column_config.NumberColumn(column_label("warnings"), width=100),
        "ocr_pages": st.column_config.NumberColumn(column_label("ocr_pages"), width=125)})
    warnings_box(ctx.query(project_detail.source_warnings, key))


context = page_setup("project")
if context is not None:
    render(context)
