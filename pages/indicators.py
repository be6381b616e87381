"""Indicators, the evaluator's workbench: every indicator with baseline → current → target, a
progress bar, status and its reason, delay-reason categories; filters and full-text search; a
selected row shows the file and place it was read from and the reviewer comments on it."""
from __future__ import annotations

import streamlit as st

from metrics import indicators, project_detail
from metrics.delay_reasons import CATEGORIES, OTHER
from metrics.indicators import STATUSES
from ui.context import Context, page_setup
from ui.definitions import help_text
from ui.exports import download_buttons
from ui.i18n import fmt_number
from ui.safe_text import md
from ui.tables import TABLE_ROWS, first_rows, table_height


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
    if isinstance(row["reason"], str) and row["reason"].strip():
        st.text(row["reason"])
    comments = ctx.query(project_detail.indicator_comments, row["source_sha256"], row["code"])
    st.markdown(f"**{ctx.t('comments')}**")
    if comments.empty:
        st.caption(ctx.t("no_comments"))
    for author, text in zip(comments["author"], comments["text"], strict=True):
        st.text(f"{author}: {text}")


def _with_path(frame):
    return frame.assign(path=[f"{b or '—'} → {c or '—'} → {t or '—'}" for b, c, t in
                              zip(frame["baseline_raw"], frame["current_raw"], frame["target_raw"], strict=True)])


def render(ctx: Context) -> None:
    total = ctx.run(indicators.indicator_count)
    if total == 0:
        st.info(ctx.t("no_data"))
        return
    statuses, categories, level, search = local_filters(ctx)
    narrowing = (tuple(statuses), tuple(categories), level, search)
    shown = ctx.run(indicators.indicator_table, *narrowing, TABLE_ROWS)
    shown = _with_path(shown)
    columns = ["code", "project_key", "status", "progress", "path", "statement", "women", "men", "reason_categories",
               "reason", "status_reason", "level", "outcome", "location"]
    matching = ctx.run(indicators.indicator_match_count, *narrowing) if len(shown) == TABLE_ROWS else len(shown)
    first_rows(shown, ctx.language, total=matching)
    st.caption(f"{fmt_number(matching, ctx.language)} / {fmt_number(total, ctx.language)} · {ctx.t('select_row')}")
    event = st.dataframe(shown[columns], hide_index=True, on_select="rerun", selection_mode="single-row",
                         key="indicator-table", height=table_height(len(shown)), column_config={
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
    download_buttons(lambda: _with_path(ctx.run(indicators.indicator_table, *narrowing, None))[columns],
                     "indicators", ctx.language)
    rows = event.selection.rows if event is not None and hasattr(event, "selection") else []
    if rows:
        with st.container(border=True):
            details(ctx, shown.iloc[rows[0]])


context = page_setup("indicators")
if context is not None:
    render(context)
