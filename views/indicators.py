"""Indicators, the evaluator's workbench: every indicator with baseline → current → target, a
progress bar, status and its reason, delay-reason categories; filters and full-text search; a
selected row shows the file and place it was read from and the reviewer comments on it."""
from __future__ import annotations

import streamlit as st

from metrics import indicators, project_detail, summary
from metrics.delay_reasons import CATEGORIES, OTHER
from metrics.indicators import STATUSES
from ui.bases import indicator_sentence
from ui.charts import as_percent, progress_column, project_labels, project_ref
from ui.context import Context, page_setup
from ui.definitions import help_text
from ui.exports import download_buttons
from ui.i18n import column_label, fmt_number, status_label, value_label, values_label
from ui.safe_text import md
from ui.sentences import location, status_reason
from ui.source_view import show_passage
from ui.tables import TABLE_ROWS, first_rows, show_table, table_height


def headline(ctx: Context) -> None:
    """The filtered portfolio's indicators by status in four figures, before the table (the
    Overview's count: `summary.headline`)."""
    figures = ctx.run(summary.headline)
    counts = figures["indicators"]
    cols = st.columns(5)
    cols[0].metric(ctx.t("indicators"), fmt_number(sum(counts.values())), help=help_text("status"))
    for col, status in zip(cols[1:], ("behind", "on track", "achieved", "not started"), strict=True):
        col.metric(ctx.t(f"kpi.{status}"), fmt_number(counts.get(status, 0)))
    rest = {s: n for s, n in counts.items() if s not in ("behind", "on track", "achieved", "not started") and n}
    if rest:  # the cards add up to the total: say what the others are
        st.caption(ctx.t("kpi.rest").format(n=fmt_number(sum(rest.values())), statuses=ctx.t("list_sep").join(
            f"{status_label(s)} {fmt_number(n)}" for s, n in rest.items())))
    note = indicator_sentence(figures)
    if note:
        st.caption(note)


def local_filters(ctx: Context):
    """Status, delay category, level and search, kept in the URL (`?status=behind&category=security&q=…`)."""
    params = st.query_params
    cols = st.columns([2, 2, 1, 3])
    all_categories = list(CATEGORIES) + [OTHER]
    statuses = cols[0].multiselect(ctx.t("status"), STATUSES, format_func=lambda v: value_label(v),
                                   default=[s for s in params.get_all("status") if s in STATUSES],
                                   placeholder=ctx.t("choose"), help=help_text("status"))
    categories = cols[1].multiselect(ctx.t("reason_category"), all_categories, format_func=lambda v: value_label(v),
                                     default=[c for c in params.get_all("category") if c in all_categories],
                                     placeholder=ctx.t("choose"))
    levels = [None, "outcome", "output"]
    wanted = params.get("level")
    level = cols[2].selectbox(ctx.t("level"), levels, index=levels.index(wanted) if wanted in levels else 0,
                              format_func=lambda v: ctx.t("all") if v is None else value_label(v))
    search = cols[3].text_input(ctx.t("search"), value=params.get("q", "")).strip()
    _keep_in_url({"status": statuses, "category": categories, "level": [level] if level else [],
                  "q": [search] if search else []})
    return statuses, categories, level, search


def _keep_in_url(values: dict[str, list]) -> None:
    for key, chosen in values.items():
        if list(st.query_params.get_all(key)) != list(chosen):
            if chosen:
                st.query_params[key] = chosen
            elif key in st.query_params:
                del st.query_params[key]


def details(ctx: Context, row) -> None:
    st.markdown(f"**{md(row['code'])}** · {md(project_ref(row['project_key'], row['project_title']))}")
    st.text(row["statement"])
    st.caption(f"{ctx.t('source')}: {md(row['file_name'])} — {md(location(row['location']))}")
    with st.expander(ctx.t("passage.show")):
        show_passage(row["source_sha256"], row["file_name"], row["location"], needle=row["statement"] or "")
    st.text(f"{row['baseline_raw'] or '—'} → {row['current_raw'] or '—'} → {row['target_raw'] or '—'}"
            f"   ({value_label(row['status'])}: {status_reason(row['status_reason'])})")
    if isinstance(row["reason"], str) and row["reason"].strip():
        st.text(row["reason"])
    comments = ctx.query(project_detail.indicator_comments, row["source_sha256"], row["code"])
    st.markdown(f"**{ctx.t('comments')}**")
    if comments.empty:
        st.caption(ctx.t("no_comments"))
    for author, text in zip(comments["author"], comments["text"], strict=True):
        st.text(f"{author}: {text}")


def _with_path(frame):
    return frame.assign(path=[f"{b or '—'} → {c or '—'} → {t or '—'}" + (" ✎" if fixed else "") for b, c, t, fixed in
                              zip(frame["baseline_raw"], frame["current_raw"], frame["target_raw"], frame["corrected"],
                                  strict=True)])


def render(ctx: Context) -> None:
    total = ctx.run(indicators.indicator_count)
    if total == 0:
        st.info(ctx.t("no_indicators"))
        return
    headline(ctx)
    statuses, categories, level, search = local_filters(ctx)
    narrowing = (tuple(statuses), tuple(categories), level, search)
    shown = ctx.run(indicators.indicator_table, *narrowing, TABLE_ROWS)
    shown = _with_path(shown)
    shown["project"] = project_labels(shown["project_title"], shown["project_key"])  # titles, as the charts name them
    columns = ["code", "project", "status", "progress", "path", "statement", "women", "men", "reason_categories",
               "reason", "status_reason", "level", "outcome", "location"]
    matching = ctx.run(indicators.indicator_match_count, *narrowing) if len(shown) == TABLE_ROWS else len(shown)
    first_rows(shown, total=matching)
    st.caption(f"{fmt_number(matching)} / {fmt_number(total)} · {ctx.t('select_row')}")
    table = shown[columns].assign(status=[value_label(v) for v in shown["status"]],
                                  level=[value_label(v) for v in shown["level"]],
                                  reason_categories=[values_label(v) for v in shown["reason_categories"]],
                                  reason=shown["reason"].fillna(""), status_reason=shown["status_reason"].fillna(""))
    event = show_table(as_percent(table, ["progress"]), hide_index=True, on_select="rerun",
                       selection_mode="single-row", key="indicator-table", height=table_height(len(shown)), column_config={
        "code": st.column_config.TextColumn(ctx.t("code")),
        "project": st.column_config.TextColumn(ctx.t("project"), width="medium"),
        "statement": st.column_config.TextColumn(column_label("indicator"), width="medium"),
        "path": st.column_config.TextColumn(ctx.t("path")),
        "progress": progress_column(ctx.t("progress"), help=help_text("status")),
        "status_reason": st.column_config.TextColumn(ctx.t("status_reason")),
        "level": st.column_config.TextColumn(ctx.t("level")),
        "outcome": st.column_config.TextColumn(ctx.t("outcome")),
        "location": st.column_config.TextColumn(ctx.t("location")),
        "status": st.column_config.TextColumn(ctx.t("status"), help=help_text("status")),
        "women": st.column_config.NumberColumn(ctx.t("women")),
        "men": st.column_config.NumberColumn(ctx.t("men")),
        "reason_categories": st.column_config.TextColumn(ctx.t("reason_category")),
        "reason": st.column_config.TextColumn(ctx.t("reason"), width="large"),
    })
    download_buttons(lambda: _with_path(ctx.run(indicators.indicator_table, *narrowing, None)).rename(
        columns={"project_title": "title"})[["project_key", "title"] + columns[:1] + columns[2:]], "indicators")
    rows = event.selection.rows if event is not None and hasattr(event, "selection") else []
    if rows:
        with st.container(border=True):
            details(ctx, shown.iloc[rows[0]])


context = page_setup("indicators")
if context is not None:
    render(context)
