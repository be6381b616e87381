"""Writes the bad-file corpus into a folder: every kind of file country offices may feed Lens by
mistake, made by this script (no committed binaries). KINDS maps each file to what must happen:
("fail", words of the one-line message), ("land", words of a warning, or None), or ("unchanged", None)
for a file whose bytes are already stored under another name.

    python tests/badfiles/make_badfiles.py OUT_FOLDER
"""
from __future__ import annotations

import io
import struct
import sys
import zipfile
import zlib
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "samples" / "ml-cadre-crise-centre-annual-2020.txt"

KINDS: dict[str, tuple[str, str | None]] = {
    "empty.txt": ("fail", "the file is empty"),
    "zero-bytes.docx": ("fail", "empty (0 bytes)"),
    "one-byte.docx": ("fail", "not a .docx document"),
    "zero-bytes.xlsx": ("fail", "empty (0 bytes)"),
    "one-byte.xlsx": ("fail", "not a .xlsx document"),
    "pdf-named.docx": ("fail", "this is a PDF saved with a .docx name"),
    "image-named.docx": ("fail", "not a .docx document"),
    "truncated.docx": ("fail", "not a .docx document (not a zip package, or truncated)"),
    "zip-bomb-declared.docx": ("fail", "possible zip bomb"),
    "zip-bomb-real.docx": ("fail", "possible zip bomb"),
    "xxe.docx": ("fail", "declares XML entities"),
    "billion-laughs.xlsx": ("fail", "declares XML entities"),
    "password-protected.xlsx": ("fail", "password-protected"),
    "old-word.docx": ("fail", "old binary Office file"),
    "million-rows.xlsx": ("fail", "1,000,000 rows"),
    "too-many-parts.docx": ("fail", "parts (more than"),
    "not-word-inside.docx": ("fail", "Word could not open this .docx"),
    "binary-named.txt": ("fail", "binary file"),
    "fifty-megabytes.txt": ("fail", "reports are read up to 20 MB"),
    "notes.pdf": ("fail", "this PDF is damaged"),
    "scanned.pdf": ("fail", "PDF holds no text"),
    "photo-scan.pdf": ("fail", "no text that OCR could read"),
    "encrypted.pdf": ("fail", "password-protected"),
    "pdf-bomb.pdf": ("fail", "PDF bomb"),
    "word-named.pdf": ("fail", "Word or Excel file saved with a .pdf name"),
    "notes.odt": ("fail", "files ending in '.odt' are not read"),
    "broken.json": ("fail", "not valid JSON"),
    "contacts.xlsx": ("fail", "neither a PBF budget"),
    "contacts.csv": ("fail", "not a financial export"),
    "cp1252-report.txt": ("land", None),
    "utf16-report.txt": ("land", None),
    "shifted-columns.txt": ("land", "indicator row has"),
    "missing-header.txt": ("land", "no results table"),
    "odd-numbers.txt": ("land", None),
    "duplicate-codes.txt": ("land", "appears again"),
    # files that read fine but are no document Lens knows: refused, no project made of them
    "shopping-list.txt": ("fail", "not a PBF report, budget workbook or financial export"),
    "steering-minutes.txt": ("fail", "not a PBF report, budget workbook or financial export"),
    "canteen-progress-report.txt": ("fail", "names no project and holds no results table"),
    "letter.docx": ("fail", "not a PBF report, budget workbook or financial export"),
    "newsletter.pdf": ("fail", "not a PBF report, budget workbook or financial export"),
    "semicolon-export.csv": ("land", "is not an amount"),
    "same-report-other-name.txt": ("land", None),
    "same-report-again.txt": ("unchanged", None),
}


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in entries.items():
            package.writestr(name, data)
    return buffer.getvalue()


def _docx_parts(document_xml: bytes) -> dict[str, bytes]:
    content_types = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     b'<Default Extension="xml" ContentType="application/xml"/></Types>')
    return {"[Content_Types].xml": content_types, "word/document.xml": document_xml}


def _seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def make(folder: Path) -> dict[str, tuple[str, str | None]]:
    """Write every file of the corpus; returns KINDS."""
    folder.mkdir(parents=True, exist_ok=True)
    text = _seed_text()
    files: dict[str, bytes] = {
        "empty.txt": b"", "zero-bytes.docx": b"", "one-byte.docx": b"P", "zero-bytes.xlsx": b"", "one-byte.xlsx": b"P",
        "pdf-named.docx": b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n",
        "image-named.docx": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
        "password-protected.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024,
        "old-word.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x01" * 1024,
        "binary-named.txt": b"\x00\x01\x02binary\x00" * 100,
        "notes.pdf": b"%PDF-1.4",
        "scanned.pdf": _pdf([b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                             _stream(b"0 0 1 rg 72 72 200 200 re f")]),
        "encrypted.pdf": _pdf([b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"],
                              trailer=b"/Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <" + b"ab" * 32 +
                              b"> /U <" + b"cd" * 32 + b"> >> /ID [<0123456789abcdef0123456789abcdef> "
                              b"<0123456789abcdef0123456789abcdef>]"),
        "pdf-bomb.pdf": _pdf([b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                              _stream(zlib.compress(b" " * (80 * 1024 * 1024), 9), flate=True)]),
        "notes.odt": b"PK\x03\x04odt",
        "broken.json": b'{"project_id": "0001", ',
        "contacts.csv": b"name,phone\nAwa,123\n",
        "cp1252-report.txt": text.replace("\u2002", " ").encode("cp1252", errors="replace"),
        "utf16-report.txt": text.encode("utf-16"),
        "same-report-other-name.txt": SEED.read_bytes(),
        "same-report-again.txt": SEED.read_bytes(),
    }
    good = _zip(_docx_parts(b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body/></w:document>'))
    files["truncated.docx"] = b"PK\x03\x04" + good[4:40]
    declared = bytearray(good)
    central = declared.rfind(b"PK\x01\x02")  # central directory entry: patch its uncompressed size to 3 GB
    declared[central + 24 : central + 28] = struct.pack("<I", 3_000_000_000)
    files["zip-bomb-declared.docx"] = bytes(declared)
    files["zip-bomb-real.docx"] = _real_bomb()
    files["xxe.docx"] = _zip(_docx_parts(b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                         b'<w:document xmlns:w="x"><w:body>&x;</w:body></w:document>'))
    laughs = b'<!DOCTYPE l [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    files["billion-laughs.xlsx"] = _zip({"[Content_Types].xml": b"<Types/>",
                                         "xl/worksheets/sheet1.xml": b'<?xml version="1.0"?>' + laughs + b"<worksheet/>"})
    files["too-many-parts.docx"] = _zip({f"word/part{i}.xml": b"<x/>" for i in range(2500)})
    files["not-word-inside.docx"] = _zip({"hello.txt": b"hello"})
    files["word-named.pdf"] = good
    files["photo-scan.pdf"] = _photo_pdf()
    files["million-rows.xlsx"] = _million_rows()
    files["fifty-megabytes.txt"] = (text.encode("utf-8") * (50 * 1024 * 1024 // len(text.encode("utf-8")) + 1))
    files["contacts.xlsx"] = _workbook([["Name", "Phone"], ["Awa", "+223"]])
    files["semicolon-export.csv"] = ("Organisation;Budget approuvé;Dépenses\r\nPNUD;1 000,50;n/c\r\n").encode("cp1252")
    files["shifted-columns.txt"] = text.replace(
        "\tIndicateur 1.1.2\n\nDisponibilité d’une expertise technique permanente au sein du secrétariat permanent sur "
        "le nexus humanitaire-paix et développement\n\t0\n\t1\n\t1\n\t1\n", "\tIndicateur 1.1.2\n\nDisponibilité\n\t0\n\t1\n"
    ).encode("utf-8")
    header = "\tIndicateurs\n\tBase de données\n\tCible de fin de projet\n\tEtapes d’indicateur/ Milestone\n"
    files["missing-header.txt"] = text.replace(header, "").encode("utf-8")
    files["odd-numbers.txt"] = text.replace("\t15 dont 6 femmes", "\t1e309").replace("\t16\n", "\tNaN\n").replace(
        "\t9\n", "\t-5 %\n").replace("\t24\n", "\t١٢٣\n").encode("utf-8")
    files["duplicate-codes.txt"] = text.replace("\tIndicateur 1.2.2", "\tIndicateur 1.2.1").encode("utf-8")
    files["shopping-list.txt"] = b"Shopping list\n- milk\n- 2 kg of rice\n- 12 eggs\nBudget: 25 000 FCFA\n"
    files["steering-minutes.txt"] = (b"Minutes of the steering committee\nPays : Niger\nTitre du projet : Jeunes et paix\n"
                                     b"Present: 12 members\n")
    files["canteen-progress-report.txt"] = (b"Canteen progress report\nMeals served: 1 200\nNew fridge: 450 USD\n"
                                            )
    files["letter.docx"] = _word_letter()
    files["newsletter.pdf"] = _pdf([b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                                    b"/Resources << /Font << /F1 5 0 R >> >> >>",
                                    _stream(b"BT /F1 14 Tf 72 760 Td (Youth club newsletter, March 2021) Tj 0 -24 Td "
                                            b"(Football tournament: 16 teams, 240 players.) Tj 0 -24 Td "
                                            b"(Next meeting on 12 April at the town hall.) Tj ET"),
                                    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])
    for name, data in files.items():
        (folder / name).write_bytes(data)
    assert set(files) == set(KINDS), set(KINDS) ^ set(files)
    return KINDS


def _photo_pdf() -> bytes:
    """A scanned photo, no writing on it: an image-only PDF page of soft shapes."""
    from PIL import Image, ImageDraw, ImageFilter

    image = Image.linear_gradient("L").resize((850, 1100))
    draw = ImageDraw.Draw(image)
    draw.ellipse((200, 300, 600, 700), fill=40)
    draw.rectangle((100, 800, 700, 1000), fill=200)
    out = io.BytesIO()
    image.filter(ImageFilter.GaussianBlur(6)).save(out, "PDF", resolution=100)
    return out.getvalue()


def _stream(content: bytes, flate: bool = False) -> bytes:
    flt = b" /Filter /FlateDecode" if flate else b""
    return b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(content), flt, content)


def _pdf(pages_and_streams: list[bytes], trailer: bytes = b"") -> bytes:
    """A small PDF: catalog, page tree, the given page (object 3) and its content stream (object 4)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"] + pages_and_streams
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def _word_letter() -> bytes:
    """A real Word document that is a letter, not a report."""
    import docx

    document = docx.Document()
    document.add_heading("Invitation", level=1)
    document.add_paragraph("Dear colleagues, please join us on 12 April 2021 for the partners' breakfast.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Time", "Place"
    table.cell(1, 0).text, table.cell(1, 1).text = "08:30", "UN House, Bamako"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _real_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", b"<Types/>")
        with package.open("word/document.xml", "w") as stream:
            chunk = b"\x00" * (1 << 20)
            for _ in range(400):  # 400 MB of zeros, about 400 KB compressed
                stream.write(chunk)
    return buffer.getvalue()


def _workbook(rows: list[list]) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _million_rows() -> bytes:
    """A workbook whose sheet holds 1,000,000 rows, written as XML directly (openpyxl would take minutes)."""
    rows = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (i, i, i) for i in range(1, 1_000_001))
    sheet = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             b'spreadsheetml/2006/main"><dimension ref="A1:A1000000"/><sheetData>' + rows + b"</sheetData></worksheet>")
    template = io.BytesIO(_workbook([["x"]]))
    buffer = io.BytesIO()
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, sheet if item.filename == "xl/worksheets/sheet1.xml" else source.read(item))
    return buffer.getvalue()


if __name__ == "__main__":
    make(Path(sys.argv[1]))
    print(f"{len(KINDS)} files written to {sys.argv[1]}")
