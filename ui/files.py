"""What the Data page does with files, for the page: preview, keep, store (each write refreshes the
metric tables: ui/context.py installs that) and remove. Pages reach the loaders only through here."""
from __future__ import annotations

from loaders.uploads import preview, preview_files, remove_file, save_upload, store_uploads

__all__ = ["preview", "preview_files", "remove_file", "save_upload", "store_uploads"]
