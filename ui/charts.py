"""Plotly charts with one look: colour-blind-safe colours (Okabe–Ito), axis titles with units,
numbers in the interface language, the PNG download in the toolbar."""
from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from ui import plot
from ui.formats import MONEY_FORMAT, PERCENT_FORMAT, is_missing
from ui.i18n import fmt_compact, fmt_number, fmt_pct, plotly_separators, t
from ui.language import current

FONT = '"Source Sans", sans-serif'  # the app's own typeface, text colour and greys
# plotly_white's grid with the app's type, as a small template (the full one is deep-copied into
# every figure, 9 ms each): titles bold and on the left, axis labels grey and smaller
_GRID = {"gridcolor": "#EBF0F8", "linecolor": "#EBF0F8", "zerolinecolor": "#EBF0F8", "automargin": True,
         "tickfont": {"color": "#808495", "size": 12}, "title": {"font": {"color": "#808495", "size": 13}}}
TEMPLATE = go.layout.Template(layout={"plot_bgcolor": "white", "paper_bgcolor": "white",
                                      "font": {"color": "#31333F", "family": FONT},
                                      "hoverlabel": {"align": "left", "font": {"family": FONT}},
                                      "title": {"x": 0, "xanchor": "left", "xref": "container", "pad": {"l": 4},
                                                "font": {"size": 16, "weight": 600}},
                                      "xaxis": _GRID, "yaxis": _GRID})
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
STATUS_COLOURS = {"achieved": "#009E73", "on track": "#56B4E9", "behind": "#D55E00", "not started": "#E69F00",
                  "no data": "#999999", "qualitative": "#CC79A7"}
CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2},
          "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


def style(figure: go.Figure, title: str, x_title: str | None = None, y_title: str | None = None,
          height: int = 380) -> go.Figure:
    language = current()
    figure.update_layout(title=title, separators=plotly_separators(), height=height, template=TEMPLATE,
                         margin={"l": 10, "r": 10, "t": 50, "b": 10}, legend={"orientation": "h", "y": -0.2},
                         font={"size": 13})
    if x_title is not None:
        figure.update_xaxes(title_text=x_title)
    if y_title is not None:
        figure.update_yaxes(title_text=y_title)
    if language != "en":
        for axis in (figure.layout.xaxis, figure.layout.yaxis):
            _percent_ticks(axis)
        for name in ("x", "y"):
            _number_ticks(figure, name)
        for trace in figure.data:
            _percent_hover(trace)
    return figure


_PERCENT_HOVER = re.compile(r"%\{([xy]):[^}]*?\.(\d)%\}")  # `%{x:.1%}`: plotly's percent of a point's x or y


def _percent_hover(trace) -> None:
    """Percentages in a bar's or point's hover label written the way the language writes them
    (`21,7 %`; plotly's percent format has no space): the label reads them, formatted by Babel,
    from columns added to the trace's customdata."""
    template = trace.hovertemplate if trace.type in ("bar", "scatter") else None
    if not isinstance(template, str) or not _PERCENT_HOVER.search(template):
        return
    if trace.customdata is not None and any(isinstance(row, str) or not hasattr(row, "__len__")
                                            for row in trace.customdata):
        return  # one value per point (`%{customdata}`): no room for more; the page's test would see it
    rows = [list(row) for row in trace.customdata] if trace.customdata is not None else None
    points = len(trace.x if trace.x is not None else trace.y)
    rows = rows or [[] for _ in range(points)]
    for axis, decimals in dict.fromkeys(_PERCENT_HOVER.findall(template)):
        values = trace.x if axis == "x" else trace.y
        column = len(rows[0]) if rows else 0
        for row, value in zip(rows, values, strict=True):
            row.append(fmt_pct(value, decimals=int(decimals)))
        template = re.sub(r"%\{" + axis + r":[^}]*?\." + decimals + r"%\}", f"%{{customdata[{column}]}}", template)
    trace.update(customdata=rows, hovertemplate=template)


def _percent_ticks(axis) -> None:
    """Percentage ticks written the way the language writes them (`20 %`: plotly's own percent
    format has no space), for an axis with a set range."""
    if axis.tickformat != ".0%" or axis.range is None:
        return
    low, high = float(axis.range[0]), float(axis.range[1])
    step = next((s for s in (0.05, 0.1, 0.2, 0.25, 0.5, 1.0, 2.0) if (high - low) / s <= 8), 5.0)
    first = math.ceil(low / step) * step
    values = [round(first + i * step, 6) for i in range(int((high - first) / step) + 1)]
    axis.update(tickvals=values, ticktext=[fmt_pct(v, decimals=0) for v in values])


def _number_ticks(figure: go.Figure, name: str) -> None:
    """Ticks of thousands and millions written the way the language writes them (`3 M`, `250 k`:
    plotly's SI ticks read `3M`), for a numeric axis with no format of its own."""
    axis = figure.layout[f"{name}axis"]
    if axis.tickformat or axis.tickvals is not None or axis.type not in (None, "linear", "-"):
        return
    series = [list(trace[name]) for trace in figure.data if trace.type in ("bar", "scatter")
              and (trace.orientation == "h") == (name == "x") and trace[name] is not None]
    values = [v for one in series for v in one if not is_missing(v)]
    numbers = [float(v) for v in values if isinstance(v, (int, float, np.number))]
    if len(numbers) != len(values) or not numbers or max(numbers) < 1000 or min(numbers) < 0:
        return  # text, small numbers or negatives: plotly's ticks read the same in both languages
    high = max(numbers)
    if figure.layout.barmode in ("stack", "relative"):  # stacked bars reach the sum of their parts
        high = max(sum(float(one[i]) for one in series if i < len(one) and not is_missing(one[i]))
                   for i in range(max(map(len, series))))
    magnitude = 10 ** math.floor(math.log10(high))
    step = next(s * magnitude for s in (0.1, 0.2, 0.25, 0.5, 1.0, 2.0) if high / (s * magnitude) <= 6)
    ticks = [i * step for i in range(int(high / step) + 2)]
    axis.update(tickvals=ticks, ticktext=[fmt_compact(v) for v in ticks])


def show(figure: go.Figure, key: str) -> None:
    plot.show(figure, key, CONFIG)


BARS = 15  # bars a person can read on one chart; the table beside it has every row


def short_title(title, key: str, length: int = 40) -> str:
    """A bar's label: the project's title cut to `length` characters (its number when it has none)."""
    text = str(title).strip() if isinstance(title, str) and title.strip() else str(key)
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def project_ref(key: str, title, length: int = 80) -> str:
    """A project as a chooser lists it: `00125232 · Lutte contre…`; a project known by its title
    only (key `title:…`) by its title alone, never by the internal key."""
    shown = short_title(title, key, length)
    if str(key).startswith("title:"):
        return shown
    return f"{key} · {shown}" if shown != str(key) else str(key)


def project_labels(titles, keys, length: int = 40) -> list[str]:
    """Short titles as bar and point labels; two projects with the same short title keep their numbers apart."""
    labels = [short_title(t, k, length) for t, k in zip(titles, keys, strict=True)]
    repeated = {label for label, n in Counter(labels).items() if n > 1}  # (one pass: 20,000 labels in ms)
    return [f"{label} · {key}" if label in repeated else label for label, key in zip(labels, keys, strict=True)]


def rate_bars(frame: pd.DataFrame, label: str, value: str, title: str, axis: str,
              targets: list[tuple[float, str]] = (), hover: str = "", limit: int = BARS) -> go.Figure:
    """Horizontal bars of a rate (fraction) per label, lowest first, with optional target lines;
    past `limit` bars only the lowest are drawn and the title says so."""
    data = frame.dropna(subset=[value]).sort_values(value)
    if len(data) > limit:
        title = f"{title} · " + t("showing_bars").format(shown=limit, total=fmt_number(len(data)))
        data = data.head(limit)
    data = data.iloc[::-1]  # plotly draws the first bar at the bottom: the lowest goes on top
    figure = go.Figure(go.Bar(x=data[value], y=data[label].astype(str), orientation="h", marker_color=OKABE_ITO[0],
                              text=[fmt_pct(v, decimals=0) for v in data[value]], textposition="outside",
                              hovertemplate=f"%{{y}}: %{{x:.1%}}{hover}<extra></extra>"))
    for position, (target, name) in enumerate(targets):
        figure.add_vline(x=target, line_dash="dash", line_color=OKABE_ITO[1 + position * 2],
                         annotation_text=name, annotation_position="top")
    highest = max([float(data[value].max()) if len(data) else 0.0] + [target for target, _ in targets])
    figure.update_xaxes(tickformat=".0%", range=[0, max(highest, 0.01) * 1.15])
    return style(figure, title=title, x_title=axis, y_title=None, height=max(260, 60 + 38 * len(data)))


def as_percent(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """A display copy with fractions shown as percentages (0.217 → 21.7), for `percent_column`."""
    shown = frame.copy()
    for column in columns:
        shown[column] = shown[column] * 100
    return shown


def percent_column(label: str, help: str | None = None, width: int | str | None = None):
    """A table column showing 21.7% (one decimal, as every page writes rates)."""
    return st.column_config.NumberColumn(label, format=PERCENT_FORMAT, help=help, width=width)


def progress_column(label: str, help: str | None = None):
    """A progress bar with its whole percentage (`68 %` in French, `68%` in English); the values
    are percentages (`as_percent`), so the bar runs from 0 to 100."""
    language = current()
    suffix = "\u00a0%%" if language == "fr" else "%%"
    return st.column_config.ProgressColumn(label, min_value=0.0, max_value=100.0, format="%.0f" + suffix, help=help)


def money_column(label: str, help: str | None = None, width: int | str | None = None):
    """A table column showing $1,498,000 (whole dollars)."""
    return st.column_config.NumberColumn(label, format=MONEY_FORMAT, help=help, width=width)


def density_grid(x, y, step: float, x_range: tuple[float, float], y_range: tuple[float, float]) -> dict:
    """Points counted per cell of `step` × `step` over the given ranges, for a heatmap: cell centres
    `x`/`y`, counts `z` (rows follow y, `None` where a cell is empty so it stays blank). A point on
    a cell's lower edge counts in that cell; one on the range's upper end in the last cell."""
    x_edges = np.arange(x_range[0], x_range[1] + step / 2, step)
    y_edges = np.arange(y_range[0], y_range[1] + step / 2, step)
    counts, _, _ = np.histogram2d(np.asarray(x, float), np.asarray(y, float), bins=[x_edges, y_edges])
    z = [[int(c) if c else None for c in row] for row in counts.T]
    return {"x": list((x_edges[:-1] + x_edges[1:]) / 2), "y": list((y_edges[:-1] + y_edges[1:]) / 2), "z": z}
