"""Text folding shared by every reader: form-field blanks, white space, accents for matching."""
from __future__ import annotations

import re
import unicodedata

FORM_BLANK = "\u2002"  # Word form fields exported as runs of en spaces
_SPACES = re.compile(r"[ \t\u00a0\u202f\u2002\u2009\u200b]+")
# Combining marks (accents once NFKD has split them off), removed by str.translate at C speed.
_COMBINING = dict.fromkeys(
    [*range(0x0300, 0x0370), *range(0x1AB0, 0x1B00), *range(0x1DC0, 0x1E00), *range(0x20D0, 0x2100),
     *range(0xFE20, 0xFE30)])


def clean(text: str | None) -> str:
    """Cell text as written: form-field blanks and runs of white space folded to one space."""
    if not text:
        return ""
    text = text.replace("\r", "")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return " ".join(line for line in lines if line)


def clean_lines(text: str | None) -> list[str]:
    """The non-empty lines of a cell, each cleaned."""
    if not text:
        return []
    return [line for line in (_SPACES.sub(" ", raw).strip() for raw in text.split("\n")) if line]


def fold(text: str | None) -> str:
    """Lower-case, accent-free, punctuation-light text for tolerant comparisons."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text).translate(_COMBINING)
    text = text.replace("œ", "oe").replace("Œ", "oe").replace("’", "'").replace("‘", "'")
    text = re.sub(r"[^\w%$#'/.-]+", " ", text.casefold())
    return re.sub(r"\s+", " ", text).strip()


def is_blank(text: str | None) -> bool:
    """True for nothing, white space or Word form-field blanks."""
    return clean(text) == ""
