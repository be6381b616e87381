"""The cell grammar of a results table: baseline, target, milestone and current-progress cells
become `{raw, value, unit}` by the rules of VALUES.md ("Cells of an indicator table")."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from loaders.normalise.dates import MONTH_RE
from loaders.normalise.numbers import NumberToken, find_numbers
from loaders.normalise.text import clean, clean_lines, fold

_PLACEHOLDER = re.compile(
    r"^(tbd|tbc|n/?a|n\.a\.?|nd|-+|–|—|\?|a determiner.*|a preciser.*|to be (determined|confirmed|defined).*|"
    r"non disponible|not available|pas disponible|en attente.*)$"
)
# Words after which a number is a year (or a mistyped year), never a measure.
_DATE_CONTEXT = re.compile(
    r"(?:\ben|\bau cours de|\bcourant|\bd'ici|\bdebut|\bfin|\bdepuis|\bjusqu'en|\btrimestre|\bsemestre|"
    r"\bannee|\bmois de|\bin|\bby|\bduring|\bsince|\buntil|\bend of|\byear|\bquarter|"
    rf"(?:{MONTH_RE.pattern})\.?)\s*$",
    re.IGNORECASE,
)
_AFTER_YEAR = re.compile(r"(?:\bet|\band|-|–|/|à|to)\s*$", re.IGNORECASE)
_NEGATION_AFTER = re.compile(
    r"^[^.;]*?\b(n'ont pas|n'a pas|ne sont pas|n'est pas|ne disposent pas|n'existent? pas|aucun|"
    r"do not|does not|did not|have no|has no|lack)\b",
)
_RANGE = re.compile(r"\s*(?:-|–|—|à|a|to|et|and|au)\s*", re.IGNORECASE)  # between the two ends of a range
_BARE_NUMBER = re.compile(r"^-?[0-9][0-9 \u00a0\u202f.,]*$")
_COUNTRY_LINE = re.compile(r"^\s*[0-9][0-9 ,.]*\s*(\([^)]{1,40}\)|(en|au|in)\s+\w+)?\s*\.?$")


@dataclass(frozen=True)
class CellValue:
    """What an indicator cell says: the text as written, its number and its unit."""

    raw: str
    value: float | None
    unit: str | None  # number | percent | text | None (empty)

    def as_dict(self) -> dict:
        value = self.value
        if value is not None and float(value).is_integer():
            value = int(value)
        return {"raw": self.raw, "value": value, "unit": self.unit}


EMPTY = CellValue("", None, None)


def measuring_numbers(text: str) -> list[NumberToken]:
    """Numbers in a cell that can measure something: years, days of a date and COVID-19 left out."""
    masked = re.sub(r"(?i)covid[- ]?19", "covid", text)
    tokens = find_numbers(masked)
    kept: list[NumberToken] = []
    previous_year_end = None
    for token in tokens:
        before = fold(masked[max(0, token.start - 25) : token.start])
        after = masked[token.end : token.end + 15]
        if re.match(r"[eE][+-]?[0-9]", after):
            continue  # `1e309`: scientific notation is not how reports write a measure
        if token.start >= 1 and masked[token.start - 1] == "-" and (token.start == 1 or masked[token.start - 2] in " (:"):
            token = NumberToken(-token.value, token.start - 1, token.end, "-" + token.text, token.percent)
        if _looks_like_year(token, before, previous_year_end, masked):
            previous_year_end = token.end
            continue
        if token.is_integer_literal and token.value <= 31 and MONTH_RE.match(after.strip()):
            continue  # day of a date: `le 19 octobre 2021`
        kept.append(token)
    return kept


def _looks_like_year(token: NumberToken, before: str, previous_year_end: int | None, text: str) -> bool:
    if not token.is_integer_literal or token.percent:
        return False
    value = int(token.value)
    in_date_context = bool(_DATE_CONTEXT.search(before))
    if previous_year_end is not None and _AFTER_YEAR.search(text[previous_year_end : token.start]):
        in_date_context = True
    if in_date_context:
        return 1900 <= value <= 2099 or bool(re.fullmatch(r"20\d{3}", token.text))
    return False


def read_cell(text: str | None, target: CellValue | None = None, role: str = "value") -> CellValue:
    """Read one baseline/target/milestone/current cell. `target` is the row's target, already read."""
    raw = clean(text)
    if not raw:
        return EMPTY
    folded = fold(raw)
    if _PLACEHOLDER.match(folded.strip(" .")):
        return CellValue(raw, None, "text")
    lines = clean_lines(text)
    if len(lines) > 1 and all(_COUNTRY_LINE.match(line) for line in lines):
        numbers = [measuring_numbers(line)[0] for line in lines]
        total = sum(n.value for n in numbers)
        return CellValue(raw, total, "percent" if numbers[0].percent else "number")
    numbers = measuring_numbers(raw)
    if not numbers:
        return CellValue(raw, None, "text")
    first = numbers[0]
    if first.value and _NEGATION_AFTER.match(raw[first.end :].lower().replace("’", "'")):
        return CellValue(raw, None, "text")
    if not first.percent and len(numbers) > 1 and numbers[1].percent and _RANGE.fullmatch(raw[first.end : numbers[1].start]):
        first = numbers[0] = replace(first, percent=True)  # `40-50%`, `entre 40 et 50 %`: a range keeps its unit
    if first.percent:
        return _read_percent(raw, numbers, target, role)
    if target is not None and target.unit == "percent" and _BARE_NUMBER.match(raw):
        return CellValue(raw, first.value, "percent")
    return CellValue(raw, first.value, "number")


def _read_percent(raw: str, numbers: list[NumberToken], target: CellValue | None, role: str) -> CellValue:
    first = numbers[0]
    target_is_count = target is not None and target.unit == "number" and target.value is not None
    if role != "current" or not target_is_count:
        return CellValue(raw, first.value, "percent")
    counts = [n for n in numbers[1:] if not n.percent]
    if counts:  # `270% (406)`, `100 % / 500 PfP formés`, `100%; les 20 villages`
        return CellValue(raw, counts[0].value, "number")
    return CellValue(raw, round(first.value / 100.0 * target.value, 6), "number")
