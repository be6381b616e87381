"""Project numbers as written in reports, workbooks and exports, reduced to one canonical form
so that files about the same project meet: `00125232`, `PBF/MLI/A-2`, `PBF IRF-217`."""
from __future__ import annotations

import re

_WINDOW_ID = re.compile(r"^PBF[\s/_-]*(IRF|PRF)[\s/_-]*(\d+)$")
_DIGITS = re.compile(r"^\d{5,8}$")


def canonical_project_id(raw: str | None) -> str | None:
    """`125232` → `00125232`; `pbf / mli / a-2` → `PBF/MLI/A-2`; `PBF-IRF-217` → `PBF IRF-217`."""
    if raw is None:
        return None
    text = re.sub(r"\s+", " ", str(raw)).strip().upper()
    if not text:
        return None
    text = re.sub(r"\s*/\s*", "/", text)
    window = _WINDOW_ID.match(text)
    if window:
        return f"PBF {window.group(1)}-{window.group(2)}"
    if _DIGITS.match(text):
        return text.zfill(8)
    return text
