"""PDF copies of the seed reports for the parse benchmark: each seed made into a Word file with
real tables (tests/variants/word.py), then printed to PDF by LibreOffice, as a user would export
it. Needs `soffice`; without it the PDF rows are left out and say so."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.variants.english import to_english
from tests.variants.word import to_docx


def pdf_copies(seeds: list[Path], ruled: bool = True) -> list[tuple[str, bytes, int]] | None:
    """(name, PDF bytes, pages) for each seed report with a results table, French and English, its
    tables ruled or with every border removed; None without soffice."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    import pypdfium2

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        for seed in seeds:
            text = seed.read_text(encoding="utf-8")
            for language, version in (("fr", text), ("en", to_english(text))):
                try:
                    (out / f"{seed.stem}.{language}.docx").write_bytes(to_docx(version, seed.name, ruled=ruled))
                except ValueError:
                    continue  # no results table to lay out (final review, project profile)
        names = sorted(str(p) for p in out.glob("*.docx"))
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{folder}/profile", "--convert-to", "pdf",
                        "--outdir", folder, *names], check=True, capture_output=True, timeout=300)
        copies = []
        for path in sorted(out.glob("*.pdf")):
            data = path.read_bytes()
            copies.append((path.name, data, len(pypdfium2.PdfDocument(data))))
        return copies
