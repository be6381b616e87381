"""Heavy work off the page (issue 26): reading files (a preview, OCR of a scan), storing them and
bringing an older store up to date run in a worker process the app owns, never in the thread that
serves a page; so a long parse in one session leaves the interpreter, and its lock, to the others.

The worker is a `concurrent.futures.ProcessPoolExecutor` started with `spawn` (a fork of a
process running Streamlit's threads may copy a held lock) and `LENS_WORKERS` processes (default 1:
on two cores one stays for the pages). Why a process pool and not a job queue (RQ, Celery, Huey):
Lens runs as one process on one machine beside one store file; the pool is in the standard
library, a job's result comes back through its Future, a worker that dies is a
`BrokenProcessPool` the page can name in one line, and there is no broker to install, run and
watch. Jobs from several sessions queue in the pool; writes are serialised by the store's one lock
in any case (loaders/store/lock.py), and each write refreshes the metric tables as in the app
(the worker installs the same hook at start).

Progress travels through a small JSON file per job, replaced whole at each step (never read half
written): `{"done": 3, "total": 50, "file": "x.docx", "pages_done": 2, "pages": 31, "waiting":
false}` (`waiting` while another write holds the store's lock); the page
reads it to draw its progress bar. This module holds no Streamlit: the worker imports it."""
from __future__ import annotations

import inspect
import json
import multiprocessing
import os
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import spawn
from pathlib import Path

from loaders.store.lock import set_wait_notice

_POOL: ProcessPoolExecutor | None = None
_POOL_LOCK = threading.Lock()
Progress = Callable[[dict], None]


def workers() -> int:
    """How many worker processes (LENS_WORKERS, default 1)."""
    try:
        return max(1, int(os.environ.get("LENS_WORKERS") or 1))
    except ValueError:
        return 1


def _start() -> None:
    """In each new worker: the app's writes refresh the metric tables there too."""
    from metrics.materialize import install

    install()


def _without_main(name: str) -> dict:
    """What a new worker is told to prepare, less the `__main__` module. Streamlit runs each page as a
    module named `__main__` (sys.modules), so `spawn` would run the page that started the job again in
    the worker; the worker's functions live in importable modules and need no `__main__`."""
    data = _PREPARATION(name)
    data.pop("init_main_from_path", None)
    data.pop("init_main_from_name", None)
    return data


_PREPARATION = spawn.get_preparation_data


def _pool() -> ProcessPoolExecutor:
    """The app process's pool, started at the first job; a new one if the last one broke."""
    global _POOL
    spawn.get_preparation_data = _without_main  # this process starts no other spawned process
    with _POOL_LOCK:
        if _POOL is None or getattr(_POOL, "_broken", False):
            _POOL = ProcessPoolExecutor(workers(), mp_context=multiprocessing.get_context("spawn"), initializer=_start)
        return _POOL


@dataclass
class Job:
    """One piece of work sent to the worker: its Future and where its progress is written."""

    future: Future
    progress_file: Path
    started: float = field(default_factory=time.monotonic)

    def done(self) -> bool:
        return self.future.done()

    def progress(self) -> dict:
        """The last step the worker wrote ({} before the first)."""
        try:
            return json.loads(self.progress_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def result(self):
        """The job's result; its error raised here (a worker that died: `WorkerDied`)."""
        try:
            return self.future.result()
        except BrokenProcessPool as error:
            raise WorkerDied(str(error) or "the worker process stopped") from error
        finally:
            self.progress_file.unlink(missing_ok=True)


class WorkerDied(RuntimeError):
    """The worker process ended while doing the job (killed, out of memory)."""


def submit(function: Callable, *args, **kwargs) -> Job:
    """Run `function(*args, **kwargs)` in the worker; returns at once. A function with a `progress`
    parameter is given a `progress(done, total, name)` callback (ingest's); OCR reports its pages."""
    progress_file = Path(tempfile.gettempdir()) / f"lens-job-{uuid.uuid4().hex}.json"
    try:
        future = _pool().submit(_run, function, str(progress_file), args, kwargs)
    except BrokenProcessPool:  # the pool broke since it was last used: one more try on a new one
        future = _pool().submit(_run, function, str(progress_file), args, kwargs)
    return Job(future, progress_file)


def wait(job: Job, shown: Progress | None = None, every: float = 0.25):
    """Wait for a job in this thread (which holds no lock while it sleeps), passing each new step to
    `shown`; returns its result or raises its error."""
    last = None
    while not job.future.done():
        step = job.progress()
        if shown is not None and step and step != last:
            shown(step)
            last = step
        time.sleep(every)
    return job.result()


def run(function: Callable, *args, shown: Progress | None = None, **kwargs):
    """`submit` then `wait`: the work done in the worker while this thread waits."""
    return wait(submit(function, *args, **kwargs), shown)


def _takes_progress(function: Callable) -> bool:
    try:
        return "progress" in inspect.signature(function).parameters
    except (TypeError, ValueError):  # a builtin without a signature
        return False


def _run(function: Callable, progress_file: str, args: tuple, kwargs: dict):
    """In the worker: call the function with callbacks that write each step to the progress file."""
    from loaders.formats.pdf_ocr import PAGE_PROGRESS  # the readers, imported in the worker only

    step: dict = {}
    path = Path(progress_file)

    def write(**changes) -> None:
        step.update(changes)
        temporary = path.with_suffix(".part")
        temporary.write_text(json.dumps(step), encoding="utf-8")
        temporary.replace(path)

    def files(done: float, total: int, name: str) -> None:
        write(done=done, total=total, file=name, pages_done=None, pages=None)

    def pages(done: int, total: int) -> None:
        write(pages_done=done, pages=total)

    set_wait_notice(lambda waiting: write(waiting=waiting))  # another write holds the store: the page says so
    token = PAGE_PROGRESS.set(pages)
    try:
        if _takes_progress(function):
            kwargs = {**kwargs, "progress": files}
        return function(*args, **kwargs)
    finally:
        PAGE_PROGRESS.reset(token)
