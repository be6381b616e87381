"""The interface language of the run being drawn, read in one place.

The language toggle (`ui.context.render_language`) chooses it once per script run and `speak`s it;
every label, number, date and sentence helper reads it with `current()` instead of having it passed
down through each call. A helper may still be given a language explicitly (the catalog tool, the
command line, tests); `speaking(language)` sets it for a block outside a page run."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

LANGUAGES = ("en", "fr")
DEFAULT = "en"

_CHOSEN: ContextVar[str | None] = ContextVar("lens_language", default=None)
# The language last spoken by any run of this process: what a widget's `format_func` reads when a
# test harness (Streamlit's AppTest) calls it from its own thread after the run. A page never reads
# it: its run has chosen a language, or its session has.
_LAST_SPOKEN = [DEFAULT]


def speak(language: str) -> None:
    """The language of this run from now on (a page run sets it once, before drawing anything)."""
    chosen = language if language in LANGUAGES else DEFAULT
    _CHOSEN.set(chosen)
    _LAST_SPOKEN[0] = chosen


def forget() -> None:
    """Back to English outside any run (between two tests)."""
    _CHOSEN.set(None)
    _LAST_SPOKEN[0] = DEFAULT


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """`language` inside the block, the earlier choice after it."""
    token = _CHOSEN.set(language if language in LANGUAGES else DEFAULT)
    try:
        yield
    finally:
        _CHOSEN.reset(token)


def current() -> str:
    """The language chosen for this run; in a Streamlit callback or thread that has not set it, the
    session's choice; outside any page, the language last spoken (English before any)."""
    chosen = _CHOSEN.get()
    if chosen is not None:
        return chosen
    return _session_language() or _LAST_SPOKEN[0]


def _session_language() -> str | None:
    try:
        from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx
    except ImportError:  # pragma: no cover - another Streamlit layout
        return None
    ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is None:
        return None
    import streamlit as st

    language = st.session_state.get("lens_language")
    return language if language in LANGUAGES else None
