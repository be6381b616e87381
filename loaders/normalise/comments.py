"""Reviewer comments exported inline by Word (`<TAB>Comment by NAME: text`): cut out and kept."""
from __future__ import annotations

import re
from dataclasses import dataclass

_OPENING = r"(?:Comment by|Commentaire de|Commentaire par)"
_INLINE = re.compile(r"\t?\s*" + _OPENING + r"\s+([^:\n\t]{1,80}?)\s*:\s*([^\t\n]*)")
_OPENING_AFTER_BLANK = re.compile(r"\s*(?=" + _OPENING + r"\s)")
_UNFINISHED = re.compile(_OPENING + r"(?:\s+[A-ZÀ-Ý][^:\t]{0,80})?\s*$")  # a name starts with a capital


@dataclass(frozen=True)
class Comment:
    """A reviewer comment: who wrote it, what it says, where it sits."""

    author: str
    text: str
    location: str = ""

    def as_dict(self) -> dict:
        return {"author": self.author, "text": self.text, "location": self.location}


def opens_comment(text: str) -> bool:
    """Whether the text ends inside a comment's opening (`… Comment by Malika`), its name still to come."""
    return _UNFINISHED.search(text) is not None


def split_inline_comments(line: str, location: str = "", tabs_lost: bool = False) -> tuple[str, list[Comment]]:
    """The line without its inline comments, and the comments (author, text) it held. Where the
    tab before each comment was lost (a text export printed to PDF), each `Comment by` ends the one before."""
    if tabs_lost:
        line = _OPENING_AFTER_BLANK.sub("\t", line)
    comments = [Comment(m.group(1).strip(), m.group(2).strip(), location) for m in _INLINE.finditer(line)]
    if not comments:
        return line, []
    return _INLINE.sub("", line).rstrip(), comments
