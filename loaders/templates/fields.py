"""Finds the labelled fields of a report's cover and narrative (`Titre du projet : …`) and the
lines that follow a label when the value is written below it."""
from __future__ import annotations

from dataclasses import dataclass, field

from loaders.model import Paragraph
from loaders.normalise.text import clean
from loaders.templates.labels import match_field, value_after_label

MAX_FOLLOWING = 12


@dataclass
class FieldHit:
    """Where a field's label was found, what follows it on the same line and below it."""

    name: str
    location: str
    inline: str
    label_text: str = ""
    following: list[Paragraph] = field(default_factory=list)
    index: int | None = None  # the label's paragraph index, for readers that walk on past the next label

    def first_value(self) -> str:
        """The value on the label's line, else the first non-empty line below it."""
        if self.inline:
            return self.inline
        return clean(self.following[0].text).lstrip(":").strip() if self.following else ""

    def values(self) -> list[str]:
        """Every line of the value: the inline part, then the lines below."""
        lines = [self.inline] if self.inline else []
        return lines + [clean(p.text).lstrip(":").strip() for p in self.following]


def find_fields(paragraphs: list[Paragraph], stop_at: int | None = None) -> dict[str, FieldHit]:
    """The first occurrence of every known field label among the paragraphs (before `stop_at`)."""
    end = len(paragraphs) if stop_at is None else stop_at
    labelled = [(i, match_field(paragraphs[i].text)) for i in range(end)]
    label_rows = [i for i, name in labelled if name]
    hits: dict[str, FieldHit] = {}
    for position, (index, name) in enumerate((i, n) for i, n in labelled if n):
        if name in hits:
            continue
        next_label = label_rows[position + 1] if position + 1 < len(label_rows) else end
        below = []
        for candidate in paragraphs[index + 1 : next_label]:
            if len(below) == MAX_FOLLOWING:
                break
            if candidate.text.strip() and clean(candidate.text):
                below.append(candidate)
        paragraph = paragraphs[index]
        text = clean(paragraph.text)
        hits[name] = FieldHit(name, paragraph.location, value_after_label(text), text, below, index)
    return hits
