"""Text exports of Word reports: a line starting with a tab starts a table cell, Word
form-field blanks are runs of U+2002, and margin comments appear inline as `Comment by NAME:`."""
from __future__ import annotations

import re

from loaders.errors import UnreadableFile
from loaders.model import Document, Paragraph
from loaders.normalise.comments import split_inline_comments

BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")
MAX_TEXT_BYTES = 20 * 1024 * 1024


def decode_text(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if not data.strip():
        raise UnreadableFile("the file is empty", name)
    if len(data) > MAX_TEXT_BYTES:
        raise UnreadableFile(f"the file is {len(data) // 1_048_576} MB; reports are read up to "
                             f"{MAX_TEXT_BYTES // 1_048_576} MB", name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise UnreadableFile("this is a binary file, not a text export", name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_txt(data: bytes, name: str, sha256: str) -> Document:
    """Read a text export into paragraphs; tab-started lines open table cells."""
    text = decode_text(data, name)
    paragraphs: list[Paragraph] = []
    comments = []
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        location = f"line {number}"
        line = BOOKMARK.sub("", line)
        starts_cell = line.startswith("\t")
        body, line_comments = split_inline_comments(line, location)
        comments.extend(line_comments)
        if starts_cell and not body.strip() and line_comments:
            starts_cell = False  # a comment-only line belongs to the cell above
        paragraphs.append(Paragraph(body.strip("\t").rstrip(), location, line_comments, cell_start=starts_cell))
    return Document(name, sha256, "txt", paragraphs, tables_known=False, comments=comments)
