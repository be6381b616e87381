"""The Data page's file uploader in the page's language. Streamlit writes the uploader's button
("Upload") and its limits line ("50MB per file • TXT, …") in English whatever the page, and offers
no text of its own for them; on a page in another language a style sheet keyed on the widget
writes them from the catalog instead (the drop zone and the list of chosen files stay Streamlit's own)."""
from __future__ import annotations

import streamlit as st

from ui.i18n import t
from ui.language import current

KEY = "lens-upload"  # the widget's key; Streamlit gives its container the class `st-key-lens-upload`
_ZONE = f".st-key-{KEY} [data-testid='stFileUploaderDropzone']"


def own_texts(types: list[str], limit_mb: int) -> tuple[str, str]:
    """The button's word and the limits line in the page's language (`Importer`, `200 Mo par fichier • TXT, …`)."""
    return t("uploader.button"), t("uploader.limits").format(limit=limit_mb) + " • " + ", ".join(
        kind.upper() for kind in types)


def _style(button: str, limits: str) -> str:
    def css_text(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    return (f"<style>{_ZONE} button [data-testid='stMarkdownContainer'] p {{font-size: 0}}"
            f"{_ZONE} button [data-testid='stMarkdownContainer'] p::after {{content: {css_text(button)};"
            " font-size: 0.875rem}"
            f"{_ZONE} [data-testid='stFileUploaderDropzoneInstructions'] span {{font-size: 0}}"
            f"{_ZONE} [data-testid='stFileUploaderDropzoneInstructions'] span::after {{content: {css_text(limits)};"
            " font-size: 0.875rem}</style>")


def uploader(label: str, types: list[str], help_text: str) -> list:
    """`st.file_uploader` for several files, its own words in the page's language."""
    language = current()
    if language != "en":  # Streamlit writes its own words in English
        st.html(_style(*own_texts(types, int(st.get_option("server.maxUploadSize")))))
    return st.file_uploader(label, type=types, accept_multiple_files=True, help=help_text, key=KEY)
