"""A page's view of the work it sent to the worker process (ui/worker.py): the job is kept in the
person's session under a name (`preview`, `store`), a progress bar redrawn every half second by a
fragment (the rest of the page is not rerun) says which file, and which page of a scan, is being
read, in the page's language; when the job ends the whole page runs again and takes its result
once. A job that fails says so in one line (ui/writes.py)."""
from __future__ import annotations

import streamlit as st

from ui import worker
from ui.i18n import t

_JOBS = "lens-jobs"  # session state: name → (what it is working on, Job)


def start(name: str, about, function, *args, **kwargs) -> None:
    """Send `function(*args, **kwargs)` to the worker as this session's job `name`, working on `about`
    (what the page compares to know the job is still the one it wants: the files and project)."""
    st.session_state.setdefault(_JOBS, {})[name] = (about, worker.submit(function, *args, **kwargs))


def about(name: str):
    """What this session's job `name` works on, or None when there is none."""
    kept = st.session_state.get(_JOBS, {}).get(name)
    return None if kept is None else kept[0]


def follow(name: str) -> tuple[bool, object]:
    """(finished, result) of this session's job `name`: (False, None) while it runs, its progress
    drawn where the page calls this; (True, result) once, on the run after it ended (its error
    raised there). A page calls it on every run while `about(name)` is not None."""
    kept = st.session_state.get(_JOBS, {}).get(name)
    if kept is None:
        return False, None
    job = kept[1]
    if job.done():
        del st.session_state[_JOBS][name]
        return True, job.result()
    _progress(name)
    return False, None


@st.fragment(run_every=0.5)
def _progress(name: str) -> None:
    kept = st.session_state.get(_JOBS, {}).get(name)
    if kept is None or kept[1].done():
        st.rerun(scope="app")  # the page takes the result
        return
    step = kept[1].progress()
    st.progress(fraction(step), text=step_text(step))


def fraction(step: dict) -> float:
    """How far the job is, 0 to 1 (a scan's pages counted within its file)."""
    total = step.get("total") or 0
    if not total:
        return 0.0
    done = float(step.get("done") or 0)
    if step.get("pages"):  # inside a scan: the file's share of the way, page by page
        done += step["pages_done"] / step["pages"]
    return max(0.0, min(1.0, done / total))


def step_text(step: dict) -> str:
    """`Reading the scan x.pdf by OCR: page 3 of 31` / `2/50 · x.docx` / `Reading the files…`, in the page's language."""
    if step.get("waiting"):
        return t("waiting_write")
    if step.get("pages"):
        return t("ocr_pages").format(file=step.get("file") or "…", done=step["pages_done"], pages=step["pages"])
    if step.get("total"):  # ingest names a scan's page itself: `x.pdf · OCR 3/31`
        return f"{int(step.get('done') or 0)}/{step['total']} · {step.get('file') or ''}"
    return t("reading_files")
