"""Reading files for a person in the app: while a scan's pages go through OCR, a progress bar
says which page of which file, in the page's language, and goes away when the file is read."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from loaders.formats.pdf_ocr import PAGE_PROGRESS
from ui.i18n import t


@contextmanager
def pages_shown(name: str) -> Iterator[None]:
    """Within this block, OCR of a scan shows `Reading the scan of NAME by OCR: page 3 of 31`."""
    bar = None

    def show(done: int, pages: int) -> None:
        nonlocal bar
        text = t("ocr_pages").format(file=name, done=done, pages=pages)
        bar = bar or st.progress(0.0, text=text)
        bar.progress(done / max(pages, 1), text=text)

    token = PAGE_PROGRESS.set(show)
    try:
        yield
    finally:
        PAGE_PROGRESS.reset(token)
        if bar is not None:
            bar.empty()
