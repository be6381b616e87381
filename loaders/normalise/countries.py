"""Country names in French or English (and local abbreviations) to ISO 3166-1 alpha-3 codes."""
from __future__ import annotations

import gettext
import re
from functools import lru_cache

import pycountry
from babel import Locale
from rapidfuzz import fuzz, process

from loaders.normalise.matching import COUNTRY_MIN_LENGTH, NAME_CUTOFF
from loaders.normalise.text import fold

# Names used in PBF documents that neither the English nor the French ISO names cover.
_ALIASES = {
    "rca": "CAF", "car": "CAF", "centrafrique": "CAF", "republique centrafricaine": "CAF",
    "central african republic": "CAF", "cmr": "CMR", "rdc": "COD", "drc": "COD",
    "republique democratique du congo": "COD", "cote d'ivoire": "CIV", "cote divoire": "CIV",
    "guinee-bissau": "GNB", "guinea-bissau": "GNB", "kyrgyzstan": "KGZ", "kirghizistan": "KGZ",
    "sao tome": "STP", "bfa": "BFA", "ner": "NER", "mli": "MLI", "tgo": "TGO",
}
_SPLIT = re.compile(r"\s*(?:,|;|/|&|\bet\b|\band\b|\n)\s*", re.IGNORECASE)


@lru_cache(maxsize=1)
def _name_index() -> dict[str, str]:
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
    index: dict[str, str] = {}
    for country in pycountry.countries:
        names = {country.name, getattr(country, "official_name", ""), getattr(country, "common_name", "")}
        names |= {french.gettext(n) for n in list(names) if n}
        for name in names:
            if name:
                index[fold(name)] = country.alpha_3
                index[fold(re.sub(r"\s*\(.*\)", "", name))] = country.alpha_3
    index.update(_ALIASES)
    return index


def country_code(name: str | None) -> str | None:
    """ISO3 code for one country name (`Cameroun` → CMR, `RCA` → CAF), or None if unknown."""
    if not name:
        return None
    key = fold(name).strip(" .:-")
    if not key:
        return None
    index = _name_index()
    if key in index:
        return index[key]
    if len(key) >= COUNTRY_MIN_LENGTH:
        match = process.extractOne(key, index.keys(), scorer=fuzz.ratio, score_cutoff=NAME_CUTOFF)
        if match:
            return index[match[0]]
    return None


def read_countries(text: str | None) -> tuple[list[str], list[str]]:
    """Countries listed in a field (`République centrafricaine (RCA) et Cameroun`): codes, and parts not understood."""
    codes: list[str] = []
    unknown: list[str] = []
    for part in _SPLIT.split(text or ""):
        part = part.strip()
        if not part:
            continue
        bare = re.sub(r"\s*\(.*?\)\s*", " ", part).strip()
        inner = re.findall(r"\((.*?)\)", part)
        code = country_code(bare) or next((country_code(i) for i in inner if country_code(i)), None)
        if code:
            if code not in codes:
                codes.append(code)
        else:
            unknown.append(part)
    return codes, unknown


@lru_cache(maxsize=2048)
def country_name(code: str | None, language: str = "en") -> str:
    """Display name of an ISO3 code as people write it (CLDR's names, through Babel: `CAF` →
    Central African Republic / République centrafricaine, `HTI` → Haiti / Haïti), with the UN's own
    short names where CLDR's differ (`COD` → Democratic Republic of the Congo, not ISO's
    `Congo, The Democratic Republic of the`); the code itself when it is none."""
    language = language if language in ("en", "fr") else "en"
    if code in _UN_NAMES:
        return _UN_NAMES[code][language == "fr"]
    country = pycountry.countries.get(alpha_3=code or "")
    alpha_2 = country.alpha_2 if country is not None else _OUTSIDE_ISO.get(code or "")
    if alpha_2 is None:
        return code or ""
    return Locale.parse(language).territories.get(alpha_2) or getattr(country, "common_name", None) or country.name


# UNTERM short names where CLDR's differ (`Congo - Kinshasa`, `Palestinian Territories`)
_UN_NAMES = {"COD": ("Democratic Republic of the Congo", "République démocratique du Congo"),
             "COG": ("Republic of the Congo", "République du Congo"),
             "PSE": ("State of Palestine", "État de Palestine")}
_OUTSIDE_ISO = {"XKX": "XK"}  # Kosovo: a user-assigned code, which the MPTF Office uses
