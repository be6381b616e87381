"""Numbers, money, percentages and dates written the way the interface language writes them
(1,245,996 / 1 245 996; $1,245,996 / 1 245 996 $US; 21.7% / 21,7 %), through Babel's CLDR
locale data; `—` for an unknown value. Used for headline figures, chart labels and table cells
alike, so a French page shows one number format everywhere."""
from __future__ import annotations

import math
from functools import cache

from babel import Locale
from babel.numbers import NumberPattern, format_compact_decimal, parse_pattern

from ui.language import current

NARROW_NBSP = "\u202f"
DASH = "—"
MONEY_FORMAT = "$%,.0f"  # a table's money column (whole dollars); ui/tables writes it in the page's language
PERCENT_FORMAT = "%.1f%%"  # a table's percentage column, its values already × 100 (ui/charts.as_percent)
MONTHS = {"en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
          "fr": ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]}


def is_missing(value) -> bool:
    """None, NaN and pandas' missing markers."""
    if value is None:
        return True
    try:
        return bool(value != value) or (isinstance(value, float) and math.isnan(value))
    except (TypeError, ValueError):
        return False


@cache
def _locale(language: str) -> Locale:
    return Locale.parse("fr" if language == "fr" else "en")


@cache
def _pattern(language: str, kind: str, decimals: int, most: int | None = None) -> NumberPattern:
    """The locale's own pattern for `kind` (decimal, percent) with `decimals` fraction digits
    (up to `most` when given)."""
    locale = _locale(language)
    standard = (locale.percent_formats if kind == "percent" else locale.decimal_formats)[None]
    pattern = parse_pattern(standard.pattern)
    pattern.frac_prec = (decimals, decimals if most is None else most)
    return pattern


def fmt_number(value, language: str | None = None, decimals: int = 0) -> str:
    """1,245,996 in English; 1 245 996 in French (narrow no-break space); — when unknown."""
    language = language or current()
    if is_missing(value):
        return DASH
    return _pattern(language, "decimal", decimals).apply(value, _locale(language))


def fmt_decimal(value, language: str | None = None) -> str:
    """A number with up to two decimals (3.14 / 3,14; 2 / 2), for table cells of no stated kind."""
    language = language or current()
    if is_missing(value):
        return DASH
    return _pattern(language, "decimal", 0, 2).apply(value, _locale(language))


def fmt_money(value, language: str | None = None) -> str:
    """$1,245,996 / 1 245 996 $US (whole dollars)."""
    language = language or current()
    if is_missing(value):
        return DASH
    number = fmt_number(value, language)
    if language == "fr":
        return f"{number}\u00a0$US"
    return f"-${number.lstrip('-')}" if number.startswith("-") else f"${number}"


def fmt_money_short(value, language: str | None = None) -> str:
    """$7.1M / 7,1 M $US for headline figures; whole dollars below 100,000."""
    language = language or current()
    if is_missing(value):
        return DASH
    if abs(value) < 100_000:
        return fmt_money(value, language)
    millions = fmt_number(value / 1_000_000, language, 1)
    return f"{millions}\u00a0M\u00a0$US" if language == "fr" else f"${millions}M"


def fmt_compact(value, language: str | None = None) -> str:
    """An axis tick: 2.5K / 2,5 k, 3M / 3 M (plotly's own SI ticks are written the English way)."""
    language = language or current()
    if is_missing(value):
        return DASH
    return format_compact_decimal(value, locale=_locale(language), fraction_digits=1)


def fmt_pct(fraction, language: str | None = None, decimals: int = 1) -> str:
    """21.7% / 21,7 % from the fraction 0.217."""
    language = language or current()
    if is_missing(fraction):
        return DASH
    return _pattern(language, "percent", decimals).apply(fraction, _locale(language))


def fmt_date(iso: str | None, language: str | None = None) -> str:
    """`2021-12-31` → 31 déc. 2021 (fr) or 31 Dec 2021 (en); month or year precision kept."""
    language = language or current()
    if not iso or not isinstance(iso, str):
        return DASH
    parts = iso[:10].split("-")
    months = MONTHS["fr" if language == "fr" else "en"]
    if len(parts) == 1:
        return parts[0]
    month = months[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def plotly_separators(language: str | None = None) -> str:
    """Plotly's `separators`: decimal mark then thousands mark (a narrow space in French)."""
    language = language or current()
    return ",\u202f" if language == "fr" else ".,"
