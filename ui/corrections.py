"""Corrections in the app: the form an editor uses to correct or enter a headline figure (with a
required reason), the trail table with its downloads, and the mark beside a corrected figure.
Every write goes through the store's writing session, so the figures follow at once; a user
without the editor role gets no form, and a request that tries anyway changes nothing."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from loaders.corrections import CELLS, FIELDS, BadCorrection, agency_field, check, indicator_field
from loaders.errors import LensError
from loaders.normalise.agencies import KNOWN_AGENCIES
from loaders.store.corrections import add_correction, made_by, moves_of, trail, undo_correction
from loaders.store.session import reading, writing
from ui.exports import download_buttons
from ui.i18n import fmt_money, fmt_pct, t, tn
from ui.identity import User
from ui.safe_text import md
from ui.tables import show_table
from ui.writes import write_error

FIELD_KEYS = {field: "corr." + field for field in FIELDS}


def field_label(field: str) -> str:
    """A correctable field as a person names it: `Budget — UNDP (USD)`, `Indicator 1.2 — target`."""
    if field in FIELD_KEYS:
        return t(FIELD_KEYS[field])
    if field.startswith("project.agencies.") and field.endswith(".budget_usd"):
        return t("corr.agency").format(agency=field[len("project.agencies."):-len(".budget_usd")])
    if field.startswith("indicators."):
        code, cell = field[len("indicators."):].rsplit(".", 1)
        return t("corr.indicator").format(code=code, cell=t("corr.cell." + cell))
    return field


def agency_choices() -> list[str]:
    """Every UN agency Lens knows by acronym, for entering a budget the report did not list."""
    return list(KNOWN_AGENCIES)


def field_choices(agencies: list[str], codes: list[str]) -> list[str]:
    """What the form offers for one project: the headline fields, each agency's budget, each indicator's cells."""
    return (list(FIELDS) + [agency_field(a) for a in agencies]
            + [indicator_field(code, cell) for code in codes for cell in CELLS])


class NotAllowed(PermissionError):
    """The user's role does not allow this change."""


def correct(db, user: User, project_key: str, field: str, value: str, reason: str) -> int:
    """Store a correction for an editor or admin; anyone else changes nothing. Returns its id."""
    if not user.can_edit:
        raise NotAllowed(f"{user.name} ({user.role}) may not correct figures")
    correction = check(field, value, reason)
    with writing(db) as con:
        return add_correction(con, project_key, correction, user.name)


def moved_by(db, correction_id: int) -> dict:
    """What else a stored correction moved (figure → (before, after)), read back from the store."""
    con = reading(db)
    try:
        return moves_of(con, correction_id)
    finally:
        con.close()


def undo(db, user: User, correction_id: int) -> int:
    """Undo a correction: editors their own, admins anyone's."""
    if not user.can_edit:
        raise NotAllowed(f"{user.name} ({user.role}) may not undo corrections")
    with writing(db) as con:
        if not user.is_admin and made_by(con, correction_id) != user.name:
            raise NotAllowed(f"{user.name} may undo only their own corrections")
        return undo_correction(con, correction_id, user.name)


def trail_frame(db, project_key: str | None) -> pd.DataFrame:
    """The trail as a table with headers in the page's language."""
    con = reading(db)
    try:
        rows = trail(con, project_key)
    finally:
        con.close()
    frame = pd.DataFrame(rows, columns=["id", "made_at", "made_by", "project_key", "field", "read_value", "new_value",
                                        "moves", "reason", "undoes", "active"])  # what else moved beside the value
    frame["field"] = [field_label(f) for f in frame["field"]]
    frame["moves"] = [moves_text(m) for m in frame["moves"]]
    frame["undoes"] = [("↶ " + str(int(u))) if pd.notna(u) else "" for u in frame["undoes"]]
    return frame.rename(columns={c: t("trail." + c) for c in frame.columns})


MOVED_LABELS = {"budget_usd": "budget", "expenditure_estimate_usd": "expenditure", "delivery_rate": "delivery_rate",
                "gewe_share": "gewe_share", "gewe_spend_rate": "gewe_spend_rate"}


def moves_text(moved: dict) -> str:
    """What else a correction moved, in words: `Expenditure 554 260 $US → 740 000 $US`."""
    parts = []
    for name, (before, after) in (moved or {}).items():
        write = fmt_money if name.endswith("_usd") else fmt_pct
        parts.append(f"{t(MOVED_LABELS.get(name, name))} {write(before)} → {write(after)}")
    return t("list_sep").join(parts)


def show_trail(db, project_key: str | None, name: str) -> bool:
    """The trail with its downloads; False (and one line saying so) when nothing was corrected."""
    frame = trail_frame(db, project_key)
    if frame.empty:
        st.caption(t("no_corrections"))
        return False
    show_table(frame, hide_index=True)
    download_buttons(frame, name)
    return True


def correction_form(db, user: User, project_key: str, agencies: list[str] = (),
                    codes: list[str] = ()) -> None:
    """The form, for editors and admins only: a headline figure, an agency's budget or an indicator cell."""
    if not user.can_edit:
        return
    with st.expander(t("correct_figure")):
        with st.form(f"correct-{project_key}", clear_on_submit=True):
            field = st.selectbox(t("field"), field_choices(list(agencies), list(codes)),
                                 format_func=lambda f: field_label(f))
            value = st.text_input(t("new_value"), placeholder="2000000 · 37% · GM2 · annual · 2021-06-30")
            reason = st.text_input(t("reason_required"))
            st.caption(t("moves_hint"))
            if st.form_submit_button(t("save_correction"), type="primary"):
                try:
                    new_id = correct(db, user, project_key, field, value, reason)
                except (BadCorrection, NotAllowed, LensError) as error:
                    st.error(write_error(error))
                else:  # a toast outlives the rerun that shows the new figures
                    saved, moved = t("correction_saved").format(id=new_id), moved_by(db, new_id)
                    st.toast(saved + (" " + t("also_moved") + " " + moves_text(moved) if moved else ""),
                             icon="✅")
                    st.rerun()


def undo_form(db, user: User, project_key: str | None) -> None:
    """Undo by id, for editors (their own) and admins (anyone's)."""
    if not user.can_edit:
        return
    cols = st.columns([1, 3])
    chosen = cols[0].number_input(t("undo_id"), min_value=1, step=1, value=None, key=f"undo-{project_key}")
    if chosen and cols[1].button(t("undo"), key=f"undo-button-{project_key}"):
        try:
            undo(db, user, int(chosen))
        except (BadCorrection, NotAllowed, LensError) as error:
            st.error(write_error(error))
        else:
            st.rerun()


def corrected_list(fields) -> list[str]:
    """A row's fields entered by hand: its list, or none (the store holds NULL, read as None, NA or NaN)."""
    return [] if fields is None or isinstance(fields, (float, type(pd.NA))) else list(fields)


def corrected_note(fields) -> str:
    """A table cell naming the figures of a row entered by hand: `✎ total approved budget`; '' if none."""
    fields = corrected_list(fields)
    return ("✎ " + ", ".join(field_label(f) for f in fields)) if len(fields) else ""


def mark(label: str, field: str, corrected: list[str] | None) -> str:
    """`Budget ✎` when the figure was entered by hand."""
    return f"{label} ✎" if corrected is not None and field in list(corrected) else label


PENDING = "lens_pending_corrections"  # corrections entered in the Data page's preview, stored with the file


def preview_correction_form(item: dict, user: User) -> None:
    """In the Data page's preview, before storing: enter a figure the file did not yield (or got
    wrong); it is checked now and stored with the file, as a correction with its reason."""
    if not user.can_edit or not item.get("project") or item.get("error"):
        return
    missing = [f for f in FIELDS if f in set(item.get("missing") or [])]
    with st.expander(t("preview_correct").format(file=md(item["file"]))):
        with st.form(f"preview-correct-{item['file']}", clear_on_submit=True):
            field = st.selectbox(t("field"), missing + [f for f in FIELDS if f not in missing],
                                 format_func=lambda f: field_label(f))
            value = st.text_input(t("new_value"))
            reason = st.text_input(t("reason_required"))
            if st.form_submit_button(t("add_pending")):
                try:
                    correction = check(field, value, reason)
                except BadCorrection as error:
                    st.error(md(str(error)))
                else:
                    st.session_state.setdefault(PENDING, []).append(
                        {"file": item["file"], "project": item["project"], "field": correction.field,
                         "value": value, "reason": reason})
    pending = [p for p in st.session_state.get(PENDING, []) if p["file"] == item["file"]]
    if pending:
        st.caption(t("pending") + " " + "; ".join(
            f"{field_label(p['field'])} = {md(p['value'])}" for p in pending))


def store_pending(db, user: User, stored_files: set[str]) -> list[int]:
    """After storing: the preview's corrections of the files that were stored; returns their ids."""
    done, kept = [], []
    for item in st.session_state.get(PENDING, []):
        if item["file"] not in stored_files:
            kept.append(item)
            continue
        try:
            done.append(correct(db, user, item["project"], item["field"], item["value"], item["reason"]))
        except (BadCorrection, NotAllowed, LensError) as error:
            st.error(f"{md(item['file'])}: {write_error(error)}")
            kept.append(item)  # kept for another try: the editor need not type it again
    st.session_state[PENDING] = kept
    if done:
        st.success(tn("pending_stored", len(done)))
    return done
