"""Indicators, the evaluator's workbench: every indicator with baseline → current → target, a
progress bar, status and its reason, delay-reason categories; filters and full-text search; a
selected row shows the file and place it was read from and the reviewer comments on it."""
from __future__ import annotations

import streamlit as st

from metrics.delay_reasons import CATEGORIES, OTHER
from metrics.indicators import STATUSES
from ui.context import Context, page_setup
from ui.definitions import help_text
from ui.exports import download_buttons
from ui.safe_text import md

ROW_LIMIT = 5000  # a browser table stays responsive; narrow with the filters to see the rest


def local_filters(ctx: Context):
    cols = st.columns([2, 2, 1, 3])
    statuses = cols[0].multiselect(ctx.t("status"), STATUSES, help=help_text("status", ctx.language))
    categories = cols[1].multiselect(ctx.t("reason_category"), list(CATEGORIES) + [OTHER])
    level = cols[2].selectbox(ctx.t("level"), [None, "outcome", "output"],
                              format_func=lambda v: ctx.t("all") if v is None else v)
    search = cols[3].text_input(ctx.t("search"))
    return statuses, categories, level, search.strip()


def details(ctx: Context, row) -> None:
    st.markdown(f"**{md(row['code'])}** · {md(row['project_key'])}")
    st.text(row["statement"])
    st.caption(f"{ctx.t('source')}: {md(row['file_name'])} — {md(row['location'])}")
    st.text(f"{row['baseline_raw'] or '—'} → {row['current_raw'] or '—'} → {row['target_raw'] or '—'}"
            f"   ({row['status']}: {row['status_reason']})")
    if row["reason"]:
        st.text(row["reason"])
    comments = ctx.query("project_detail", "indicator_comments", row["source_sha256"], row["code"])
    st.markdown(f"**{ctx.t('comments')}**")
    if comments.empty:
        st.caption(ctx.t("no_comments"))
    for author, text in zip(comments["author"], comments["text"], strict=True):
        st.text(f"{author}: {text}")


def render(ctx: Context) -> None:
    total = ctx.run("indicators", "indicator_count")
    if total == 0:
        st.info(ctx.t("no_data"))
        return
    statuses, categories, level, search = local_filters(ctx)
    shown = ctx.run("indicators", "indicator_table", tuple(statuses), tuple(categories), level, search, ROW_LIMIT)
    shown = shown.assign(path=[f"{b or '—'} → {c or '—'} → {t or '—'}" for b, c, t in
                               zip(shown["baseline_raw"], shown["current_raw"], shown["target_raw"], strict=True)])
    columns = ["code", "project_key", "status", "progress", "path", "statement", "women", "men", "reason_categories",
               "reason", "status_reason", "level", "outcome", "location"]
    limited = f" (first {ROW_LIMIT:,})" if len(shown) == ROW_LIMIT else ""
    st.caption(f"{len(shown):,}{limited} / {total:,} · {ctx.t('select_row')}")
    event = st.dataframe(shown[columns], hide_index=True, on_select="rerun", selection_mode="single-row",
                         key="indicator-table", height=520, column_config={
        "project_key": st.column_config.TextColumn(ctx.t("project")),
        "statement": st.column_config.TextColumn(ctx.t("indicators"), width="medium"),
        "path": st.column_config.TextColumn("baseline → current → target"),
        "progress": st.column_config.ProgressColumn("progress", min_value=0.0, max_value=1.0, format="percent",
                                                    help=help_text("status", ctx.language)),
        "status": st.column_config.TextColumn(ctx.t("status"), help=help_text("status", ctx.language)),
        "women": st.column_config.NumberColumn(ctx.t("women")),
        "men": st.column_config.NumberColumn(ctx.t("men")),
        "reason_categories": st.column_config.TextColumn(ctx.t("reason_category")),
        "reason": st.column_config.TextColumn(ctx.t("reason"), width="large"),
    })
    download_buttons(shown[columns], "indicators", ctx.language)
    rows = event.selection.rows if event is not None and hasattr(event, "selection") else []
    if rows:
        with st.container(border=True):
            details(ctx, shown.iloc[rows[0]])


context = page_setup("indicators")
if context is not None:
    render(context)
