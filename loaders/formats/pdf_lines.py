"""Lines of a PDF page: words grouped into lines by the height they share (a taller accented
capital stays on its line), and whether a line is the one above it wrapping."""
from __future__ import annotations

import re
from dataclasses import dataclass

LINE_TOLERANCE = 3.0  # points: words whose tops differ less sit on one line
PARAGRAPH_GAP = 0.9  # a gap between lines wider than this share of a line's height ends a paragraph
SPACE = 4.0  # points: a space and some slack for justified text
NEW_ITEM = re.compile(r"^\s*(?:[·•▪◦\-–*☐☒■□]|\|_\||\(?[a-z0-9]{1,3}[).]\s)")


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    first_width: float  # width of the line's first word: would it have fitted on the line above?

    def wrapped_into(self, previous: Line, right: float) -> bool:
        """True when this line continues `previous`: its first word did not fit in what was left of it."""
        return right - previous.x1 < self.first_width + SPACE and not NEW_ITEM.match(self.text)


def lines_of(words: list[dict]) -> list[Line]:
    """Words grouped into lines, left to right (see `word_groups`)."""
    return [line_of(group) for group in word_groups(words)]


def word_groups(words: list[dict]) -> list[list[dict]]:
    """Words grouped into lines, top to bottom and left to right: a word joins the line its height
    mostly overlaps, so a taller glyph (an accented capital, `Élevé`) stays on its line whatever the
    font size."""
    lines: list[list[dict]] = []
    span = (0.0, 0.0)  # the current line's top and bottom
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and same_line(span, word):
            lines[-1].append(word)
            span = (min(span[0], word["top"]), max(span[1], word["bottom"]))
        else:
            lines.append([word])
            span = (word["top"], word["bottom"])
    for group in lines:
        group.sort(key=lambda w: w["x0"])
    lines.sort(key=lambda group: min(w["top"] for w in group))
    return lines


def line_of(group: list[dict]) -> Line:
    return Line(" ".join(w["text"] for w in group), group[0]["x0"], max(w["x1"] for w in group),
                 min(w["top"] for w in group), max(w["bottom"] for w in group), group[0]["x1"] - group[0]["x0"])


def same_line(span: tuple[float, float], word: dict) -> bool:
    """Whether the word sits on the line spanning `span`: close tops, or half its height shared."""
    if abs(span[0] - word["top"]) <= LINE_TOLERANCE:
        return True
    shared = min(span[1], word["bottom"]) - max(span[0], word["top"])
    return shared > 0.5 * max(min(span[1] - span[0], word["bottom"] - word["top"]), 1.0)


def join(text: str, more: str) -> str:
    """A wrapped line joined to its paragraph; a word broken at its hyphen (`income-` `generating`) is rejoined."""
    if re.search(r"[^\W\d]-$", text):
        return text + more
    return text + " " + more
