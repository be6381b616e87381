"""Data: upload reports, budget workbooks and exports (several at once), see what each gives and
its warnings before and after it is stored, and remove an ingested file with everything read from it."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from metrics import project_detail
from ui import jobs
from ui.context import Context, database_version, db_path, page_setup
from ui.corrections import field_label, preview_correction_form, show_trail, store_pending, undo_form
from ui.files import preview_files, remove_file, save_upload, store_uploads
from ui.i18n import column_label, fmt_number, missing_label, t, value_label
from ui.identity import current_user, read_only
from ui.language import current
from ui.safe_text import md
from ui.source_view import uploads_folder
from ui.tables import show_table, warnings_box
from ui.uploader import uploader
from ui.writes import LensError, write_error

_PREVIEWS = "lens-previews"  # session state: ((files, project), what each file gives)


def upload(ctx: Context) -> None:
    files = uploader(ctx.t("upload"), ["txt", "docx", "pdf", "xlsx", "csv", "json"], ctx.t("upload_kinds"))
    project = st.text_input(ctx.t("budget_project"), placeholder=ctx.t("budget_project_placeholder"))
    if not files:
        return
    saved = [(str(save_upload(f.getvalue(), f.name, uploads_folder())), f.name) for f in files]
    previews = read(saved, project)
    if previews is None:
        return
    show_table(pd.DataFrame([{  # why a file is refused next to its name, never off to the side
        ctx.t("file"): p["file"], ctx.t("error"): refusal(p) or "—", ctx.t("kind"): value_label(p["kind"]) or "—",
        ctx.t("project_id"): p["project"] or "—",
        ctx.t("indicators"): p["indicators"], ctx.t("warnings"): len(p["warnings"]),
        ctx.t("missing"): missing_label(p["missing"]) or "—",
    } for p in previews]), hide_index=True, column_config={ctx.t("error"): st.column_config.TextColumn(
        ctx.t("error"), width="large")})
    for item in previews:
        if item["error"] and refusal(item) != item["error"]:  # the reader's own words, for whoever reports it
            with st.expander(ctx.t("technical_detail").format(file=md(item["file"]))):
                st.text(item["error"])
        if item["missing"]:
            st.warning(ctx.t("missing_file").format(file=md(item["file"]), fields=missing_label(item["missing"])))
        if item["warnings"]:
            with st.expander(f"{md(item['file'])}: {len(item['warnings'])} {ctx.t('warnings').lower()}"):
                st.text("\n".join(item["warnings"]))
        preview_correction_form(item, current_user())
    passed = [f for f, p in zip(saved, previews, strict=True) if not p["error"]]
    refused = [md(p["file"]) for p in previews if p["error"]]
    if refused:  # only the files that passed the preview are stored
        st.error(ctx.t("refused_not_stored").format(files=", ".join(refused)) if passed else ctx.t("nothing_to_store"))
    storing = jobs.about("store") is not None
    if st.button(ctx.t("store_files"), type="primary", disabled=not passed or storing) or storing:
        store(ctx, passed, project, len(refused))


def read(saved: list[tuple[str, str]], project: str) -> list[dict] | None:
    """What each file gives, read in the worker process (a scan by OCR, page by page) while a progress
    bar says where it is; None until it is read. Kept for the session, for the same files and project."""
    wanted = (tuple(saved), project)
    kept = st.session_state.get(_PREVIEWS)
    if kept is not None and kept[0] == wanted:
        return kept[1]
    if jobs.about("preview") != wanted:  # new files (or another project number): read them
        jobs.start("preview", wanted, preview_files, saved, project)
    try:
        finished, previews = jobs.follow("preview")
    except Exception as error:  # the worker process died: one line, and nothing was stored
        st.error(write_error(error))
        return None
    if not finished:
        return None
    st.session_state[_PREVIEWS] = (wanted, previews)
    return previews


def refusal(item: dict) -> str | None:
    """Why a file was refused, in one line of the page's language (the reader's own words, in English,
    stay in the technical detail below the table)."""
    language = current()
    if not item.get("refusal"):
        return None
    if item["refusal"] == "not_a_document" or language == "en":
        return t("not_a_document") if item["refusal"] == "not_a_document" else item["error"]
    return t("refused." + item["refusal"])


def store(ctx: Context, passed: list[tuple[str, str]], project: str, refused: int) -> None:
    """Store the files that passed the preview, in the worker process (a progress bar meanwhile);
    green only when every one of them landed."""
    if jobs.about("store") is None:
        names = {Path(path): name for path, name in passed}
        jobs.start("store", (tuple(passed), project), store_uploads, list(names), names, db_path(), project)
    try:
        finished, summary = jobs.follow("store")
    except Exception as error:  # the store was busy past the timeout, or the worker died: nothing was stored
        st.error(write_error(error))
        return
    if not finished:
        return
    ctx.version = database_version()  # the file list below reads the store as it is now, not as the page found it
    (st.success if not summary.failures else st.warning)(stored_line(summary, refused))
    for failed in summary.failures:
        st.error(f"{md(failed.path)}: {md(failed.error)}")
    store_pending(db_path(), current_user(), {o.path for o in summary.files if o.status != "failed"})


def stored_line(summary, refused: int) -> str:
    """`2 files stored (1 added, 1 already there), 1 failed · 6 projects in the portfolio` in the page's language."""
    counts = {status: sum(f.status == status for f in summary.files) for status in ("added", "unchanged", "failed")}
    return t("stored_line").format(**{k: fmt_number(v) for k, v in counts.items()},
                                             refused=fmt_number(refused),
                                             projects=fmt_number(summary.projects))


def ingested(ctx: Context) -> None:
    st.subheader(ctx.t("files"))
    sources = ctx.query(project_detail.all_sources)
    if sources.empty:
        st.info(ctx.t("empty_store"))
        return
    total = ctx.query(project_detail.source_count)
    st.caption(ctx.t("files_shown").format(shown=fmt_number(len(sources)),
                                          total=fmt_number(total)))
    shown = sources.drop(columns=["sha256"]).assign(
        missing=[missing_label(m) or "—" for m in sources["missing"]],
        kind=[value_label(k) or "—" for k in sources["kind"]],
        project_key=[ctx.t("many_projects") if str(k).startswith("export:") else  # an export covers many projects
                     ctx.t("no_project_number") if str(k).startswith(("title:", "file:")) else k
                     for k in sources["project_key"]])
    order = ["file_name", "kind", "project_key", "missing", "warnings", "format", "report_period", "ingested_at", "superseded"]
    show_table(shown, hide_index=True, column_order=order, column_config={
        "file_name": ctx.t("file"), "kind": ctx.t("kind"), "format": column_label("format"),
        "project_key": ctx.t("project_id"),
        "report_period": column_label("report_period"), "ingested_at": ctx.t("ingested_at"),
        "superseded": ctx.t("superseded"),
        "warnings": ctx.t("warnings"), "missing": ctx.t("missing")})
    warnings_box(ctx.query(project_detail.source_warnings))
    if read_only() or not current_user().is_admin:
        return  # removing a file is an admin's
    labels = dict(zip(sources["sha256"], [f"{name} ({value_label(kind)})" for name, kind in
                                          zip(sources["file_name"], sources["kind"], strict=True)], strict=True))
    chosen = st.selectbox(ctx.t("remove"), [None] + list(labels), format_func=lambda s: "—" if s is None else labels[s])
    if chosen and st.button(ctx.t("remove"), key="remove-button"):
        try:
            remove_file(db_path(), chosen)
        except LensError as error:
            st.error(write_error(error))
            return
        st.rerun()


def corrections(ctx: Context) -> None:
    st.subheader(ctx.t("corrections"))
    stale = ctx.query(project_detail.stale_corrections)
    if stale:
        st.warning(ctx.t("stale_corrections") + "\n\n" + "\n".join(
            f"- {md(r['project_key'])} · {field_label(r['field'])}: {md(str(r['new_value']))} "
            f"({ctx.t('trail.read_value').lower()} {md(str(r['read_value']))} → {md(str(r['file_now']))})" for r in stale))
    if show_trail(db_path(), None, name="corrections") and not read_only():  # nothing to undo, no undo box
        undo_form(db_path(), current_user(), None)


def render(ctx: Context) -> None:
    user = current_user()
    if read_only() or not user.can_edit:
        st.info(ctx.t("read_only_here"))
    else:
        upload(ctx)
    ingested(ctx)
    corrections(ctx)


context = page_setup("data")
if context is not None:
    render(context)
