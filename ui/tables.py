"""Tables as a person reads them: headers and numbers in the interface language (1 245 996 $US,
21,7 % on a French page, whatever the browser's own locale), a dash for a missing value, and long
tables sent a page at a time (the first rows, and a line saying how many there are in all; the
downloads still carry every row)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.formats import DASH, MONEY_FORMAT, PERCENT_FORMAT, fmt_decimal, fmt_money, fmt_number, fmt_pct
from ui.i18n import STATUS_LABELS, VALUE_LABELS, column_label, country_name, period_label, t, value_label
from ui.language import current
from ui.sentences import flag_message, location, status_reason


def country_names(codes) -> str:
    """`CAF, CMR` → `Central African Republic, Cameroon` (République centrafricaine, Cameroun)."""
    return ", ".join(country_name(code.strip()) for code in str(codes).split(",") if code.strip())


OWN_SENTENCES = {"location": location, "status_reason": status_reason, "message": flag_message,  # Lens's own words
                 "value_a": flag_message, "value_b": flag_message, "report_period": period_label,
                 "countries": country_names}  # ISO codes in the store, names on the page
DATE_FORMATS = {"en": ("D MMM YYYY", "D MMM YYYY, HH:mm"), "fr": ("DD/MM/YYYY", "DD/MM/YYYY HH:mm")}
TABLE_ROWS = 500  # what a person scrolls; the filters and search narrow the rest


def first_rows(frame: pd.DataFrame, total: int | None = None, limit: int = TABLE_ROWS) -> pd.DataFrame:
    """The rows to show; says `showing 500 of 20,000` when the table is longer."""
    total = len(frame) if total is None else total
    if total > limit:
        st.caption(t("showing_rows").format(shown=fmt_number(min(limit, len(frame))),
                                                      total=fmt_number(total)))
    return frame.head(limit)


def table_height(rows: int, limit: int = 15) -> int | str:
    """A table as tall as its rows, up to `limit` rows (then it scrolls)."""
    return "auto" if rows <= limit else 36 + 35 * limit


def cell_formatter(config: dict | None, numeric_kind: str):
    """How one column's cells are written: from the page's NumberColumn format (money, percent) or,
    without one, from the column's own values (whole numbers, or up to two decimals)."""
    stated = ((config or {}).get("type_config") or {}).get("format")
    if stated == MONEY_FORMAT:
        return lambda v: fmt_money(v)
    if stated == PERCENT_FORMAT:
        return lambda v: fmt_pct(v / 100)
    if stated is None and numeric_kind == "i":
        return lambda v: fmt_number(v)
    if stated is None and numeric_kind == "f":
        return lambda v: fmt_decimal(v)
    return None


def localised(frame: pd.DataFrame, config: dict):
    """Every number column written in the interface language; the cells keep their numbers (a
    column still sorts as numbers), only the text shown changes. English is what the columns'
    printf formats already write ($1,498,000, 21.7%; whole numbers grouped), so it costs nothing;
    other languages get a Styler (about 0.1 s per 500-row table), and the page's printf formats are
    taken off the column configuration, which would otherwise win over the Styler."""
    language = current()
    if language == "en":
        for column in frame.columns:
            entry = config.get(column)
            if frame[column].dtype.kind in "iu" and not isinstance(entry, dict):
                config[column] = st.column_config.NumberColumn(entry if isinstance(entry, str) else None, format="%,d")
        return frame
    formats = {}
    for column in frame.columns:
        kind = frame[column].dtype.kind
        if kind not in "iuf":
            continue
        entry = config.get(column)
        entry = dict(entry) if isinstance(entry, dict) else {"label": entry}
        formatter = cell_formatter(entry, "i" if kind in "iu" else "f")
        if formatter is None or (entry.get("type_config") or {}).get("type") not in (None, "number"):
            continue
        formats[column] = formatter
        if entry.get("type_config"):
            entry["type_config"] = {**entry["type_config"], "format": None}
        config[column] = entry
    return frame.style.format(formats, na_rep=DASH) if formats else frame


def _interface_values(column: pd.Series) -> bool:
    """Whether a text column holds our own values (statuses, sources, kinds, levels), which are
    written in the interface language, rather than text read from a file: most of its values are
    (one unexpected value does not leave the others untranslated)."""
    values = [v for v in column.head(TABLE_ROWS) if isinstance(v, str) and v]
    known = sum(v in VALUE_LABELS or v in STATUS_LABELS for v in values)
    return bool(values) and 2 * known > len(values)


def show_table(frame: pd.DataFrame, column_config: dict | None = None, **options):
    """st.dataframe with every column headed in the interface language: the page's own column
    configuration first, then the shared headers (ui/i18n.COLUMN_LABELS)."""
    language = current()
    if frame.empty:  # an empty grid says "empty" in English: say it in the page's language instead
        st.caption(t("no_rows"))
        return None
    config = dict(column_config or {})
    dates = DATE_FORMATS.get(language, DATE_FORMATS["en"])
    for column in frame.columns:
        kind = frame[column].dtype.kind
        if kind == "M" and (column not in config or isinstance(config[column], str)):  # a label only: add the format
            label = config.get(column) or column_label(str(column))
            config[column] = st.column_config.DatetimeColumn(label, format=dates[1])
        elif column not in config:
            config[column] = column_label(str(column))
    text = [c for c in frame.columns if frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c].dtype)]
    if text:  # an empty text cell is empty, never "None"
        frame = frame.assign(**{c: frame[c].astype(object).where(frame[c].notna(), "") for c in text})
        frame = frame.assign(**{c: [value_label(v) if v else v for v in frame[c]]
                                for c in text if _interface_values(frame[c])})
        frame = frame.assign(**{c: [OWN_SENTENCES[c](v) for v in frame[c]]
                                for c in text if c in OWN_SENTENCES})
    options.setdefault("placeholder", DASH)  # a missing number shows as a dash, never "None"
    return st.dataframe(localised(frame, config), column_config=config, **options)


def warnings_box(warnings: pd.DataFrame) -> None:
    """The readers' warnings behind a files list's counts, closed until opened; they are the
    readers' own words, in English, and the French page says so."""
    if warnings.empty:
        return
    with st.expander(t("warnings_box").format(n=len(warnings))):
        show_table(warnings, hide_index=True, column_config={
            "file_name": column_label("file_name"), "warning": t("warning_text")})
