"""Writes started from a page: while another write holds the store's lock, a spinner says so
where the page is; a write that gave up waiting says it in one line of the page's language."""
from __future__ import annotations

import contextlib

import streamlit as st

from loaders.errors import LensError
from loaders.store.lock import StoreBusy, set_wait_notice
from ui.i18n import t
from ui.safe_text import md
from ui.worker import WorkerDied

__all__ = ["LensError", "show_waits", "write_error"]  # pages catch a failed write as LensError, through here


def show_waits() -> None:
    """For this page run: a write that has to wait shows a spinner until its turn comes."""
    spinners = contextlib.ExitStack()

    def notice(waiting: bool) -> None:
        if waiting:
            spinners.enter_context(st.spinner(t("waiting_write")))
        else:
            spinners.close()

    set_wait_notice(notice)


def write_error(error: Exception) -> str:
    """The one line a failed write shows: the busy store in the page's language, else the error's own words."""
    if isinstance(error, StoreBusy):
        return t("store_busy")
    if isinstance(error, WorkerDied):
        return t("worker_died")
    if isinstance(error, LensError):
        return md(error.message + (f" — {error.hint}" if error.hint else ""))
    return md(str(error))
