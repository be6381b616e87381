"""Down to the source: the passage a figure or an indicator was read from, shown from the kept
original (an upload kept under data/uploads by its SHA-256, or a bundled sample) — a text
export's lines with the one named marked, a Word table's header and row, a PDF page drawn with
the place outlined. A file ingested from the command line is not kept: the page says so."""
from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pandas as pd
import streamlit as st
from PIL import Image, ImageDraw

from loaders.formats.passage import passage
from ui.i18n import t

OUTLINE = (214, 39, 40)  # the page's red
BAND = 260  # pixels of the page shown above and below the place outlined


def uploads_folder() -> Path:
    """Where the Data page keeps uploaded files (LENS_UPLOADS, default data/uploads)."""
    return Path(os.environ.get("LENS_UPLOADS", "data/uploads"))


def original(sha256: str, file_name: str) -> bytes | None:
    """The file's bytes, if Lens kept it: an upload, or a bundled sample of the same content."""
    path = _kept(sha256, file_name)
    return path.read_bytes() if path else None


def _kept(sha256: str, file_name: str) -> Path | None:
    for path in sorted(uploads_folder().glob(f"{sha256}.*")):
        return path
    sample = Path(os.environ.get("LENS_SAMPLES", "data/samples")) / Path(file_name).name
    if sample.is_file() and hashlib.sha256(sample.read_bytes()).hexdigest() == sha256:
        return sample
    return None


@st.cache_data(max_entries=32, show_spinner=False)
def _cut(path: str, sha256: str, file_name: str, location: str, needle: str):
    data = Path(path).read_bytes()
    if hashlib.sha256(data).hexdigest() != sha256:
        return "no_passage"
    try:
        return passage(data, file_name, location, needle) or "no_passage"
    except Exception:  # a damaged original: say so rather than fail the page
        return "no_passage"


def show_passage(sha256: str, file_name: str, location: str, needle: str = "") -> None:
    """The passage at `location` in the file, as the file has it (looked for at each run, so a file
    uploaded since is found; the passage itself is cached)."""
    path = _kept(sha256, file_name)
    found = _cut(str(path), sha256, file_name, location, needle) if path else "not_kept"
    if isinstance(found, str):
        st.caption(t(f"passage.{found}"))
        return
    if found.kind == "lines":
        width = len(str(found.lines[-1][0]))
        st.code("\n".join(f"{'▶' if number == found.target else ' '} {number:>{width}}  {text}"
                          for number, text in found.lines), language=None, wrap_lines=True)
    elif found.kind == "row":
        columns = found.header if len(found.header) == len(found.row) else [str(k + 1) for k in range(len(found.row))]
        frame = pd.DataFrame([found.row], columns=_unique(columns))
        styled = frame.style.apply(lambda col: ["background-color: #fde2e1" if frame.columns.get_loc(col.name) == found.target
                                                else "" for _ in col])
        st.dataframe(styled, hide_index=True)
    else:
        image = Image.open(io.BytesIO(found.image)).convert("RGB")
        if found.box:
            ImageDraw.Draw(image).rectangle(found.box, outline=OUTLINE, width=3)
            top = max(0, int(found.box[1]) - BAND)  # the part of the page around the place, not the whole page
            image = image.crop((0, top, image.width, min(image.height, int(found.box[3]) + BAND)))
        st.image(image, caption=t("passage.page").format(page=found.page), width=760)


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out
