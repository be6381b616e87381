"""Scanned PDF pages read by OCR: each page without a text layer is rendered by PDFium at
`DPI`, straightened (its skew measured from the ink's line profile), its ruling lines found in
the pixels and handed to the same table algorithm as a vector PDF's, then blanked out so
Tesseract reads only the words. The page comes back as a `PageLayout` like any other, each word
keeping Tesseract's confidence (`conf`, 0–100), so the same PDF reader builds its paragraphs and
tables and the parse can name the numbers read with low confidence.

Pages are read in parallel, one Tesseract process per core (`LENS_OCR_WORKERS` caps it). The
engine is called in loaders/formats/tesseract.py, the pixels handled in scan_pixels.py, and the
second readings where Tesseract slips in ocr_rereads.py."""
from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextvars import ContextVar

import numpy as np
from PIL import Image

from loaders.errors import UnreadableFile
from loaders.formats.ocr_rereads import as_figure, cells_read_again, line_lean, lone_mark, missed_ink
from loaders.formats.pdf_layout import PDFIUM_LOCK, PageLayout, tables_from_edges
from loaders.formats.scan_pixels import find_rules, ink_threshold, skew_angle
from loaders.formats.tesseract import INSTALL_HINT, MIN_CONFIDENCE, tesseract_version, words_in

DPI = 200  # render resolution: Tesseract reads 10–11 pt report text well from 200 dpi on
_LIKE_A_DIGIT = re.compile(r"[lIioOsSzZbBgq|!\[\]]{1,3}")  # `l` for 1, `O` for 0, `S` for 5…
_CACHED_DOCUMENTS = 8
_CACHE: OrderedDict[str, dict[int, PageLayout]] = OrderedDict()
_CACHE_LOCK = threading.Lock()
PageProgress = Callable[[int, int], None]
# `progress(pages done, pages)` while a scan is read, set by whoever reads files for a person (ingest, upload)
PAGE_PROGRESS: ContextVar[PageProgress | None] = ContextVar("page_progress", default=None)


def ocr_pages(pdf, numbers: list[int], name: str, key: str = "", progress: PageProgress | None = None
              ) -> dict[int, PageLayout]:
    """The layouts of the given pages (1-based) of an open PDFium document, read by OCR. The last
    few documents' pages are kept by `key` (the file's sha256): the app previews an upload, then
    stores it, and reruns its page on every click; a scan is read once."""
    with _CACHE_LOCK:
        if key and key in _CACHE and set(numbers) <= set(_CACHE[key]):
            _CACHE.move_to_end(key)
            return {number: _CACHE[key][number] for number in numbers}
    if tesseract_version() is None:
        raise UnreadableFile("this PDF is a scan (pages with no text layer) and Tesseract, which reads scans, "
                             "is not installed", name, hint=INSTALL_HINT)
    def one(number: int) -> PageLayout:
        with PDFIUM_LOCK:
            page = pdf[number - 1]
            try:
                image = page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
            finally:
                page.close()
        return read_page_image(image)

    report = progress or PAGE_PROGRESS.get()
    layouts: dict[int, PageLayout] = {}
    workers = max(1, min(len(numbers), int(os.environ.get("LENS_OCR_WORKERS") or 0) or os.cpu_count() or 1))
    with ThreadPoolExecutor(workers, thread_name_prefix="ocr") as pool:
        futures = {pool.submit(one, number): number for number in numbers}
        for done, future in enumerate(as_completed(futures), start=1):
            try:
                layouts[futures[future]] = future.result()
            except (OSError, RuntimeError) as error:  # pytesseract's errors are RuntimeErrors and OSErrors
                raise UnreadableFile(f"OCR stopped on page {futures[future]} of this scan ({type(error).__name__}: "
                                     f"{str(error).strip()[:120]})", name, hint=INSTALL_HINT) from error
            if report:  # called from the caller's thread (a Streamlit page may only be updated from there)
                report(done, len(numbers))
    if key:
        with _CACHE_LOCK:
            _CACHE[key] = layouts
            while len(_CACHE) > _CACHED_DOCUMENTS:
                _CACHE.popitem(last=False)
    return layouts


def read_page_image(image: Image.Image, dpi: int = DPI) -> PageLayout:
    """One page image (grayscale) as words with confidences and ruled tables, in points. The page
    is straightened by its ink's profile; if Tesseract's own lines still lean (a page of scattered
    columns can fool the profile), it is turned by what they show and read once more, and the
    reading with the higher mean confidence is kept."""
    original, readings = image, []
    angle = skew_angle(np.asarray(image))
    for _ in range(2):
        turned = original.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255) if abs(angle) >= 0.05 \
            else original
        pixels = np.asarray(turned)
        ink = pixels < ink_threshold(pixels)
        edges, rules = find_rules(ink, dpi)
        if rules.any():
            pixels = pixels.copy()
            pixels[rules] = 255  # Tesseract reads a rule as `|` or `_`, or joins it to the letters beside it
        words = words_in(Image.fromarray(pixels), dpi)
        readings.append((np.mean([w["conf"] for w in words]) if words else 0.0, pixels, ink, edges, rules, words))
        lean = line_lean(words)
        if abs(lean) < 0.1:
            break
        angle += lean
    _, pixels, ink, edges, rules, words = max(readings, key=lambda reading: reading[0])  # the surer reading
    image = Image.fromarray(pixels)
    tables = tables_from_edges(edges)
    words = [as_figure(image, w, dpi) if lone_mark(w, words) else w for w in words]
    words += missed_ink(pixels, ink & ~rules, words, dpi)
    return PageLayout(cells_read_again(pixels, tables, words, dpi), tables, has_images=True)


def mark_uncertain(paragraphs: list, words_by_page: dict[int, list[dict]]) -> None:
    """Each paragraph of an OCR'd page that holds a figure lists the words in it that Tesseract read
    with less than `MIN_CONFIDENCE` and that are, or could be, a figure: a word with a digit, or a
    short one made of digit look-alikes (`l` for `1`, `O` for `0`). `Paragraph.uncertain` holds
    each as (the text read, its confidence)."""
    doubtful = {number: [(w["text"], w["conf"]) for w in words if w["conf"] < MIN_CONFIDENCE
                         and (any(c.isdigit() for c in w["text"]) or _LIKE_A_DIGIT.fullmatch(w["text"]))]
                for number, words in words_by_page.items()}
    for paragraph in paragraphs:
        page = re.match(r"page (\d+)", paragraph.location)
        if not page or not any(c.isdigit() for c in paragraph.text):
            continue
        for text, confidence in doubtful.get(int(page.group(1)), []):
            if re.search(rf"(?<![\w.,]){re.escape(text)}(?![\w])", paragraph.text):
                paragraph.uncertain.append((text, round(confidence)))
