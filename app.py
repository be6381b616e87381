"""PBF Portfolio Lens — home page. On first start it builds the DuckDB store from the bundled
sample reports (with a progress bar); later starts reuse it. Lists the projects read."""
from __future__ import annotations

import os
import threading
from pathlib import Path

import streamlit as st

from loaders.ingest import ingest
from loaders.store.session import reading
from metrics.projects import portfolio_counts, project_list

DB_PATH = Path(os.environ.get("LENS_DB", "data/portfolio.duckdb"))
SAMPLES = Path(os.environ.get("LENS_SAMPLES", "data/samples"))
_BUILD_LOCK = threading.Lock()
_KIND_LABELS = {"final_review": "final review", "project_profile": "project profile"}


def ensure_database() -> None:
    """Build the store from the samples the first time; show progress while it is built."""
    with _BUILD_LOCK:
        if DB_PATH.exists():
            return
        bar = st.progress(0.0, text="Building the portfolio database from the sample reports…")

        def progress(done: int, total: int, name: str) -> None:
            bar.progress(done / max(total, 1), text=f"Reading {name} ({done}/{total})")

        summary = ingest([SAMPLES], DB_PATH, progress)
        bar.empty()
        st.toast(summary.line())
        for failed in summary.failures:
            st.warning(f"{Path(failed.path).name}: {failed.error}")


@st.cache_resource
def _connection_holder() -> dict:
    return {"version": None, "connection": None, "lock": threading.Lock()}


def connection(path: Path):
    """One read-only connection per process, reopened when an ingest swaps in a new file. The old
    one is closed first: DuckDB hands back the old database to a new connect() while it is open."""
    holder = _connection_holder()
    version = (str(path), path.stat().st_mtime_ns)
    with holder["lock"]:
        if holder["version"] != version:
            if holder["connection"] is not None:
                holder["connection"].close()
            holder["connection"] = reading(path)
            holder["version"] = version
        return holder["connection"]


def main() -> None:
    st.set_page_config(page_title="PBF Portfolio Lens", page_icon="🕊️", layout="wide")
    st.title("PBF Portfolio Lens")
    st.caption("Peacebuilding Fund projects read from their progress reports, final reviews and profiles.")
    ensure_database()
    if not DB_PATH.exists():
        st.info(f"No database yet. Put reports in `{SAMPLES}` or run `python -m loaders ingest FILES`.")
        return
    con = connection(DB_PATH).cursor()
    try:
        counts = portfolio_counts(con)
        projects = project_list(con)
    finally:
        con.close()
    if projects.empty:
        st.info("No project has been read yet. Ingest reports with `python -m loaders ingest FILES`.")
        return
    left, middle, right = st.columns(3)
    left.metric("Projects", counts["projects"])
    middle.metric("Indicators read", counts["indicators"])
    right.metric("Files", counts["files"])
    st.subheader("Projects")
    table = projects.rename(columns={
        "title": "Project", "country_names": "Countries", "agencies": "Agencies",
        "total_budget_usd": "Budget (USD)", "implementation_rate": "Implementation rate",
        "indicators": "Indicators", "report_type": "Report", "report_date": "Report date",
        "file_name": "Source file",
    })
    table["Implementation rate"] = table["Implementation rate"] * 100
    table["Report"] = [t if isinstance(t, str) else _KIND_LABELS.get(k, "type not stated")
                       for t, k in zip(table["Report"], table["kind"], strict=True)]
    table["Project number"] = [", ".join(ids) if ids is not None and len(ids) else "—" for ids in table["project_ids"]]
    table["Report date"] = table["Report date"].fillna("—")
    columns = ["Project", "Countries", "Agencies", "Budget (USD)", "Implementation rate", "Indicators",
               "Report", "Report date", "Project number", "Source file"]
    st.dataframe(
        table[columns], hide_index=True, width="stretch",
        column_config={
            "Budget (USD)": st.column_config.NumberColumn(format="$%,.0f"),
            "Implementation rate": st.column_config.NumberColumn(format="%.0f%%"),
            "Project": st.column_config.TextColumn(width="large"),
        },
    )
    st.download_button("Download this table (CSV)", table[columns].to_csv(index=False).encode("utf-8"),
                       file_name="pbf-projects.csv", mime="text/csv")


main()
