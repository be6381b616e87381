"""Checks an Office file (a zip package) before any parser opens it: size, entry count,
compression ratio and XML entity declarations, which none of our libraries refuse on their own."""
from __future__ import annotations

import io
import zipfile

from loaders.errors import UnreadableFile

MAX_ENTRIES = 2_000
MAX_TOTAL_UNCOMPRESSED = 300 * 1024 * 1024
MAX_RATIO = 200
_XML_SUFFIXES = (".xml", ".rels")


def check_package(data: bytes, name: str, kind: str) -> None:
    """Raise UnreadableFile unless `data` is a sane, entity-free Office zip package."""
    if len(data) == 0:
        raise UnreadableFile(f"the file is empty (0 bytes), not a {kind} document", name)
    if data[:4] == b"%PDF":
        raise UnreadableFile(f"this is a PDF saved with a .{kind} name", name)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise UnreadableFile("this is an old binary Office file or a password-protected one; "
                             f"save it as .{kind} without a password", name)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise UnreadableFile(f"this is not a .{kind} document (not a zip package, or truncated)", name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            entries = package.infolist()
            _check_sizes(entries, name)
            for entry in entries:
                if entry.filename.endswith(_XML_SUFFIXES):
                    _check_entities(package, entry, name)
    except (zipfile.BadZipFile, EOFError, ValueError) as error:
        raise UnreadableFile(f"the .{kind} package is corrupt ({error})", name) from error


def _check_sizes(entries: list[zipfile.ZipInfo], name: str) -> None:
    if len(entries) > MAX_ENTRIES:
        raise UnreadableFile(f"the package holds {len(entries)} parts (more than {MAX_ENTRIES})", name)
    total = sum(e.file_size for e in entries)
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise UnreadableFile(f"the package would expand to {total // 1_048_576} MB; refused as a "
                             "possible zip bomb", name)
    for entry in entries:
        if entry.compress_size and entry.file_size / entry.compress_size > MAX_RATIO and entry.file_size > 10_000_000:
            raise UnreadableFile(f"part {entry.filename} is compressed {entry.file_size // entry.compress_size}:1; "
                                 "refused as a possible zip bomb", name)


def _check_entities(package: zipfile.ZipFile, entry: zipfile.ZipInfo, name: str) -> None:
    read = 0
    with package.open(entry) as stream:
        head = b""
        while chunk := stream.read(1 << 20):
            read += len(chunk)
            if read > MAX_TOTAL_UNCOMPRESSED:
                raise UnreadableFile(f"part {entry.filename} expands past its declared size; refused", name)
            window = head + chunk
            if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                raise UnreadableFile(f"part {entry.filename} declares XML entities (DOCTYPE/ENTITY); "
                                     "refused as unsafe", name)
            head = chunk[-16:]
