"""Long tables sent to the browser a page at a time: the first rows, and a line saying how many
there are in all; the downloads still carry every row."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.i18n import column_label, fmt_number, t

TABLE_ROWS = 500  # what a person scrolls; the filters and search narrow the rest


def first_rows(frame: pd.DataFrame, language: str, total: int | None = None, limit: int = TABLE_ROWS) -> pd.DataFrame:
    """The rows to show; says `showing 500 of 20,000` when the table is longer."""
    total = len(frame) if total is None else total
    if total > limit:
        st.caption(t("showing_rows", language).format(shown=fmt_number(min(limit, len(frame)), language),
                                                      total=fmt_number(total, language)))
    return frame.head(limit)


def table_height(rows: int, limit: int = 15) -> int | str:
    """A table as tall as its rows, up to `limit` rows (then it scrolls)."""
    return "auto" if rows <= limit else 36 + 35 * limit


def show_table(language: str, frame: pd.DataFrame, column_config: dict | None = None, **options):
    """st.dataframe with every column headed in the interface language: the page's own column
    configuration first, then the shared headers (ui/i18n.COLUMN_LABELS)."""
    config = dict(column_config or {})
    for column in frame.columns:
        if column not in config:
            config[column] = column_label(str(column), language)
    text = [c for c in frame.columns if frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c].dtype)]
    if text:  # an empty text cell is empty, never "None"
        frame = frame.assign(**{c: frame[c].astype(object).where(frame[c].notna(), "") for c in text})
    options.setdefault("placeholder", "—")  # a missing number shows as a dash, never "None"
    return st.dataframe(frame, column_config=config, **options)
