"""Reviewer comments exported inline by Word (`<TAB>Comment by NAME: text`): cut out and kept."""
from __future__ import annotations

import re
from dataclasses import dataclass

_INLINE = re.compile(r"\t?\s*(?:Comment by|Commentaire de|Commentaire par)\s+([^:\n\t]{1,80}?)\s*:\s*([^\t\n]*)")


@dataclass(frozen=True)
class Comment:
    """A reviewer comment: who wrote it, what it says, where it sits."""

    author: str
    text: str
    location: str = ""

    def as_dict(self) -> dict:
        return {"author": self.author, "text": self.text, "location": self.location}


def split_inline_comments(line: str, location: str = "") -> tuple[str, list[Comment]]:
    """The line without its inline comments, and the comments (author, text) it held."""
    comments = [Comment(m.group(1).strip(), m.group(2).strip(), location) for m in _INLINE.finditer(line)]
    if not comments:
        return line, []
    return _INLINE.sub("", line).rstrip(), comments
