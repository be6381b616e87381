"""Turns the text of a labelled field into its value: ids, report type, markers, rates, amounts."""
from __future__ import annotations

import re

from loaders.normalise.numbers import find_numbers, read_number
from loaders.normalise.text import clean, fold

_PROJECT_ID_PATTERNS = [
    re.compile(r"\bPBF\s*/\s*[A-Z]{3}\s*/\s*[A-Z0-9]+(?:-\d+)?", re.IGNORECASE),  # PBF/MLI/A-2
    re.compile(r"\bPBF[\s/-]*(?:IRF|PRF)[\s/-]*\d+", re.IGNORECASE),  # PBF IRF-217
    re.compile(r"(?<!\d)\d{8}(?!\d)"),  # 00125232 (MPTF Gateway)
]
_AMOUNT_START = re.compile(r"^\s*(?:US\$|USD|\$|US\s*\$)?\s*[0-9]", re.IGNORECASE)
TYPE_PROMPT = re.compile(r"semestriel\s*,?\s*annuel\s+ou\s+final|semi-annual\s*,?\s*annual\s+or\s+final", re.IGNORECASE)


def read_project_ids(text: str) -> list[str]:
    """Project numbers as written: `00125232`, `PBF/MLI/A-2`, `PBF IRF-217`."""
    found: list[tuple[int, str]] = []
    taken: list[range] = []
    for pattern in _PROJECT_ID_PATTERNS:
        for match in pattern.finditer(text or ""):
            if any(match.start() in span for span in taken):
                continue
            taken.append(range(match.start(), match.end()))
            found.append((match.start(), re.sub(r"\s+", " ", match.group(0)).strip()))
    return [value for _, value in sorted(found)]


def read_window(project_ids: list[str]) -> str | None:
    """IRF or PRF when the project number says so (`PBF IRF-217`)."""
    for project_id in project_ids:
        match = re.search(r"\b(IRF|PRF)\b", project_id.upper())
        if match:
            return match.group(1)
    return None


def read_report_type(text: str) -> str | None:
    """semi-annual | annual | final from `SEMESTRIEL, ANNUEL OU FINAL : ANNUEL` (the prompt removed)."""
    answer = fold(TYPE_PROMPT.sub(" ", text or ""))
    answer = answer.strip(" :.-")
    named = [bool(re.search(words, answer)) for words in (r"semestriel|semi-?annu", r"(?<!semi-)(?<!semi)\bannu(?:el|al)",
                                                          r"\bfinal")]
    if sum(named) >= 2:
        return None  # the prompt itself, cut where its label wrapped (`SEMESTRIEL, ANNUEL OU` / `FINAL :`)
    if re.search(r"semestriel|semi-?annu|biannu|semi annu", answer):
        return "semi-annual"
    if re.search(r"\bannuel|\bannual", answer):
        return "annual"
    if re.search(r"\bfinal", answer):
        return "final"
    return None


def read_marker(text: str, words: dict[str, int] | None = None) -> int | None:
    """Gender/risk marker: `GEN 1`, `GM2`, `Gender Marker 3`, `GEM2`, `2`, or words (Low → 0)."""
    folded = fold(text)
    match = re.search(r"(?:gen|gem|gm|marker|marqueur)\s*-?\s*([0-3])\b", folded) or re.fullmatch(r"\s*([0-3])\s*\.?", folded)
    if match:
        return int(match.group(1))
    for word, value in (words or {}).items():
        if re.search(rf"\b{word}\b", folded):
            return value
    return None


RISK_WORDS = {"low": 0, "faible": 0, "medium": 1, "moyen": 1, "high": 2, "eleve": 2}


# Word answers to a money or rate question (VALUES.md): one that means nothing was allocated, spent or
# done is 0; one that gives no figure is null. Either way no number further on is taken for it.
_ZERO_ANSWER = re.compile(r"(?:neant|aucune?|nil|none|nulle?|zero|rien|pas encore|not yet)\b")
_NO_ANSWER = re.compile(r"(?:n\s?/\s?a|n\.a\.?|nd|s\.o\.?|tbd|tbc|a determiner|a preciser|to be (?:determined|confirmed)|"
                        r"non (?:disponible|applicable|connue?)|not (?:yet )?(?:available|applicable|known)|"
                        r"pas (?:encore )?(?:disponible|connue?)|sans objet|inconnue?|unknown)(?:\W|$)|[-–—_.]+$")
# the next question, not an answer: `2) Marqueur…`, `a) …`, a bare `2)` (a list mark set apart), `… :`, `…?`
_QUESTION = re.compile(r"^\s*(?:\d{1,2}\s*[).](?:\s|$)|[a-z]\)(?:\s|$))|[:?]\s*$", re.IGNORECASE)
_FIGURE_START = re.compile(r"^\s*(?:US\s?\$|USD|\$)?\s*\d", re.IGNORECASE)


def word_answer(text: str) -> tuple[bool, float | None]:
    """(True, 0.0) for `Néant`, `Aucun`, `Nil`, `None`; (True, None) for `N/A`, `-`, `TBD`; (False, None)
    for anything else (a number, or a sentence)."""
    key = fold(clean(text or "")).strip(" .:;!")
    if not key:
        return False, None
    if _NO_ANSWER.match(key):  # before the zero words: `Pas encore disponible` gives no figure, not 0
        return True, None
    if _ZERO_ANSWER.match(key) and len(key) <= 40 and not re.search(r"[1-9]", key):  # `Aucun budget…, 15 000 USD`
        return True, 0.0
    return False, None


def looks_like_answer(text: str) -> bool:
    """A line below a question that can be its answer: short, or starting with a figure (`45 % du budget
    total … (USD 1 350 000 sur …)`), and not the next question (`2) …`, `…:`)."""
    text = clean(text or "")
    return 0 < len(text) and (len(text) <= 60 or bool(_FIGURE_START.match(text))) and not _QUESTION.search(text)


def read_rate(text: str) -> float | None:
    """`37%` → 0.37; a rate is a fraction."""
    numbers = find_numbers(clean(text))
    if not numbers:
        return None
    return round(numbers[0].value / 100.0, 6)


def read_amount(text: str) -> float | None:
    """A money amount that starts the text (`$1 245 996,00`, `USD 2,500,000`, `30000.00`), else None."""
    text = clean(text)
    if not _AMOUNT_START.match(text):
        return None
    head = re.split(r"\s/\s|\s\(|;", text)[0]
    value = read_number(head)
    if value is None:
        numbers = find_numbers(head)
        value = numbers[0].value if numbers else None
    return value


def read_amount_pair(text: str) -> tuple[float | None, float | None]:
    """`$635 133 / $635 133` or `$ 450,000 and $ 120,500` → the two amounts; a single amount → (amount, None)."""
    parts = [p for p in re.split(r"\s/\s|\s(?:and|et)\s|;", clean(text), flags=re.IGNORECASE) if p.strip()]
    first = read_amount(parts[0]) if parts else None
    second = read_amount(parts[1]) if len(parts) > 1 else None
    return first, second


def read_int(text: str) -> int | None:
    """A whole number written alone (`18`)."""
    value = read_number(clean(text))
    return int(value) if value is not None and float(value).is_integer() else None
