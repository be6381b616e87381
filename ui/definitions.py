"""What each figure means, shown as help tooltips; the full definitions are in docs/METRICS.md."""
from __future__ import annotations

from ui.catalog import translate
from ui.i18n import with_thresholds
from ui.language import current

DEFINITIONS: dict[str, str] = {  # English; translations in locales/
    "delivery_rate": "Expenditure ÷ budget. Where only the report's implementation rate is known, that rate (marked "
        "'reported'; its expenditure is then rate × budget). Rolled up as Σ expenditure ÷ Σ budget over the "
        "projects with an expenditure or a rate only (the sentence under the figures names that budget), never an "
        "average of rates.",
    "time_elapsed": "(as-of date − start) ÷ (end − start); start is the first transfer when no start date is written; as-of "
        "is the report date.",
    "delivery_gap": "Time elapsed − delivery rate. Behind when above {gap_behind} points, or delivery under {low_delivery} with "
        "under {months_left} months left.",
    "gewe_share": "GEWE allocation ÷ total budget, over the projects that state a GEWE amount, against the UN-wide minimum "
        "of {un_minimum} and the PBF's {pbf_target} target (the figure's arrow is its distance to the PBF target; on the "
        "Overview compared with an earlier date, its change since, the distance to the target said under the figures).",
    "gewe_spend_rate": "GEWE spent ÷ GEWE allocated, over the projects that state both, beside the overall delivery.",
    "status": "achieved (progress ≥ 100 %), on track (milestone reached or progress ≥ time elapsed), behind, not started "
        "(current = baseline), no data (missing or placeholder), qualitative (words only). "
        "Progress = (current − baseline) ÷ (target − baseline).",
    "women_share": "Σ women ÷ Σ (women + men), over indicators whose current cell gives both.",
    "budget": "Approved budget: the report's total, else the budget workbook's lines, else the export's.",
    "gender_marker": "The PBF gender marker a project states: GM3, gender equality and women's empowerment is its "
        "principal objective; GM2, a significant objective; GM1, it contributes in some way; GM0, no contribution expected.",
    "as_of": "The portfolio as it stood on this date: each project's latest report whose period had ended by then "
        "(its figures, end date and indicators), export figures up to that year, time elapsed taken at that date. "
        "Empty: each project's latest report.",
}


def help_text(key: str, language: str | None = None) -> str:
    language = language or current()
    return with_thresholds(translate(f"definition:{key}", DEFINITIONS[key], language), language) + " — docs/METRICS.md"
