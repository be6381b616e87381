"""Women and men counts read from a current-progress cell (VALUES.md rule 8)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.normalise.numbers import NUMBER_RE, token_value

_NUM = NUMBER_RE.pattern  # group 1 is the number
_WOMEN = r"femmes?|women|woman|females?|f\b"
_MEN = r"hommes?|men|man|males?|h\b|m\b"
_GIRLS = r"filles?|girls?"
_BOYS = r"gar[cç]ons?|boys?"


def _counts(pattern: str, text: str) -> list[float]:
    regex = re.compile(rf"{_NUM}\s*(?!%)(?:{pattern})", re.IGNORECASE)
    return [v for v in (token_value(m.group(1)) for m in regex.finditer(text)) if v is not None]


def _percents(pattern: str, text: str) -> list[float]:
    regex = re.compile(rf"{_NUM}\s*%\s*(?:de\s+|of\s+)?(?:{pattern})", re.IGNORECASE)
    return [v for v in (token_value(m.group(1)) for m in regex.finditer(text)) if v is not None]


@dataclass(frozen=True)
class SexSplit:
    """Women and men reached, as written in the cell (None where the cell does not say)."""

    women: float | None
    men: float | None
    contradicts_total: bool = False


def read_sex_split(text: str, total: float | None, statement: str = "") -> SexSplit:
    """Women/men in a current-progress cell; adults first, girls/boys only when no adult figure."""
    if not text:
        return SexSplit(None, None)
    women = _sum_or_none(_counts(_WOMEN, text)) or _sum_or_none(_counts(_GIRLS, text))
    men = _sum_or_none(_counts(_MEN, text)) or _sum_or_none(_counts(_BOYS, text))
    if total is not None:
        if women is None and _percents(_WOMEN, text):
            women = round(total * _percents(_WOMEN, text)[0] / 100.0, 6)
        if men is None and _percents(_MEN, text):
            men = round(total * _percents(_MEN, text)[0] / 100.0, 6)
    contradicts = total is not None and (women or 0) + (men or 0) > total + 1e-9
    return SexSplit(women, men, contradicts)


def _sum_or_none(values: list[float]) -> float | None:
    return float(sum(values)) if values else None
