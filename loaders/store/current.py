"""Which of a project's active files is its current report: one ordering, used by the metrics
(metrics/base.py ranks the reports with it) and by the trail of corrections (the value a
correction replaces is read from the same file the metrics read)."""
from __future__ import annotations


def period_end(column: str) -> str:
    """SQL: the last day of a date written at year, month or day precision (`2021` ends after `2021-06`)."""
    return (f"CASE length({column}) WHEN 4 THEN make_date(CAST({column} AS INTEGER), 12, 31) "
            f"WHEN 7 THEN last_day(CAST({column} || '-01' AS DATE)) WHEN 10 THEN CAST({column} AS DATE) END")


# over active_sources `s` joined to reports `r`: progress reports first, then final reviews, the
# report whose period ends last (an annual report dated `2021` after a semi-annual one of `2021-06`),
# the latest stored
CURRENT_REPORT_ORDER = ("(s.kind = 'progress_report') DESC, (s.kind = 'final_review') DESC, "
                        f"{period_end('r.date')} DESC NULLS LAST, s.ingested_at DESC")
