"""Checks a PDF before pdfplumber opens it: size, that it is a PDF at all, and that its
compressed streams do not inflate to an unreasonable size (a PDF bomb), which pdfminer would
otherwise decompress into memory without a limit."""
from __future__ import annotations

import re
import zlib

from loaders.errors import UnreadableFile

MAX_PDF_BYTES = 50 * 1024 * 1024
MAX_INFLATED_BYTES = 256 * 1024 * 1024
MAX_STREAM_INFLATED = 64 * 1024 * 1024  # one page's content or one image; real reports stay far below
_STREAM = re.compile(rb"stream\r?\n")
_HINT_EXPORT = "export it again from Word (File › Save as › PDF)"


def check_pdf(data: bytes, name: str) -> None:
    """Raise UnreadableFile unless `data` looks like a PDF of sane size whose streams inflate sanely."""
    if not data:
        raise UnreadableFile("the file is empty (0 bytes), not a PDF", name)
    if len(data) > MAX_PDF_BYTES:
        raise UnreadableFile(f"the PDF is {len(data) // 1_048_576} MB; reports are read up to "
                             f"{MAX_PDF_BYTES // 1_048_576} MB", name)
    if b"%PDF-" not in data[:1024]:
        if data[:2] == b"PK":
            raise UnreadableFile("this is a Word or Excel file saved with a .pdf name; rename it to .docx or .xlsx", name)
        raise UnreadableFile("this is not a PDF (no PDF header)", name, hint=_HINT_EXPORT)
    inflated = 0
    for match in _STREAM.finditer(data):
        end = data.find(b"endstream", match.end())
        if end < 0:
            break
        chunk = data[match.end() : end]
        try:
            inflater = zlib.decompressobj()
            out = inflater.decompress(chunk, min(MAX_INFLATED_BYTES - inflated, MAX_STREAM_INFLATED) + 1)
        except zlib.error:
            continue  # not a Flate stream (images, other filters): pdfminer reads those itself
        inflated += len(out)
        if inflated > MAX_INFLATED_BYTES or len(out) > MAX_STREAM_INFLATED:
            raise UnreadableFile("this PDF inflates to an unsafe size (a 'PDF bomb'); it was not opened", name)
