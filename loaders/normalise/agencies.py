"""Recipient agency names (French, English, per-office variants) to one English acronym."""
from __future__ import annotations

import re

from loaders.normalise.text import fold

# English acronym for every way the documents write a UN agency. Keys are folded text.
_ACRONYMS = {
    "pnud": "UNDP", "undp": "UNDP", "programme des nations unies pour le developpement": "UNDP",
    "united nations development programme": "UNDP",
    "oim": "IOM", "iom": "IOM", "organisation internationale pour les migrations": "IOM",
    "international organization for migration": "IOM",
    "onudc": "UNODC", "unodc": "UNODC", "pam": "WFP", "wfp": "WFP", "programme alimentaire mondial": "WFP",
    "world food programme": "WFP", "hcr": "UNHCR", "unhcr": "UNHCR",
    "onu femmes": "UN Women", "onufemmes": "UN Women", "un women": "UN Women", "unwomen": "UN Women", "unwomn": "UN Women",
    "unicef": "UNICEF", "unfpa": "UNFPA", "fnuap": "UNFPA", "fao": "FAO", "unesco": "UNESCO",
    "ohchr": "OHCHR", "hcdh": "OHCHR", "uncdf": "UNCDF", "fenu": "UNCDF", "unops": "UNOPS",
    "unv": "UNV", "vnu": "UNV", "ilo": "ILO", "oit": "ILO", "who": "WHO", "oms": "WHO",
    "un-habitat": "UN-Habitat", "onu-habitat": "UN-Habitat", "unhabitat": "UN-Habitat",
    "ocha": "OCHA", "unaids": "UNAIDS", "unmas": "UNMAS", "ifad": "IFAD", "unitar": "UNITAR", "unctad": "UNCTAD",
    "unep": "UNEP", "pnue": "UNEP", "unido": "UNIDO", "onudi": "UNIDO", "dppa": "DPPA", "unoca": "UNOCA",
}
_LONGEST_FIRST = sorted(_ACRONYMS, key=len, reverse=True)
KNOWN_AGENCIES = tuple(sorted(set(_ACRONYMS.values())))  # every acronym, e.g. for a form's choices


def agency_code(raw: str | None) -> str | None:
    """English acronym for an agency as written (`ONUDC-ROSEN` → UNODC, `OIM-RCA` → IOM), or None."""
    key = fold(raw)
    if not key:
        return None
    key = re.sub(r"\(.*?\)", " ", key).strip()
    key = re.sub(r"^ngo\s*/\s*|\s+ngo$", "", key).strip()  # MPTF Gateway codes: NGO/UNDP, UNWOMN NGO
    if key in _ACRONYMS:
        return _ACRONYMS[key]
    for name in _LONGEST_FIRST:  # `oim-rca`, `pnud mali`, `onudc-rosen`: the acronym comes first
        if re.match(rf"{re.escape(name)}(?![a-z])", key):
            return _ACRONYMS[name]
    return None


def find_agencies(text: str | None) -> list[str]:
    """Every known agency named in a text, in order of appearance, each once."""
    key = fold(text)
    found: list[tuple[int, str]] = []
    for name in _LONGEST_FIRST:
        for match in re.finditer(rf"(?<![a-z]){re.escape(name)}(?![a-z])", key):
            found.append((match.start(), _ACRONYMS[name]))
    ordered: list[str] = []
    for _, code in sorted(found):
        if code not in ordered:
            ordered.append(code)
    return ordered
