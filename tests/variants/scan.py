"""A PDF as a scanner would return it: each page rasterised by PDFium, turned a little, speckled
with noise and rebuilt as an image-only PDF (JPEG pages, no text layer), so only OCR can read it."""
from __future__ import annotations

import io

import numpy as np
import pypdfium2 as pdfium
from PIL import Image


def to_scan(data: bytes, dpi: int = 200, angle: float = 0.6, noise: float = 10.0, seed: int = 1,
            pages: int | None = None) -> bytes:
    """`data` (a PDF) scanned at `dpi`, turned `angle` degrees counter-clockwise, with Gaussian noise;
    its first `pages` pages only when given."""
    rng = np.random.default_rng(seed)
    pdf = pdfium.PdfDocument(data)
    images = []
    try:
        for number, page in enumerate(pdf):
            if pages is not None and number >= pages:
                page.close()
                break
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
            speckled = np.asarray(image, dtype=np.float32) + rng.normal(0, noise, (image.height, image.width))
            images.append(Image.fromarray(np.clip(speckled, 0, 255).astype(np.uint8)))
            page.close()
    finally:
        pdf.close()
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:], quality=75)
    return out.getvalue()
