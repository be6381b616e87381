"""Table downloads as CSV and Excel. Text cells that a spreadsheet would run as a formula
(starting with = + - @ tab or carriage return) get a leading apostrophe; numbers stay numbers."""
from __future__ import annotations

import io

import openpyxl
import pandas as pd
import streamlit as st

from ui.i18n import t

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Text that starts like a formula is prefixed with `'`; anything else is returned unchanged."""
    if isinstance(value, str) and value.startswith(_DANGEROUS):
        return "'" + value
    return value


def _plain(value):
    """Lists joined with commas, missing values as empty cells."""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with lists joined and formula-like text neutralised, column by column."""
    out = frame.copy()
    for column in out.columns:
        out[column] = [neutralise(_plain(v)) for v in out[column]]
    return out


def to_csv(frame: pd.DataFrame) -> bytes:
    return safe_frame(frame).to_csv(index=False).encode("utf-8-sig")


def to_excel(frame: pd.DataFrame) -> bytes:
    """An .xlsx written cell by cell with openpyxl: text typed as text, never as a formula."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append([str(c) for c in frame.columns])
    for row in safe_frame(frame).itertuples(index=False):
        sheet.append(list(row))
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def download_buttons(frame: pd.DataFrame, name: str, language: str) -> None:
    """CSV and Excel downloads of exactly the table shown (same filters)."""
    left, right, _ = st.columns([1, 1, 4])
    left.download_button(t("download_csv", language), to_csv(frame), file_name=f"{name}.csv", mime="text/csv",
                         key=f"csv-{name}")
    right.download_button(t("download_xlsx", language), to_excel(frame), file_name=f"{name}.xlsx",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"xlsx-{name}")
