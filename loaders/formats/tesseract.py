"""Tesseract, the OCR engine, called through pytesseract: whether it is installed with its French
and English data, and the words it reads on an image — each with its box (points) and its
confidence (0–100), which the PDF reader keeps so that doubtful figures can be named."""
from __future__ import annotations

import os
import shutil

from PIL import Image

# French alone: its model has every letter an English report uses, and the English reports quote French
# indicators. On the 12 scanned variants (LENS_ALL_SCANS=1) it read 3,349 of 3,386 gold points against
# 3,338 with "fra+eng", no money figure wrong either way, and took 18–23 % less time (two models try each word).
LANGUAGES = "fra"
MIN_CONFIDENCE = 80  # Tesseract word confidence below which a figure is listed as uncertain
INSTALL_HINT = ("install Tesseract with its French and English data (Debian/Ubuntu: "
                "`apt-get install tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng`; macOS: `brew install tesseract "
                "tesseract-lang`), then read the file again")
_RULE_ARTIFACT = set("|![]_")  # what Tesseract makes of a rule's remains: not a word
_FOUND: list[str] = []  # the version, once found (a missing Tesseract is looked for again next time)


def tesseract_version() -> str | None:
    """Tesseract's version, or None when it is not installed (or lacks the French or English data)."""
    import pytesseract

    if _FOUND:
        return _FOUND[0]
    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        return None
    try:
        languages = set(pytesseract.get_languages(config=""))
        version = str(pytesseract.get_tesseract_version())
    except (pytesseract.TesseractNotFoundError, OSError, RuntimeError):
        return None
    if not {"fra", "eng"} <= languages:
        return None
    _FOUND.append(version)
    return version


def words_in(image: Image.Image, dpi: int, block: bool = False, digits: bool = False) -> list[dict]:
    """Tesseract's words with their boxes (points), confidence and line (block, paragraph, line);
    `block` reads the image as one block of text (a cell, a patch), `digits` as figures only."""
    import pytesseract

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one core per page: pages run side by side
    data = pytesseract.image_to_data(image, lang=LANGUAGES, config=f"--dpi {dpi} --psm {6 if block else 3}"
                                     + (" -c tessedit_char_whitelist=0123456789%" if digits else ""),
                                     output_type=pytesseract.Output.DICT)
    scale = 72 / dpi
    words = []
    for k, text in enumerate(data["text"]):
        text, conf = (text or "").strip(), float(data["conf"][k])
        if not text or conf < 0 or set(text) <= _RULE_ARTIFACT:
            continue
        left, top = data["left"][k], data["top"][k]
        words.append({"text": text, "x0": left * scale, "x1": (left + data["width"][k]) * scale, "top": top * scale,
                      "bottom": (top + data["height"][k]) * scale, "conf": conf,
                      "line": (data["block_num"][k], data["par_num"][k], data["line_num"][k])})
    return words
