"""Find and read numbers written by hand in French or English (see VALUES.md, "Numbers").

Python's float() accepts far too much (`١٢٣`, `1_000`, `1e309`, `nan`); this
grammar accepts only ASCII digits with French or English grouping and decimals.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

# Group separators seen in reports: space, no-break space, narrow no-break space, en space.
_GROUP_SPACE = "[ \u00a0\u202f\u2002]"
NUMBER_RE = re.compile(
    r"(?<![0-9A-Za-z.,])"
    r"("
    rf"[0-9]{{1,3}}(?:{_GROUP_SPACE}[0-9]{{3}})+(?:,[0-9]{{1,2}}|\.[0-9]+)?(?![0-9])"  # 1 245 996,00 / 437 917.96
    r"|[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])"  # 2,500,000 / 2,276.5
    r"|[0-9]+(?:[.,][0-9]+)?"  # 1498000.00 / 0,5 / 7.5 / 15
    r")"
)
_PERCENT_AFTER = re.compile(r"^\s?%")


@dataclass(frozen=True)
class NumberToken:
    """One number found in a text, with where it sits and whether a % follows."""

    value: float
    start: int
    end: int
    text: str
    percent: bool

    @property
    def is_integer_literal(self) -> bool:
        return self.text.isdigit()


def read_number(text: str) -> float | None:
    """Read one number written alone (`1 245 996,00`, `2,500,000`, `$ 1498000`); None if not one."""
    if text is None:
        return None
    cleaned = re.sub(r"(?i)(us\$|usd|\$|dollars?)", "", text).strip().rstrip(".")
    tokens = find_numbers(cleaned)
    if len(tokens) != 1:
        return None
    token = tokens[0]
    rest = (cleaned[: token.start] + cleaned[token.end :]).strip()
    if rest not in ("", "%", "-"):
        return None
    return -token.value if cleaned.startswith("-") else token.value


def find_numbers(text: str) -> list[NumberToken]:
    """Every number in the text, in order, read by the FR/EN grammar."""
    tokens = []
    for match in NUMBER_RE.finditer(text):
        value = token_value(match.group(1))
        if value is None:
            continue
        percent = bool(_PERCENT_AFTER.match(text[match.end() :]))
        tokens.append(NumberToken(value, match.start(), match.end(), match.group(1), percent))
    return tokens


def find_amount(text: str) -> float | None:
    """The first money amount in a text (`$1 245 996,00`, `USD 2,500,000`), or None."""
    tokens = find_numbers(text or "")
    return tokens[0].value if tokens else None


def token_value(token: str) -> float | None:
    if re.fullmatch(rf"[0-9]{{1,3}}(?:{_GROUP_SPACE}[0-9]{{3}})+(?:,[0-9]{{1,2}}|\.[0-9]+)?", token):
        digits = re.sub(_GROUP_SPACE, "", token).replace(",", ".")
    elif re.fullmatch(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?", token):
        digits = token.replace(",", "")
    else:
        digits = token.replace(",", ".")
    value = float(digits)
    return value if math.isfinite(value) else None
