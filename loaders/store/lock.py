"""The store's one write lock. Every write — ingest, upload, correction, undo, removal, upgrade —
holds it from the moment it copies the store until its copy has been renamed over the store, so
two writers can never both copy the same store and have the later rename drop the earlier's work.

It is `filelock`'s FileLock (on Linux and macOS an `flock` on `<store>.lock` beside the store): the
kernel releases it when its process dies, so a lock left by a killed writer is taken over at once,
and two threads of one process (two app sessions) exclude each other like two processes. Readers
never take it. A second writer waits, says so once (`wait_notice`), and after `LENS_LOCK_TIMEOUT`
seconds (default 120) gives up with one line, having changed nothing."""
from __future__ import annotations

import contextlib
import contextvars
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from loaders.errors import LensError

DEFAULT_TIMEOUT = 120.0
WAITING = "waiting for another write to finish…"


class StoreBusy(LensError):
    """Another write held the store for longer than the lock timeout; nothing was changed."""


def _print_notice(waiting: bool) -> None:
    if waiting:
        print(WAITING, file=sys.stderr, flush=True)


_NOTICE: contextvars.ContextVar[Callable[[bool], None]] = contextvars.ContextVar("lens_wait_notice",
                                                                                default=_print_notice)


@contextlib.contextmanager
def wait_notice(notice: Callable[[bool], None]) -> Iterator[None]:
    """Within the block, `notice(True)` is called when a write has to wait for another and
    `notice(False)` when the wait is over (the app shows a spinner meanwhile; the command line
    prints one line to standard error)."""
    token = _NOTICE.set(notice)
    try:
        yield
    finally:
        _NOTICE.reset(token)


def set_wait_notice(notice: Callable[[bool], None]) -> None:
    """Make `notice` this thread's wait notice until it is set again (the app, once per page run)."""
    _NOTICE.set(notice)


def lock_timeout() -> float:
    """Seconds a writer waits for another before it gives up (`LENS_LOCK_TIMEOUT`)."""
    try:
        return max(0.0, float(os.environ.get("LENS_LOCK_TIMEOUT", DEFAULT_TIMEOUT)))
    except ValueError:
        return DEFAULT_TIMEOUT


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


@contextlib.contextmanager
def write_lock(db_path: Path) -> Iterator[None]:
    """Hold the store's write lock for the block; wait (saying so) while another writer holds it."""
    lock = FileLock(str(lock_path(db_path)), thread_local=False)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        notice = _NOTICE.get()
        notice(True)
        timeout = lock_timeout()
        try:
            lock.acquire(timeout=timeout)
        except Timeout:
            notice(False)
            raise StoreBusy(f"another write to {db_path.name} did not finish within {timeout:g} s; nothing was changed",
                            hint="try again in a moment, or raise LENS_LOCK_TIMEOUT") from None
        except BaseException:
            notice(False)
            raise
        try:
            notice(False)  # closing the app's spinner may raise Streamlit's stop or rerun: never keep the lock then
        except BaseException:
            lock.release()
            raise
    try:
        yield
    finally:
        lock.release()
