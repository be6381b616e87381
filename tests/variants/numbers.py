"""Money figures of a report's cover rewritten in another grouping (`1 500 000,00`,
`1,500,000.00`, `1500000`), the budget block rewritten as tab-separated cells, and every
`Label: value` line as two cells (the text export of a cover laid out as a Word table)."""
from __future__ import annotations

import re

from loaders.normalise.numbers import NUMBER_RE, token_value

STYLES = ("french", "english", "plain")
_DOLLAR_AMOUNT = re.compile(r"(?P<cur>US\$|USD|\$)(?P<sp>\s*)(?P<num>" + NUMBER_RE.pattern[len(r"(?<![0-9A-Za-z.,])"):] + ")")
_ANSWER_AMOUNT = re.compile(r"(?P<lead>(?:femmes|empowerment|obligatoire\)|required\))\s*:\s*)(?P<num>[0-9][0-9 ,.]*[0-9])")


def written(value: float, style: str) -> str:
    """An amount in one of the three groupings, cents kept."""
    whole, cents = divmod(round(value * 100), 100)
    if style == "plain":
        return f"{whole}" + (f".{cents:02d}" if cents else "")
    grouped = f"{whole:,}"
    if style == "english":
        return grouped + f".{cents:02d}"
    return grouped.replace(",", " ") + f",{cents:02d}"


def _results_start(text: str) -> int:
    match = re.search(r"^\t(Indicateurs|Performance Indicators)\s*$", text, re.MULTILINE)
    return match.start() if match else len(text)


def regroup(text: str, style: str) -> str:
    """Every dollar amount and GEWE/evaluation answer before the results table, in `style`."""
    cut = _results_start(text)
    head, tail = text[:cut], text[cut:]

    def dollar(match: re.Match) -> str:
        value = token_value(match.group("num"))
        return match.group(0) if value is None else f"{match.group('cur')}{match.group('sp')}{written(value, style)}"

    def answer(match: re.Match) -> str:
        value = token_value(match.group("num").strip())
        return match.group(0) if value is None else match.group("lead") + written(value, style)

    head = _DOLLAR_AMOUNT.sub(dollar, head)
    head = _ANSWER_AMOUNT.sub(answer, head)
    return head + tail


def budget_as_cells(text: str) -> str:
    """The budget block's `NAME   $ AMOUNT` lines as tab-started cells, one per line."""
    lines = text.split("\n")
    out = []
    inside = False
    for line in lines:
        if re.search(r"Budget PBF total approuv|Total PBF approved project budget", line):
            inside = True
            out.append(line)
            continue
        if inside:
            match = re.match(r"^(?P<name>.*?\S)\s*:?\s+(?P<amount>(?:US\$|USD|\$)\s*[0-9][0-9 ,.]*)\s*$", line)
            if match:
                out += ["\t" + match.group("name").strip(), "\t" + match.group("amount").strip()]
                if re.match(r"^\s*total", line, re.IGNORECASE):
                    inside = False
                continue
        out.append(line)
    return "\n".join(out)


_LABEL_LINE = re.compile(r"^(\t?)([A-Z][^:\t]{3,120}?)\s?:\s*(\S.*)$")
_ANCHOR_LINE = re.compile(r"^\t?(Outcome|Output|Indicator|Résultat|Produit|Indicateur)\b")


def cover_as_cells(text: str) -> str:
    """`Project Title: X` → a label cell and a value cell (`\tProject Title:` / `\tX`)."""
    out = []
    for line in text.split("\n"):
        match = _LABEL_LINE.match(line)
        if match and not _ANCHOR_LINE.match(line) and len(match.group(3)) < 200:
            out += ["\t" + match.group(2) + ":", "\t" + match.group(3)]
        else:
            out.append(line)
    return "\n".join(out)
