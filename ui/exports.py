"""Table downloads as CSV and Excel, built only when the user clicks (Streamlit's deferred
download data), never while a page draws. Excel goes out through a streaming writer
(ui/xlsx_stream.py), in time linear in the rows. Text cells that a spreadsheet would run as a
formula (starting with = + - @ tab or carriage return) get a leading apostrophe and are typed as
text; numbers stay numbers and dates dates (`2021-02-12` in CSV, a date cell in Excel)."""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from ui.i18n import column_label, t
from ui.xlsx_stream import write_xlsx

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
    """A copy with lists joined and formula-like text neutralised, column by column; numeric
    columns pass through whole, dates as dates (days where no time is given); missing values
    (None, NaN, NaT) become empty cells."""
    out = {}
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_datetime64_any_dtype(values.dtype):  # a day stays a day: 2021-02-12, never 00:00:00
            whole_days = bool((values.dropna() == values.dropna().dt.normalize()).all())
            out[column] = pd.Series([None if pd.isna(v) else v.date() if whole_days else v.to_pydatetime()
                                     for v in values], index=frame.index, dtype=object)
        elif pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values.dtype):
            out[column] = values.astype(object).where(values.notna(), None)
        else:
            out[column] = [neutralise(_plain(v)) for v in values]
    return pd.DataFrame(out, index=frame.index, columns=frame.columns)


def to_csv(frame: pd.DataFrame) -> bytes:
    return safe_frame(frame).to_csv(index=False).encode("utf-8-sig")


def to_excel(frame: pd.DataFrame) -> bytes:
    """An .xlsx streamed row by row (ui/xlsx_stream.py): text as inline strings, never formulas."""
    return write_xlsx([str(c) for c in frame.columns], safe_frame(frame).itertuples(index=False, name=None))


def export_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The table as a download carries it: every column, headed in the interface language."""
    return frame.rename(columns={c: column_label(str(c)) for c in frame.columns})


def download_buttons(table: pd.DataFrame | Callable[[], pd.DataFrame], name: str) -> None:
    """CSV and Excel downloads of the table shown (same filters), or of `table()` — every row, where
    the page shows only the first ones. The files are built when the button is clicked."""
    given = table if callable(table) else (lambda: table)

    def rows() -> pd.DataFrame:
        return export_frame(given())

    left, right, _ = st.columns([1, 1, 4])
    left.download_button(t("download_csv"), lambda: to_csv(rows()), file_name=f"{name}.csv",
                         mime="text/csv", key=f"csv-{name}", on_click="ignore")
    right.download_button(t("download_xlsx"), lambda: to_excel(rows()), file_name=f"{name}.xlsx",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"xlsx-{name}",
                          on_click="ignore")
