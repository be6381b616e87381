"""A project's indicators across its reports, as one table (the IPTT shape: one row per
indicator, one column per report, the value read in each), for the Project page and its
downloads; the target as the latest report gives it, and what changed between reports in words;
per outcome a small chart of each indicator's progress toward its target, report by report; and
the outcomes' ratings, one column per report."""
from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go

from ui.charts import OKABE_ITO, short_title
from ui.i18n import fmt_date, status_label, t, value_label

_REVISED_MARK = re.compile(r"\s*\((?:revised|r[ée]vis[ée]e?s?)\)", re.IGNORECASE)  # `40 (révisé)`: the sentence says it


def report_column(date, report_type) -> str:
    """A report's column header: `Nov 2020 · annual` / `nov. 2020 · annuel`."""
    when = fmt_date(date) if isinstance(date, str) and date else "?"
    kind = value_label(report_type) if isinstance(report_type, str) else ""
    return f"{when} · {kind}" if kind else when


def _headers(reports: pd.DataFrame) -> dict[str, str]:
    """Each report's column header, by its sha256; two reports of the same date and type keep apart (`… (2)`)."""
    headers: dict[str, str] = {}
    for sha, date, kind in zip(reports["sha256"], reports["date"], reports["type"], strict=True):
        header, n = report_column(date, kind), 2
        while header in headers.values():
            header, n = f"{report_column(date, kind)} ({n})", n + 1
        headers[sha] = header
    return headers


def trajectory_table(series: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator: code, statement, the value in each report with the status it had then
    (`12 · behind`; its column named by the report), the latest target, and the changes (`target
    revised 30 → 40 (Jun 2021)` for a cell `40 (révisé)`, `fell 15 → 12 (Jun 2021)`)."""
    columns = _headers(reports)
    rows = []
    for code, group in series.groupby("code", sort=False):
        row = {"code": code, "statement": short_title(group["statement"].iloc[-1], code, 80)}
        for header in columns.values():
            row[header] = ""
        changes, before = [], None
        for point in group.itertuples(index=False):
            status = getattr(point, "status", None)
            row[columns[point.report]] = (point.current_raw or "—") + (
                f" · {status_label(status)}" if isinstance(status, str) else "")
            when = fmt_date(point.report_date) if isinstance(point.report_date, str) else "?"
            if point.revised and before is not None:
                changes.append(t("change.target_revised").format(
                    before=_REVISED_MARK.sub("", before.target_raw or "") or "—",
                    after=_REVISED_MARK.sub("", point.target_raw or "") or "—", when=when))
            if point.fell:
                changes.append(t("change.fell").format(before=point.fell_from, after=point.current_raw,
                                                               when=when))
            before = point
        row["target_raw"] = before.target_raw or "—"
        row["changes"] = t("list_sep").join(changes)
        rows.append(row)
    return pd.DataFrame(rows)


def ratings_table(ratings: pd.DataFrame, reports: pd.DataFrame, statements: dict[str, str]) -> pd.DataFrame:
    """One row per outcome of the project (`statements`: number → statement, and any outcome a report
    rated): the outcome (`1 · its statement`), then the rating each report gave (its column named by the
    report as in the trajectory table; `—` where a report left the choice blank). Empty when no report
    rated any outcome."""
    if ratings.empty:
        return pd.DataFrame()
    columns = _headers(reports)
    given = {(number, report): rating for number, report, rating in
             zip(ratings["number"], ratings["report"], ratings["rating"], strict=True)}
    said = dict(zip(ratings["number"], ratings["statement"], strict=True)) | dict(statements)
    rows = []
    for number in sorted(said, key=lambda n: (int(n) if str(n).isdigit() else 0, str(n))):
        statement = said[number]
        row = {"outcome": f"{number} · {short_title(statement, number, 80)}" if isinstance(statement, str) else number}
        row |= {header: value_label(given[(number, sha)]) if (number, sha) in given else "—"
                for sha, header in columns.items()}
        rows.append(row)
    return pd.DataFrame(rows)


def outcome_charts(series: pd.DataFrame, reports: pd.DataFrame) -> list[tuple[str, go.Figure]]:
    """Per outcome (an indicator code's first number), one line per indicator counted in numbers: its
    progress at each report (the share of the way from baseline to target, as every page computes it;
    100 % is the target, dotted), reports in date order. Indicators in words have no line."""
    columns = _headers(reports)
    counted = series[series["progress"].notna()]
    charts = []
    for outcome, group in counted.groupby(counted["code"].str.split(".").str[0], sort=False):
        figure = go.Figure()
        for k, (code, points) in enumerate(group.groupby("code", sort=False)):
            label = short_title(points["statement"].iloc[-1], code, 70)
            figure.add_trace(go.Scatter(
                x=[columns[r] for r in points["report"]], y=list(points["progress"]), mode="lines+markers", name=code,
                line={"color": OKABE_ITO[k % len(OKABE_ITO)]}, customdata=[[label]] * len(points),
                hovertemplate=f"{code} · %{{customdata[0]}}<br>%{{x}}: %{{y:.0%}}<extra></extra>"))
        figure.add_hline(y=1, line_dash="dot", line_color="#777")
        headers = list(columns.values())  # the ticks name the report's date only: a small chart has no room for more
        figure.update_xaxes(type="category", categoryorder="array", categoryarray=headers, tickvals=headers,
                            ticktext=[h.split(" · ")[0] for h in headers], tickangle=0)
        low, high = min(0.0, float(group["progress"].min())), max(1.0, float(group["progress"].max()))
        figure.update_yaxes(tickformat=".0%", range=[low - 0.05, high + 0.1])
        charts.append((str(outcome), figure))
    return charts
