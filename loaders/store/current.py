"""Which of a project's active files is its current report: one ordering, used by the metrics
(metrics/base.py ranks the reports with it) and by the trail of corrections (the value a
correction replaces is read from the same file the metrics read)."""
from __future__ import annotations

# over active_sources `s` joined to reports `r`: progress reports first, then final reviews, the
# newest report date, the latest stored
CURRENT_REPORT_ORDER = ("(s.kind = 'progress_report') DESC, (s.kind = 'final_review') DESC, r.date DESC NULLS LAST, "
                        "s.ingested_at DESC")
