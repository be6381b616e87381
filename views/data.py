"""Data: upload reports, budget workbooks and exports (several at once), see what each gives and
its warnings before and after it is stored, and remove an ingested file with everything read from it."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import streamlit as st

from metrics import project_detail
from ui.context import Context, db_path, page_setup
from ui.corrections import field_label, preview_correction_form, show_trail, store_pending, undo_form
from ui.files import preview, remove_file, save_upload, store_uploads
from ui.i18n import column_label, fmt_number, missing_label
from ui.identity import current_user, read_only
from ui.safe_text import md
from ui.tables import show_table
from ui.uploader import uploader


def uploads_folder() -> Path:
    return Path(os.environ.get("LENS_UPLOADS", "data/uploads"))


def upload(ctx: Context) -> None:
    en = ctx.language == "en"
    files = uploader(ctx.t("upload"), ["txt", "docx", "pdf", "xlsx", "csv", "json"],
                     ".txt/.docx/.pdf reports, .xlsx budgets (Annex D), .csv/.xlsx MPTF or UNDP exports" if en
                     else "rapports .txt/.docx/.pdf, budgets .xlsx (annexe D), exports MPTF ou PNUD .csv/.xlsx",
                     ctx.language)
    project = st.text_input("Project number for budget workbooks (optional)" if en else
                            "Numéro de projet pour les budgets Excel (facultatif)", placeholder="00125232")
    if not files:
        return
    previews = [preview(f.getvalue(), f.name, project) for f in files]
    lang = ctx.language
    show_table(ctx.language, pd.DataFrame([{
        ctx.t("file"): p["file"], ctx.t("kind"): p["kind"] or "—", ctx.t("project_id"): p["project"] or "—",
        ctx.t("indicators"): p["indicators"], ctx.t("warnings"): len(p["warnings"]),
        ctx.t("missing"): missing_label(p["missing"], lang) or "—", ctx.t("error"): p["error"] or "—",
    } for p in previews]), hide_index=True)
    for item in previews:
        if item["missing"]:
            st.warning(ctx.t("missing_file").format(file=md(item["file"]), fields=missing_label(item["missing"], lang)))
        if item["warnings"]:
            with st.expander(f"{md(item['file'])}: {len(item['warnings'])} {ctx.t('warnings').lower()}"):
                st.text("\n".join(item["warnings"]))
        preview_correction_form(item, current_user(), lang)
    if st.button(ctx.t("store_files"), type="primary"):
        names = {save_upload(f.getvalue(), f.name, uploads_folder()): f.name for f in files}
        bar = st.progress(0.0)
        summary = store_uploads(list(names), names, db_path(), project,
                                lambda done, total, name: bar.progress(done / total, text=f"{done}/{total}"))
        bar.empty()
        st.success(summary.line())
        for failed in summary.failures:
            st.error(f"{md(failed.path)}: {md(failed.error)}")
        store_pending(db_path(), current_user(), {o.path for o in summary.files if o.status != "failed"}, lang)


def ingested(ctx: Context) -> None:
    st.subheader(ctx.t("files"))
    sources = ctx.query(project_detail.all_sources)
    if sources.empty:
        st.info(ctx.t("empty_store"))
        return
    total = ctx.query(project_detail.source_count)
    st.caption(f"{fmt_number(len(sources), ctx.language)} / {fmt_number(total, ctx.language)}")
    shown = sources.drop(columns=["sha256"]).assign(
        missing=[missing_label(m, ctx.language) or "—" for m in sources["missing"]],
        project_key=[ctx.t("many_projects") if str(k).startswith("export:") else  # an export covers many projects
                     ctx.t("no_project_number") if str(k).startswith("title:") else k for k in sources["project_key"]])
    order = ["file_name", "kind", "project_key", "missing", "warnings", "format", "report_period", "ingested_at", "superseded"]
    show_table(ctx.language, shown, hide_index=True, column_order=order, column_config={
        "file_name": ctx.t("file"), "kind": ctx.t("kind"), "format": column_label("format", ctx.language),
        "project_key": ctx.t("project_id"),
        "report_period": column_label("report_period", ctx.language), "ingested_at": ctx.t("ingested_at"),
        "superseded": ctx.t("superseded"),
        "warnings": ctx.t("warnings"), "missing": ctx.t("missing")})
    if read_only() or not current_user().is_admin:
        return  # removing a file is an admin's
    labels = dict(zip(sources["sha256"], sources["file_name"] + " (" + sources["kind"] + ")", strict=True))
    chosen = st.selectbox(ctx.t("remove"), [None] + list(labels), format_func=lambda s: "—" if s is None else labels[s])
    if chosen and st.button(ctx.t("remove"), key="remove-button"):
        remove_file(db_path(), chosen)
        st.success(f"{md(labels[chosen])} ✓")
        st.rerun()


def corrections(ctx: Context) -> None:
    st.subheader(ctx.t("corrections"))
    stale = ctx.query(project_detail.stale_corrections)
    if stale:
        st.warning(ctx.t("stale_corrections") + "\n\n" + "\n".join(
            f"- {md(r['project_key'])} · {field_label(r['field'], ctx.language)}: {md(str(r['new_value']))} "
            f"({ctx.t('trail.read_value').lower()} {md(str(r['read_value']))} → {md(str(r['file_now']))})" for r in stale))
    show_trail(db_path(), None, ctx.language, "corrections")
    if not read_only():
        undo_form(db_path(), current_user(), None, ctx.language)


def render(ctx: Context) -> None:
    user = current_user()
    if read_only() or not user.can_edit:
        st.info("This instance is read-only for you: viewing only." if ctx.language == "en" else
                "Cette instance est en lecture seule pour vous : consultation uniquement.")
    else:
        upload(ctx)
    ingested(ctx)
    corrections(ctx)


context = page_setup("data")
if context is not None:
    render(context)
