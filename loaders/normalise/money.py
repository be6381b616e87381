"""Amounts and rates in spreadsheet and CSV cells: numbers typed as numbers, or text such as
`.000`, `-.05`, `1 234,56`, `$ 2,500`, `30%`. Text that is not an amount is reported, not zeroed."""
from __future__ import annotations

import math
import re

from loaders.normalise.numbers import read_number

_LEADING_POINT = re.compile(r"^(-?)\.(\d)")


def read_money_cell(value: object, decimal_comma: bool = False) -> tuple[float | None, str | None]:
    """(amount, problem): None with no problem for an empty cell; None with a problem for text."""
    if value is None:
        return None, None
    if isinstance(value, bool):
        return None, f"'{value}' is not an amount"
    if isinstance(value, (int, float)):
        number = float(value)
        return (number, None) if math.isfinite(number) else (None, f"'{value}' is not a finite amount")
    text = str(value).strip()
    if not text or text in ("-", "–"):
        return None, None
    if decimal_comma and "." not in text and re.fullmatch(r"-?[\d \u00a0\u202f]*,\d+", text):
        text = text.replace(",", ".").replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    text = _LEADING_POINT.sub(r"\g<1>0.\2", text)
    number = read_number(text)
    if number is None:
        return None, f"'{text[:30]}' is not an amount"
    return number, None


def read_share_cell(value: object) -> tuple[float | None, str | None]:
    """A share as a fraction: 0.3, `30%` and 30 all give 0.3."""
    if isinstance(value, str) and value.strip().endswith("%"):
        number, problem = read_money_cell(value.strip().rstrip("%").strip())
        return (None, problem) if number is None else (number / 100.0, None)
    number, problem = read_money_cell(value)
    if number is None:
        return None, problem
    return (number / 100.0 if number > 1 else number), None
