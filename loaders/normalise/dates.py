"""Read report dates in French or English, keeping the precision written (day, month or year)."""
from __future__ import annotations

import re
from functools import lru_cache

import dateparser
import dateparser.date
from dateparser.languages import default_loader

_SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": []}
_LANGUAGES = ["fr", "en"]
_MONTHS = (
    r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"janv|f[ée]vr?|avr|juil|sept?|oct|nov|d[ée]c|jan|feb|apr|jun|jul|aug|dec"
)
MONTH_RE = re.compile(rf"\b({_MONTHS})\.?\b", re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:er)?\s+({_MONTHS})\.?\s+(\d{{4}})\b", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b({_MONTHS})\.?\s+(\d{{4}})\b", re.IGNORECASE)
_NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-9]\d)\b")


def read_date(text: str | None) -> str | None:
    """ISO date at the precision written: `2021-02-12`, `2020-01` or `2021`; None if no date."""
    if not text:
        return None
    text = text.replace("\u2002", " ").strip()
    for pattern, precision in ((_ISO, "day"), (_NUMERIC, "day"), (_DAY_MONTH_YEAR, "day"), (_MONTH_YEAR, "month")):
        match = pattern.search(text)
        if match:
            parsed = _parse(match.group(0))
            if parsed is not None:
                return parsed[:10] if precision == "day" else parsed[:7]
    year = _YEAR.search(text)
    return year.group(1) if year else None


def _parse(fragment: str) -> str | None:
    if _ISO.fullmatch(fragment):
        return fragment
    numeric = _NUMERIC.fullmatch(fragment)
    if numeric:  # day first, as the templates are filled in francophone and UN offices
        day, month, year = (int(g) for g in numeric.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
        return None
    quick = _month_name_date(fragment)
    if quick:
        return quick
    parsed = _parser().get_date_data(fragment).date_obj
    return parsed.date().isoformat() if parsed else None


@lru_cache(maxsize=1)
def _parser() -> dateparser.date.DateDataParser:
    """One dateparser instance (building one per call costs more than the parse)."""
    return dateparser.date.DateDataParser(languages=_LANGUAGES, settings=_SETTINGS)


@lru_cache(maxsize=1)
def _month_numbers() -> dict[str, int]:
    """Month names and abbreviations in French and English, from dateparser's own locale data."""
    names: dict[str, int] = {}
    months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december"]
    for language in _LANGUAGES:
        locale = default_loader.get_locale(language)
        for number, month in enumerate(months, start=1):
            for name in locale.info.get(month, []):
                names[name.lower().rstrip(".")] = number
    return names


def _month_name_date(fragment: str) -> str | None:
    """`12 NOVEMBRE 2019` / `Janvier 2020` without a full dateparser run (the common case)."""
    parts = fragment.lower().replace(".", " ").split()
    if len(parts) == 3 and parts[0].rstrip("er").isdigit() and parts[2].isdigit():
        month = _month_numbers().get(parts[1])
        day = int(parts[0].rstrip("er"))
        if month and 1 <= day <= 31:
            return f"{int(parts[2]):04d}-{month:02d}-{day:02d}"
    if len(parts) == 2 and parts[1].isdigit() and _month_numbers().get(parts[0]):
        return f"{int(parts[1]):04d}-{_month_numbers()[parts[0]]:02d}-01"
    return None
