"""OCR speed: seconds per scanned page, on one core and on all of them. A seed report laid out as
a Word file, printed to PDF by LibreOffice and scanned by tests/variants/scan.py (200 dpi, turned
0.6°, speckled); its pages read by loaders/formats/pdf_ocr.py as the parse would, without the
cache. Needs `soffice` and Tesseract; without them the rows say so."""
from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

from bench.pdf_copies import pdf_copies
from loaders.formats import pdf_ocr
from loaders.formats.pdf_layout import PDFIUM_LOCK, open_document
from tests.variants.scan import to_scan


def ocr_rows(seed: Path, pages: int, runs: int) -> list[dict]:
    """`ocr:page` rows: median seconds per page with LENS_OCR_WORKERS=1 and with every core."""
    if pdf_ocr.tesseract_version() is None:
        return [{"name": "ocr:page", "n": 0, "median_s": 0.0, "p90_s": 0.0, "runs": 0, "skipped": "tesseract missing"}]
    copies = pdf_copies([seed])
    if not copies:
        return [{"name": "ocr:page", "n": 0, "median_s": 0.0, "p90_s": 0.0, "runs": 0, "skipped": "soffice missing"}]
    scan = to_scan(copies[0][1], pages=pages)  # only the pages read
    with PDFIUM_LOCK:
        pdf = open_document(scan)
    numbers = list(range(1, min(pages, len(pdf)) + 1))
    rows = []
    try:
        for label, workers in (("1 core", "1"), ("all cores", str(os.cpu_count() or 1))):
            os.environ["LENS_OCR_WORKERS"] = workers
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                pdf_ocr.ocr_pages(pdf, numbers, seed.name)  # no key: nothing cached between runs
                times.append((time.perf_counter() - started) / len(numbers))
            rows.append({"name": f"ocr:page ({label})", "n": len(numbers), "median_s": round(statistics.median(times), 3),
                         "p90_s": round(max(times), 3), "runs": runs, "workers": int(workers),
                         "pages_per_min": round(60 / statistics.median(times), 1)})
    finally:
        os.environ.pop("LENS_OCR_WORKERS", None)
        with PDFIUM_LOCK:
            pdf.close()
    return rows
