"""Lens's own short sentences, in the interface language. The metrics and loaders write them in
English, in a small fixed grammar — why an indicator has its status (`17% of the way to target,
59 % of time elapsed`), where a value was read (`page 3, table 1, row 4`), what a data-quality flag
says — and this module writes each in French, numbers the French way. A sentence outside the
grammar is shown as written."""
from __future__ import annotations

import re

from ui.formats import fmt_decimal, fmt_money, is_missing
from ui.language import current

_NUMBER = r"(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)"
_UNIT_MIXUP = re.compile(r"current is more than " + _NUMBER + r"× the target \(a unit mix-up\?\)")

# status reasons (metrics/base.py, `status_reason`): pattern → French, numbers as {0}, {1}, text as {t}
_STATUS_FR: list[tuple[re.Pattern, str]] = [
    (re.compile(r"^no current value$"), "pas de valeur actuelle"),
    (re.compile(r"^current is a placeholder \((?P<t>.*)\)$"), "la valeur actuelle est à compléter ({t})"),
    (re.compile(r"^target is not a number in the unit of current$"),
     "la cible n'est pas un nombre dans l'unité de la valeur actuelle"),
    (re.compile(r"^target equals baseline$"), "la cible est égale à la base"),
    (re.compile(r"^time elapsed unknown$"), "temps écoulé inconnu"),
    (re.compile(r"^progress is written in words$"), "le progrès est décrit en mots"),
    (re.compile(rf"^current {_NUMBER} reaches target {_NUMBER}$"), "l'actuel {0} atteint la cible {1}"),
    (re.compile(rf"^current {_NUMBER} = baseline {_NUMBER}, {_NUMBER} ?% of time elapsed$"),
     "actuel {0} = base {1}, {2} % du temps écoulé"),
    (re.compile(rf"^current {_NUMBER} = baseline {_NUMBER}, unknown share of time elapsed$"),
     "actuel {0} = base {1}, part du temps écoulé inconnue"),
    (re.compile(rf"^current {_NUMBER} has reached milestone {_NUMBER}$"), "l'actuel {0} a atteint le jalon {1}"),
    (re.compile(rf"^current {_NUMBER} has moved away from target {_NUMBER} since baseline {_NUMBER}, {_NUMBER} ?% of time "
                r"elapsed$"), "l'actuel {0} s'est éloigné de la cible {1} depuis la base {2}, {3} % du temps écoulé"),
    (re.compile(rf"^{_NUMBER} ?% of the way to target, {_NUMBER} ?% of time elapsed$"),
     "{0} % du chemin vers la cible, {1} % du temps écoulé"),
]
_NO_BASELINE = " (no baseline: taken as 0)"

_PLACES_FR = [(re.compile(r"\bresults table\b"), "cadre de résultats"), (re.compile(r"\blines\b"), "lignes"),
              (re.compile(r"\bline\b"), "ligne"), (re.compile(r"\brows?\b"), "ligne"),
              (re.compile(r"\bcell\b"), "cellule"), (re.compile(r"\btable\b"), "tableau"),
              (re.compile(r"\bsheet\b"), "feuille"), (re.compile(r"\bpage\b"), "page")]

# data-quality flags (metrics/quality.py, `message` and `value_a`)
_FLAGS_FR = [
    ("reviewer comment: ", "commentaire de relecteur : "),
    ("baseline missing or to be determined", "base manquante ou à déterminer"),
    ("target is not a number", "la cible n'est pas un nombre"),
    ("women and men do not add up to the total", "femmes et hommes ne font pas le total"),
    ("report total differs from the sum of agency budgets", "le total du rapport diffère de la somme des budgets d'agences"),
    ("report agency budget differs from the budget workbook", "le budget d'agence du rapport diffère du budget Excel"),
    ("expenditure is above the budget", "les dépenses dépassent le budget"),
]
_SPLIT = re.compile(rf"^{_NUMBER} women \+ {_NUMBER} men$")


def _text(value) -> str:
    return "" if is_missing(value) else str(value)


def _numbers(match: re.Match, language: str | None = None) -> list[str]:
    language = language or current()
    return [fmt_decimal(float(g), language) for g in match.groups() if g is not None and "t" not in match.groupdict()]


def status_reason(sentence, language: str | None = None) -> str:
    """Why an indicator has its status, in the interface language."""
    language = language or current()
    text = _text(sentence)
    if language != "fr" or not text:
        return text
    tail = ""
    if text.endswith(_NO_BASELINE):
        text, tail = text[: -len(_NO_BASELINE)], " (pas de base : prise à 0)"
    for pattern, french in _STATUS_FR:
        match = pattern.match(text)
        if match:
            named = match.groupdict()
            return french.format(*_numbers(match, language), **named) + tail
    return text + tail


def location(place, language: str | None = None) -> str:
    """Where a value was read (`page 3, table 1, row 4`; `sheet 'Budget', cell B5`), in the interface language."""
    language = language or current()
    text = _text(place)
    if language != "fr" or not text:
        return text
    quoted = re.split(r"('[^']*')", text)  # a sheet's own name stays as written
    for index in range(0, len(quoted), 2):
        for pattern, french in _PLACES_FR:
            quoted[index] = pattern.sub(french, quoted[index])
    return "".join(quoted)


def flag_message(message, language: str | None = None) -> str:
    """A data-quality flag's sentence (or its compared values) in the interface language."""
    language = language or current()
    text = _text(message)
    split = _SPLIT.match(text) if text else None
    if split:  # `1 woman + 3 men`, `1 femme + 3 hommes`: one is singular
        counts = [float(g) for g in split.groups()]
        words = (("femme", "femmes"), ("homme", "hommes")) if language == "fr" else (("woman", "women"), ("man", "men"))
        return " + ".join(f"{fmt_decimal(n, language)} {one if n == 1 else many}"
                          for n, (one, many) in zip(counts, words, strict=True))
    if language != "fr" or not text:
        return text
    for english, french in _FLAGS_FR:
        text = text.replace(english, french)
    mixup = _UNIT_MIXUP.fullmatch(text)
    if mixup:
        return f"l'actuel dépasse {fmt_decimal(float(mixup.group(1)), language)} fois la cible (erreur d'unité ?)"
    # compared values (`669.28 (report_donors_pbf.csv)`): the amount the French way, the file as named
    amount, _, rest = text.partition(" (")
    if re.fullmatch(_NUMBER, amount):
        return fmt_decimal(float(amount), language) + (f" ({rest}" if rest else "")
    return text


MONEY_FLAGS = ("report_total_differs", "agency_budget_differs", "gewe_differs", "expenditure_above_budget")


def flag_value(code: str, value, language: str | None = None) -> str:
    """A flag's compared value as the page writes it: an amount of money as money (`$669
    (report_donors_pbf.csv)`, `669 $US (…)`), other values through `flag_message`."""
    language = language or current()
    text = _text(value)
    amount, _, rest = text.partition(" (")
    if code in MONEY_FLAGS and re.fullmatch(_NUMBER, amount):
        return fmt_money(float(amount), language) + (f" ({rest}" if rest else "")
    return flag_message(value, language)
