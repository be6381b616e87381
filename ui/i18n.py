"""Interface language (English or French): labels, read from the gettext catalogs of locales/
(ui/catalog.py), and numbers, money, percentages and dates written the way each language writes
them (1,245,996 / 1 245 996; 21.7% / 21,7 %)."""
from __future__ import annotations

import math

from loaders.normalise.countries import country_name as _country_name
from loaders.templates.missing import DESCRIPTIONS
from metrics import settings
from metrics.settings import IMPLAUSIBLE_DELIVERY
from ui.catalog import translate, translate_plural
from ui.formats import (
    NARROW_NBSP,
    fmt_compact,
    fmt_date,
    fmt_money,
    fmt_money_short,
    fmt_number,
    fmt_pct,
    plotly_separators,
)
from ui.labels import LABELS
from ui.language import LANGUAGES, current

# pages name countries, and write numbers, through the interface language module
__all__ = ["NARROW_NBSP", "country_name", "fmt_compact", "fmt_date", "fmt_money", "fmt_money_short", "fmt_number", "fmt_pct",
           "plotly_separators"]



def country_name(code, language: str | None = None) -> str:
    """A country's short name in the interface language (`Mali`, `RD Congo`)."""
    return _country_name(code, language or current())

# The headline fields a report may leave unread (REPORT.md `missing`), as a user names them: the
# loaders' descriptions (the CLI's words), and the risk marker a correction may name.
MISSING_FIELDS: dict[str, str] = {**DESCRIPTIONS, "project.risk_marker": "risk marker"}


TARGETS = {"un_minimum": settings.GEWE_UN_MINIMUM, "pbf_target": settings.GEWE_PBF_TARGET}


def versus(share, target: str, language: str | None = None, judged: bool = True) -> dict:
    """A metric's delta against a named target (`un_minimum`, `pbf_target`), as `st.metric`
    keywords: `+9.5 pts vs UN minimum 15%`, green and up above it, red and down below (Streamlit
    reads the direction from an ASCII "-", which the typographic minus of `fmt_points` is not).
    Nothing when the share is unknown; grey, without an arrow, when it covers too little of the
    portfolio to be `judged` against the target. Every page names a target the same way."""
    language = language or current()
    if share is None:
        return {}
    if not judged:
        return {"delta": fmt_points(share - TARGETS[target], language) + t("versus", language) + t("vs." + target, language),
                "delta_color": "off", "delta_arrow": "off"}
    below = share < TARGETS[target]
    return {"delta": fmt_points(share - TARGETS[target], language) + t("versus", language) + t("vs." + target, language),
            "delta_color": "red" if below else "green", "delta_arrow": "down" if below else "up"}


def fmt_points(difference, language: str | None = None) -> str:
    """A difference of two rates in percentage points: `+1.1 pts`, `−2,5 pts`."""
    language = language or current()
    value = difference * 100
    sign = "+" if value > 0 else ("−" if value < 0 else "")
    return f"{sign}{fmt_number(abs(value), language, 1)} {t('points', language)}"


def left_out_note(left_out: dict, language: str | None = None, here: bool = False) -> str:
    """`Left out of the totals: 1 project with a delivery rate above 150 %, …`."""
    language = language or current()
    reasons = [tn(f"left_out.{reason}", n, language).format(limit=fmt_pct(IMPLAUSIBLE_DELIVERY, language, 0))
               for reason, n in sorted(left_out.items())]
    return t("left_out_here" if here else "left_out", language).format(reasons=t("list_sep", language).join(reasons))


def left_out_label(reason, language: str | None = None) -> str:
    """A project's own left-out mark (`left out: delivery above 150 %`); '' when it counts."""
    language = language or current()
    if not isinstance(reason, str):
        return ""
    return t(f"left_out_short.{reason}", language).format(limit=fmt_pct(IMPLAUSIBLE_DELIVERY, language, 0))


def missing_label(names, language: str | None = None) -> str:
    """`total approved budget, report type` for the dotted names of REPORT.md's `missing`."""
    language = language or current()
    return ", ".join(translate(f"missing:{name}", MISSING_FIELDS[name], language) if name in MISSING_FIELDS else str(name)
                     for name in names)


class _Thresholds(dict):
    """The thresholds of metrics/settings.py as labels write them; other `{names}` are left for the caller."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def thresholds(language: str | None = None) -> _Thresholds:
    """The thresholds as the language writes them (`15%` / `15 %`)."""
    language = language or current()
    return _Thresholds(
        un_minimum=fmt_pct(settings.GEWE_UN_MINIMUM, language, 0), pbf_target=fmt_pct(settings.GEWE_PBF_TARGET, language, 0),
        gap_behind=f"{settings.DELIVERY_GAP_BEHIND * 100:g}", low_delivery=fmt_pct(settings.LOW_DELIVERY, language, 0),
        months_left=f"{settings.MONTHS_LEFT_WARNING}")


THRESHOLDS = {language: thresholds(language) for language in LANGUAGES}


def with_thresholds(text: str, language: str | None = None) -> str:
    """A label with its `{un_minimum}`-style thresholds filled in from metrics/settings.py."""
    language = language or current()
    return text.format_map(THRESHOLDS.get(language, THRESHOLDS["en"])) if "{" in text else text


def t(key: str, language: str | None = None) -> str:
    """The label in the interface language, from its gettext catalog (ui/catalog.py; the key
    itself if unknown), thresholds filled in."""
    language = language or current()
    english = LABELS.get(key)
    if english is None:
        return key
    one = LABELS.get(f"{key}.one")
    text = translate_plural(key, one, english, 2, language) if one else translate(key, english, language)
    return with_thresholds(text, language)


def colon(language: str | None = None) -> str:
    """`: ` in English, ` : ` in French (a no-break space before the colon, as French typography has it)."""
    language = language or current()
    return "\u00a0: " if language == "fr" else ": "


def tn(key: str, n: int, language: str | None = None) -> str:
    """The label for a count `n`, `{n}` filled in: the form the catalog's plural rule picks (its
    Plural-Forms, Babel's CLDR rule) — `1 project`, and in French `0 projet`, `1 projet` — for a key
    with a `.one` singular; other keys have one form."""
    language = language or current()
    one = LABELS.get(f"{key}.one")
    if one is None or key not in LABELS:
        return t(key, language).replace("{n}", fmt_number(n, language))
    text = with_thresholds(translate_plural(key, one, LABELS[key], abs(n), language), language)
    return text.replace("{n}", fmt_number(n, language))


STATUS_LABELS = ("achieved", "on track", "behind", "not started", "no data", "qualitative")  # as stored
# Table headers for columns a page shows without naming them itself (English; translations in locales/).
COLUMN_LABELS: dict[str, str] = {
    "project_key": "Project no.", "title": "Project", "countries": "Country",
    "agency": "Agency", "raw_name": "As written",
    "lead": "Lead", "file_name": "File",
    "ocr_pages": "Pages read by OCR",
    "start_day": "Start date", "as_of": "Figures as of",
    "as_of_source": "Date of the figures from",
    "budget_source": "Budget from",
    "expenditure_usd": "Expenditure reported (USD)",
    "net_funded_usd": "Net funded (USD)", "months_left": "Months left",
    "meets_pbf_target": "Meets the PBF's 30% GEWE target",
    "milestone_raw": "Milestone", "current_value": "Current value",
    "budget_usd": "Budget (USD)",
    "indicators_disaggregated": "Indicators split by sex",
    "indicators_missing_split": "Indicators to split by sex",
    "statement": "Indicator", "baseline_raw": "Baseline",
    "target_raw": "Target", "current_raw": "Current",
    "indicator_code": "Indicator", "author": "Reviewer", "text": "Comment",
    "message": "What", "value_a": "Value", "value_b": "Compared with",
    "indicator": "Indicator", "format": "Format",
    "report_period": "Report",
    "type": "Type",
    "date": "Date", "implementation_rate": "Implementation rate",
    "gender_allocated_usd": "GEWE allocated (USD)",
    "gender_spent_usd": "GEWE spent (USD)",
    "corrected_fields": "Entered by hand", "number": "No.",
    "delivery_then": "Delivery rate then", "delivery_now": "Delivery rate now",
    "worsened": "Indicators worsened", "improved": "Indicators improved", "fell_behind": "Fell behind",
    "end_moved": "End date moved", "no_report_since": "No report since", "new": "New since",
    "fiscal_year": "Year", "delivery_to_date": "Delivery to date",
    # the columns of the downloads (CSV, Excel), which carry every column of the table shown
    "delivery_source": "Delivery rate from", "end_day": "End date",
    "expenditure_estimate_usd": "Expenditure (USD)",
    "gewe_allocated_usd": "GEWE allocated (USD)",
    "gewe_spent_usd": "GEWE spent (USD)",
    "indicators_behind": "Indicators behind",
    "label": "Name", "left_out_reason": "Left out of the totals",
    "meets_un_minimum": "Meets the UN minimum",
    "reason_categories": "Delay categories",
    "people": "People",
}

# Values shown in tables and options (English; translations in locales/).
VALUE_LABELS: dict[str, str] = {
    "outcome": "outcome", "output": "output",
    "security": "security", "covid-19": "COVID-19",
    "recruitment/staffing": "recruitment/staffing",
    "procurement/logistics": "procurement/logistics",
    "political/institutional change": "political/institutional change",
    "government/partner dependency": "government/partner dependency",
    "data not yet collected": "data not yet collected", "other": "other",
    "expenditure": "expenditure", "reported": "reported rate",
    "report": "report", "workbook": "budget workbook", "export": "export",
    "correction": "entered by hand",
    "annual": "annual", "semi-annual": "semi-annual", "final": "final",
    "progress_report": "progress report", "final_review": "final review",
    "project_profile": "project profile", "budget": "budget workbook",
    "financial_export": "financial export", "unknown": "not recognised",
    "baseline_missing": "baseline missing",
    "target_not_a_number": "target not a number",
    "current_far_above_target": "current far above target",
    "split_does_not_add_up": "women + men ≠ total",
    "reviewer_comment": "reviewer comment",
    "report_total_differs": "report total ≠ agency budgets",
    "agency_budget_differs": "agency budget ≠ workbook",
    "gewe_differs": "GEWE ≠ workbook",
    "expenditure_above_budget": "expenditure above budget",
    "delivery_rate_differs": "export's delivery rate differs",
    # an outcome's rating, as the template's choice gives it ("on track" is a status's label)
    "off track": "off track",
    "on track with peacebuilding results": "on track with peacebuilding results",
    "on track with significant peacebuilding results": "on track with significant peacebuilding results",
}


def status_label(status: str, language: str | None = None) -> str:
    """A status in the interface language."""
    language = language or current()
    return translate(f"status:{status}", status, language) if status in STATUS_LABELS else status


def column_label(name: str, language: str | None = None) -> str:
    """A column's header in the interface language: COLUMN_LABELS, else the label of the same name
    (`delivery_rate` → Delivery rate), else the name itself."""
    language = language or current()
    english = COLUMN_LABELS.get(name)
    if english is None:
        return t(name, language)  # the label of the same name, thresholds filled in; else the name
    return translate(f"column:{name}", english, language)


def value_label(value, language: str | None = None) -> str:
    """A value shown in a table or an option (level, delay category, source, report type) in the
    interface language; a status through `status_label`; '' for a missing value."""
    language = language or current()
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = str(value)
    if text in STATUS_LABELS:
        return status_label(text, language)
    english = VALUE_LABELS.get(text)
    return translate(f"value:{text}", english, language) if english else text


def values_label(values, language: str | None = None) -> str:
    """A comma-separated list of values (`security, covid-19`) in the interface language."""
    language = language or current()
    if values is None or (isinstance(values, float) and math.isnan(values)):
        return ""
    parts = [p.strip() for p in str(values).split(",")] if isinstance(values, str) else list(values)
    return ", ".join(value_label(p, language) for p in parts if p)


def period_label(period, language: str | None = None) -> str:
    """A stored report period (`progress_report:annual:2020-11`, kind:type:date, `?` unknown) as a
    person reads it: `progress report, annual, Nov 2020` / `rapport de progrès, annuel, nov. 2020`."""
    language = language or current()
    if not isinstance(period, str) or not period:
        return ""
    kind, _, rest = period.partition(":")
    report_type, _, date = rest.partition(":")
    parts = [value_label(kind, language), value_label(report_type, language) if report_type != "?" else "",
             fmt_date(date, language) if date and date != "?" else ""]
    return ", ".join(p for p in parts if p)
